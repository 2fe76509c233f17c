// SP509 download-not-verified: a file downloaded with curl or wget and then run, unpacked or
// installed in the same RUN, with no checksum or signature check there.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Where a download command saves to: `curl -o F` / `--output F`, `wget -O F`; `curl -O` and
/// `wget URL` save under the URL's last segment. nullopt when it writes to standard output
/// (SP503's business) or the name is unknown.
std::optional<std::string> SavedAs(const shell::Command& c) {
  std::optional<std::string> url;
  for (const shell::Argument& a : c.args) {
    if (a.value.find("://") != std::string::npos) url = a.value;
  }
  auto last_segment = [&]() -> std::optional<std::string> {
    if (!url) return std::nullopt;
    std::string u = url->substr(0, url->find_first_of("?#"));
    const std::size_t slash = u.rfind('/');
    if (slash == std::string::npos || slash + 1 >= u.size()) return std::nullopt;
    return u.substr(slash + 1);
  };
  if (c.name == "curl") {
    if (const shell::Option* o = c.FindOption({"o", "output"})) {
      if (!o->value || *o->value == "-") return std::nullopt;
      return *o->value;
    }
    if (c.HasOption({"O", "remote-name"})) return last_segment();
    return std::nullopt;
  }
  if (c.name == "wget") {
    if (const shell::Option* o = c.FindOption({"O", "output-document"})) {
      if (!o->value || *o->value == "-") return std::nullopt;
      return *o->value;
    }
    return last_segment();
  }
  return std::nullopt;
}

/// Whether `c` checks a download: a checksum tool, gpg/gpgv, cosign, minisign, signify.
bool Verifies(const shell::Command& c) {
  for (std::string_view v : {"sha256sum", "sha512sum", "sha1sum", "sha384sum", "sha224sum",
                             "shasum", "md5sum", "b2sum", "cksum", "gpg", "gpgv", "cosign",
                             "minisign", "signify", "openssl", "slsa-verifier", "rpm",
                             "rpmkeys"}) {
    if (c.name == v) {
      // rpm checks a package's signature against the keys it imported: `--checksig`, `-K`,
      // `--import`.
      if (c.name == "rpm" || c.name == "rpmkeys") return c.HasOption({"checksig", "K", "import"});
      return true;
    }
  }
  return false;
}

/// Whether `c` uses the file at `path` (or its base name) by running, unpacking or installing it.
bool Uses(const shell::Command& c, std::string_view path) {
  std::string_view base = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
  auto names = [&](std::string_view v) {
    if (v == path || v == base) return true;
    const std::size_t slash = v.rfind('/');
    return slash != std::string_view::npos && v.substr(slash + 1) == base;
  };
  static constexpr std::string_view kUsers[] = {
      "sh", "bash", "dash", "ash", "zsh", "python", "python3", "perl", "ruby", "node", "php",
      "tar", "unzip", "gunzip", "bunzip2", "xz", "7z", "dpkg", "rpm", "apk", "pip", "pip3",
      "install", "java", "chmod"};
  bool known = false;
  for (std::string_view u : kUsers) known = known || c.name == u;
  if (!known && !names(c.command.value)) return false;  // `./tool` runs it
  if (names(c.command.value)) return true;
  for (const shell::Argument& a : c.argv) {
    if (names(a.value)) return true;
  }
  for (const shell::Option& o : c.options) {
    if (o.value && names(*o.value)) return true;  // `tar -xzf file`
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "curl" && cmd.name != "wget") return;
  const std::optional<std::string> saved = SavedAs(cmd);
  if (!saved || saved->empty() || saved->find('$') != std::string::npos) return;
  const std::vector<shell::Command>& commands = ctx.run().commands();
  for (const shell::Command& c : commands) {
    if (Verifies(c)) return;
  }
  for (std::size_t i = cmd.index + 1; i < commands.size(); ++i) {
    if (!Uses(commands[i], *saved)) continue;
    ctx.Report(cmd.command.range,
               fmt::format("`{}` downloads `{}` and `{}` uses it with no checksum or signature "
                           "check in this RUN; verify it first (`echo \"<sha256>  {}\" | "
                           "sha256sum -c -`)",
                           cmd.name, *saved, commands[i].name, *saved));
    return;
  }
}

}  // namespace

extern const Rule kSP509 = {
    .code = "SP509",
    .name = "download-not-verified",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "supply-chain",
    .summary = "Verify downloaded files before using them",
    .doc = R"md(## What it does
Flags a `curl -o FILE` / `curl -O` / `wget [-O FILE]` download that the same RUN then runs,
unpacks or installs (`sh FILE`, `./FILE`, `chmod +x FILE`, `tar -xf FILE`, `unzip`, `dpkg -i`,
`rpm -i`, `apk add`, `pip install`, `java -jar`, ...) when nothing in that RUN checks a
checksum or signature (`sha256sum -c`, `sha512sum`, `shasum`, `gpg --verify`, `gpgv`,
`cosign verify`, `minisign`, `rpm`/`rpmkeys --checksig` or `--import`). Downloads piped
straight into a shell are SP503's.

## Why is this bad?
Whatever the server returns at build time goes into the image: a compromised release, a
hijacked domain, or a file replaced on a mirror. A checksum pinned in the Dockerfile makes the
build fail instead, and makes it reproducible.

## Example
```dockerfile
FROM debian:12-slim
RUN curl -fsSLo /tmp/tool.tar.gz https://example.com/tool-1.2.3.tar.gz \
    && tar -xzf /tmp/tool.tar.gz -C /usr/local/bin
```

## Use instead
```dockerfile
FROM debian:12-slim
ARG TOOL_SHA256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
RUN curl -fsSLo /tmp/tool.tar.gz https://example.com/tool-1.2.3.tar.gz \
    && echo "${TOOL_SHA256}  /tmp/tool.tar.gz" | sha256sum -c - \
    && tar -xzf /tmp/tool.tar.gz -C /usr/local/bin
```

## Fix safety
There is no fix: the checksum must come from a source you trust.

## Differences from hadolint
hadolint has no such rule (download integrity was requested in hadolint issue #282).
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
