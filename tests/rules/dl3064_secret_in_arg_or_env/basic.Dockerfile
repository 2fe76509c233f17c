# An ARG before the first FROM only feeds FROM lines: its value reaches no image.
ARG REGISTRY_TOKEN
FROM node:22
# expect: DL3064 @5 "`ARG NPM_TOKEN` looks like a secret, and build arguments are recorded in the image's history; pass it with `RUN --mount=type=secret,id=NAME` instead and read `/run/secrets/NAME` in the RUN that needs it"
ARG NPM_TOKEN
# expect: DL3064 @5 "`ARG AWS_SECRET_ACCESS_KEY`"
# expect: DL3064 @42 "`ARG db_password`"
ARG AWS_SECRET_ACCESS_KEY=FAKE_FOR_TESTS db_password
# expect: DL3064 @5 "`ENV POSTGRES_PASSWORD` looks like a secret, and ENV values are stored in the image"
ENV POSTGRES_PASSWORD=password
# expect: DL3064 @19 "`ENV sa_password`"
ENV ACCEPT_EULA=Y sa_password="_"
# The legacy form.
# expect: DL3064 @5 "`ENV MYSQL_ROOT_PASSWD`"
ENV MYSQL_ROOT_PASSWD secret
# Concatenated words, Docker's whole words, and hadolint's well-known names.
# expect: DL3064 @5 "`ARG OKTA_OAUTH2_CLIENTSECRET`"
ARG OKTA_OAUTH2_CLIENTSECRET
# expect: DL3064 @5 "`ARG STRIPE_APIKEY`"
ARG STRIPE_APIKEY
# expect: DL3064 @5 "`ARG SSH_PRIVATE_KEY`"
ARG SSH_PRIVATE_KEY
# expect: DL3064 @5 "`ARG GIT_CREDENTIALS`"
ARG GIT_CREDENTIALS
# expect: DL3064 @5 "`ARG ADMIN_PWORD`"
ARG ADMIN_PWORD
# expect: DL3064 @5 "`ARG AWS_ACCESS_KEY_ID`"
ARG AWS_ACCESS_KEY_ID
# expect: DL3064 @5 "`ARG application_key`"
ARG application_key
# expect: DL3064 @5 "`ARG HUGGINGFACE_TOKEN`"
ARG HUGGINGFACE_TOKEN
# expect: DL3064 @5 "`ENV accessToken`"
ENV accessToken=x
