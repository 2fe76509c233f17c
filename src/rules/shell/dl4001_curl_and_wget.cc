// DL4001 curl-and-wget: a stage that downloads with both curl and wget.
#include <fmt/format.h>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Where a stage (or its ONBUILD triggers) runs curl and wget.
struct Uses {
  std::vector<const shell::Command*> curl;
  std::vector<const shell::Command*> wget;
};

void Report(Context& ctx, const Uses& uses) {
  if (uses.curl.empty() || uses.wget.empty()) return;
  // The tool used less often is the one to replace; on a tie, the one that came second.
  const bool wget_minor =
      uses.wget.size() < uses.curl.size() ||
      (uses.wget.size() == uses.curl.size() &&
       uses.wget.front()->command.range.begin > uses.curl.front()->command.range.begin);
  const std::vector<const shell::Command*>& minor = wget_minor ? uses.wget : uses.curl;
  const shell::Command& other = *(wget_minor ? uses.curl : uses.wget).front();
  const std::uint32_t line = ctx.dockerfile().lines().PositionOf(other.command.range.begin).line;
  for (const shell::Command* c : minor) {
    ctx.Report(c->command.range,
               fmt::format("`{}` is used here and `{}` on line {} of the same stage; use only one "
                           "of them",
                           c->name, other.name, line));
  }
}

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  for (const auto& [first, end] : model.StageBodies()) {
    // ONBUILD triggers run in another build, with its own tools: they are judged apart.
    Uses uses, onbuild;
    for (std::size_t i = first; i < end && i < insts.size(); ++i) {
      if (!IsRun(insts[i])) continue;
      Uses& into = insts[i].keyword == syntax::Keyword::kOnbuild ? onbuild : uses;
      for (const shell::Command& c : ctx.Shell(i).commands()) {
        if (c.name == "curl") into.curl.push_back(&c);
        if (c.name == "wget") into.wget.push_back(&c);
      }
    }
    Report(ctx, uses);
    Report(ctx, onbuild);
  }
}

}  // namespace

extern const Rule kDL4001 = {
    .code = "DL4001",
    .name = "curl-and-wget",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "shell",
    .summary = "Either use Wget or Curl but not both",
    .doc = R"md(## What it does
Flags a stage whose RUN instructions use both `curl` and `wget`. Each use of the tool the stage
uses less often (on a tie, the one it started using last) is reported, naming where the other
one is used.

## Why is this bad?
Both tools download files; having the two in an image means two packages (and their TLS
libraries) to install, keep up to date and scan for vulnerabilities, where one would do.
Settling on one also keeps the download commands of the Dockerfile consistent.

## Example
```dockerfile
FROM debian:12
RUN apt-get update && apt-get install -y curl wget
RUN curl -fsSLo /tmp/a.tar.gz https://example.com/a.tar.gz
RUN wget -q -O /tmp/b.tar.gz https://example.com/b.tar.gz
```

## Use instead
```dockerfile
FROM debian:12
RUN apt-get update && apt-get install -y curl
RUN curl -fsSLo /tmp/a.tar.gz https://example.com/a.tar.gz
RUN curl -fsSLo /tmp/b.tar.gz https://example.com/b.tar.gz
```

## Fix safety
There is no fix: the two tools' options differ.

## Differences from hadolint
hadolint reports every RUN that uses either tool once both have been seen in the stage, so the
RUN that first used the other tool is not reported and later RUNs using the main tool are.
shipshape reports each use of the tool to replace, at the command, and says where the other
one is. Both judge each stage on its own; shipshape judges ONBUILD triggers apart from the
stage's own RUNs (they run in another build), and sees the tools behind `sudo` and `sh -c`.
)md",
    .onbuild = true,
    .on_file = Check,
};

}  // namespace shipshape::rules
