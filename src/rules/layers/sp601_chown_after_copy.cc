// SP601 chown-after-copy: `RUN chown`/`chmod` right after a COPY or ADD of the same path, which
// stores the files a second time instead of copying them with the right owner and mode.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/edit_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// `path` without trailing slashes (`/` stays `/`).
std::string_view TrimSlashes(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

/// An owner (`app`, `app:app`, `1000:1000`) or a mode (octal `755`, `0644`, or symbolic `+x`,
/// `u=rwX,go=rX`) that can be written into a flag as is.
bool PlainValue(std::string_view value, bool mode) {
  if (value.empty() || value.size() > 64 || value[0] == '-') return false;
  if (mode) {
    if (value.find_first_not_of("01234567") == std::string_view::npos) {
      return value.size() >= 3 && value.size() <= 4;
    }
    // Symbolic: clauses `[ugoa]*[-+=][rwxXst]*`, comma-separated (`+x`, `u=rwX,go=rX`).
    bool op_seen = false;
    for (char c : value) {
      if (c == ',') {
        if (!op_seen) return false;
        op_seen = false;
      } else if (c == '+' || c == '-' || c == '=') {
        op_seen = true;
      } else if (std::string_view(op_seen ? "rwxXst" : "ugoa").find(c) ==
                 std::string_view::npos) {
        return false;
      }
    }
    return op_seen;
  }
  for (char c : value) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

/// The offset where the line holding `pos` starts.
std::size_t LineStartOf(std::string_view text, std::size_t pos) {
  const std::size_t nl = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

bool HasFlag(const syntax::Instruction& inst, std::string_view name) {
  for (const syntax::Flag& f : inst.flags) {
    if (f.Name() == name) return true;
  }
  return false;
}

/// The unsafe fix: `--chown=OWNER` (`--chmod=MODE`) on the COPY, and the command removed from
/// the RUN: the whole RUN when it is the RUN's only command, else `cmd && ` when it comes first.
std::optional<base::Fix> MoveToCopy(Context& ctx, const syntax::Instruction& copy,
                                    std::size_t run_index, const shell::Command& cmd,
                                    std::string_view flag, std::string_view value) {
  const syntax::Dockerfile& df = ctx.dockerfile();
  const syntax::Instruction& run = df.instructions[run_index];
  const shell::Analysis& analysis = ctx.Shell(run_index);
  const std::string_view text = df.text();
  if (HasFlag(copy, flag) || run.json || !run.heredocs.empty() || !analysis.posix() ||
      !run.flags.empty() || !cmd.wrappers.empty() || !cmd.assignments.empty()) {
    return std::nullopt;
  }
  for (const shell::Option& o : cmd.options) {
    if (o.name != "R" && o.name != "recursive") return std::nullopt;
  }
  const std::string title = fmt::format("Copy with `--{}={}` instead", flag, value);
  const base::Edit add{{copy.word.range.end, copy.word.range.end},
                       fmt::format(" --{}={}", flag, value)};
  const std::vector<shell::Command>& commands = analysis.commands();
  if (!OnlyBlanksAndContinuations(
          text.substr(run.rest.range.begin, cmd.range.begin - run.rest.range.begin), df.escape)) {
    return std::nullopt;
  }
  if (commands.size() == 1) {
    // The RUN's own lines go; comments before it stay, unless one is a pragma meant for it.
    const std::string_view between =
        text.substr(copy.range.end, run.range.begin - copy.range.end);
    const std::size_t line_start = LineStartOf(text, run.range.begin);
    if (between.find("hadolint") != std::string_view::npos ||
        between.find("shipshape") != std::string_view::npos ||
        IndentAt(text, run.range.begin).size() != run.range.begin - line_start ||
        !OnlyBlanksAndContinuations(text.substr(cmd.range.end, run.range.end - cmd.range.end),
                                    df.escape)) {
      return std::nullopt;
    }
    std::uint32_t begin = static_cast<std::uint32_t>(line_start);
    std::uint32_t end = run.range.end;
    if (end < text.size() && text[end] == '\r') ++end;
    if (end < text.size() && text[end] == '\n') {
      ++end;
    } else {
      // The last line without a line break: the break before it goes instead.
      while (begin > copy.range.end && (text[begin - 1] == '\n' || text[begin - 1] == '\r')) {
        --begin;
      }
    }
    return base::Fix{title, base::Applicability::kUnsafe, {add, {{begin, end}, ""}}};
  }
  if (cmd.index != 0 || cmd.context.pipeline_size != 1 || cmd.context.and_or_position != 0) {
    return std::nullopt;
  }
  const shell::Command& next = commands[1];
  if (next.context.and_or != cmd.context.and_or || next.context.and_or_position != 1 ||
      next.context.after_or || next.range.begin <= cmd.range.end) {
    return std::nullopt;
  }
  const std::string_view gap = text.substr(cmd.range.end, next.range.begin - cmd.range.end);
  const std::size_t op = gap.find("&&");
  if (op == std::string_view::npos || !OnlyBlanksAndContinuations(gap.substr(0, op), df.escape) ||
      !OnlyBlanksAndContinuations(gap.substr(op + 2), df.escape)) {
    return std::nullopt;
  }
  return base::Fix{title, base::Applicability::kUnsafe,
                   {add, {{cmd.range.begin, next.range.begin}, ""}}};
}

void Check(Context& ctx) {
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  for (std::size_t i = 1; i < insts.size(); ++i) {
    const syntax::Instruction& copy = insts[i - 1];
    const syntax::Instruction& run = insts[i];
    if (run.keyword != syntax::Keyword::kRun) continue;
    if (copy.keyword != syntax::Keyword::kCopy && copy.keyword != syntax::Keyword::kAdd) continue;
    if (copy.args.size() < 2 || !copy.heredocs.empty() || !ctx.model().StageOf(i)) continue;
    const std::string_view dest = TrimSlashes(copy.args.back().value);
    if (dest.empty() || dest.find('$') != std::string_view::npos) continue;
    const shell::Analysis& analysis = ctx.Shell(i);
    if (!analysis.posix()) continue;
    for (const shell::Command& cmd : analysis.commands()) {
      if (cmd.name != "chown" && cmd.name != "chmod") continue;
      const shell::Context& where = cmd.context;
      if (where.in_subshell || where.in_substitution || where.in_condition || where.background ||
          cmd.args.size() != 2) {
        continue;
      }
      const shell::Argument& target = cmd.args[1];
      if (!target.known || TrimSlashes(target.value) != dest) continue;
      const bool mode = cmd.name == "chmod";
      const shell::Argument& value = cmd.args[0];
      const std::string_view flag = mode ? "chmod" : "chown";
      std::optional<base::Fix> fix;
      if (value.known && PlainValue(value.value, mode)) {
        fix = MoveToCopy(ctx, copy, i, cmd, flag, value.value);
      }
      ctx.Report(cmd.command.range,
                 fmt::format("`{}` of `{}` right after `{}` stores the files again in a new "
                             "layer; set them with `{} --{}=...`",
                             cmd.name, target.value, copy.word.value, copy.word.value, flag),
                 std::move(fix));
    }
  }
}

}  // namespace

extern const Rule kSP601 = {
    .code = "SP601",
    .name = "chown-after-copy",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "layers",
    .fixable = Fixable::kSometimes,
    .summary = "Set owner and mode with `COPY --chown/--chmod`, not a `RUN chown/chmod` after it",
    .doc = R"md(## What it does
Flags `chown` or `chmod` in the RUN that directly follows a `COPY` or `ADD`, when it changes
the path the files were copied to (`COPY . /app` then `RUN chown -R app:app /app`).

## Why is this bad?
Every instruction adds a layer, and changing a file's owner or mode in a later layer stores the
whole file again: `RUN chown -R` over a 500 MB application makes the image 500 MB larger.
`COPY --chown=app:app` and `COPY --chmod=755` write the files with the right owner and mode in
the first place, in one layer.

## Example
```dockerfile
FROM node:22-slim
WORKDIR /app
COPY . /app
RUN chown -R node:node /app
USER node
```

## Use instead
```dockerfile
FROM node:22-slim
WORKDIR /app
COPY --chown=node:node . /app
USER node
```

## Fix safety
The fix adds `--chown=OWNER` (or `--chmod=MODE`) to the `COPY` and removes
the command from the RUN: the RUN's lines when it is its only command (comments before it stay),
or `chown ... && ` when the RUN starts with it. It is unsafe: `chown -R` also changes files that were already in the target
folder and the folder itself when it existed, which `COPY --chown` leaves alone; `--chmod` needs
BuildKit (the legacy builder rejects it), symbolic modes such as `+x` a recent Dockerfile
frontend; and `--chown` on Windows images is ignored. There is no
fix when the owner or mode is a variable, the RUN has flags, the `COPY` already has the flag, or
an ignore pragma sits between the two instructions.

## Differences from hadolint
hadolint has no such rule.
)md",
    .on_file = Check,
};

}  // namespace shipshape::rules
