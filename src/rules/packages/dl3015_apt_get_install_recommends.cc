// DL3015 apt-get-install-recommends: `apt-get install` without `--no-install-recommends`.
#include <cctype>

#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// `-o APT::Install-Recommends=false` (apt's keys ignore case; its false is `false`, `no`,
/// `0`, `off`, `disable` or `without`).
bool RecommendsOff(std::string_view option_value) {
  const std::string v = Lower(option_value);
  const std::size_t eq = v.find('=');
  if (eq == std::string::npos || v.substr(0, eq) != "apt::install-recommends") return false;
  const std::string_view b = std::string_view(v).substr(eq + 1);
  for (std::string_view f : {"false", "no", "0", "off", "disable", "without"}) {
    if (b == f) return true;
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "apt-get" || !cmd.IsSubcommand({"install"})) return;
  // An explicit `-o APT::Install-Recommends=true` wins over a flag put before it: no fix then.
  bool explicit_on = false;
  for (const shell::Option& o : cmd.options) {
    if (o.name == "no-install-recommends") return;
    if ((o.name == "o" || o.name == "option") && o.value) {
      if (RecommendsOff(*o.value)) return;
      explicit_on = explicit_on || Lower(*o.value).starts_with("apt::install-recommends=");
    }
  }
  std::optional<base::Fix> fix;
  if (!explicit_on) {
    fix = base::Fix{"Add `--no-install-recommends`", base::Applicability::kUnsafe,
                    {InsertAfterSubcommand(ctx.run(), cmd, "--no-install-recommends")}};
  }
  ctx.Report(CommandRange(cmd),
             "`apt-get install` without `--no-install-recommends` also installs recommended "
             "packages",
             std::move(fix));
}

}  // namespace

extern const Rule kDL3015 = {
    .code = "DL3015",
    .name = "apt-get-install-recommends",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kSometimes,
    .summary = "Avoid additional packages by specifying `--no-install-recommends`",
    .doc = R"md(## What it does
Flags `apt-get install` without `--no-install-recommends` (or
`-o APT::Install-Recommends=false`).

## Why is this bad?
By default apt also installs the packages the requested ones merely recommend: documentation,
optional plugins, sometimes a whole X11 stack. They make the image bigger, slower to pull and
larger to scan, and nothing asked for them.

## Example
```dockerfile
FROM debian:12
RUN apt-get update \
 && apt-get install -y curl=7.88.1-10+deb12u5 \
 && rm -rf /var/lib/apt/lists/*
```

## Use instead
```dockerfile
FROM debian:12
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \
 && rm -rf /var/lib/apt/lists/*
```

## Fix safety
The fix adds `--no-install-recommends` right after `install`. It is unsafe: software that
relied on a recommended package (a CA bundle, a locale, a helper binary) may no longer work.
There is no fix when the command sets `-o APT::Install-Recommends=true` itself.

## Differences from hadolint
- `-o APT::Install-Recommends=0` (and apt's other spellings of false, in any case) counts, not
  only the exact text `APT::Install-Recommends=false`.
- A variable is resolved: `apt-get install $APT_FLAGS curl` passes when the ARG or ENV gives
  `--no-install-recommends`.
- `apt-get` is seen behind `sudo` and `sh -c "..."`, and the finding points at the command,
  with a fix.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
