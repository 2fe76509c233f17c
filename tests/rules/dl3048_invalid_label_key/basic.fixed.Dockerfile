FROM alpine:3.20
# expect: DL3048 @7 fix=unsafe "Label key `Description` has upper-case letters"
LABEL description="Nightly build"
# One finding per bad key, each at the key.
# expect: DL3048 @7 fix=none "uses the namespace `com.docker.`, which Docker reserves"
# expect: DL3048 @32 fix=none "`io.docker.x`"
# expect: DL3048 @46 fix=none "`org.dockerproject.y`"
LABEL com.docker.extension=yes io.docker.x=1 org.dockerproject.y=2
# expect: DL3048 @7 "Label key `1st` must start with a lower-case letter"
# expect: DL3048 @15 "Label key `.hidden` must start with a lower-case letter"
# expect: DL3048 @27 "Label key `-x` must start with a lower-case letter"
LABEL 1st=one .hidden=two -x=three
# expect: DL3048 @7 "Label key `trailing.` must end with a lower-case letter or a digit"
# expect: DL3048 @19 "Label key `dash-` must end"
LABEL trailing.=a dash-=b
# expect: DL3048 @7 "Label key `a..b` has consecutive separators `..`"
# expect: DL3048 @14 "has consecutive separators `--`"
LABEL a..b=1 a--b=2
# expect: DL3048 @7 "Label key `bad$char` contains `$`"
# expect: DL3048 @20 "Label key `with:colon` contains `:`"
# expect: DL3048 @33 "Label key `naïve` contains `ï`"
LABEL 'bad$char'=1 with:colon=2 naïve=3
# Valid keys: lower-case reverse DNS, digits, `_` and `/`.
LABEL org.opencontainers.image.title="x" valid-key.label3=foo under_score=1 a/b=2 x=1 x9=2
# Quotes are removed before the key is judged, as BuildKit does.
LABEL "org.example.quoted"="yes" 'single'=1
# expect: DL3048 @7 fix=unsafe "`Quoted`"
LABEL "quoted"="yes"
# The legacy form `LABEL key value`.
# expect: DL3048 @7 fix=unsafe "`MAINTAINER`"
LABEL maintainer jane@example.com
LABEL maintainer jane@example.com
