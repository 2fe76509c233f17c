// DL3014 apt-get-missing-yes: an `apt-get` that may ask for confirmation, without `-y`.
#include <fmt/format.h>

#include <cctype>

#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

/// apt's booleans: `true`, `yes`, `1`, ... (any case).
bool AptTrue(std::string_view v) {
  for (std::string_view t : {"true", "yes", "1", "on", "enable", "with"}) {
    if (EqualsIgnoreCase(v, t)) return true;
  }
  return false;
}

/// Whether the options answer apt-get's prompt: `-y`, `--yes`, `--assume-yes`, a quiet level of
/// 2 or more (`-qq`, `-q -q`, `-q=2`, `--quiet=2`), or `-o APT::Get::Assume-Yes=true`.
bool AnswersYes(const shell::Command& cmd) {
  int quiet = 0;
  for (const shell::Option& o : cmd.options) {
    if (o.name == "y" || o.name == "yes" || o.name == "assume-yes") return true;
    if (o.name == "q" || o.name == "quiet") ++quiet;
    if (o.name == "o" || o.name == "option") {
      const std::string_view v = o.value ? std::string_view(*o.value) : std::string_view();
      const std::size_t eq = v.find('=');
      if (eq != std::string_view::npos && EqualsIgnoreCase(v.substr(0, eq), "APT::Get::Assume-Yes") &&
          AptTrue(v.substr(eq + 1))) {
        return true;
      }
    }
  }
  // `-q=2` (read as the letters q, = and 2) and `--quiet=2` set the level outright.
  for (const shell::Argument& a : cmd.argv) {
    std::string_view v = a.value;
    if (!a.known) continue;
    if (v.starts_with("-q=")) {
      v.remove_prefix(3);
    } else if (v.starts_with("--quiet=")) {
      v.remove_prefix(8);
    } else {
      continue;
    }
    if (!v.empty() && v.find_first_not_of("0123456789") == std::string_view::npos) {
      return std::stoi(std::string(v.substr(0, 4))) >= 2;
    }
  }
  return quiet >= 2;
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "apt-get") return;
  // The subcommands that stop at "Do you want to continue? [Y/n]", which a build cannot answer.
  if (!cmd.IsSubcommand({"install", "upgrade", "dist-upgrade", "remove", "purge", "autoremove",
                         "build-dep", "satisfy"})) {
    return;
  }
  // Removing nothing asks nothing.
  if (cmd.IsSubcommand({"remove", "purge"}) && cmd.args.empty()) return;
  if (AnswersYes(cmd)) return;
  const std::string& sub = cmd.subcommand->value;
  ctx.Report(CommandRange(cmd),
             fmt::format("`apt-get {}` without `-y` stops at its confirmation prompt", sub),
             base::Fix{"Add `-y`", base::Applicability::kSafe,
                       {InsertAfterSubcommand(ctx.run(), cmd, "-y")}});
}

}  // namespace

extern const Rule kDL3014 = {
    .code = "DL3014",
    .name = "apt-get-missing-yes",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kAlways,
    .summary = "Use the `-y` switch to avoid manual input `apt-get -y install <package>`",
    .doc = R"md(## What it does
Flags `apt-get install` (and the other `apt-get` commands that ask for confirmation: `upgrade`,
`dist-upgrade`, `remove`, `purge`, `autoremove`, `build-dep`, `satisfy`) without `-y`.

These count as `-y`: `-y`, `--yes`, `--assume-yes`, a quiet level of 2 or more (`-qq`,
`-q -q`, `-q=2`, `--quiet=2`: apt then assumes yes), and `-o APT::Get::Assume-Yes=true`.

## Why is this bad?
When `apt-get` has to install more than the packages named (their dependencies) or remove
something, it asks "Do you want to continue? [Y/n]". A build has no one to answer: apt-get
reads the end of its input, prints `Abort.` and the build fails, depending on what the
archive holds that day.

## Example
```dockerfile
FROM debian:12
RUN apt-get update && apt-get install --no-install-recommends python3
```

## Use instead
```dockerfile
FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends python3
```

## Fix safety
The fix adds `-y` right after the subcommand. It is safe: a build that did not stop at the
prompt gets exactly the same packages; the only builds that change are those that would have
aborted.

## Differences from hadolint
- hadolint checks only `apt-get install`; shipshape also checks the other commands that
  prompt (`upgrade`, `dist-upgrade`, `remove`, `purge`, `autoremove`, `build-dep`, `satisfy`).
- hadolint accepts a quiet level of exactly 2; apt assumes yes from 2 up, so `-qqq` passes
  too. `-o APT::Get::Assume-Yes=true` passes.
- `apt-get` is seen behind `sudo` and `sh -c "..."`, and the finding points at the command,
  with a fix.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
