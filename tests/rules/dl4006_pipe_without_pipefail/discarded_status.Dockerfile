FROM debian:12
# The status of a substitution that is an argument of a command is discarded: pipefail
# would change nothing.
RUN [ -z "$(curl -fsSL https://example.com/v | grep beta)" ] && echo stable
RUN echo "version $(curl -fsSL https://example.com/v | head -n1)"
RUN export V="$(curl -fsSL https://example.com/v | head -n1)" && echo "$V"
# A bare assignment's status is the substitution's (bash: `x=$(false | true)` gives 1 with
# pipefail), so its pipeline is judged.
# expect: DL4006 @43
RUN V="$(curl -fsSL https://example.com/v | head -n1)" && echo "$V"
