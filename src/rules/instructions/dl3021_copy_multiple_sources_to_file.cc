// DL3021 copy-multiple-sources-to-file: COPY/ADD of several sources to a destination without a
// trailing `/`.
#include <fmt/format.h>

#include <string>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kCopy && inst.keyword != syntax::Keyword::kAdd) return;
  if (inst.args.size() < 3) return;
  const syntax::Word& dest = inst.args.back();
  // Most destinations are written out: judge those before expanding anything.
  if (IsLiteral(dest.value) && (dest.value.ends_with('/') || dest.value.ends_with('\\'))) return;
  std::string value;
  bool known = false;
  if (ctx.in_onbuild() && dest.value.find('$') != std::string_view::npos) {
    value = std::string(DropQuotes(LiteralTail(dest.value)));
  } else {
    model::Resolved r = ctx.model().Resolve(ctx.index(), dest.value);
    if (!r.error.empty()) return;
    // `$DIR/`: the end is written out whatever DIR holds.
    known = r.known;
    value = known ? std::move(r.value) : std::string(DropQuotes(LiteralTail(dest.value)));
  }
  // A trailing `\` is a directory too, on Windows.
  if (value.empty() || value.back() == '/' || value.back() == '\\') return;
  // Append the `/` inside the closing quote, if any.
  std::optional<base::Fix> fix;
  const std::string_view text = ctx.Text(dest.range);
  if (!text.empty() && text.back() != '\\' && text.back() != '`') {
    const bool quoted = text.back() == '"' || text.back() == '\'';
    const std::uint32_t at = dest.range.end - (quoted ? 1 : 0);
    fix = base::Fix{"Add `/` to the destination", base::Applicability::kUnsafe, {{{at, at}, "/"}}};
  }
  const std::string shown = !known || value == dest.value
                                ? fmt::format("`{}`", dest.value)
                                : fmt::format("`{}` (`{}`)", dest.value, value);
  ctx.Report(dest.range,
             fmt::format("Destination {} of {} with {} sources must end with `/`", shown,
                         inst.keyword == syntax::Keyword::kAdd ? "an `ADD`" : "a `COPY`",
                         inst.args.size() - 1),
             std::move(fix));
}

}  // namespace

extern const Rule kDL3021 = {
    .code = "DL3021",
    .name = "copy-multiple-sources-to-file",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kAlways,
    .summary = "COPY with more than 2 arguments requires the last argument to end with /",
    .doc = R"md(## What it does
Flags a `COPY` (or `ADD`) with two or more sources whose destination, once its variables are
expanded, does not end with `/`.

## Why is this bad?
With several sources the destination has to be a directory. Docker's documentation requires the
trailing `/`, and without it BuildKit copies each source onto the same path in turn when the
directory does not already exist, leaving only the last file.

## Example
```dockerfile
FROM node:22
COPY package.json package-lock.json /app
```

## Use instead
```dockerfile
FROM node:22
COPY package.json package-lock.json /app/
```

## Fix safety
The fix appends `/` to the destination. It is unsafe: when the destination does not exist as a
directory in the image, the result changes (for the better).

## Differences from hadolint
- Variables are expanded with the ARG and ENV values in force: `COPY a b $DEST` with
  `ENV DEST=/app/` is not flagged; hadolint looks only at the last character as written. When
  the value is only known to the build, the destination is judged by what is written after its
  last variable.
- `ADD` and `ONBUILD COPY`/`ONBUILD ADD` are checked too; hadolint checks only `COPY`.
- A Windows destination ending in `\` (`C:\\app\\`) is a directory too.
- The finding points at the destination and comes with a fix.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
