FROM debian:12
# sudo, env, sh -c and xargs do not hide apt-get.
# expect: DL3008 @29 "`curl`"
RUN sudo apt-get install -y curl
# expect: DL3008 @59 "`curl`"
RUN env DEBIAN_FRONTEND=noninteractive apt-get install -y curl
# expect: DL3008 @31 "`git`"
RUN sh -c 'apt-get install -y git'
# expect: DL3008 @71 "`man`"
RUN dpkg -l | awk '{print $2}' | xargs apt-get install -y --reinstall man
# Exec form is one command.
# expect: DL3008 @34 "`curl`"
RUN ["apt-get", "install", "-y", "curl"]
# ONBUILD triggers are checked.
# expect: DL3008 @32 "`curl`"
ONBUILD RUN apt-get install -y curl
# Heredocs.
RUN <<EOF
set -e
# expect: DL3008 @20 "`gnupg`"
apt-get install -y gnupg
EOF
# A PowerShell RUN is not read as POSIX shell.
SHELL ["pwsh", "-Command"]
RUN apt-get install -y curl
