// DL3047 wget-without-progress-option: GNU wget without a progress or verbosity option floods
// the build log.
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Whether `ref`'s image is Alpine or BusyBox based, where `wget` is BusyBox's.
bool BusyBoxImage(const model::ImageRef& ref) {
  const std::size_t slash = ref.path.find_last_of('/');
  const std::string_view repo =
      std::string_view(ref.path).substr(slash == std::string::npos ? 0 : slash + 1);
  return repo == "alpine" || repo == "busybox" || ref.tag.find("alpine") != std::string::npos;
}

/// Whether `cmd` installs GNU wget with apk (`apk add wget`).
bool InstallsGnuWget(const shell::Analysis& run, const shell::Command& cmd) {
  if (cmd.name != "apk") return false;
  for (const shell::Argument& a : run.Packages(cmd)) {
    if (a.value == "wget" || a.value.rfind("wget=", 0) == 0 || a.value.rfind("wget~", 0) == 0) {
      return true;
    }
  }
  return false;
}

/// Whether the `wget` that `cmd` runs is BusyBox's: the stage is built on an Alpine or BusyBox
/// image and no RUN of it (or of the stages it is built on) installs GNU wget before `cmd`.
bool BusyBoxWget(Context& ctx, const shell::Command& cmd) {
  const model::Model& model = ctx.model();
  std::optional<std::size_t> stage = ctx.stage();
  if (!stage || ctx.in_onbuild()) return false;
  // The chain of stages down to the image it starts from.
  std::vector<std::size_t> chain;
  while (stage && chain.size() <= model.stages().size()) {
    chain.push_back(*stage);
    const model::Stage& s = model.stages()[*stage];
    if (s.base_kind != model::BaseKind::kStage) break;
    stage = s.base_stage;
  }
  const model::Stage& root = model.stages()[chain.back()];
  if (root.base_kind != model::BaseKind::kImage || !BusyBoxImage(root.image)) return false;
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  for (auto s = chain.rbegin(); s != chain.rend(); ++s) {
    const model::Stage& st = model.stages()[*s];
    for (std::size_t i = st.begin; i < st.end && i <= ctx.index(); ++i) {
      if (insts[i].keyword != syntax::Keyword::kRun) continue;
      const shell::Analysis& run = ctx.Shell(i);
      for (const shell::Command& c : run.commands()) {
        if (i == ctx.index() && c.index >= cmd.index) break;
        if (InstallsGnuWget(run, c)) return false;
      }
    }
  }
  return true;
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "wget") return;
  // `-q`, `--progress=...`, `-o log` / `-a log` (the log goes to a file), `-nv`, `--spider`.
  if (cmd.HasOption({"q", "quiet", "progress", "o", "output-file", "a", "append-output",
                     "no-verbose", "spider"})) {
    return;
  }
  for (const shell::Argument& a : cmd.argv) {
    if (a.known && a.value.rfind("-nv", 0) == 0) return;
  }
  if (BusyBoxWget(ctx, cmd)) return;
  std::optional<base::Fix> fix;
  if (ctx.run().script().interpreter == shell::Interpreter::kPosix) {
    fix = base::Fix{"Add `--progress=dot:giga`",
                    base::Applicability::kUnsafe,
                    {{{cmd.command.range.end, cmd.command.range.end}, " --progress=dot:giga"}}};
  }
  ctx.Report(cmd.command.range,
             "`wget` without a progress option prints a line of dots per 50 KB downloaded; "
             "add `--progress=dot:giga`, `-nv` or `-q`",
             std::move(fix));
}

}  // namespace

extern const Rule kDL3047 = {
    .code = "DL3047",
    .name = "wget-without-progress-option",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "shell",
    .fixable = Fixable::kSometimes,
    .summary = "Avoid use of wget without progress bar",
    .doc = R"md(## What it does
Flags `wget` run without any of `--progress=...`, `-q` (`--quiet`), `-nv` (`--no-verbose`),
`-o FILE` / `-a FILE` (log to a file) or `--spider`.

## Why is this bad?
Without a terminal, GNU wget falls back to its "dot" progress display: a line of 50 dots for
every 50 KB. Downloading a 500 MB archive writes 10,000 lines into the build log, which slows
the build output and buries everything else. `--progress=dot:giga` prints a line per 3 MB,
`-nv` only one line per file, `-q` nothing.

## Example
```dockerfile
FROM debian:12
RUN apt-get update && apt-get install -y wget
RUN wget https://example.com/app.tar.gz
```

## Use instead
```dockerfile
FROM debian:12
RUN apt-get update && apt-get install -y wget
RUN wget --progress=dot:giga https://example.com/app.tar.gz
```

## Fix safety
The fix inserts `--progress=dot:giga` after `wget`. It is unsafe: only GNU wget knows the
option, and a BusyBox `wget` that shipshape did not recognise as such stops with an error.
There is no fix for exec-form RUNs.

## Differences from hadolint
- In a stage built on an Alpine or BusyBox image (`alpine`, `busybox`, a tag with `alpine`) that
  has not installed GNU wget with `apk add wget`, `wget` is BusyBox's: it prints at most one
  progress line per second and rejects `--progress`, so it is not flagged. hadolint flags it and
  suggests an option that breaks the build.
- `--spider` (no download) is accepted.
- `wget` is seen behind `sudo` and `sh -c`, each command is reported at the `wget` word instead
  of the RUN's first line, and a fix is offered.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
