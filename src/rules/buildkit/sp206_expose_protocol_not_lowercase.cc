// SP206 expose-protocol-not-lowercase: `EXPOSE 80/TCP` (BuildKit's ExposeProtoCasing).
#include <fmt/format.h>

#include "base/utf8.h"
#include "rules/buildkit/expose_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kExpose) return;
  for (const syntax::Word& word : inst.args) {
    const ExposeWord expose = ExposeSpecs(ctx, word);
    for (const std::string& spec : expose.specs) {
      const std::size_t slash = spec.find('/');
      if (slash == std::string::npos) continue;
      const std::string_view proto = std::string_view(spec).substr(slash + 1);
      const std::string lower = base::ToLower(proto);
      if (proto == lower) continue;
      std::optional<base::Fix> fix;
      if (expose.literal) {
        // The word is this one spec, as written: lower-case the part after `/`.
        const auto begin = static_cast<std::uint32_t>(word.range.begin + slash + 1);
        fix = base::Fix{fmt::format("Write `{}`", lower),
                        base::Applicability::kSafe,
                        {{{begin, word.range.end}, lower}}};
      }
      const std::string shown = spec == word.value
                                    ? fmt::format("`{}`", spec)
                                    : fmt::format("`{}` (from `{}`)", spec, word.value);
      ctx.Report(word.range, fmt::format("Protocol in EXPOSE port {} should be lowercase", shown),
                 std::move(fix));
    }
  }
}

}  // namespace

extern const Rule kSP206 = {
    .code = "SP206",
    .name = "expose-protocol-not-lowercase",
    .buildkit_name = "ExposeProtoCasing",
    .severity = base::Severity::kStyle,
    .default_enabled = true,
    .category = "buildkit",
    .fixable = Fixable::kSometimes,
    .summary = "The protocol in EXPOSE should be lowercase",
    .doc = R"md(## What it does
Flags an `EXPOSE` port whose protocol (`/tcp`, `/udp`, `/sctp`) is not written in lower case,
after the port's variables are expanded.

## Why is this bad?
BuildKit accepts the protocol in any case and stores it in lower case, so `80/TCP` works, but
tools that read the Dockerfile (or compare it with the image) see two spellings of one port.
Docker's own build check `ExposeProtoCasing` warns about it.

## Example
```dockerfile
FROM nginx:1.27
EXPOSE 80/TCP 53/UDP
```

## Use instead
```dockerfile
FROM nginx:1.27
EXPOSE 80/tcp 53/udp
```

## Fix safety
The fix lower-cases the protocol. It is safe: BuildKit stores the protocol in lower case
anyway. A port written with variables (`EXPOSE $PORT/TCP`) is flagged when the Dockerfile
fixes its value, without a fix.

## Differences from hadolint
hadolint has no such rule.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
