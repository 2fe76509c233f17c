// DL4006 pipe-without-pipefail: a pipeline whose earlier commands can fail unnoticed, because
// the shell does not run with `-o pipefail`.
#include <fmt/format.h>

#include <algorithm>

#include "rules/edit_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

constexpr std::string_view kHowTo =
    "set `-o pipefail` first (`SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`, or "
    "`set -o pipefail &&` in the RUN)";

/// Commands whose status never matters on the writing side of a pipe: they cannot fail short
/// of a write error, and `yes` always ends killed by SIGPIPE (so `-o pipefail` would turn
/// `yes | cmd` into a failure).
bool Harmless(const shell::Command& c) {
  if (c.name == "echo" || c.name == "printf" || c.name == "yes" || c.name == "true" ||
      c.name == ":") {
    return true;
  }
  // `cat <<EOF | cmd`: cat copying its own input.
  return c.name == "cat" && c.argv.empty();
}

const shell::Command* CommandOf(const shell::Analysis& run, const shell::Node* node) {
  for (const shell::Command& c : run.commands()) {
    if (c.node == node) return &c;
  }
  return nullptr;
}

/// Whether `n` is a `{ ...; }` group or `( ... )` subshell of harmless commands only (the
/// `{ echo a; echo b; } | tee file` that writes a config file).
bool HarmlessGroup(const shell::Analysis& run, const shell::Node& n, int depth = 0) {
  using Kind = shell::Node::Kind;
  if (depth > 100 || (n.kind != Kind::kGroup && n.kind != Kind::kSubshell)) return false;
  bool any = false;
  for (const shell::List& l : n.lists) {
    for (const shell::AndOr& a : l.items) {
      for (const shell::Pipeline& p : a.pipelines) {
        for (const std::unique_ptr<shell::Node>& c : p.commands) {
          any = true;
          if (c->kind == Kind::kSimple) {
            const shell::Command* cmd = CommandOf(run, c.get());
            if (cmd == nullptr || !Harmless(*cmd)) return false;
          } else if (!HarmlessGroup(run, *c, depth + 1)) {
            return false;
          }
        }
      }
    }
  }
  return any;
}

/// How a message names a pipeline element whose status matters, or "" when it does not.
std::string Offender(const shell::Analysis& run, const shell::Node& n) {
  using Kind = shell::Node::Kind;
  switch (n.kind) {
    case Kind::kSimple: {
      if (const shell::Command* c = CommandOf(run, &n)) {
        if (Harmless(*c)) return "";
        if (!c->name.empty()) return fmt::format("`{}`", c->name);
      }
      if (n.words.empty()) return "";
      return fmt::format("`{}`", n.words[0].value);
    }
    case Kind::kSubshell:
      return HarmlessGroup(run, n) ? "" : "the subshell";
    case Kind::kGroup:
      return HarmlessGroup(run, n) ? "" : "the `{ ... }` group";
    case Kind::kIf:
      return "the `if`";
    case Kind::kFor:
      return "the `for` loop";
    case Kind::kWhile:
      return "the `while` loop";
    case Kind::kUntil:
      return "the `until` loop";
    case Kind::kCase:
      return "the `case`";
    case Kind::kFunction:
      return "the function definition";
    case Kind::kTest:
      return "the `[[ ... ]]` test";
    case Kind::kArith:
      return "the `(( ... ))` expression";
  }
  return "";
}

/// Applies `set -o pipefail` / `set +o pipefail` / `set -euo pipefail` to `pipefail`.
void TrackSet(const shell::Node& n, bool& pipefail) {
  if (n.words.empty() || n.words[0].Literal() != "set") return;
  for (std::size_t i = 1; i < n.words.size(); ++i) {
    const std::string_view a = n.words[i].Literal();
    if (a.size() < 2 || (a[0] != '-' && a[0] != '+')) continue;
    if (a.find('o', 1) != std::string_view::npos && i + 1 < n.words.size() &&
        n.words[i + 1].Literal() == "pipefail") {
      pipefail = a[0] == '-';
    }
  }
}

/// Walks the RUN's own script (not the `sh -c` strings it runs) with the shell's pipefail
/// option as it stands at each point.
class Walker {
 public:
  /// Reports each flagged pipeline with `fix` (computed on the first report); with a null
  /// `fix`, reports nothing and only records whether something would be.
  using FixMaker = std::optional<base::Fix> (*)(Context& ctx);
  Walker(Context& ctx, const shell::Analysis& run, FixMaker fix)
      : ctx_(ctx), run_(run), fix_(fix) {}

