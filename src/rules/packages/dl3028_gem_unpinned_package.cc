// DL3028 gem-unpinned-package: `gem install` of a gem without a version.
#include <fmt/format.h>

#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

// gem's options that take a value; what follows `--` goes to the extension's build.
constexpr ArgSpec kGem = {
    "vinsPp",
    "version,install-dir,bindir,source,platform,http-proxy,trust-policy,build-root,config-file,"
    "bulk-threshold,target-rbconfig",
    /*single_dash_long=*/false,
    /*stop_at_double_dash=*/true,
};

/// hadolint's definition (`name:version`), plus local `.gem` files.
bool Pinned(std::string_view gem) {
  return gem.find(':') != std::string_view::npos || gem.find('/') != std::string_view::npos ||
         gem.ends_with(".gem");
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "gem") return;
  const ParsedArgs args = ParseArgs(cmd.argv, kGem);
  if (args.positionals.empty()) return;
  const std::string_view sub = args.positionals[0]->value;
  if (sub != "install" && sub != "i") return;
  // `--version` pins the gem named (gem refuses it with several).
  if (args.Has({"v", "version"})) return;
  for (std::size_t i = 1; i < args.positionals.size(); ++i) {
    const shell::Argument& a = *args.positionals[i];
    // A value the Dockerfile does not fix is unknown, not unpinned.
    if (!a.known || a.value.empty() || Pinned(a.value)) continue;
    ctx.Report(a.range, fmt::format("Pin the version of `{}` (`gem install {}:<version>`)",
                                    a.value, a.value));
  }
}

}  // namespace

extern const Rule kDL3028 = {
    .code = "DL3028",
    .name = "gem-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kNever,
    .summary = "Pin versions in gem install",
    .doc = R"md(## What it does
Flags each gem that `gem install` installs without a version: `rails` rather than
`rails:7.2.1`. A command with `-v`/`--version` is pinned by it.

## Why is this bad?
Without a version, each build installs the newest release of the day, so two builds of the
same Dockerfile can differ and a new major version can break the image without any change to
the Dockerfile.

## Example
```dockerfile
FROM ruby:3.3-slim
RUN gem install bundler
```

## Use instead
```dockerfile
FROM ruby:3.3-slim
RUN gem install bundler:2.5.18
```

## Fix safety
There is no fix: only the gem source knows which version to pin.

## Differences from hadolint
- Options are read as gem reads them: hadolint 2.15 takes the word after every option for
  that option's value, so `gem install --no-document rails` hides `rails` and passes; here
  `rails` is reported. Arguments after `--` (for the extension's build) are not gems.
- Local `.gem` files and paths are pinned; hadolint reports them.
- Variables are resolved: `gem install $GEMS` checks each gem the ARG or ENV gives. A value
  the Dockerfile does not fix is unknown, not unpinned, and is not reported.
- gem is seen behind `sudo` and `sh -c "..."`; one finding per unpinned gem, at the gem.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
