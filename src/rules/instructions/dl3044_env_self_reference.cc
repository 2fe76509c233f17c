// DL3044 env-self-reference: an ENV value referring to a variable the same ENV sets, which it
// does not see yet.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// A `$NAME` or `${NAME...}` in a value: the name and its offset range in the value.
struct Reference {
  std::string_view name;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The variable references BuildKit expands in `value` (not in single quotes, not escaped).
std::vector<Reference> References(std::string_view value, char escape) {
  std::vector<Reference> out;
  bool in_double = false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == escape) {
      ++i;
      continue;
    }
    if (c == '\'' && !in_double) {
      const std::size_t close = value.find('\'', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    if (c == '"') {
      in_double = !in_double;
      continue;
    }
    if (c != '$' || i + 1 >= value.size()) continue;
    const bool braced = value[i + 1] == '{';
    const std::size_t begin = i + (braced ? 2 : 1);
    std::size_t end = begin;
    while (end < value.size() && IsNameChar(value[end])) ++end;
    if (end == begin) continue;
    std::size_t stop = end;
    if (braced) {
      const std::size_t close = value.find('}', end);
      stop = close == std::string_view::npos ? value.size() : close + 1;
    }
    out.push_back({value.substr(begin, end - begin), i, stop});
    i = stop - 1;
  }
  return out;
}

/// `value` in a message: long values (PATHs) are cut.
std::string Shorten(std::string_view value) {
  constexpr std::size_t kMax = 40;
  if (value.size() <= kMax) return std::string(value);
  return std::string(value.substr(0, kMax)) + "...";
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kEnv || inst.pairs.size() < 2) return;
  const model::Model& model = ctx.model();
  const model::Scope& before = model.ScopeAt(ctx.index());
  const char escape = ctx.dockerfile().escape;
  for (std::size_t j = 0; j < inst.pairs.size(); ++j) {
    const syntax::Word& value = inst.pairs[j].value;
    if (value.value.find('$') == std::string_view::npos) continue;
    const bool mapped = ctx.Text(value.range) == value.value;
    for (const Reference& ref : References(value.value, escape)) {
      // The other assignments of this ENV to the name (a pair's own name is meant to be the
      // old value: `PATH=/x:$PATH`).
      std::optional<std::size_t> setter;
      for (std::size_t k = 0; k < inst.pairs.size(); ++k) {
        if (k != j && inst.pairs[k].key.value == ref.name) setter = k;
      }
      if (!setter) continue;
      const model::Variable* old = before.Find(ref.name);
      // An ARG without a default: only the build knows what the reference gets.
      if (old && !old->value) continue;
      // What the reference gets (the values from before the ENV) against what a reader expects
      // (the value this ENV sets); `${X:-default}` may well give the same.
      const std::string_view text = value.value.substr(ref.begin, ref.end - ref.begin);
      const model::Resolved got = model.Resolve(before, text);
      model::Scope expected_scope = before;
      model::Variable v;
      v.name = std::string(ref.name);
      v.value = model.Resolve(before, inst.pairs[*setter].value.value).value;
      v.source = model::VariableSource::kEnv;
      expected_scope.Set(std::move(v));
      const model::Resolved expected = model.Resolve(expected_scope, text);
      if (!got.error.empty() || !expected.error.empty() || got.value == expected.value) continue;
      std::string message;
      if (old && old->source == model::VariableSource::kImage) {
        message = fmt::format(
            "`{}` is the base image's `{}` here, not the `{}` this `ENV` sets: "
            "its values see only variables set before it",
            text, ref.name, Shorten(expected.value));
      } else if (got.value.empty()) {
        message = fmt::format(
            "`{}` is empty here, not `{}`: the values of an `ENV` see only "
            "variables set before it",
            text, Shorten(expected.value));
      } else {
        message = fmt::format(
            "`{}` is `{}` here, not `{}`: the values of an `ENV` see only "
            "variables set before it",
            text, Shorten(got.value), Shorten(expected.value));
      }
      const base::Range range =
          mapped ? base::Range{value.range.begin + static_cast<std::uint32_t>(ref.begin),
                               value.range.begin + static_cast<std::uint32_t>(ref.end)}
                 : value.range;
      ctx.Report(range, std::move(message));
    }
  }
}

}  // namespace

extern const Rule kDL3044 = {
    .code = "DL3044",
    .name = "env-self-reference",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kNever,
    .summary =
        "Do not refer to an environment variable within the same `ENV` statement where it "
        "is defined",
    .doc = R"md(## What it does
Flags a reference in an `ENV` value (`$NAME`, `${NAME}`, `${NAME:-default}`, ...) to a
variable that another assignment of the same `ENV` sets, when the reference does not expand to
that new value: the variable was not set before the `ENV` (the reference is empty or takes its
default), or was set to something else (the reference keeps the old value).

## Why is this bad?
All the values of one `ENV` are expanded with the variables as they were before it. In
`ENV DIR=/opt/app BIN=$DIR/bin`, `BIN` becomes `/bin`, not `/opt/app/bin`. Splitting the
assignments into two `ENV`s gives the value the author expects.

## Example
```dockerfile
FROM debian:12
ENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin
```

## Use instead
```dockerfile
FROM debian:12
ENV APP_HOME=/opt/app
ENV APP_BIN=$APP_HOME/bin
```

## Fix safety
There is no fix: splitting the `ENV` changes the value, which is the author's call.

## Differences from hadolint
- "Set before" means in force in this stage, as BuildKit scopes variables (an `ARG` or `ENV` of
  this stage or of the stages it is built `FROM`); hadolint counts any earlier `ENV` or `ARG` of
  the file, even from an unrelated stage.
- A variable set before is flagged too when this `ENV` gives it another value: the reference
  silently keeps the old one (`ENV PATH=/opt/bin:$PATH TOOLS=$PATH` leaves `/opt/bin` out of
  `TOOLS`). hadolint never flags a variable set before; shipshape does not either when it is an
  `ARG` without a default, whose value only the build knows.
- A reference that expands to the new value anyway is not flagged:
  `ENV NAME=${NAME:-app} HOME=/srv/${NAME:-app}`.
- `$X` inside single quotes and escaped `\$X` are not references (BuildKit does not expand
  them).
- Each reference is its own finding, at the reference.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
