// SP505 git-clone-unpinned: `git clone` of a branch with no commit pinned afterwards.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Whether a ref names a moving branch rather than a tag or commit.
bool IsBranchName(std::string_view ref) {
  for (std::string_view b : {"main", "master", "develop", "dev", "trunk", "HEAD", "latest",
                             "stable", "nightly", "next", "release"}) {
    if (ref == b) return true;
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "git" || !cmd.IsSubcommand({"clone"})) return;
  // `--branch X` / `-b X`: a tag or release branch is taken as a choice of version.
  if (const shell::Option* b = cmd.FindOption({"b", "branch"})) {
    if (!b->value || !IsBranchName(*b->value)) return;
  }
  // A later `git checkout <ref>`, `git reset --hard <ref>`, `git fetch ... <ref>` in this RUN or
  // a later one of the stage pins it (a variable counts: the build chooses).
  auto pins = [](const shell::Command& c) {
    if (c.name != "git" || !c.IsSubcommand({"checkout", "switch", "reset", "fetch"})) return false;
    for (const shell::Argument& a : c.args) {
      if (!a.value.empty() && a.value[0] != '-' && !IsBranchName(a.value) &&
          a.value != "origin" && a.value.find("://") == std::string::npos) {
        return true;
      }
    }
    return false;
  };
  bool after = false;
  for (const shell::Command& c : ctx.run().commands()) {
    if (after && pins(c)) return;
    after = after || &c == &cmd;
  }
  const std::optional<std::size_t> stage = ctx.stage();
  const auto implicit = ctx.model().ImplicitStage();
  const bool in_implicit = !stage && implicit && ctx.index() >= implicit->first &&
                           ctx.index() < implicit->second;
  if ((stage || in_implicit) && !ctx.in_onbuild()) {
    const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
    const std::size_t stage_end = stage ? ctx.model().stages()[*stage].end : implicit->second;
    for (std::size_t j = ctx.index() + 1; j < stage_end; ++j) {
      if (insts[j].keyword != syntax::Keyword::kRun) continue;
      for (const shell::Command& c : ctx.Shell(j).commands()) {
        if (pins(c)) return;
      }
    }
  }
  ctx.Report(cmd.command.range,
             fmt::format("`git clone` takes whatever the {} points to at build time; pin a tag "
                         "(`--branch v1.2.3`) or check out a commit (`git checkout <sha>`)",
                         cmd.FindOption({"b", "branch"}) ? "branch" : "default branch"));
}

}  // namespace

extern const Rule kSP505 = {
    .code = "SP505",
    .name = "git-clone-unpinned",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "supply-chain",
    .summary = "Pin `git clone` to a tag or commit",
    .doc = R"md(## What it does
Flags `git clone` of the default branch, or of a moving branch (`--branch main`, `master`,
`develop`, ...), when neither the same RUN nor a later one of the stage then checks out a tag
or commit (`git checkout <ref>`, `git reset --hard <ref>`, `git fetch origin <ref>`). A `--branch` naming a tag or release
(`v1.2.3`), or a checkout of a variable, counts as pinned.

## Why is this bad?
A branch moves: two builds of the same Dockerfile clone different code, a rebuild can pick up a
breaking or malicious commit, and nothing in the Dockerfile says which code is in the image.

## Example
```dockerfile
FROM golang:1.23
RUN git clone https://github.com/example/tool.git /src && cd /src && go build -o /tool .
```

## Use instead
```dockerfile
FROM golang:1.23
RUN git clone --depth 1 --branch v1.4.2 https://github.com/example/tool.git /src \
    && cd /src && go build -o /tool .
```

## Fix safety
There is no fix: which version to pin is the author's choice.

## Differences from hadolint
hadolint has no such rule.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
