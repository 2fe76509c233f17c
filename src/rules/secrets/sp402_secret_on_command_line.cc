// SP402 secret-on-command-line: a RUN that hands a credential to a command on its command line
// or writes it into a file, where the image's history or a layer keeps it.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "rules/rule.h"
#include "rules/secrets/secret_util.h"

namespace shipshape::rules {
namespace {

constexpr std::string_view kHowTo =
    "pass it with `RUN --mount=type=secret,id=NAME` and read `/run/secrets/NAME` in the same "
    "RUN";

/// Whether a secret-looking name names where the secret is, not the secret (`SECRETFILE`,
/// `TOKEN_PATH`).
bool NamesALocation(std::string_view name) {
  const std::string lower = base::AsciiLower(name);
  for (std::string_view end : {"file", "path", "dir", "name", "location", "mount"}) {
    if (lower.ends_with(end)) return true;
  }
  return false;
}

/// The secret-looking variables a word expands (`$NPM_TOKEN`, `${DB_PASSWORD}`).
std::optional<std::string> SecretVariable(const shell::Word& word) {
  std::optional<std::string> found;
  auto visit = [&](auto&& self, const std::vector<shell::WordPart>& parts) -> void {
    for (const shell::WordPart& p : parts) {
      if (p.kind == shell::WordPart::Kind::kParam && LooksSecret(p.value) &&
          !NamesALocation(p.value)) {
        found = p.value;
      }
      self(self, p.parts);
    }
  };
  visit(visit, word.parts);
  return found;
}

void Check(Context& ctx, const shell::Command& cmd) {
  const std::string_view name = cmd.name;
  // curl -u user:pass, -H "Authorization: ...", --oauth2-bearer; wget --password.
  if (name == "curl" || name == "wget") {
    for (const shell::Option& o : cmd.options) {
      const std::string value = o.value.value_or("");
      const std::string lower = base::AsciiLower(value);
      const bool auth_header = (o.name == "H" || o.name == "header") &&
                               (lower.starts_with("authorization:") ||
                                lower.starts_with("private-token:") ||
                                lower.starts_with("x-api-key:") ||
                                lower.starts_with("x-auth-token:"));
      const bool user = (o.name == "u" || o.name == "user") && value.find(':') != std::string::npos &&
                        !value.ends_with(":");
      const bool password = o.name == "password" || o.name == "http-password" ||
                            o.name == "ftp-password" || o.name == "oauth2-bearer";
      if (!auth_header && !user && !password) continue;
      // Read from a secret mount in the same RUN: the recommended way.
      if (value.find("/run/secrets/") != std::string::npos) continue;
      ctx.Report(o.range, fmt::format("`{}` gets a credential on its command line, which the "
                                      "image's history keeps; {}",
                                      name, kHowTo));
      return;
    }
  }
  // --password=..., -p<password> for database clients, `docker login -p`.
  const bool db = name == "mysql" || name == "mysqladmin" || name == "mysqldump" ||
                  name == "mariadb" || name == "mariadb-dump";
  const bool login = (name == "docker" || name == "podman" || name == "buildah" ||
                      name == "skopeo") &&
                     !cmd.argv.empty() && cmd.argv[0].value == "login";
  const std::vector<shell::Argument>& argv = cmd.argv;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& v = argv[i].value;
    const bool inline_value = v.starts_with("--password=") || v.starts_with("--passwd=") ||
                              (db && v.size() > 2 && v.starts_with("-p"));
    const bool separate = (v == "--password" || (login && v == "-p")) && i + 1 < argv.size();
    if (!inline_value && !separate) continue;
    const shell::Argument& holder = separate ? argv[i + 1] : argv[i];
    if (holder.value.find("/run/secrets/") != std::string::npos) continue;
    // A literal password, or a secret-looking variable; not a generated one (`$(head -c32
    // /dev/urandom | base64)`) or a variable named otherwise.
    if (!holder.known && !(holder.word && SecretVariable(*holder.word))) continue;
    ctx.Report(separate ? base::Range{argv[i].range.begin, argv[i + 1].range.end} : argv[i].range,
               fmt::format("`{}` gets a password on its command line, which the image's history "
                           "keeps; {}",
                           name, kHowTo));
    return;
  }
  // echo/printf of a secret-looking variable (into a file, usually `.npmrc` or `.netrc`).
  if (name == "echo" || name == "printf") {
    for (const shell::Argument& a : cmd.argv) {
      if (!a.word) continue;
      if (std::optional<std::string> var = SecretVariable(*a.word)) {
        ctx.Report(a.range, fmt::format("`{}` writes `${}` out, into a layer or the build log; "
                                        "{}",
                                        name, *var, kHowTo));
        return;
      }
    }
  }
}

}  // namespace

extern const Rule kSP402 = {
    .code = "SP402",
    .name = "secret-on-command-line",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "secrets",
    .summary = "Pass credentials with a secret mount, not on a command line or into a file",
    .doc = R"md(## What it does
Flags RUN commands that get a credential on their command line or write one out:
`curl -u user:pass`, `curl -H "Authorization: ..."` (also `Private-Token`, `X-API-Key`),
`wget --password=...`, `--password=...` options, `mysql -p<password>`, `docker login -p`, and
`echo`/`printf` of a secret-looking variable (`echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN"
> .npmrc`). Values read from `/run/secrets/` are fine.

## Why is this bad?
A RUN's command line is recorded in the image's history (`docker history --no-trunc`), with
the values of the ARGs it uses; a file written in a RUN is in that layer for good, even if a
later RUN deletes it. A secret mount (`RUN --mount=type=secret`) is only there while the RUN
runs and never reaches the image.

## Example
```dockerfile
FROM node:22-slim
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
```

## Use instead
```dockerfile
# syntax=docker/dockerfile:1
FROM node:22-slim
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
```

## Fix safety
There is no fix: the build has to be given the secret (`docker build --secret id=npmrc,src=...`).

## Differences from hadolint
hadolint has no such rule; DL3064 judges only the names of ARG and ENV variables.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
