// DL3037 zypper-unpinned-package: `zypper install` of a package that names no version.
#include <fmt/format.h>

#include "rules/packages/rpm.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Whether a zypper capability names a version (`curl=8.0.1`, `curl>=8`, an `.rpm` file) or
/// cannot name one (a path or URL).
bool Pinned(std::string_view spec) {
  if (spec.find_first_of("=<>/") != std::string_view::npos) return true;
  return spec.size() > 4 && spec.substr(spec.size() - 4) == ".rpm";
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (RpmToolOf(cmd.name) != RpmTool::kZypper) return;
  const RpmCommand c = ParseRpm(cmd, RpmTool::kZypper);
  if (!c.IsSubcommand({"install", "in"})) return;
  // Patterns, patches and products have no version one would pin.
  if (const RpmOption* type = c.FindOption({"t", "type"});
      type && type->value && *type->value != "package" && *type->value != "srcpackage") {
    return;
  }
  for (const shell::Argument* a : c.args) {
    const std::optional<std::string> shape = SpecShape(*a);
    if (!shape || shape->empty() || Pinned(*shape)) continue;
    // `-name` / `!name` / `~name` ask zypper to remove a package in the same transaction.
    if ((*shape)[0] == '-' || (*shape)[0] == '!' || (*shape)[0] == '~') continue;
    ctx.Report(a->range, fmt::format("Pin the version of `{}` (`zypper install {}=<version>`)",
                                     a->value, a->value));
  }
}

}  // namespace

extern const Rule kDL3037 = {
    .code = "DL3037",
    .name = "zypper-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .summary = "Specify version with `zypper install -y <package>=<version>`",
    .doc = R"md(## What it does
Flags each package of a `zypper install` (`zypper in`) that names no version. A package names a
version with `=`, `<`, `<=`, `>` or `>=` (`curl=8.6.0`, `'curl>=8'`), or is an `.rpm` file.

## Why is this bad?
Without a version, the build installs whatever the repositories offer that day: two builds of
the same Dockerfile can differ, and an update can break the image without any change to the
Dockerfile.

## Example
```dockerfile
FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl && zypper clean --all
```

## Use instead
```dockerfile
FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl=8.6.0 && zypper clean --all
```

## Fix safety
There is no fix: only the author knows which version to pin.

## Differences from hadolint
- Variables are resolved: `zypper install $PKG` is judged by the value ARG, ENV or an earlier
  assignment in the script gives `PKG`. A word whose value the Dockerfile does not fix is judged
  by its text (`curl=$VER` passes); a word that is nothing but an expansion (`$PKGS`) is not
  judged. hadolint flags every `$PKG`.
- Option values are not packages: hadolint takes the value of `--from repo-oss`,
  `-r repo` or `-t pattern` for a package to pin.
- Patterns, patches and products (`zypper install -t pattern devel_basis`), file provides and
  URLs have no version to pin, and packages marked for removal (`-name`, `!name`) are not
  installed: none is flagged.
- One finding per unpinned package, at the package, instead of one per RUN; `zypper` is seen
  behind `sudo` and `sh -c`.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