  /// Whether a pipeline was flagged.
  bool found() const { return found_; }

  void List(const shell::List& list, bool& pipefail, int depth) {
    if (depth > 100) return;
    for (const shell::AndOr& a : list.items) {
      for (const shell::Pipeline& p : a.pipelines) {
        if (p.commands.size() >= 2 && !pipefail) CheckPipeline(p);
        for (const std::unique_ptr<shell::Node>& n : p.commands) {
          // The elements of a real pipeline run in subshells: their `set` does not last.
          bool copy = pipefail;
          Node(*n, p.commands.size() >= 2 ? copy : pipefail, depth);
        }
      }
    }
  }

 private:
  void Node(const shell::Node& n, bool& pipefail, int depth) {
    // A command's status is its own: the status of a `$(...)` in its words, assignments or
    // redirections is discarded (`[ -z "$(a | b)" ]`, `echo "$(a | b)"`, `export X=$(a | b)`),
    // so pipefail changes nothing there. In a bare assignment (`X=$(a | b)`) the
    // substitution's status is the command's, as bash gives it: those are checked.
    const bool discarded = n.kind == shell::Node::Kind::kSimple && !n.words.empty();
    if (!discarded) {
      for (const shell::Redirect& r : n.redirects) Word(r.target, pipefail, depth);
      for (const shell::Word& w : n.assignments) Word(w, pipefail, depth);
      for (const shell::Word& w : n.words) Word(w, pipefail, depth);
    }
    if (n.kind == shell::Node::Kind::kSimple) TrackSet(n, pipefail);
    bool copy = pipefail;
    bool& inner = n.kind == shell::Node::Kind::kSubshell ? copy : pipefail;
    for (const shell::List& l : n.lists) List(l, inner, depth + 1);
    if (n.body) Node(*n.body, inner, depth + 1);
  }

  void Word(const shell::Word& w, bool pipefail, int depth) {
    for (const shell::WordPart& p : w.parts) Part(p, pipefail, depth);
  }
  void Part(const shell::WordPart& p, bool pipefail, int depth) {
    for (const shell::WordPart& q : p.parts) Part(q, pipefail, depth);
    if (p.sub) List(*p.sub, pipefail, depth + 1);
  }

  void CheckPipeline(const shell::Pipeline& p) {
    for (std::size_t k = 0; k + 1 < p.commands.size() && k < p.pipe_offsets.size(); ++k) {
      const std::string who = Offender(run_, *p.commands[k]);
      if (who.empty()) continue;
      found_ = true;
      if (!fix_) return;
      if (!fix_made_) {
        fix_made_ = true;
        made_ = fix_(ctx_);
      }
      const std::uint32_t at = p.pipe_offsets[k];
      const std::uint32_t len = k < p.stderr_piped.size() && p.stderr_piped[k] ? 2 : 1;
      ctx_.Report(run_.SourceRange(at, at + len),
                  fmt::format("The exit status of {} is lost at this `|`; {}", who, kHowTo),
                  made_);
      return;
    }
  }

  Context& ctx_;
  const shell::Analysis& run_;
  FixMaker fix_;
  bool found_ = false;
  bool fix_made_ = false;
  std::optional<base::Fix> made_;
};

/// Whether RUN `index` has a pipeline of its own script that this rule flags.
bool Flagged(Context& ctx, std::size_t index) {
  const shell::Analysis& run = ctx.Shell(index);
  if (!run.posix()) return false;
  bool pipefail = run.script().pipefail;
  Walker walker(ctx, run, nullptr);
  walker.List(run.tree().root, pipefail, 0);
  return walker.found();
}

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

