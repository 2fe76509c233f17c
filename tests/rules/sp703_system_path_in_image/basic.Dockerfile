FROM debian:12
# expect: SP703 @8 "`VOLUME /dev/shm/cache` is on `/dev`"
VOLUME /dev/shm/cache
# expect: SP703 @9
VOLUME ["/proc/data"]
# expect: SP703 @9
WORKDIR /sys/
ENV DIR=/proc/x
# expect: SP703 @9 "`WORKDIR $DIR` is on `/proc`"
WORKDIR $DIR
# Look-alikes: no finding.
VOLUME /devices /system /process /var/lib/app
# expect: SP703 @17
ONBUILD WORKDIR /dev/app
