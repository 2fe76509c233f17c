FROM alpine:3.20
ARG A0=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
ARG A1=${A0}${A0}
ARG A2=${A1}${A1}
ARG A3=${A2}${A2}
ARG A4=${A3}${A3}
ARG A5=${A4}${A4}
ARG A6=${A5}${A5}
ARG A7=${A6}${A6}
ARG A8=${A7}${A7}
ARG A9=${A8}${A8}
ARG A10=${A9}${A9}
ARG A11=${A10}${A10}
ARG A12=${A11}${A11}
ARG A13=${A12}${A12}
ARG A14=${A13}${A13}
# 2 MiB: past the 1 MiB limit, so unknown from here on.
# expect: SP103 @5 "expansion longer than 1 MiB"
ARG A15=${A14}${A14}
# Built from an unknown value: no new finding (and no 4 MiB value).
ARG A16=${A15}${A15}
# expect: SP103 @7 "expansion longer than 1 MiB"
ENV E=${A14}${A14}${A14}
# A value BuildKit would give: no finding.
ENV F=${A14}
