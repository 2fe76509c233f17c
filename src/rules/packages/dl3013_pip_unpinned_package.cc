// DL3013 pip-unpinned-package: `pip install` of a package without a version.
#include <fmt/format.h>

#include <algorithm>

#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// pip's version-control URL schemes (`git+https://...`).
bool IsVcs(std::string_view p) {
  for (std::string_view scheme : {"git+", "git:", "hg+", "svn+", "svn:", "bzr+"}) {
    if (p.starts_with(scheme)) return true;
  }
  return false;
}

/// hadolint's definition: a version specifier; a version-control URL with `@ref`; a wheel or
/// sdist file; any other path or URL.
bool Pinned(std::string_view p) {
  for (std::string_view op : {"==", ">=", "<=", ">", "<", "!=", "~="}) {
    if (p.find(op) != std::string_view::npos) return true;
  }
  if (IsVcs(p)) return p.find('@') != std::string_view::npos;
  return p.ends_with(".whl") || p.ends_with(".tar.gz") || p.ends_with(".zip") ||
         p.find('/') != std::string_view::npos;
}

/// `.` and `.[extras]`: the project in the current directory, whose own metadata says which
/// versions its dependencies take.
bool IsLocalProject(std::string_view p) { return p == "." || p.starts_with(".["); }

void Check(Context& ctx, const shell::Command& cmd) {
  const std::optional<PipInstall> pip = FindPipInstall(cmd);
  if (!pip) return;
  // Requirement and constraint files pin what they list, named packages included; so does a
  // local project's metadata.
  if (pip->args.Has({"r", "requirement", "c", "constraint"})) return;
  for (const ParsedOption& o : pip->args.options) {
    if ((o.name == "e" || o.name == "editable") && o.value && IsLocalProject(*o.value)) return;
  }
  for (const shell::Argument* a : pip->packages) {
    if (a->known && IsLocalProject(a->value)) return;
  }
  const std::string_view install = PipInstallText(pip->tool);
  for (const shell::Argument* a : pip->packages) {
    // A value the Dockerfile does not fix is unknown, not unpinned.
    if (!a->known || a->value.empty() || Pinned(a->value)) continue;
    if (IsVcs(a->value)) {
      // The ref goes before any `#egg=` fragment.
      const std::string_view url = a->value;
      const std::size_t hash = std::min(url.find('#'), url.size());
      ctx.Report(a->range, fmt::format("Pin `{}` to a tag or commit (`{} {}@<ref>{}`)", url,
                                       install, url.substr(0, hash), url.substr(hash)));
      continue;
    }
    ctx.Report(a->range, fmt::format("Pin the version of `{}` (`{} {}==<version>`)", a->value,
                                     install, a->value));
  }
}

}  // namespace

extern const Rule kDL3013 = {
    .code = "DL3013",
    .name = "pip-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kNever,
    .summary = "Pin versions in pip",
    .doc = R"md(## What it does
Flags each package that `pip install` installs without a version: `flask` rather than
`flask==3.0.3`. It reads `pip`, `pip3`, `pip3.12`, `python3 -m pip`, `pipx` and
`uv pip install`.

A package counts as pinned, as in hadolint, when it has a version specifier (`==`, `>=`,
`<=`, `>`, `<`, `!=`, `~=`), is a version-control URL with a ref (`git+https://...@v1.2`), a
wheel or sdist file, or any other path or URL. A command with a requirements or constraints
file (`-r`, `-c`) or the local project (`.`, `-e .`) is not checked: those files pin what the
command installs.

## Why is this bad?
Without a version, each build installs the newest release of the day, so two builds of the
same Dockerfile can differ and a new major version can break the image without any change to
the Dockerfile.

## Example
```dockerfile
FROM python:3.12-slim
RUN pip install --no-cache-dir flask
```

## Use instead
```dockerfile
FROM python:3.12-slim
RUN pip install --no-cache-dir flask==3.0.3
```

## Fix safety
There is no fix: only the index knows which version to pin.

## Differences from hadolint
- Variables are resolved: `pip install $PACKAGES` checks each package the ARG or ENV gives.
  A value the Dockerfile does not fix is unknown, not unpinned, and is not reported; hadolint
  reports it.
- `uv pip install` is checked; hadolint does not see it.
- The values of every pip option that takes one are left out of the packages: hadolint takes
  the value of `--root-user-action`, `--cache-dir`, `--python` (pipx) and others for a package.
- `.[extras]` and `-e .[dev]` are the local project, like `.`; hadolint reports `.[dev]`.
- `.zip` archives count as files, like `.tar.gz`.
- pip is seen behind `sudo` and `sh -c "..."`; one finding per unpinned package, at the
  package.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
