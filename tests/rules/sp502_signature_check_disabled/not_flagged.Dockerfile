FROM debian:12
RUN apt-get install -y --no-install-recommends -o APT::Get::AllowUnauthenticated=false tool
RUN echo "deb [signed-by=/usr/share/keyrings/x.gpg] https://repo.example.com/debian stable main" > /etc/apt/sources.list.d/x.list
RUN printf '%s\n' '[tool]' 'gpgcheck=1' 'repo_gpgcheck=0' > /etc/yum.repos.d/tool.repo
RUN apk add --no-cache curl
RUN apt-get purge -y --force-yes tool
RUN echo "deb [ trusted=yes ] file:/tmp/repo ./" > /etc/apt/sources.list.d/local.list
RUN printf '%s\n' '[x]' 'repo_gpgcheck=1' 'gpgcheck=0' > /etc/yum.repos.d/x.repo
