// DL3024 duplicate-stage-name: two stages with the same name.
#include <fmt/format.h>

#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx) {
  const std::vector<model::Stage>& stages = ctx.model().stages();
  // Names are stored lower-cased, as BuildKit compares them.
  std::unordered_map<std::string_view, const model::Stage*> first;
  for (const model::Stage& stage : stages) {
    if (stage.name.empty() || stage.from->args.size() < 3) continue;
    const auto [it, inserted] = first.emplace(stage.name, &stage);
    if (inserted) continue;
    const syntax::Word& name = stage.from->args[2];
    ctx.Report(name.range, fmt::format("Stage name `{}` is already used by the stage on line {}",
                                       name.value, it->second->from->start_line));
  }
}

}  // namespace

extern const Rule kDL3024 = {
    .code = "DL3024",
    .name = "duplicate-stage-name",
    .buildkit_name = "DuplicateStageName",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "stages",
    .fixable = Fixable::kNever,
    .summary = "FROM aliases (stage names) must be unique",
    .doc = R"md(## What it does
Flags a stage whose name (`FROM ... AS <name>`) an earlier stage already uses. Names are
compared case-insensitively, as BuildKit compares them.

## Why is this bad?
The same name then means different stages in different places: `FROM <name>` builds on the last
stage of that name defined before it, while `COPY --from=<name>` and `--target` take the last one
in the file. Docker's build check `DuplicateStageName` warns about it too.

## Example
```dockerfile
FROM node:22 AS build
RUN npm --version

FROM node:22 AS build
RUN node --version
```

## Use instead
```dockerfile
FROM node:22 AS deps
RUN npm --version

FROM node:22 AS build
RUN node --version
```

## Fix safety
There is no fix: renaming a stage means choosing which references follow it.

## Differences from hadolint
- Names differing only in case (`AS Build` and `AS build`) are duplicates, as in BuildKit, which
  lower-cases stage names; hadolint compares them case-sensitively.
- The finding points at the repeated name and gives the line of the first one.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