/// The unsafe fix: a `SHELL` with `-o pipefail` on its own line before the first RUN that this
/// rule flags in the stage or the stages it is built on (so every flagged RUN of a chain offers
/// the same edit, applied once). Only where the default `/bin/sh -c` is in force and the stage's image is known:
/// BusyBox's sh (Alpine, busybox) knows pipefail; elsewhere bash is assumed, which is why the
/// fix is unsafe.
std::optional<base::Fix> ShellFix(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::size_t index = ctx.index();
  const std::optional<std::size_t> stage = ctx.stage();
  const std::vector<std::string>& shell = model.ShellAt(index);
  if (!stage || model.ShellSetAt(index) || ctx.Shell(index).script().shell != shell ||
      shell.size() != 2 || shell[0] != "/bin/sh" || shell[1] != "-c") {
    return std::nullopt;
  }
  // The stage and the stages it is built on, root first: the default shell is in force in all.
  std::vector<const model::Stage*> chain{&model.stages()[*stage]};
  while (chain.back()->base_kind == model::BaseKind::kStage && chain.back()->base_stage &&
         chain.size() <= model.stages().size()) {
    chain.push_back(&model.stages()[*chain.back()->base_stage]);
  }
  std::reverse(chain.begin(), chain.end());
  const model::Stage* root = chain.front();
  if (root->base_kind != model::BaseKind::kImage) return std::nullopt;
  const std::string& path = root->image.path;
  if (Contains(path, "distroless")) return std::nullopt;
  const bool busybox =
      Contains(path, "alpine") || Contains(root->image.tag, "alpine") || Contains(path, "busybox");
  const syntax::Dockerfile& df = ctx.dockerfile();
  // Stages built on a stage with a flagged RUN get the same edit there, so it is made once.
  std::size_t at = index;
  for (const model::Stage* s : chain) {
    for (std::size_t j = s->begin + 1; j < s->end && j < at; ++j) {
      const syntax::Instruction& inst = df.instructions[j];
      if (inst.keyword == syntax::Keyword::kRun && Flagged(ctx, j)) {
        at = j;
        break;
      }
    }
    if (at != index) break;
  }
  const std::string_view program = busybox ? "/bin/sh" : "/bin/bash";
  return base::Fix{
      fmt::format("Run with `{} -o pipefail` (a `SHELL` before the `RUN`)", program),
      base::Applicability::kUnsafe,
      {InsertLineBefore(df, at,
                        fmt::format("SHELL [\"{}\", \"-o\", \"pipefail\", \"-c\"]", program))}};
}

/// The innermost `sh -c` / `bash -c` / `su -c` script `c` runs in, or nullptr when it runs in
/// the RUN's own script.
const std::string* EmbeddingScript(const shell::Command& c) {
  for (auto w = c.wrappers.rbegin(); w != c.wrappers.rend(); ++w) {
    if (w->size() > 3 && w->compare(w->size() - 3, 3, " -c") == 0) return &*w;
  }
  return nullptr;
}

/// The `|` after script offset `from` (or before it, going `back`), skipping blanks and line
/// continuations; nullopt when something else comes first.
std::optional<std::uint32_t> FindPipe(std::string_view text, std::uint32_t from, bool back) {
  std::uint32_t i = from;
  for (int steps = 0; steps < 256; ++steps) {
    if (back ? i == 0 : i >= text.size()) return std::nullopt;
    const std::uint32_t at = back ? i - 1 : i;
    const char c = text[at];
    if (c == '|') {
      // Going back, `||` is an and-or operator, not a pipe.
      if (back && at > 0 && text[at - 1] == '|') return std::nullopt;
      return at;
    }
    if (c != ' ' && c != '\t' && c != '\n' && c != '\\' && c != '&') return std::nullopt;
    i = back ? i - 1 : i + 1;
  }
  return std::nullopt;
}

/// Pipelines inside `sh -c "..."` strings: a shell of their own, whose options the analysis
/// tracked (`bash -o pipefail -c "..."`).
void CheckEmbedded(Context& ctx, const shell::Analysis& run) {
  std::vector<int> done;
  const std::vector<shell::Command>& commands = run.commands();
  for (const shell::Command& c : commands) {
    const shell::Context& where = c.context;
    if (where.pipeline_size < 2 || where.pipefail) continue;
    const std::string* script = EmbeddingScript(c);
    if (!script) continue;
    if (std::find(done.begin(), done.end(), where.pipeline) != done.end()) continue;
    done.push_back(where.pipeline);
    // The members of the pipeline that are simple commands, by position.
    std::vector<const shell::Command*> at(static_cast<std::size_t>(where.pipeline_size));
    for (const shell::Command& m : commands) {
      if (m.context.pipeline == where.pipeline && m.context.pipeline_position >= 0 &&
          m.context.pipeline_position < where.pipeline_size && !at[m.context.pipeline_position]) {
        at[static_cast<std::size_t>(m.context.pipeline_position)] = &m;
      }
    }
    for (std::size_t k = 0; k + 1 < at.size(); ++k) {
      if (at[k] && Harmless(*at[k])) continue;
      // The `|` after the element, found from its end, or else from the start of the next
      // simple command of the pipeline (the `|` before it).
      std::optional<std::uint32_t> pipe;
      if (at[k] && at[k]->node) pipe = FindPipe(run.script().text, at[k]->node->end, false);
      for (std::size_t j = k + 1; !pipe && j < at.size(); ++j) {
        if (at[j] && at[j]->node) pipe = FindPipe(run.script().text, at[j]->node->begin, true);
      }
      const base::Range range =
          pipe ? run.SourceRange(*pipe, *pipe + 1) : (at[k] ? *at[k] : c).command.range;
      const std::string who = at[k] && !at[k]->name.empty() ? fmt::format("`{}`", at[k]->name)
                                                            : std::string("a command");
      ctx.Report(range, fmt::format("The exit status of {} is lost at this `|` of the `{}` "
                                    "script; run it with `-o pipefail`",
                                    who, *script));
      break;
    }
  }
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kRun || ctx.in_onbuild()) return;
  const shell::Analysis& run = ctx.Shell(ctx.index());
  if (!run.posix()) return;
  bool pipefail = run.script().pipefail;
  Walker(ctx, run, ShellFix).List(run.tree().root, pipefail, 0);
  CheckEmbedded(ctx, run);
}

}  // namespace

