FROM node:22
# Triggers run in downstream builds: their ARG and ENV leak the same way.
# expect: DL3064 @13 "`ARG NPM_TOKEN`"
ONBUILD ARG NPM_TOKEN
# expect: DL3064 @13 "`ENV VAULT_TOKEN`"
ONBUILD ENV VAULT_TOKEN=x
ONBUILD ENV ${NAME}=x
