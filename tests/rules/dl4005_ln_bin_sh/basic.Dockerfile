FROM debian:12
# expect: DL4005 @22 "`ln` replaces `/bin/sh`; choose the shell RUN uses with `SHELL` instead"
RUN ln -sf /bin/bash /bin/sh
# expect: DL4005 @18 "`/usr/bin/sh`"
RUN ln -sfn bash /usr/bin/sh
# expect: DL4005 @23
RUN ln -sfT /bin/bash /bin/sh/
# `/bin/sh` as the target of another link leaves it alone.
RUN ln -s /bin/sh /usr/local/bin/sh && ln -s /bin/sh
# Near misses: other links, other commands, options with values.
RUN ln -sf /usr/bin/python3 /usr/bin/python && cp /bin/bash /tmp/sh && echo /bin/sh
RUN ln -s -t /usr/local/bin /bin/sh
# Values from ARG and ENV.
ARG SHELL_LINK=/bin/sh
ARG OTHER_LINK
# expect: DL4005 @22
RUN ln -sf /bin/bash $SHELL_LINK && ln -sf /bin/bash $OTHER_LINK
# Multi-line, sudo, sh -c.
RUN apt-get update \
# expect: DL4005 @25
    && ln -sf /bin/bash /bin/sh
# expect: DL4005 @27
RUN sudo ln -sf /bin/bash /bin/sh
# expect: DL4005 @29
RUN sh -c 'ln -sf /bin/bash /bin/sh'
# ONBUILD.
# expect: DL4005 @30
ONBUILD RUN ln -sf /bin/bash /bin/sh
# Exec form in an image without a shell: the link gives it one.
FROM gcr.io/distroless/base:debug
RUN ["/busybox/ln", "-s", "/busybox/sh", "/bin/sh"]
