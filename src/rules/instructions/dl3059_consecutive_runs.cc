// DL3059 consecutive-runs: RUN after RUN, each with few commands; one RUN makes one layer.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// hadolint merges only RUNs of one command each (it says "at most 2" in its code, but counts
/// so that `a && b` is left alone: checked on the corpus); longer RUNs were split on purpose.
constexpr std::size_t kMaxCommands = 1;

/// The RUN's builder flags, order aside (hadolint compares them as a set).
std::vector<std::string_view> SortedFlags(const syntax::Instruction& inst) {
  std::vector<std::string_view> flags;
  flags.reserve(inst.flags.size());
  for (const syntax::Flag& f : inst.flags) flags.push_back(f.text);
  std::sort(flags.begin(), flags.end());
  return flags;
}

/// The number of statements of a PowerShell or cmd script, split at `;`, `&`, `|` and line
/// ends outside quotes: for cmd that also counts the statements of a `powershell -Command a; b`
/// it runs. (hadolint parses these scripts as bash, and counts no command when that fails.)
std::size_t CountStatements(std::string_view script, bool cmd) {
  const std::string_view separators = "&|;\n";
  const char escape = cmd ? '^' : '`';
  std::size_t count = 0;
  bool in_statement = false;
  char quote = 0;
  for (std::size_t i = 0; i < script.size(); ++i) {
    const char c = script[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == escape) {
      ++i;
    } else if (separators.find(c) != std::string_view::npos) {
      in_statement = false;
    } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      if (!in_statement) ++count;
      in_statement = true;
      if (c == '"' || (c == '\'' && !cmd)) quote = c;
    }
  }
  return count;
}

/// Whether instruction `i` is a RUN that could be merged with a neighbour: not a heredoc
/// script (already one script per RUN by design) and at most kMaxCommands commands.
bool Mergeable(Context& ctx, std::size_t i) {
  const syntax::Instruction& inst = ctx.dockerfile().instructions[i];
  if (inst.keyword != syntax::Keyword::kRun || !inst.heredocs.empty()) return false;
  const shell::Analysis& run = ctx.Shell(i);
  const shell::Interpreter interpreter = run.script().interpreter;
  if (interpreter == shell::Interpreter::kCmd || interpreter == shell::Interpreter::kPowerShell ||
      interpreter == shell::Interpreter::kOther) {
    return CountStatements(run.script().text, interpreter == shell::Interpreter::kCmd) <=
           kMaxCommands;
  }
  std::size_t count = 0;
  for (const shell::Command& cmd : run.commands()) {
    // `[ ... ]` is a condition for hadolint (ShellCheck), not a command.
    if (cmd.name != "[") ++count;
  }
  return count <= kMaxCommands;
}

