// SP209 undefined-arg-in-from: FROM uses a variable no global ARG declares (BuildKit's
// UndefinedArgInFrom).
#include <fmt/format.h>

#include <string>
#include <vector>

#include "base/suggest.h"
#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

bool IsNameByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// The range of the first `$name` or `${name...` in `range`, or `range` itself.
base::Range FindReference(const Context& ctx, base::Range range, std::string_view name) {
  const std::string_view text = ctx.Text(range);
  for (std::size_t i = text.find('$'); i != std::string_view::npos; i = text.find('$', i + 1)) {
    std::size_t begin = i + 1;
    const bool braced = begin < text.size() && text[begin] == '{';
    if (braced) ++begin;
    if (text.substr(begin, name.size()) != name) continue;
    const std::size_t end = begin + name.size();
    if (end < text.size() && IsNameByte(text[end])) continue;
    std::size_t stop = end;
    if (braced) {
      const std::size_t close = text.find('}', end);
      stop = close == std::string_view::npos ? end : close + 1;
    }
    return {static_cast<std::uint32_t>(range.begin + i),
            static_cast<std::uint32_t>(range.begin + stop)};
  }
  return range;
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kFrom) return;
  const std::optional<std::size_t> index = ctx.stage();
  if (!index) return;
  const model::Stage& stage = ctx.model().stages()[*index];
  // BuildKit suggests from the global scope: the ARGs before the first FROM and the automatic
  // platform args.
  std::vector<std::string> candidates;
  for (const model::Variable& v : ctx.model().global_scope().variables()) {
    candidates.push_back(v.name);
  }
  auto report = [&](base::Range where, const model::Resolved& resolved) {
    // A word BuildKit cannot expand (`${a:b}`) fails the build with that error instead.
    if (!resolved.error.empty()) return;
    for (const std::string& name : resolved.undeclared) {
      const std::optional<std::string> suggestion = base::Suggest(name, candidates, true);
      ctx.Report(FindReference(ctx, where, name),
                 fmt::format("FROM argument `{}` is not declared{}", name,
                             suggestion ? fmt::format(" (did you mean `{}`?)", *suggestion)
                                        : std::string()));
    }
  };
  for (const syntax::Flag& f : inst.flags) {
    if (f.Name() == "platform" && f.Value()) report(f.range, stage.platform);
  }
  if (!inst.args.empty()) report(inst.args[0].range, stage.base);
}

}  // namespace

extern const Rule kSP209 = {
    .code = "SP209",
    .name = "undefined-arg-in-from",
    .buildkit_name = "UndefinedArgInFrom",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "buildkit",
    .fixable = Fixable::kNever,
    .summary = "FROM should only use declared global ARGs",
    .doc = R"md(## What it does
Flags a variable used in a `FROM` image or its `--platform` that is neither an `ARG` declared
before the first `FROM` nor one of BuildKit's automatic platform args (`BUILDPLATFORM`,
`TARGETARCH`, ...). When a declared name is at most two edits away, the message suggests it.

## Why is this bad?
`FROM` only sees the global ARGs. An undeclared variable expands to the empty string, so
`FROM node:${NODE_VERSION}` without `ARG NODE_VERSION` above it asks for `node:` (an error), and a
typo such as `$BULIDPLATFORM` silently drops the platform. An `ARG` declared inside a stage is
not visible to a later `FROM` either. Docker's own build check `UndefinedArgInFrom` warns about
it.

## Example
```dockerfile
ARG NODE_VERSION=22
FROM node:${NODE_VERISON}
```

## Use instead
```dockerfile
ARG NODE_VERSION=22
FROM node:${NODE_VERSION}
```

## Fix safety
There is no fix: the intended name (or the missing `ARG`) is the author's choice.

## Differences from hadolint
hadolint has no such rule.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
