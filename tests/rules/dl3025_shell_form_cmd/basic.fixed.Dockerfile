FROM node:22
# expect: DL3025 @5 fix=unsafe "`CMD` in shell form runs under a shell"
CMD ["node", "/app/server.js"]
CMD ["node", "/app/server.js"]
CMD []
# `exec` is what the exec form does anyway.
# expect: DL3025 @12 fix=unsafe "`ENTRYPOINT` in shell form"
ENTRYPOINT ["/usr/local/bin/app", "--port=8080"]
# Commands that need a shell have no fix.
# expect: DL3025 @5 fix=none
CMD node server.js && echo done
# expect: DL3025 @5 fix=none
CMD node $APP
# expect: DL3025 @5 fix=none
CMD FOO=bar node app.js
# expect: DL3025 @5 fix=none
CMD cd /app
# expect: DL3025 @5 fix=none
CMD "node" app.js
# expect: DL3025 @5 fix=none
CMD node *.js
# Not valid JSON: BuildKit runs it in shell form.
# expect: DL3025 @5 fix=none "`CMD` is not a valid JSON array"
CMD ['node', 'app.js']
# expect: DL3025 @5 fix=none "not a valid JSON array"
CMD ["C:\app\run.exe"]
# As hadolint: HEALTHCHECK CMD too.
# expect: DL3025 @17 fix=unsafe "`HEALTHCHECK CMD` in shell form needs a shell"
HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
HEALTHCHECK NONE
HEALTHCHECK --interval=30s \
# expect: DL3025 @9 fix=none
    CMD curl -f http://localhost/ || exit 1
# Split over lines.
# expect: DL3025 @5 fix=unsafe
CMD ["node", "--max-old-space-size=512", "server.js"]
# expect: DL3025 @13 fix=unsafe
ONBUILD CMD ["node", "app.js"]
ONBUILD CMD ["node", "app.js"]
