// DL3003 cd-in-run: `cd` in a RUN; WORKDIR changes directory for what follows.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "rules/edit_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// The unsafe fix for a RUN that starts with `cd DIR && ...`: `WORKDIR DIR` on its own line
/// before the RUN, and `cd DIR && ` removed. Only for a plain directory written without quotes
/// or variables, a `cd` that is the first command of a POSIX script (not ONBUILD, exec form or
/// heredoc), followed directly by `&&` and a simple command.
std::optional<base::Fix> WorkdirFix(Context& ctx, const shell::Command& cmd) {
  if (ctx.in_onbuild()) return std::nullopt;
  const syntax::Dockerfile& df = ctx.dockerfile();
  const syntax::Instruction& inst = df.instructions[ctx.index()];
  const shell::Analysis& run = ctx.run();
  if (inst.keyword != syntax::Keyword::kRun || inst.json || !inst.heredocs.empty() ||
      !run.posix()) {
    return std::nullopt;
  }
  const shell::Context& where = cmd.context;
  if (!cmd.wrappers.empty() || !cmd.assignments.empty() || !cmd.options.empty() ||
      cmd.argv.size() != 1 || where.and_or_position != 0 || where.pipeline_size != 1 ||
      where.in_condition || where.background) {
    return std::nullopt;
  }
  const shell::Argument& dir = cmd.argv[0];
  if (!dir.known || !IsPlainPath(dir.value) || dir.value[0] == '-' ||
      ctx.Text(dir.range) != dir.value) {
    return std::nullopt;
  }
  const std::string_view text = df.text();
  if (cmd.range.begin < inst.rest.range.begin ||
      !OnlyBlanksAndContinuations(
          text.substr(inst.rest.range.begin, cmd.range.begin - inst.rest.range.begin),
          df.escape)) {
    return std::nullopt;
  }
  const std::vector<shell::Command>& commands = run.commands();
  if (cmd.index + 1 >= commands.size()) return std::nullopt;
  const shell::Command& next = commands[cmd.index + 1];
  if (next.context.and_or != where.and_or || next.context.and_or_position != 1 ||
      next.context.after_or || next.range.begin <= cmd.range.end) {
    return std::nullopt;
  }
  const std::string_view between = text.substr(cmd.range.end, next.range.begin - cmd.range.end);
  const std::size_t op = between.find("&&");
  if (op == std::string_view::npos || !OnlyBlanksAndContinuations(between.substr(0, op), df.escape) ||
      !OnlyBlanksAndContinuations(between.substr(op + 2), df.escape)) {
    return std::nullopt;
  }
  return base::Fix{fmt::format("Move `cd {}` into a `WORKDIR` before the `RUN`", dir.value),
                   base::Applicability::kUnsafe,
                   {InsertLineBefore(df, ctx.index(), fmt::format("WORKDIR {}", dir.value)),
                    {{cmd.range.begin, next.range.begin}, ""}}};
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "cd") return;
  // `cd` inside `( ... )` or `$( ... )` is scoped on purpose: the rest of the RUN is unaffected.
  if (cmd.context.in_subshell || cmd.context.in_substitution) return;
  const std::string where = cmd.args.empty() ? "" : " " + cmd.args[0].value;
  ctx.Report(cmd.command.range,
             fmt::format("`cd{}` changes directory only for the rest of this RUN; use `WORKDIR{}`",
                         where, where),
             WorkdirFix(ctx, cmd));
}

}  // namespace

extern const Rule kDL3003 = {
    .code = "DL3003",
    .name = "cd-in-run",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "shell",
    .fixable = Fixable::kSometimes,
    .summary = "Use WORKDIR to switch to a directory",
    .doc = R"md(## What it does
Flags `cd` in a RUN instruction.

## Why is this bad?
A directory changed with `cd` lasts only until the end of that RUN, so the next instruction
runs elsewhere and readers have to track where each command runs. `WORKDIR` changes it for
every following instruction of the stage, and creates it when missing.

## Example
```dockerfile
FROM golang:1.22
COPY . /src
RUN cd /src && go build -o /app .
```

## Use instead
```dockerfile
FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
```

## Fix safety
A RUN that starts with `cd DIR && ...` (a plain directory, without quotes or variables) gets an
unsafe fix: `WORKDIR DIR` on its own line before the RUN, and the `cd DIR && ` removed. It is
unsafe because the `WORKDIR` also changes where every later instruction of the stage (and of
stages built from it) runs, and creates the directory where `cd` would have failed; check the
instructions after it, or add a `WORKDIR` back. A `cd` elsewhere in the script has no fix.

## Differences from hadolint
hadolint flags every `cd`, also `(cd sub && make)` and `$(cd dir && pwd)`, whose effect is
deliberately limited to a subshell; shipshape does not. shipshape also sees `cd` behind
`sh -c "..."`, checks `ONBUILD RUN` too, and points at the `cd` itself instead of the RUN's
first line.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
