FROM ubuntu:24.04
# expect: DL3001 @51 "`service` starts or stops a service only until the RUN ends"
RUN apt-get update && apt-get install -y nginx && service nginx start
# expect: DL3001 @5 "`ssh`"
RUN ssh git@example.com
# expect: DL3001 @5 "`vim`"
RUN vim /etc/hosts
# expect: DL3001 @5 "`shutdown`"
RUN shutdown -h now
# expect: DL3001 @5 "`ps`"
# expect: DL3001 @13 "`top`"
# expect: DL3001 @25 "`free`"
# expect: DL3001 @34 "`ifconfig`"
RUN ps aux; top -b -n1; free -m; ifconfig
# expect: DL3001 @5 "`mount`"
RUN mount -t tmpfs tmpfs /mnt
# expect: DL3001 @5 "`kill`"
RUN kill 1
# Uses with a purpose inside the RUN: kill of a job started in the background, a service used
# by the rest of the RUN, vim run as a script.
RUN app --init & sleep 10; kill $!
RUN service postgresql start && psql -c 'CREATE DATABASE app' && service postgresql stop
RUN vim +PlugInstall +qall && vim -es -c 'normal gg=G' -c wq /tmp/file
# Near misses: names as arguments, other commands.
RUN echo ps && which vim && apt-get install -y vim openssh-client procps
RUN ssh-keyscan github.com >> /root/.ssh/known_hosts && pstree
# Multi-line, sudo, paths, sh -c.
RUN apt-get update \
# expect: DL3001 @8
    && service --status-all
# expect: DL3001 @10
RUN sudo service nginx stop
# expect: DL3001 @5
RUN /usr/bin/vim /etc/hosts
# expect: DL3001 @12
RUN sh -c 'ps -ef'
# ONBUILD.
# expect: DL3001 @13
ONBUILD RUN top -b -n1
