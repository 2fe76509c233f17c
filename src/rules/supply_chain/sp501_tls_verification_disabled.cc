// SP501 tls-verification-disabled: a download or a tool set up to skip TLS certificate checks.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

constexpr std::string_view kInstead =
    "add the CA certificate to the image instead (`COPY ca.crt /usr/local/share/ca-certificates/` "
    "then `update-ca-certificates`)";

/// Whether `value` turns a "verify" switch off: false, 0, no, off (any case).
bool Off(std::string_view value) {
  const std::string v = base::ToLower(value);
  return v == "false" || v == "0" || v == "no" || v == "off";
}

/// Environment variables that switch verification off, and whether a value does.
std::optional<std::string> OffByVariable(std::string_view name, std::string_view value) {
  if (name == "NODE_TLS_REJECT_UNAUTHORIZED" && value == "0") {
    return "`NODE_TLS_REJECT_UNAUTHORIZED=0` makes Node.js accept any TLS certificate";
  }
  if (name == "PYTHONHTTPSVERIFY" && value == "0") {
    return "`PYTHONHTTPSVERIFY=0` makes Python accept any TLS certificate";
  }
  if (name == "GIT_SSL_NO_VERIFY" && !value.empty()) {
    return "`GIT_SSL_NO_VERIFY` makes git accept any TLS certificate";
  }
  if ((name == "NPM_CONFIG_STRICT_SSL" || name == "npm_config_strict_ssl" ||
       name == "YARN_STRICT_SSL") &&
      Off(value)) {
    return fmt::format("`{}={}` makes npm or yarn accept any TLS certificate", name, value);
  }
  if ((name == "CURL_INSECURE" || name == "PIP_TRUSTED_HOST") && !value.empty()) {
    return fmt::format("`{}` turns TLS certificate checks off", name);
  }
  return std::nullopt;
}

void CheckCommand(Context& ctx, const shell::Command& cmd) {
  const std::string_view name = cmd.name;
  // `NAME=value cmd` and `env NAME=value cmd`.
  for (const shell::Word* w : cmd.assignments) {
    const std::string_view text = w->value;
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos) continue;
    if (std::optional<std::string> why = OffByVariable(text.substr(0, eq), text.substr(eq + 1))) {
      ctx.Report(ctx.run().SourceRange(w->begin, w->end), fmt::format("{}; {}", *why, kInstead));
    }
  }
  std::optional<std::string> why;
  base::Range where = cmd.command.range;
  auto option = [&](std::initializer_list<std::string_view> names) -> bool {
    if (const shell::Option* o = cmd.FindOption(names)) {
      where = o->range;
      return true;
    }
    return false;
  };
  if (name == "curl" && option({"k", "insecure"})) {
    why = "`curl -k` accepts any TLS certificate";
  } else if (name == "wget" && option({"no-check-certificate"})) {
    why = "`wget --no-check-certificate` accepts any TLS certificate";
  } else if ((name == "pip" || name == "pip3" || name == "python" || name == "python3" ||
              name == "uv") &&
             option({"trusted-host"})) {
    why = "`--trusted-host` lets pip download from that host over plain or unverified HTTPS";
  } else if (name == "export") {
    for (const shell::Argument& a : cmd.args) {
      const std::size_t eq = a.value.find('=');
      if (eq == std::string::npos) continue;
      if (std::optional<std::string> w = OffByVariable(std::string_view(a.value).substr(0, eq),
                                                       std::string_view(a.value).substr(eq + 1))) {
        ctx.Report(a.range, fmt::format("{}; {}", *w, kInstead));
      }
    }
    return;
  } else {
    // `npm config set strict-ssl false`, `yarn config set strict-ssl false`,
    // `git config http.sslVerify false`, `pip config set global.trusted-host x`,
    // `npm --strict-ssl=false`, `git -c http.sslVerify=false clone`.
    const std::vector<shell::Argument>& argv = cmd.argv;
    for (std::size_t i = 0; i < argv.size(); ++i) {
      // Every setting below names `ssl` or `trusted-host` (no other letter lower-cases to these).
      if (!base::ContainsIgnoreCase(argv[i].value, "ssl") &&
          !base::ContainsIgnoreCase(argv[i].value, "trusted-host")) {
        continue;
      }
      const std::string key = base::ToLower(argv[i].value);
      const bool next_off = i + 1 < argv.size() && Off(argv[i + 1].value);
      if ((name == "npm" || name == "yarn" || name == "pnpm") &&
          ((key == "strict-ssl" && next_off) ||
           key == "--strict-ssl=false" || key == "--no-strict-ssl")) {
        why = fmt::format("`{}` with `strict-ssl` off accepts any TLS certificate", name);
        where = argv[i].range;
        break;
      }
      if (name == "git" && ((key == "http.sslverify" && next_off) ||
                            key == "http.sslverify=false" || key == "http.sslverify=0")) {
        why = "git with `http.sslVerify` off accepts any TLS certificate";
        where = argv[i].range;
        break;
      }
      if ((key.find("sslverify=0") != std::string::npos ||
           key.find("sslverify=false") != std::string::npos ||
           key.find("sslverify=no") != std::string::npos) &&
          key.find("http.sslverify") == std::string::npos) {
        why = "a yum/dnf repository with `sslverify` off downloads packages without TLS checks";
        where = argv[i].range;
        break;
      }
      if ((name == "pip" || name == "pip3") && key.ends_with(".trusted-host")) {
        why = "pip's `trusted-host` setting downloads from that host without TLS checks";
        where = argv[i].range;
        break;
      }
    }
  }
  if (why) ctx.Report(where, fmt::format("{}; {}", *why, kInstead));
}

