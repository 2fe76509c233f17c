FROM debian:12
# expect: SP502 @10 "an apt source marked `trusted=yes`"
RUN echo "deb [trusted=yes] http://repo.example.com/debian stable main" > /etc/apt/sources.list.d/x.list
# expect: SP502 @66 "`apt-get --allow-unauthenticated`"
RUN apt-get update && apt-get install -y --no-install-recommends --allow-unauthenticated tool
# expect: SP502 @24 "`apt-get --force-yes`"
RUN apt-get install -y --force-yes --no-install-recommends tool
# expect: SP502 @24 "`apt-get -o APT::Get::AllowUnauthenticated=true`"
RUN apt-get install -y -o APT::Get::AllowUnauthenticated=true --no-install-recommends tool
# expect: SP502 @24 "`apk --allow-untrusted`"
RUN apk add --no-cache --allow-untrusted /tmp/tool.apk
# expect: SP502 @14 "`rpm --nosignature`"
RUN rpm -ivh --nosignature /tmp/tool.rpm
# expect: SP502 @12 "`dnf --nogpgcheck`"
RUN dnf -y --nogpgcheck install /tmp/tool.rpm
# expect: SP502 @15 "`zypper` told to skip"
RUN zypper -n --no-gpg-checks install tool
# expect: SP502 @63 "`gpgcheck=0`"
RUN printf '%s\n' '[tool]' 'baseurl=http://repo.example.com/' 'gpgcheck=0' > /etc/yum.repos.d/tool.repo
# expect: SP502 @21
ONBUILD RUN apk add --allow-untrusted /tmp/x.apk
# expect: SP502 @12 "`rpm --noverify`"
RUN rpm -U --noverify /tmp/x.rpm
