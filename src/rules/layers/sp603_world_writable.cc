// SP603 world-writable: `chmod 777`, `chmod o+w`, `COPY --chmod=777`: files anyone can change.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Whether a chmod mode makes files writable by others: an octal mode whose last digit has
/// the write bit (`777`, `666`, `0757`) without the sticky bit (`1777` is how /tmp is meant to
/// be), or a symbolic clause giving `o` or `a` write (`o+w`, `a+rwx`, `go+w`).
bool WorldWritable(std::string_view mode) {
  if (!mode.empty() && mode.find_first_not_of("01234567") == std::string_view::npos) {
    if (mode.size() < 3) return false;
    const int others = mode.back() - '0';
    const bool sticky = mode.size() == 4 && ((mode[0] - '0') & 1);
    return (others & 2) && !sticky;
  }
  if (mode.find('t') != std::string_view::npos) return false;  // sticky, as /tmp
  std::size_t start = 0;
  while (start <= mode.size()) {
    const std::size_t comma = std::min(mode.find(',', start), mode.size());
    const std::string_view clause = mode.substr(start, comma - start);
    const std::size_t op = clause.find_first_of("+=");
    if (op != std::string_view::npos) {
      const std::string_view who = clause.substr(0, op);
      const std::string_view perms = clause.substr(op + 1);
      if ((who.find('o') != std::string_view::npos || who.find('a') != std::string_view::npos) &&
          perms.find('w') != std::string_view::npos) {
        return true;
      }
    }
    start = comma + 1;
  }
  return false;
}

constexpr std::string_view kWhy =
    "any process in the container, whatever its user, can then change them; give write access "
    "to the user that needs it (`chown`, `COPY --chown`) instead";

void CheckCommand(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "chmod" || cmd.args.empty()) return;
  const shell::Argument& mode = cmd.args[0];
  if (!mode.known || !WorldWritable(mode.value)) return;
  ctx.Report(mode.range, fmt::format("`chmod {}` makes files writable by everyone; {}", mode.value,
                                     kWhy));
}

void CheckInstruction(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kCopy && inst.keyword != syntax::Keyword::kAdd) return;
  for (const syntax::Flag& f : inst.flags) {
    if (f.Name() != "chmod" || !f.Value() || !WorldWritable(*f.Value())) continue;
    ctx.Report(f.range, fmt::format("`--chmod={}` makes the copied files writable by everyone; {}",
                                    *f.Value(), kWhy));
  }
}

}  // namespace

extern const Rule kSP603 = {
    .code = "SP603",
    .name = "world-writable",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "layers",
    .summary = "Do not make files writable by everyone",
    .doc = R"md(## What it does
Flags `chmod` in a RUN and `COPY/ADD --chmod` that make files writable by others: an octal mode
whose last digit has the write bit (`777`, `666`, `0757`) or a symbolic mode giving `o` or `a`
write (`o+w`, `a+rwx`). `1777` and `+t` modes (sticky, as `/tmp` is) are not flagged.

## Why is this bad?
A world-writable file can be changed by any process in the container, whatever its user: a
compromised low-privilege process can rewrite the application's code or configuration, or a
script root runs later. `777` is usually a shortcut around a permission problem that the right
owner solves.

## Example
```dockerfile
FROM node:22-slim
COPY . /app
RUN chmod -R 777 /app
USER node
```

## Use instead
```dockerfile
FROM node:22-slim
COPY --chown=node:node . /app
USER node
```

## Fix safety
There is no fix: which user needs to write is the author's decision.

## Differences from hadolint
hadolint has no such rule.
)md",
    .onbuild = true,
    .on_instruction = CheckInstruction,
    .on_command = CheckCommand,
};

}  // namespace shipshape::rules
