# Without trusted registries the rule is off.
FROM gcr.io/distroless/static:nonroot
FROM ubuntu:24.04
