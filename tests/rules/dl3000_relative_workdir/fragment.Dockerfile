# A fragment: what ran before it is unknown, so a relative WORKDIR is relative to that.
# expect: DL3000 @9 "`WORKDIR` path `app` is relative"
WORKDIR app
