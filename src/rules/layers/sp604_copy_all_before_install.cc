// SP604 copy-all-before-install: the whole build context is copied before the dependency
// install, so every source change reinstalls every dependency.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Whether a COPY/ADD copies the whole context (`COPY . .`, `COPY ./ /app`), not `--from`.
bool CopiesContext(const syntax::Instruction& inst) {
  if ((inst.keyword != syntax::Keyword::kCopy && inst.keyword != syntax::Keyword::kAdd) ||
      inst.args.size() < 2 || !inst.heredocs.empty()) {
    return false;
  }
  for (const syntax::Flag& f : inst.flags) {
    if (f.Name() == "from") return false;
  }
  for (std::size_t i = 0; i + 1 < inst.args.size(); ++i) {
    const std::string_view src = inst.args[i].value;
    if (src == "." || src == "./" || src == "/" || src == "./." || src == "*") return true;
  }
  return false;
}

/// The manifest a dependency install reads, when `c` is one (`npm ci` -> package.json).
std::optional<std::string_view> InstallManifest(const shell::Command& c) {
  if ((c.name == "npm" && c.IsSubcommand({"ci", "install", "i"}) && c.args.empty()) ||
      (c.name == "pnpm" && c.IsSubcommand({"install", "i"}) && c.args.empty())) {
    return "package.json and its lockfile";
  }
  if (c.name == "yarn" && (!c.subcommand || (c.IsSubcommand({"install"}) && c.args.empty()))) {
    return "package.json and yarn.lock";
  }
  if ((c.name == "pip" || c.name == "pip3") && c.IsSubcommand({"install"}) &&
      c.HasOption({"r", "requirement"})) {
    return "the requirements file";
  }
  if (c.name == "pipenv" && c.IsSubcommand({"install", "sync"})) return "Pipfile and Pipfile.lock";
  if (c.name == "bundle" && c.IsSubcommand({"install"})) return "Gemfile and Gemfile.lock";
  if (c.name == "go" && c.IsSubcommand({"mod"}) && !c.args.empty() &&
      c.args[0].value == "download") {
    return "go.mod and go.sum";
  }
  if (c.name == "composer" && c.IsSubcommand({"install"})) return "composer.json and composer.lock";
  if (c.name == "cargo" && c.IsSubcommand({"fetch"})) return "Cargo.toml and Cargo.lock";
  return std::nullopt;
}

void Check(Context& ctx) {
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  for (const auto& [first, end] : ctx.model().StageBodies()) {
    std::optional<std::size_t> copy;
    for (std::size_t i = first; i < end; ++i) {
      const syntax::Instruction& inst = insts[i];
      if (!copy && CopiesContext(inst)) copy = i;
      if (!copy || inst.keyword != syntax::Keyword::kRun) continue;
      const shell::Analysis& run = ctx.Shell(i);
      if (!run.posix()) continue;
      for (const shell::Command& c : run.commands()) {
        const std::optional<std::string_view> manifest = InstallManifest(c);
        if (!manifest) continue;
        const std::uint32_t line = insts[*copy].start_line;
        ctx.Report(c.range,
                   fmt::format("`{}` runs after the whole context is copied (line {}), so any "
                               "source change reinstalls every dependency; copy {} first, "
                               "install, then copy the rest",
                               c.subcommand ? fmt::format("{} {}", c.name, c.subcommand->value)
                                            : c.name,
                               line, *manifest));
        break;
      }
    }
  }
}

}  // namespace

extern const Rule kSP604 = {
    .code = "SP604",
    .name = "copy-all-before-install",
    .severity = base::Severity::kInfo,
    .default_enabled = false,
    .presets = kHardened,
    .category = "layers",
    .summary = "Copy dependency manifests and install before copying the whole context",
    .doc = R"md(## What it does
Flags a dependency install (`npm ci`, `npm install`, `yarn`, `pnpm install`, `pip install -r`,
`pipenv install`, `bundle install`, `go mod download`, `composer install`, `cargo fetch`) in a
RUN that comes after a `COPY . <dest>` (or `ADD .`) of the whole build context in the same
stage. Installs that need the sources (`pip install .`, `npm install <pkg>`) are not flagged.

## Why is this bad?
A COPY's layer changes whenever any copied file changes, and every instruction after it is
rebuilt. With the whole context copied first, editing one source file reinstalls every
dependency: minutes per build instead of seconds. Copying only the manifests (and lockfiles)
first lets the install layer come from the cache until the dependencies change.

## Example
```dockerfile
FROM node:22-slim
WORKDIR /app
COPY . .
RUN npm ci
CMD ["node", "server.js"]
```

## Use instead
```dockerfile
FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
CMD ["node", "server.js"]
```

## Fix safety
There is no fix: which files the install needs is specific to the project.

## Differences from hadolint
hadolint has no such rule (it was requested in hadolint issue #1199 for `COPY . .`).
)md",
    .on_file = Check,
};

}  // namespace shipshape::rules
