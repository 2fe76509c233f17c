# A fragment (no FROM, as hadolint's own rule tests are written): linted as an implicit stage.
# expect: DL3008 @48 "`python`"
RUN apt-get install -y --no-install-recommends python
ENV PKGS="curl git"
# expect: DL3008 @42 "`curl`"
# expect: DL3008 @42 "`git`"
RUN apt-get update && apt-get install -y $PKGS && rm -rf /var/lib/apt/lists/*
