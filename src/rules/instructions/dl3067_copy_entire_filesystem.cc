// DL3067 copy-entire-filesystem: `COPY --from=stage / /` copies a whole filesystem.
#include <fmt/format.h>

#include <string>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Whether `path` names the root once cleaned (`/`, `//`, `/.`, `/..`); a relative path counts
/// when `relative_is_root` (COPY --from sources are relative to the source's root).
bool IsRoot(std::string_view path, bool relative_is_root) {
  if (path.empty()) return false;
  if (path[0] != '/' && !relative_is_root) return false;
  std::size_t i = 0;
  while (i < path.size()) {
    const std::size_t slash = path.find('/', i);
    const std::string_view segment = path.substr(i, slash - i);
    if (!segment.empty() && segment != "." && segment != "..") return false;
    if (slash == std::string_view::npos) break;
    i = slash + 1;
  }
  return true;
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kCopy || inst.args.size() < 2) return;
  std::optional<std::string_view> from;
  for (const syntax::Flag& flag : inst.flags) {
    if (flag.Name() == "from" && flag.Value()) from = *flag.Value();
  }
  if (!from) return;
  // COPY expands its paths with ARG/ENV values.
  auto value = [&](const syntax::Word& word) {
    if (word.value.find_first_of("$'\"\\`") == std::string_view::npos) {
      return std::optional<std::string>(word.value);
    }
    model::Resolved r = ctx.model().Resolve(ctx.index(), word.value);
    return r.known ? std::optional<std::string>(std::move(r.value)) : std::nullopt;
  };
  const std::optional<std::string> dest = value(inst.args.back());
  if (!dest || !IsRoot(*dest, false)) return;
  for (std::size_t i = 0; i + 1 < inst.args.size(); ++i) {
    const std::optional<std::string> source = value(inst.args[i]);
    if (!source || !IsRoot(*source, true)) continue;
    ctx.Report(inst.args[i].range,
               fmt::format("`COPY --from={}` copies the whole filesystem of `{}` over `/`; copy "
                           "only the paths you need",
                           *from, *from));
  }
}

}  // namespace

extern const Rule kDL3067 = {
    .code = "DL3067",
    .name = "copy-entire-filesystem",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kNever,
    .summary = "Do not copy an entire filesystem from another stage",
    .doc = R"md(## What it does
Flags `COPY --from=<stage> / /`: a copy of the whole filesystem of another stage or image onto
the root of this one.

## Why is this bad?
The copy brings everything along: the other stage's compilers, caches, package databases and
temporary files, which a multi-stage build is meant to leave behind. It also overwrites this
stage's own files (`/etc/passwd`, the package database), mixing two distributions in one
image. If the whole filesystem is wanted, build `FROM` that stage instead.

## Example
```dockerfile
FROM golang:1.22 AS build
RUN go build -o /out/app ./cmd/app
FROM gcr.io/distroless/static-debian12
COPY --from=build / /
```

## Use instead
```dockerfile
FROM golang:1.22 AS build
RUN go build -o /out/app ./cmd/app
FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
```

## Fix safety
There is no fix: only the author knows which paths the image needs.

## Differences from hadolint
hadolint compares the paths, quotes removed, with `/`; shipshape expands ARG/ENV values and
cleans the paths as BuildKit does, so `//`, `/.` and the source `.` (relative to the source
stage's root) count as the root too. The finding points at the source path.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
