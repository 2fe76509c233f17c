// SP504 add-url-without-checksum: `ADD https://...` without `--checksum`.
#include <fmt/format.h>

#include <string_view>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// An HTTP(S) download ADD can check with `--checksum` (not a Git repository).
bool IsHttpFile(std::string_view url) {
  const std::string lower = base::ToLower(url.substr(0, 8));
  if (!(lower.starts_with("http://") || lower.starts_with("https://"))) return false;
  const std::string_view path = url.substr(0, url.find_first_of("?#"));
  return !path.ends_with(".git") && url.find(".git#") == std::string_view::npos;
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kAdd || inst.args.size() < 2 || !inst.heredocs.empty()) {
    return;
  }
  for (const syntax::Flag& f : inst.flags) {
    if (f.Name() == "checksum") return;
  }
  for (std::size_t i = 0; i + 1 < inst.args.size(); ++i) {
    const syntax::Word& src = inst.args[i];
    const model::Resolved value = ctx.model().Resolve(ctx.index(), src.value);
    if (!IsHttpFile(value.value) && !IsHttpFile(src.value)) continue;
    const std::string shown = value.known && value.value != src.value
                                  ? fmt::format("`ADD {}` (`{}`)", src.value, value.value)
                                  : fmt::format("`ADD {}`", src.value);
    ctx.Report(src.range,
               fmt::format("{} downloads without checking what it gets; add "
                           "`--checksum=sha256:<hash of the file>`",
                           shown));
  }
}

}  // namespace

extern const Rule kSP504 = {
    .code = "SP504",
    .name = "add-url-without-checksum",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "supply-chain",
    .summary = "Give `ADD <url>` a `--checksum`",
    .doc = R"md(## What it does
Flags `ADD` of an `http://` or `https://` file (written out or held by an ARG/ENV) without a
`--checksum=sha256:...` flag. Git repositories (`.git` URLs) are left to the pinning of their
ref.

## Why is this bad?
Without a checksum the build takes whatever the server returns today: a re-tagged release, a
compromised mirror or a man in the middle changes the image without any change to the
Dockerfile, and two builds of the same commit can differ. With `--checksum`, BuildKit fails
the build when the file is not the one you reviewed.

## Example
```dockerfile
FROM alpine:3.20
ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /sbin/tini
```

## Use instead
```dockerfile
# syntax=docker/dockerfile:1
FROM alpine:3.20
ADD --checksum=sha256:c5b0666b4cb676901f90dfcb37106783c5fe2077b04590973b885950611b30ee \
    https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /sbin/tini
```

## Fix safety
There is no fix: the hash must come from the file you trust, not from whatever the URL serves
now.

## Differences from hadolint
hadolint has no such rule (download integrity was requested in hadolint issue #282); DL3020
only says `ADD` of local files should be `COPY`.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
