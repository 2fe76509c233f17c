// DL3027 apt-in-run: `apt` in a RUN; its command line is meant for people, not scripts.
#include <fmt/format.h>

#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// The script-stable tool that has `apt`'s subcommand under the same name, if one has it.
std::string_view Replacement(const shell::Command& cmd) {
  if (cmd.IsSubcommand({"install", "remove", "purge", "update", "upgrade", "autoremove",
                        "dist-upgrade", "clean", "autoclean", "source", "build-dep", "download",
                        "changelog", "satisfy"})) {
    return "apt-get";
  }
  if (cmd.IsSubcommand({"search", "show", "showsrc", "policy", "depends", "rdepends",
                        "madison"})) {
    return "apt-cache";
  }
  return "";
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "apt") return;
  const std::string_view tool = Replacement(cmd);
  std::optional<base::Fix> fix;
  // Only a plain `apt` word (maybe with a directory) is rewritten; `"apt"` or `$APT` is left.
  const std::string_view word = ctx.Text(cmd.command.range);
  if (!tool.empty() && word.ends_with("apt") &&
      cmd.command.known) {
    const std::uint32_t end = cmd.command.range.end;
    fix = base::Fix{fmt::format("Replace `apt` with `{}`", tool), base::Applicability::kUnsafe,
                    {{{end - 3, end}, std::string(tool)}}};
  }
  if (tool.empty()) {
    const bool sub = cmd.subcommand && cmd.subcommand->known;
    ctx.Report(cmd.command.range,
               fmt::format("`apt{}{}` is meant for interactive use; use `apt-get` or `apt-cache` "
                           "in scripts",
                           sub ? " " : "", sub ? cmd.subcommand->value : ""));
    return;
  }
  ctx.Report(cmd.command.range,
             fmt::format("`apt {}` is meant for interactive use; use `{} {}` in scripts",
                         cmd.subcommand->value, tool, cmd.subcommand->value),
             std::move(fix));
}

}  // namespace

extern const Rule kDL3027 = {
    .code = "DL3027",
    .name = "apt-in-run",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kSometimes,
    .summary = "Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache "
               "instead",
    .doc = R"md(## What it does
Flags `apt` in a RUN instruction.

## Why is this bad?
`apt` is the command-line front end for people at a terminal. Its output and behaviour may
change between releases (it warns "apt does not have a stable CLI interface. Use with caution
in scripts."), it draws progress bars, and some of its defaults differ from `apt-get`'s. For
scripts, Debian provides `apt-get` and `apt-cache`, whose interface is kept stable.

## Example
```dockerfile
FROM debian:12
RUN apt update \
 && apt install -y --no-install-recommends curl=7.88.1-10+deb12u5 \
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
For the subcommands `apt-get` or `apt-cache` has under the same name (`install`, `update`,
`upgrade`, `remove`, `search`, `show`, ...), the fix replaces `apt` with that tool. It is
unsafe: the two differ in details (`apt upgrade` installs new dependencies, `apt-get upgrade`
holds the packages that need them back). `apt list` and `apt full-upgrade` get no fix.

## Differences from hadolint
`apt` is also seen behind `sudo` and `sh -c "..."`. The finding points at the `apt` word
and names the replacement.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
