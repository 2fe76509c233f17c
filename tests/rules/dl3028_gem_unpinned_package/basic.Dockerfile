FROM ruby:3.3-slim
# expect: DL3028 @17 "Pin the version of `bundler` (`gem install bundler:<version>`)"
# expect: DL3028 @37 "`rake`"
RUN gem install bundler rake:13.2.1 rake
# -v / --version pins the gem named.
RUN gem install bundler -v 2.5.18 && gem install bundler --version '~> 2.5' && gem install bundler --version=2.5.18
# hadolint takes the word after every option for a value, so it misses `rails` here.
# expect: DL3028 @31
RUN gem install --no-document rails
# Option values are not gems; what follows `--` goes to the extension's build.
# expect: DL3028 @90
RUN gem install -i /usr/local/gems --bindir /usr/local/bin --source https://rubygems.org mysql2 -- --with-mysql-config=/usr/bin/mysql_config
# `gem i` is `gem install`; local .gem files are pinned.
# expect: DL3028 @11
RUN gem i nokogiri && gem install ./pkg/mygem-1.0.0.gem
# Other subcommands.
RUN gem update --system 3.5.20 && gem uninstall rails && gem list && bundle install
# Multi-line, wrappers, exec form, heredocs, ONBUILD.
RUN gem install \
      --no-document \
# expect: DL3028 @7
      puma
# expect: DL3028 @22
RUN sudo gem install puma
# expect: DL3028 @24
RUN sh -c 'gem install puma'
# expect: DL3028 @24
RUN ["gem", "install", "puma"]
RUN <<EOF
# expect: DL3028 @13
gem install puma
EOF
# expect: DL3028 @25
ONBUILD RUN gem install puma
