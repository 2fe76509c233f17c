# A tie goes to upper case.
FROM alpine:3.20
# expect: SP204 @1 fix=safe "(uppercase)"
run true
