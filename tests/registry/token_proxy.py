#!/usr/bin/env python3
"""A registry front for registry_test.sh: the bearer-token flow in front of a real registry.

Requests to /v2/... without a valid bearer token get 401 with a `WWW-Authenticate: Bearer`
challenge whose realm is this server's /token. /token hands out a token for a
`repository:<name>:pull` scope: anonymously for any repository but `private`, which needs
Basic auth as user:secret. With a token, /v2/ requests are forwarded to the registry
(`private` serves the registry's `single`). The tag `flaky` answers 503 to its first request
and is `1` after that, to exercise retries. Prints its port on stdout once listening.
Usage: token_proxy.py UPSTREAM_PORT
"""
import base64
import http.server
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request

UPSTREAM = "http://127.0.0.1:%s" % sys.argv[1]
TOKENS = {}  # token -> repository
FLAKY_SEEN = set()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path == "/token":
            query = urllib.parse.parse_qs(url.query)
            scope = query.get("scope", [""])[0]
            parts = scope.split(":")
            if len(parts) != 3 or parts[0] != "repository" or parts[2] != "pull":
                return self.reply(400, b'{"details":"bad scope"}')
            if query.get("service", [""])[0] != "test-registry":
                return self.reply(400, b'{"details":"bad service"}')
            if parts[1] == "private":
                auth = self.headers.get("Authorization", "")
                good = "Basic " + base64.b64encode(b"user:secret").decode()
                if auth != good:
                    return self.reply(401, b'{"details":"bad credentials"}')
            token = secrets.token_hex(16)
            TOKENS[token] = parts[1]
            return self.reply(200, ('{"token":"%s","expires_in":300}' % token).encode(),
                              [("Content-Type", "application/json")])
        if not url.path.startswith("/v2/"):
            return self.reply(404)
        pieces = url.path[len("/v2/"):].split("/manifests/")
        repo = pieces[0]
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Bearer ") or TOKENS.get(auth[len("Bearer "):]) != repo:
            challenge = ('Bearer realm="http://127.0.0.1:%d/token",service="test-registry",'
                         'scope="repository:%s:pull"' % (self.server.server_port, repo))
            return self.reply(401, b'{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}',
                              [("WWW-Authenticate", challenge),
                               ("Content-Type", "application/json")])
        if len(pieces) == 2 and pieces[1] == "flaky":
            if repo not in FLAKY_SEEN:
                FLAKY_SEEN.add(repo)
                return self.reply(503, b"try again")
            pieces[1] = "1"
        upstream_repo = "single" if repo == "private" else repo
        target = UPSTREAM + "/v2/" + "/manifests/".join([upstream_repo] + pieces[1:])
        request = urllib.request.Request(target, method=self.command,
                                         headers={"Accept": self.headers.get("Accept", "")})
        try:
            with urllib.request.urlopen(request) as response:
                status, body, headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as e:
            status, body, headers = e.code, e.read(), e.headers
        keep = [(n, headers[n]) for n in ("Content-Type", "Docker-Content-Digest") if headers[n]]
        self.reply(status, body, keep)

    do_HEAD = do_GET


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_port, flush=True)
server.serve_forever()
