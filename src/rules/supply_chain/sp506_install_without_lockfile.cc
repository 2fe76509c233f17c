// SP506 install-without-lockfile: `npm install`, `yarn install`, `pnpm install` where the
// lockfile form (`npm ci`, `--frozen-lockfile`, `--immutable`) exists.
#include <fmt/format.h>

#include <optional>
#include <string_view>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Options of `npm install` that `npm ci` takes too (so the unsafe fix keeps them).
bool CiTakes(const shell::Option& o) {
  for (std::string_view name : {"omit", "production", "only", "no-audit", "audit", "no-fund",
                                "fund", "ignore-scripts", "legacy-peer-deps", "loglevel",
                                "unsafe-perm", "no-optional", "include", "quiet", "q", "silent",
                                "s", "verbose", "d", "dd", "prefer-offline", "cache", "registry",
                                "force", "foreground-scripts", "no-progress", "progress"}) {
    if (o.name == name) return true;
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name == "npm" && cmd.IsSubcommand({"install", "i"}) && cmd.args.empty()) {
    if (cmd.HasOption({"g", "global", "no-package-lock", "package-lock-only"})) return;
    std::optional<base::Fix> fix;
    bool all_taken = true;
    for (const shell::Option& o : cmd.options) all_taken = all_taken && CiTakes(o);
    if (all_taken && ctx.Text(cmd.subcommand->range) == cmd.subcommand->value &&
        !ctx.in_onbuild()) {
      fix = base::Fix{"Use `npm ci`", base::Applicability::kUnsafe,
                      {{cmd.subcommand->range, "ci"}}};
    }
    ctx.Report(cmd.subcommand->range,
               "`npm install` may change package-lock.json and install other versions than it "
               "lists; `npm ci` installs exactly the lockfile and fails when it is out of date",
               std::move(fix));
    return;
  }
  if (cmd.name == "yarn" && (!cmd.subcommand || cmd.IsSubcommand({"install"})) &&
      cmd.args.empty()) {
    if (cmd.HasOption({"frozen-lockfile", "immutable", "pure-lockfile", "version", "v", "help",
                       "h"})) {
      return;
    }
    ctx.Report(cmd.subcommand ? cmd.subcommand->range : cmd.command.range,
               "`yarn install` may resolve other versions than yarn.lock lists; add "
               "`--frozen-lockfile` (Yarn 1) or `--immutable` (Yarn 2+)");
    return;
  }
  if (cmd.name == "pnpm" && cmd.IsSubcommand({"install", "i"}) && cmd.args.empty()) {
    if (cmd.HasOption({"frozen-lockfile", "prod", "offline"})) return;
    ctx.Report(cmd.subcommand->range,
               "`pnpm install` may resolve other versions than pnpm-lock.yaml lists outside CI; "
               "add `--frozen-lockfile`");
  }
}

}  // namespace

extern const Rule kSP506 = {
    .code = "SP506",
    .name = "install-without-lockfile",
    .severity = base::Severity::kInfo,
    .default_enabled = false,
    .presets = kHardened,
    .category = "supply-chain",
    .fixable = Fixable::kSometimes,
    .summary = "Install exactly the lockfile: `npm ci`, `yarn --frozen-lockfile`",
    .doc = R"md(## What it does
Flags project installs that may resolve versions other than the lockfile's: `npm install` with
no package names (use `npm ci`), `yarn` / `yarn install` without `--frozen-lockfile` or
`--immutable`, and `pnpm install` without `--frozen-lockfile`. `npm install -g` and installs of
named packages (DL3016's business) are not flagged.

## Why is this bad?
The lockfile is the reviewed list of every package version. An install that may update it
builds an image with versions nobody chose, different from the developer's and from the last
build; a lockfile install fails instead when `package.json` and the lockfile disagree.

## Example
```dockerfile
FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev
```

## Use instead
```dockerfile
FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
```

## Fix safety
`npm install` becomes `npm ci` when its options are ones `npm ci` also takes. The fix is unsafe:
`npm ci` fails without a package-lock.json (or with one out of date) and deletes an existing
`node_modules` first. Yarn and pnpm have no fix: the flag depends on the Yarn version.

## Differences from hadolint
hadolint has no such rule (DL3016 asks for versions of named packages).
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
