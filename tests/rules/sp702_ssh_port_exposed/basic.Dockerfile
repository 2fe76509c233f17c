FROM debian:12
# expect: SP702 @8 "`EXPOSE 22` opens SSH's port"
EXPOSE 22 8080
# expect: SP702 @8
EXPOSE 20-25/tcp
ARG SSH_PORT=22
# expect: SP702 @8 "`EXPOSE $SSH_PORT`"
EXPOSE $SSH_PORT
# UDP 22 and other ports: no finding.
EXPOSE 22/udp 2222 80
# expect: SP702 @16
ONBUILD EXPOSE 22
