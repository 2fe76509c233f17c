// DL3025 shell-form-cmd: CMD, ENTRYPOINT or HEALTHCHECK CMD in shell form.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "base/utf8.h"
#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

/// Characters that mean the same to a shell and in an exec-form argument.
bool IsPlainChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
         c == '.' || c == '_' || c == '-' || c == '+' || c == '@' || c == ',' || c == '=' ||
         c == ':' || c == '%';
}

/// Words a shell runs itself, which no exec-form program provides.
bool IsShellBuiltin(std::string_view word) {
  static constexpr std::string_view kBuiltins[] = {
      ".",        ":",      "alias",    "bg",      "break", "case",   "cd",   "command", "continue",
      "do",       "done",   "elif",     "else",    "esac",  "eval",   "exit", "export",  "fg",
      "fi",       "for",    "function", "getopts", "hash",  "if",     "jobs", "local",   "read",
      "readonly", "return", "select",   "set",     "shift", "source", "then", "times",   "trap",
      "type",     "ulimit", "umask",    "unalias", "unset", "until",  "wait", "while",
  };
  for (std::string_view b : kBuiltins) {
    if (word == b) return true;
  }
  return false;
}

/// The exec form of `command` when splitting it on blanks gives exactly the words a POSIX shell
/// would pass: plain words, no variables, quotes, globs, operators or builtins (`exec` is dropped:
/// exec form already runs the program in place of the shell).
std::optional<std::string> ExecForm(std::string_view command) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < command.size()) {
    while (i < command.size() && (command[i] == ' ' || command[i] == '\t')) ++i;
    const std::size_t begin = i;
    while (i < command.size() && command[i] != ' ' && command[i] != '\t') {
      if (!IsPlainChar(command[i])) return std::nullopt;
      ++i;
    }
    if (i > begin) words.push_back(command.substr(begin, i - begin));
  }
  if (!words.empty() && words[0] == "exec") words.erase(words.begin());
  // `NAME=value cmd` sets a variable for the command.
  if (words.empty() || IsShellBuiltin(words[0]) || words[0].find('=') != std::string_view::npos) {
    return std::nullopt;
  }
  std::string out = "[";
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (k) out += ", ";
    out += '"';
    out += words[k];
    out += '"';
  }
  out += ']';
  return out;
}

/// Whether the SHELL in force is a POSIX shell, which splits words the way ExecForm does.
bool PosixShell(const model::Model& model, std::size_t index) {
  if (!model.ShellSetAt(index)) return true;
  const std::vector<std::string>& shell = model.ShellAt(index);
  if (shell.empty()) return false;
  const std::string_view name = Basename(shell[0]);
  for (std::string_view sh : {"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"}) {
    if (name == sh) return true;
  }
  return false;
}

