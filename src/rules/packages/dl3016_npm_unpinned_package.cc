// DL3016 npm-unpinned-package: `npm install` of a package without a version.
#include <fmt/format.h>

#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

// npm's options that take a value (npm reads `--name value` for its string settings).
constexpr ArgSpec kNpm = {
    "wC",
    "workspace,prefix,registry,cache,userconfig,globalconfig,tag,omit,include,loglevel,"
    "install-strategy,location,before,os,cpu,libc,save-prefix,script-shell",
};

/// hadolint's definition, plus `.`, `..` and `file:` paths and `#ref` on GitHub shorthands:
/// git URLs need a `#commit` or `#semver:` ref; tarballs and local folders are fixed;
/// otherwise the name needs `@version` (after any `@scope/`).
bool Pinned(std::string_view p) {
  for (std::string_view git : {"git://", "git+ssh://", "git+http://", "git+https://"}) {
    if (p.starts_with(git)) return p.find('#') != std::string_view::npos;
  }
  for (std::string_view tar : {".tar", ".tar.gz", ".tgz"}) {
    if (p.ends_with(tar)) return true;
  }
  for (std::string_view path : {"/", "./", "../", "~/", "file:"}) {
    if (p.starts_with(path)) return true;
  }
  if (p == "." || p == "..") return true;
  std::string_view name = p;
  if (name.starts_with("@")) {
    const std::size_t slash = name.find('/');
    name = slash == std::string_view::npos ? std::string_view() : name.substr(slash + 1);
  } else if (name.find('/') != std::string_view::npos) {
    // `user/repo` or `github:user/repo`: a GitHub repository, fixed by a `#ref`.
    return name.find('#') != std::string_view::npos;
  }
  return name.find('@') != std::string_view::npos;
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "npm") return;
  const ParsedArgs args = ParseArgs(cmd.argv, kNpm);
  if (args.positionals.empty()) return;
  const std::string_view sub = args.positionals[0]->value;
  bool install = false;
  // npm's aliases of `install`, its accepted misspellings included.
  for (std::string_view alias : {"install", "i", "add", "in", "ins", "inst", "insta", "instal",
                                 "isnt", "isnta", "isntal", "isntall"}) {
    install = install || sub == alias;
  }
  if (!install) return;
  for (std::size_t i = 1; i < args.positionals.size(); ++i) {
    const shell::Argument& a = *args.positionals[i];
    // A value the Dockerfile does not fix is unknown, not unpinned.
    if (!a.known || a.value.empty() || Pinned(a.value)) continue;
    ctx.Report(a.range, fmt::format("Pin the version of `{}` (`npm install {}@<version>`)",
                                    a.value, a.value));
  }
}

}  // namespace

extern const Rule kDL3016 = {
    .code = "DL3016",
    .name = "npm-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kNever,
    .summary = "Pin versions in npm",
    .doc = R"md(## What it does
Flags each package that `npm install` (or `npm i`, `npm add`) installs without a version:
`typescript` rather than `typescript@5.6.2`. A plain `npm install`, which installs what
`package.json` and the lock file say, is fine.

A package counts as pinned, as in hadolint, when its name carries `@version` or `@tag`
(after any `@scope/`), when it is a git URL with a `#commit` or `#semver:` ref, a tarball,
or a local folder.

## Why is this bad?
Without a version, each build installs the newest release of the day, so two builds of the
same Dockerfile can differ and a new major version can break the image without any change to
the Dockerfile.

## Example
```dockerfile
FROM node:22-alpine
RUN npm install -g typescript
```

## Use instead
```dockerfile
FROM node:22-alpine
RUN npm install -g typescript@5.6.2
```

## Fix safety
There is no fix: only the registry knows which version to pin.

## Differences from hadolint
- `npm i` and `npm add` are checked; hadolint only knows `npm install`.
- Variables are resolved: `npm install -g $TOOLS` checks each package the ARG or ENV gives. A
  value the Dockerfile does not fix is unknown, not unpinned, and is not reported; hadolint
  reports it.
- Options that take a value (`--prefix /app install`, `--omit dev`) are read as such: hadolint
  takes the value for a package, or misses the install when the option comes first.
- `.`, `..` and `file:` paths are local folders, and a GitHub shorthand with a ref
  (`user/repo#v1.2.0`) is pinned; hadolint reports them.
- npm is seen behind `sudo` and `sh -c "..."`; one finding per unpinned package, at the
  package.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
