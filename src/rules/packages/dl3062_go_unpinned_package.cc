// DL3062 go-unpinned-package: `go install`, `go get` or `go run` of a module without a version.
#include <fmt/format.h>

#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

// The go command's build flags that take a value (`-tags netgo`, `-ldflags "-s -w"`); go reads
// `-name` and `--name` alike.
constexpr ArgSpec kGo = {
    "oCp",
    "asmflags,buildmode,compiler,gccgoflags,gcflags,installsuffix,ldflags,mod,modfile,overlay,"
    "pgo,pkgdir,tags,toolexec,exec,covermode,coverpkg,o,C,p",
    /*single_dash_long=*/true,
};

/// A package of the module being built, or a path: its version is the checkout's.
bool IsLocal(std::string_view p) {
  return p == "." || p.starts_with('.') || p.starts_with('/') || p.ends_with(".go") ||
         p == "std" || p == "cmd" || p == "tool";
}

/// The version query after `@`, if any.
std::optional<std::string_view> Query(std::string_view p) {
  const std::size_t at = p.rfind('@');
  if (at == std::string_view::npos) return std::nullopt;
  return p.substr(at + 1);
}

/// hadolint's definition: a local path, or `@version` other than `@latest` and `@none`
/// (`@upgrade` and `@patch` move too).
bool Pinned(std::string_view p) {
  if (IsLocal(p)) return true;
  const std::optional<std::string_view> q = Query(p);
  return q && !q->empty() && *q != "latest" && *q != "none" && *q != "upgrade" && *q != "patch";
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "go") return;
  const ParsedArgs args = ParseArgs(cmd.argv, kGo);
  if (args.positionals.empty()) return;
  const std::string_view sub = args.positionals[0]->value;
  const bool run = sub == "run";
  if (!run && sub != "install" && sub != "get") return;
  // `go run` takes one package; what follows is the program's arguments.
  const std::size_t end = run ? std::min<std::size_t>(2, args.positionals.size())
                              : args.positionals.size();
  for (std::size_t i = 1; i < end; ++i) {
    const shell::Argument& a = *args.positionals[i];
    // A value the Dockerfile does not fix is unknown, not unpinned.
    if (!a.known || a.value.empty() || Pinned(a.value)) continue;
    const std::string_view module = std::string_view(a.value).substr(0, a.value.rfind('@'));
    ctx.Report(a.range, fmt::format("Pin the version of `{}` (`go {} {}@<version>`)", module, sub,
                                    module));
  }
}

}  // namespace

extern const Rule kDL3062 = {
    .code = "DL3062",
    .name = "go-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kNever,
    .summary = "Pin versions in go",
    .doc = R"md(## What it does
Flags each module that `go install` or `go get` installs, and the package `go run` runs,
without a version: `golang.org/x/tools/gopls` or `gopls@latest` rather than
`golang.org/x/tools/gopls@v0.16.2`.

A package counts as pinned, as in hadolint, when it has an `@version` other than `@latest`
or `@none`, or is local: a path (`.`, `./cmd/app`, `/src`), a `.go` file, or the `std`,
`cmd` and `tool` patterns.

## Why is this bad?
Without a version, go resolves the newest release of the day, so two builds of the same
Dockerfile can differ and a new release can break the image without any change to the
Dockerfile.

## Example
```dockerfile
FROM golang:1.23
RUN go install golang.org/x/tools/gopls@latest
```

## Use instead
```dockerfile
FROM golang:1.23
RUN go install golang.org/x/tools/gopls@v0.16.2
```

## Fix safety
There is no fix: only the module proxy knows which version to pin.

## Differences from hadolint
- When a RUN holds a `go run`, hadolint checks only the `go run` package and skips every
  `go install` and `go get` of that RUN; shipshape checks each command.
- `go run main.go` (a local file) is pinned; hadolint reports it. Only the package of
  `go run` is checked, not the program's arguments.
- Flag values are read as go reads them: `go install -tags netgo example.com/cmd@v1.0.0` does
  not take `netgo` for a package, as hadolint does.
- `@upgrade` and `@patch` are moving queries, like `@latest`.
- Variables are resolved: `go install example.com/cmd@${VERSION}` with a known ARG is checked
  with its value; with an unknown one it is not reported.
- go is seen behind `sudo` and `sh -c "..."`; one finding per unpinned package, at the
  package.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