/// The unsafe fix merging RUN `inst` into RUN `prev`: `prev`'s line gets ` \` and `inst`'s
/// command continues it after ` && ` (its own flags, equal to `prev`'s, go). Only for POSIX
/// scripts of one plain command each, adjacent (nothing but a line break between them), with
/// no `#` that could comment out what follows.
std::optional<base::Fix> MergeFix(Context& ctx, std::size_t i) {
  const syntax::Dockerfile& df = ctx.dockerfile();
  const syntax::Instruction& prev = df.instructions[i - 1];
  const syntax::Instruction& inst = df.instructions[i];
  if (prev.json || inst.json || inst.rest.value.empty()) return std::nullopt;
  for (std::size_t k : {i - 1, i}) {
    const shell::Analysis& run = ctx.Shell(k);
    if (!run.posix() || run.script().text.find('#') != std::string::npos) return std::nullopt;
    for (const shell::Command& c : run.commands()) {
      if (c.context.background) return std::nullopt;
    }
  }
  // Between them: the line end, comment lines (they stay, inside the continuation, where
  // BuildKit skips them), the second RUN's indentation. A pragma there would lose its meaning.
  const std::string_view text = df.text();
  const std::string_view between = text.substr(prev.range.end, inst.range.begin - prev.range.end);
  const std::size_t last_nl = between.rfind('\n');
  if (between.empty() || between.front() == ' ' || last_nl == std::string_view::npos ||
      between.find_first_not_of(" \t", last_nl + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view lines = between.substr(0, last_nl + 1);
  for (std::size_t at = lines.find('\n'); at + 1 < lines.size(); at = lines.find('\n', at + 1)) {
    const std::string_view line = base::TrimSpace(lines.substr(at + 1, lines.find('\n', at + 1) - at - 1));
    if (line.empty() || line[0] != '#') return std::nullopt;
    const std::string_view comment = base::TrimSpace(line.substr(1));
    for (std::string_view p : {"hadolint", "shipshape", "check", "syntax", "escape"}) {
      if (comment.starts_with(p)) return std::nullopt;
    }
  }
  const std::string replacement = fmt::format(" {}{} && ", df.escape, lines);
  return base::Fix{"Merge into the `RUN` above", base::Applicability::kUnsafe,
                   {{{prev.range.end, inst.rest.range.begin}, replacement}}};
}

void Check(Context& ctx) {
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  // Comments are not instructions: two RUNs with only comments between them are adjacent.
  for (std::size_t i = 1; i < insts.size(); ++i) {
    const syntax::Instruction& prev = insts[i - 1];
    const syntax::Instruction& inst = insts[i];
    if (inst.keyword != syntax::Keyword::kRun || prev.keyword != syntax::Keyword::kRun) continue;
    if (prev.flags.size() != inst.flags.size()) continue;
    if (!prev.flags.empty() && SortedFlags(prev) != SortedFlags(inst)) continue;
    if (!Mergeable(ctx, i) || !Mergeable(ctx, i - 1)) continue;
    ctx.Report(inst.word.range,
               fmt::format("This `RUN` directly follows the `RUN` on line {}; consider merging "
                           "them into one layer",
                           prev.start_line),
               MergeFix(ctx, i));
  }
}

}  // namespace

extern const Rule kDL3059 = {
    .code = "DL3059",
    .name = "consecutive-runs",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kSometimes,
    .summary = "Multiple consecutive `RUN` instructions. Consider consolidation",
    .doc = R"md(## What it does
Flags a `RUN` that comes right after another `RUN` (only comments between them) with the same
`--mount`/`--network`/`--security` flags, when each of the two runs a single command.

## Why is this bad?
Every `RUN` makes a layer. Single-command RUNs in a row add layers (and cache entries) for no
benefit, and files deleted by a later RUN still take space in the earlier layer. RUNs that
already chain several commands are left alone: splitting them was likely a choice (for caching,
or readability).

## Example
```dockerfile
FROM debian:12
RUN useradd --create-home app
RUN mkdir /data
```

## Use instead
```dockerfile
FROM debian:12
RUN useradd --create-home app \
 && mkdir /data
```

## Fix safety
The fix (unsafe) merges the second `RUN` into the first with ` && ` on a continuation line,
keeping the first's flags (the second's are the same). It is unsafe because one layer then
holds what two held and the cache reuses them together, and the second command runs in the
first one's shell (a `cd` or a variable it sets now carries over). There is no fix when the
two are separated by anything but comment lines (which stay, inside the continuation, where
BuildKit skips them; a pragma would lose its meaning, so it blocks the fix), when either script
has a `#` (a comment would swallow what follows), runs something in the background, or is not
a POSIX shell script.

## Differences from hadolint
Same definition as hadolint's: adjacent RUNs (any other instruction in between, `ONBUILD RUN`
included, separates them), same flags, one command each, where `[ ... ]` is a condition and not
a command (hadolint's code says "at most 2 commands", but its count makes `a && b` two and
leaves such RUNs alone; the corpus confirms it). Where the counts differ:
- Heredoc RUNs (`RUN <<EOF`) are not flagged: a heredoc is already a way of writing one script
  per RUN, and hadolint's suggestion to merge them is a known false positive (hadolint issue
  #1051).
- PowerShell and cmd scripts are counted by statements (`;`, `&`, `|`, line ends; for cmd, the
  statements of the `powershell -Command` it runs). hadolint parses them as bash, counts no
  command when that fails, and then flags multi-statement RUNs.
- Commands inside `sh -c '...'` count, and so do commands whose name holds a variable
  (`"${TOOLS}/bin/setup"`), which hadolint leaves out of its count.

The finding points at the second `RUN` keyword and names the line of the first.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
