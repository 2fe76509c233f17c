FROM ruby:3.3-slim
ARG GEMS="puma rails:7.2.1"
ARG UNSET
ARG BUNDLER_VERSION=2.5.18
# expect: DL3028 @17 "`puma`"
RUN gem install $GEMS
# Unknown values are not reported.
RUN gem install $UNSET "${UNSET}"
RUN gem install bundler:${BUNDLER_VERSION} && gem install bundler -v ${UNSET}
