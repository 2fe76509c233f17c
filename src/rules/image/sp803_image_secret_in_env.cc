// SP803 image-secret-in-env: a secret is in the image's environment.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "image/image.h"
#include "rules/image/image_context.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

using image::EntryType;

void Check(ImageContext& ctx) {
  for (const std::string& kv : ctx.image().config.env) {
    const std::size_t eq = kv.find('=');
    if (eq == std::string::npos) continue;
    const std::string_view name(kv.data(), eq), value = std::string_view(kv).substr(eq + 1);
    if (std::optional<std::string> why = SecretAssignment(name, value)) {
      ctx.Report(fmt::format("The environment variable `{}` holds {} ({}); anyone who pulls the "
                             "image can read it: pass it at run time or mount it as a secret",
                             name, *why == "a secret-looking name" ? "a value under a secret-looking name" : *why,
                             Masked(value)));
    }
  }
}

}  // namespace

extern const Rule kSP803 = {
    .code = "SP803",
    .name = "image-secret-in-env",
    .severity = base::Severity::kError,
    .category = "image",
    .summary = "A secret is in the image's environment",
    .doc = R"md(## What it does
Reads the image config's `Env` and flags variables that hold a secret: a value in a known
token format (GitHub, GitLab, AWS, Slack, Stripe, npm, PyPI, private key blocks, URLs with a
password: SP401's list) or a non-empty value under a secret-looking name (`DB_PASSWORD`,
`API_TOKEN`; not `GPG_KEY` nor `*_FILE`). Values are masked in the report.

## Why is this bad?
The environment is part of the image config: `docker inspect`, every registry and everyone
who can pull the image can read it, forever.

## Example
```dockerfile
FROM alpine:3.20
ENV DB_PASSWORD=hunter2
```

## Use instead
```dockerfile
FROM alpine:3.20
ENV DB_PASSWORD_FILE=/run/secrets/db_password
```

## Fix safety
There is no fix: rotate the secret, then pass it at run time.

## Differences from hadolint
hadolint only sees the Dockerfile (DL3064 for ARG/ENV names); the image shows what the build
really recorded, including values passed with `--build-arg` and secrets of the base image.
dockle's CIS-DI-0010 reads history text only, with substring matching (`KEYBOARD` matches
`KEY`); shipshape matches whole words and the token formats of SP401.
)md",
    .on_image = Check,
};

}  // namespace shipshape::rules