void CheckInstruction(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kEnv && inst.keyword != syntax::Keyword::kArg) return;
  if (inst.keyword == syntax::Keyword::kEnv) {
    for (const syntax::KeyValue& kv : inst.pairs) {
      if (std::optional<std::string> why = OffByVariable(kv.key.value, kv.value.value)) {
        ctx.Report(kv.key.range, fmt::format("{}; {}", *why, kInstead));
      }
    }
    return;
  }
  for (const syntax::Word& w : inst.args) {
    const std::size_t eq = w.value.find('=');
    if (eq == std::string_view::npos) continue;
    if (std::optional<std::string> why =
            OffByVariable(w.value.substr(0, eq), w.value.substr(eq + 1))) {
      ctx.Report(w.range, fmt::format("{}; {}", *why, kInstead));
    }
  }
}

}  // namespace

extern const Rule kSP501 = {
    .code = "SP501",
    .name = "tls-verification-disabled",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "supply-chain",
    .summary = "Do not switch TLS certificate verification off",
    .doc = R"md(## What it does
Flags downloads and tools set up to accept any TLS certificate: `curl -k` / `--insecure`,
`wget --no-check-certificate`, `pip --trusted-host` (and pip's `trusted-host` setting),
`npm`/`yarn`/`pnpm` with `strict-ssl` off, git with `http.sslVerify` off, yum/dnf repositories
or options with `sslverify=0` (written by `echo`/`printf`, or `--setopt=sslverify=0`), and the
variables
`NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY`,
`NPM_CONFIG_STRICT_SSL=false` in ENV, ARG, `export` or before a command.

## Why is this bad?
Without certificate checks anyone between the build and the server (a proxy, a compromised
network, a DNS hijack) can hand the build a different file, and it goes into the image with no
trace. An ENV setting also stays in the image and switches the checks off for the application
at run time. When a corporate proxy re-signs TLS traffic, the fix is to trust its CA
certificate, not to trust everything.

## Example
```dockerfile
FROM debian:12
RUN curl -fsSLk https://example.com/tool.tar.gz | tar -xz -C /opt
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
```

## Use instead
```dockerfile
FROM debian:12
COPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt
RUN update-ca-certificates \
    && curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt
```

## Fix safety
There is no fix: the download may only work without the check until the CA certificate is
installed.

## Differences from hadolint
hadolint has no such rule. Checkov (CKV2_DOCKER_2 to CKV2_DOCKER_12) and KICS flag some of these
forms by matching the RUN text; shipshape reads the commands, so `-k` inside an option cluster
(`-fsSLk`), `sh -c "..."` strings and `env NAME=value cmd` are seen, and a `-k` given to another
program is not.
)md",
    .onbuild = true,
    .on_instruction = CheckInstruction,
    .on_command = CheckCommand,
};

}  // namespace shipshape::rules