extern const Rule kDL4006 = {
    .code = "DL4006",
    .name = "pipe-without-pipefail",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "shell",
    .fixable = Fixable::kSometimes,
    .summary = "Set the SHELL option -o pipefail before RUN with a pipe in it",
    .doc = R"md(## What it does
Flags a pipeline (`a | b`) in a RUN when the shell does not run with `-o pipefail`, and a
command before the last `|` can fail. It points at the `|` after the first such command.

The shell has `pipefail` when the `SHELL` in force (set in the stage or in the stage it is built
`FROM`) passes `-o pipefail` to bash, zsh, ash or BusyBox sh (in any spelling the shell takes:
`-o pipefail`, `-eo pipefail`, `-c -o pipefail`, `-clo pipefail`), or when the script runs
`set -o pipefail` (`set -euo pipefail`) before the pipeline. A pipeline inside a `$(...)` whose
status the shell discards, an argument or assignment of a command (`[ -z "$(a | b)" ]`,
`export V=$(a | b)`), is not flagged: pipefail changes nothing there. In a bare assignment
(`V=$(a | b)`) the status is the command's, as in bash, so it is. Commands that cannot fail in a way
that matters are not counted: `echo`, `printf`, `true`, `cat` copying a here-document, and
`yes` (which always ends killed by the pipe closing, so pipefail would make `yes | cmd` fail).

## Why is this bad?
A pipeline's exit status is that of its last command. In
`RUN curl -fsSL https://example.com/install.sh | sh`, when the download fails `sh` reads an
empty script and succeeds, and so does the build, without what it was meant to install. With
`pipefail` the pipeline fails when any of its commands fails.

## Example
```dockerfile
FROM debian:12
RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
```

## Use instead
```dockerfile
FROM debian:12
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
```

Or, where the shell knows the option:

```dockerfile
FROM debian:12
RUN set -o pipefail && curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
```

## Fix safety
The fix is unsafe: it inserts `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the first
flagged RUN of the stage, which needs bash in the image, runs every later RUN (and shell-form
CMD/ENTRYPOINT, and stages built `FROM` this one) with bash, and makes builds fail that
silently passed before. On Alpine and BusyBox images, whose `sh` knows the option, it inserts
`SHELL ["/bin/sh", "-o", "pipefail", "-c"]` instead. `set -o pipefail` in the RUN is not
offered: `/bin/sh` is `dash` on Debian and Ubuntu, and dash rejects it. There is no fix when a
`SHELL` is already set, the image is unknown (`FROM $IMAGE`, `scratch`) or distroless, for
pipelines inside `sh -c "..."` strings, and for `ONBUILD RUN`.

## Differences from hadolint
- `set -o pipefail` (or `set -euo pipefail`) in the RUN before the pipeline counts, and so does
  `SHELL ["/bin/sh", "-o", "pipefail", "-c"]` on BusyBox/ash; hadolint ignores both
  (hadolint issues #250, #350, #400, #1084).
- The `SHELL` is inherited from the stage a stage is built `FROM`, as BuildKit does; hadolint
  forgets it at every `FROM`.
- Pipelines whose only writers are `echo`, `printf`, `true`, `yes` or `cat <<EOF` (alone, or in a
  `{ ...; }` group or subshell of nothing else) are not flagged: pipefail changes nothing for them (or breaks `yes | ...`).
- Pipelines inside `sh -c "..."` / `bash -c "..."` strings are checked against that shell's own
  options (`bash -o pipefail -c "..."` passes); hadolint does not look inside strings.
- One finding per pipeline, at its `|`, instead of one per RUN on its first line. Heredoc RUNs
  are checked with the shell their shebang names.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
