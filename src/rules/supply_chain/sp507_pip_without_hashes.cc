// SP507 pip-without-hashes: `pip install -r FILE` without `--require-hashes`.
#include <fmt/format.h>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const shell::Command& cmd) {
  if ((cmd.name != "pip" && cmd.name != "pip3") || !cmd.IsSubcommand({"install"})) return;
  const shell::Option* req = cmd.FindOption({"r", "requirement"});
  if (!req || cmd.HasOption({"require-hashes"})) return;
  ctx.Report(req->range,
             fmt::format("`pip install -r {}` installs whatever the index serves for each "
                         "version; pin hashes in the file (`pip-compile --generate-hashes`) and "
                         "add `--require-hashes`",
                         req->value.value_or("")));
}

}  // namespace

extern const Rule kSP507 = {
    .code = "SP507",
    .name = "pip-without-hashes",
    .severity = base::Severity::kInfo,
    .default_enabled = false,
    .presets = kHardened,
    .category = "supply-chain",
    .summary = "Install requirements files with `--require-hashes`",
    .doc = R"md(## What it does
Flags `pip install -r FILE` without `--require-hashes`.

## Why is this bad?
Even with exact versions (`requests==2.32.3`), pip accepts any file the index serves for that
version: a compromised index or mirror, or a re-uploaded wheel, goes into the image unnoticed.
With hashes in the requirements file and `--require-hashes`, pip refuses anything but the files
you locked.

## Example
```dockerfile
FROM python:3.12-slim
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
```

## Use instead
```dockerfile
FROM python:3.12-slim
COPY requirements.txt .
RUN pip install --no-cache-dir --require-hashes -r requirements.txt
```

## Fix safety
There is no fix: the requirements file needs the hashes first (`pip-compile
--generate-hashes`).

## Differences from hadolint
hadolint has no such rule (DL3013 asks for pinned versions).
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
