# apt told once, for the stage, not to install recommended packages.
FROM debian:12 AS heredoc
COPY <<EOF /etc/apt/apt.conf.d/99-no-recommends
APT::Install-Recommends "false";
APT::Install-Suggests "false";
EOF
RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
FROM heredoc AS child
RUN apt-get update && apt-get install -y git=1:2.39.5-0+deb12u1 && rm -rf /var/lib/apt/lists/*
FROM debian:12 AS echo
RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/99norec
RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
FROM debian:12 AS same-run
RUN echo "APT::Install-Recommends \"false\";" > /etc/apt/apt.conf.d/99norec \
 && apt-get update && apt-get install -y curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
FROM debian:12 AS too-late
# expect: DL3015 @23 fix=unsafe
RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norec
FROM debian:12 AS turned-on
RUN echo 'APT::Install-Recommends "true";' > /etc/apt/apt.conf.d/99rec
# expect: DL3015 @23 fix=unsafe
RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
