FROM node:22-slim
WORKDIR /app
COPY --chown=node:node package.json package-lock.json /app/
# The whole RUN goes; the owner moves to the COPY.
# expect: SP601 @5 fix=unsafe "`chown` of `/app` right after `COPY`"
COPY --chown=node . .
# First of several commands: `chown ... && ` goes.
# expect: SP601 @5 fix=unsafe
RUN npm ci
COPY --chmod=0755 run.sh /usr/local/bin/run.sh
# expect: SP601 @5 fix=unsafe "`chmod` of `/usr/local/bin/run.sh`"
ADD --chmod=+x https://example.com/tool /usr/local/bin/tool
# Symbolic modes too.
# expect: SP601 @5 fix=unsafe
COPY tool2 /usr/local/bin/tool2
# Not a mode BuildKit reads: flagged, no fix.
# expect: SP601 @5 fix=none
RUN chmod +q /usr/local/bin/tool2
COPY conf /etc/app/
# Not first: flagged, no fix.
# expect: SP601 @20 fix=none
RUN ls /etc/app && chown -R node /etc/app
COPY --chown=root conf2 /etc/app2
# The COPY already has --chown: no fix.
# expect: SP601 @5 fix=none
RUN chown node /etc/app2
COPY data /data
# A variable owner: flagged, no fix.
# expect: SP601 @5 fix=none
RUN chown -R "$USER_ID" /data
COPY logs /logs
# shipshape ignore=DL3059
# A pragma between: flagged, no fix (the pragma would lose its instruction).
# expect: SP601 @5 fix=none
RUN chown -R node /logs
