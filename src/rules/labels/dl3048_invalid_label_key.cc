// DL3048 invalid-label-key: a LABEL key outside Docker's key format (lower-case reverse-DNS
// words, no reserved namespace).
#include <fmt/format.h>

#include <string>

#include "base/utf8.h"
#include "rules/labels/label_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsKeyChar(char c) {
  return IsLower(c) || IsDigit(c) || c == '.' || c == '-' || c == '_' || c == '/';
}

/// What is wrong with `key` (a sentence tail after "Label key `key` "), or "" when it is valid.
/// hadolint's checks: first byte [a-z], last byte [a-z0-9], bytes [0-9a-z._/-], no reserved
/// Docker namespace, no `..` or `--`.
std::string Problem(std::string_view key) {
  for (std::string_view ns : {"com.docker.", "io.docker.", "org.dockerproject."}) {
    if (key.substr(0, ns.size()) == ns) {
      return fmt::format("uses the namespace `{}`, which Docker reserves", ns);
    }
  }
  for (char c : key) {
    if (c >= 'A' && c <= 'Z') return "has upper-case letters; label keys are lower-case";
  }
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (!IsKeyChar(key[i])) {
      const base::DecodedRune r = base::DecodeRune(key, i);
      return fmt::format("contains `{}`; use only `a-z`, `0-9`, `.`, `-`, `_` and `/`",
                         key.substr(i, r.width));
    }
  }
  if (key.empty() || !IsLower(key.front())) return "must start with a lower-case letter";
  if (!IsLower(key.back()) && !IsDigit(key.back())) {
    return "must end with a lower-case letter or a digit";
  }
  for (std::string_view twice : {"..", "--"}) {
    if (key.find(twice) != std::string_view::npos) {
      return fmt::format("has consecutive separators `{}`", twice);
    }
  }
  return "";
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kLabel) return;
  for (const ResolvedLabel& label : ResolveLabels(ctx, inst)) {
    // A key made of values only the build knows cannot be judged.
    if (!label.key_known) continue;
    std::string problem = Problem(label.key);
    if (problem.empty()) continue;
    const syntax::Word& key = label.pair->key;
    std::optional<base::Fix> fix;
    // Upper case is the only problem: offer the lower-case key, when it is written as is.
    if (Problem(base::AsciiLower(label.key)).empty() &&
        key.value.find('$') == std::string_view::npos &&
        key.value.find(ctx.dockerfile().escape) == std::string_view::npos &&
        ctx.Text(key.range) == key.value) {
      fix = base::Fix{fmt::format("Rename the label to `{}`", base::AsciiLower(label.key)),
                      base::Applicability::kUnsafe,
                      {{key.range, base::AsciiLower(key.value)}}};
    }
    ctx.Report(key.range, fmt::format("Label key `{}` {}", label.key, problem), std::move(fix));
  }
}

}  // namespace

extern const Rule kDL3048 = {
    .code = "DL3048",
    .name = "invalid-label-key",
    .severity = base::Severity::kStyle,
    .default_enabled = true,
    .category = "labels",
    .fixable = Fixable::kSometimes,
    .summary = "Invalid label key",
    .doc = R"md(## What it does
Flags a `LABEL` key that does not follow Docker's format for label keys: lower-case letters,
digits, `.`, `-`, `_` and `/`, starting with a letter and ending with a letter or digit, without
`..` or `--`, and outside the namespaces Docker reserves for itself (`com.docker.`,
`io.docker.`, `org.dockerproject.`).

## Why is this bad?
Tools that read labels (registries, scanners, `docker image ls --filter label=...`, the OCI
annotations) expect reverse-DNS keys such as `org.opencontainers.image.source`. Keys are
case-sensitive, so `Version` and `version` are two different labels and queries miss one of
them; the reserved namespaces belong to Docker's own tools.

## Example
```dockerfile
FROM alpine:3.20
LABEL Description="Nightly build" com.docker.extension="yes"
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.description="Nightly build" com.example.extension="yes"
```

## Fix safety
When upper case is the key's only problem and the key is written without variables, the fix
lower-cases it. It is unsafe: anything that reads the label under its old name no longer finds
it.

## Differences from hadolint
hadolint does not expand variables, so `LABEL ${NAME}=1` is always flagged for its `$`;
shipshape judges the key the build sets, with ARG/ENV values expanded as BuildKit does (a key
holding a value only the build knows is not judged). shipshape also checks `ONBUILD LABEL`,
reports one finding per bad key (hadolint reports the instruction once) at the key itself, and
says what is wrong with it.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
