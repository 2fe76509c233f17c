FROM debian:12 AS one
RUN apt-get update && apt-get install -y curl wget
RUN curl -fsSLo /tmp/a https://example.com/a
# The tool used less often is reported, naming where the other one is.
# expect: DL4001 @5 "`wget` is used here and `curl` on line 3 of the same stage; use only one of them"
RUN wget -q -O /tmp/b https://example.com/b
RUN curl -fsSLo /tmp/c https://example.com/c

FROM debian:12 AS two
# On a tie, the tool that came second.
RUN wget -q https://example.com/a
# expect: DL4001 @5 "`curl` is used here and `wget` on line 11"
RUN curl -fsSLO https://example.com/b

FROM debian:12 AS three
# Each stage is judged on its own: only curl here, only wget in the next one.
RUN curl -fsSLO https://example.com/a
FROM debian:12 AS four
RUN wget -q https://example.com/a
# Names as arguments are not uses.
RUN apt-get install -y curl && echo wget

FROM debian:12 AS five
# Every use of the minor tool, in one RUN or several, behind sudo and sh -c.
RUN curl -fsSLO https://example.com/a && curl -fsSLO https://example.com/b
RUN curl -fsSLO https://example.com/c && curl -fsSLO https://example.com/d
# expect: DL4001 @10
# expect: DL4001 @50
RUN sudo wget -q https://example.com/e && sh -c 'wget -q https://example.com/f'
RUN set -e \
# expect: DL4001 @8
    && wget -q https://example.com/g

FROM debian:12 AS six
# ONBUILD triggers run in another build: they are judged apart from the stage's own RUNs.
RUN curl -fsSLO https://example.com/a
# expect: DL4001 @13 "`wget` is used here and `curl` on line 39"
ONBUILD RUN wget -q https://example.com/b
ONBUILD RUN curl -fsSLO https://example.com/c
ONBUILD RUN curl -fsSLO https://example.com/d