/// Whether a SHELL instruction comes before instruction `index` in its stage or in the stages
/// it is built FROM: BuildKit's image config then has a shell. (A `# hadolint shell=` pragma
/// changes what shipshape analyses, not the image.)
bool ShellInstructionBefore(const Context& ctx, std::size_t index) {
  const model::Model& model = ctx.model();
  std::optional<std::size_t> stage = model.StageOf(index);
  std::size_t end = index;
  for (std::size_t hops = 0; stage && hops <= model.stages().size(); ++hops) {
    const model::Stage& s = model.stages()[*stage];
    for (std::size_t i = s.begin + 1; i < end && i < s.end; ++i) {
      const syntax::Instruction& inst = ctx.dockerfile().instructions[i];
      if (inst.keyword == syntax::Keyword::kShell && inst.json && !inst.args.empty()) return true;
    }
    if (s.base_kind != model::BaseKind::kStage) break;
    stage = s.base_stage;
    if (stage) end = model.stages()[*stage].end;
  }
  return false;
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.json) return;
  // BuildKit's JSONArgsRecommended: CMD and ENTRYPOINT, and only while no SHELL is set (the
  // shell form is then a choice).
  if (ctx.as_buildkit_check() &&
      (ctx.in_onbuild() || inst.keyword == syntax::Keyword::kHealthcheck ||
       ShellInstructionBefore(ctx, ctx.index()))) {
    return;
  }
  const syntax::Word* command = nullptr;
  std::string what;
  std::string why;
  if (inst.keyword == syntax::Keyword::kCmd || inst.keyword == syntax::Keyword::kEntrypoint) {
    if (inst.args.empty()) return;
    command = &inst.args[0];
    what = fmt::format("`{}`", syntax::KeywordName(inst.keyword));
    why = "runs under a shell, which does not pass signals on to the program";
  } else if (inst.keyword == syntax::Keyword::kHealthcheck) {
    if (inst.args.size() < 2 || !base::EqualsIgnoreCase(inst.args[0].value, "CMD")) return;
    command = &inst.args[1];
    what = "`HEALTHCHECK CMD`";
    why = "needs a shell in the image";
  } else {
    return;
  }
  std::optional<base::Fix> fix;
  if (PosixShell(ctx.model(), ctx.index())) {
    if (std::optional<std::string> exec = ExecForm(command->value)) {
      fix = base::Fix{fmt::format("Use the exec form `{}`", *exec),
                      base::Applicability::kUnsafe,
                      {{command->range, *exec}}};
    }
  }
  if (command->value.starts_with('[')) {
    // BuildKit takes an array it cannot parse as JSON (single quotes, bad escapes) for a
    // command line.
    ctx.Report(command->range,
               fmt::format("{} is not a valid JSON array, so it runs in shell form; write it as "
                           "JSON (double quotes, `\\\\` for a backslash)",
                           what));
    return;
  }
  ctx.Report(command->range,
             fmt::format("{} in shell form {}; use the JSON exec form (`[\"program\", \"arg\"]`)",
                         what, why),
             std::move(fix));
}

}  // namespace

extern const Rule kDL3025 = {
    .code = "DL3025",
    .name = "shell-form-cmd",
    .buildkit_name = "JSONArgsRecommended",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kSometimes,
    .summary = "Use arguments JSON notation for CMD and ENTRYPOINT arguments",
    .doc = R"md(## What it does
Flags `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` written in shell form (`CMD node server.js`)
instead of the JSON exec form (`CMD ["node", "server.js"]`).

## Why is this bad?
The shell form runs the command as `/bin/sh -c "..."`. The shell becomes the container's main
process, so `docker stop` sends SIGTERM to the shell, which does not pass it on: the program gets
killed after the timeout instead of shutting down cleanly. A shell-form `ENTRYPOINT` also ignores
`CMD` and the arguments of `docker run`. A shell-form `HEALTHCHECK` needs `/bin/sh` in the image,
which minimal images lack. Docker's build check `JSONArgsRecommended` warns about `CMD` and
`ENTRYPOINT` too.

## Example
```dockerfile
FROM node:22
COPY . /app
CMD node /app/server.js
```

## Use instead
```dockerfile
FROM node:22
COPY . /app
CMD ["node", "/app/server.js"]
```

## Fix safety
When the command is plain words (no variables, quotes, globs, redirections, operators or shell
builtins; a leading `exec` is dropped), the fix writes the exec form. It is unsafe: the program
no longer runs under a shell, which is the point, but changes what it inherits (signals,
process id 1) and, for `ENTRYPOINT`, makes `CMD` arguments reach it. A command that needs a
shell has no fix: keep it in a script, or use `["sh", "-c", "..."]` knowingly.

## Differences from hadolint
- Same triggers, `HEALTHCHECK CMD` included.
- Exec form is recognised exactly as BuildKit does: an array that is not valid JSON (single
  quotes, a Windows path with single backslashes such as `["C:\app\run.exe"]`) is shell form
  and is flagged, with a message that says so; a valid array with escaped quotes is exec form.
  hadolint's parser disagrees with BuildKit on both.
- `ONBUILD CMD` and `ONBUILD ENTRYPOINT` are checked too.
- Selected by its BuildKit name (`--select JSONArgsRecommended`), the rule is BuildKit's check:
  `CMD` and `ENTRYPOINT` only, not in `ONBUILD`, and not once a `SHELL` instruction has run in
  the stage or a stage it is built `FROM` (the shell form is then a choice).
- The finding points at the command and, for plain commands, comes with a fix.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
