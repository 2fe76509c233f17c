// DL3004 sudo-in-run: `sudo` in a RUN instruction.
#include <algorithm>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

std::string_view Basename(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// Commands that run the command after them (their options skipped), and how many positional
/// arguments they take first (`timeout 10 sudo x`).
struct Runner {
  std::string_view name;
  int positionals;
};

constexpr Runner kRunners[] = {
    {"env", 0},     {"nice", 0},    {"nohup", 0},   {"time", 0},      {"exec", 0},
    {"command", 0}, {"builtin", 0}, {"xargs", 0},   {"stdbuf", 0},    {"ionice", 0},
    {"timeout", 1}, {"chrt", 1},    {"taskset", 1}, {"eatmydata", 0}, {"fakeroot", 0},
};

/// Reports the `sudo` word in command position of simple command `n`, if any.
void CheckSimple(Context& ctx, const shell::Analysis& run, const shell::Node& n) {
  for (std::size_t i = 0; i < n.words.size(); ++i) {
    const std::string_view name = Basename(n.words[i].Literal());
    if (name == "sudo") {
      ctx.Report(run.SourceRange(n.words[i].begin, n.words[i].end),
                 "Do not use `sudo`: it makes what runs depend on the sudoers setup; switch "
                 "users with `USER` (or `gosu` at run time)");
      return;
    }
    const Runner* r = std::find_if(std::begin(kRunners), std::end(kRunners),
                                   [&](const Runner& x) { return x.name == name; });
    if (r == std::end(kRunners)) return;
    // Skip the runner's options and `NAME=value` assignments, then its positionals.
    while (i + 1 < n.words.size()) {
      const std::string_view w = n.words[i + 1].value;
      if (w.empty() || (w[0] != '-' && w.find('=') == std::string_view::npos)) break;
      ++i;
    }
    i += static_cast<std::size_t>(r->positionals);
  }
}

void WalkList(Context& ctx, const shell::Analysis& run, const shell::List& list, int depth);

void WalkWord(Context& ctx, const shell::Analysis& run, const shell::WordPart& p, int depth) {
  for (const shell::WordPart& q : p.parts) WalkWord(ctx, run, q, depth);
  if (p.sub) WalkList(ctx, run, *p.sub, depth + 1);
}

void WalkWords(Context& ctx, const shell::Analysis& run, const std::vector<shell::Word>& words,
               int depth) {
  for (const shell::Word& w : words) {
    for (const shell::WordPart& p : w.parts) WalkWord(ctx, run, p, depth);
  }
}

void WalkNode(Context& ctx, const shell::Analysis& run, const shell::Node& n, int depth) {
  if (depth > 100) return;
  for (const shell::Redirect& r : n.redirects) {
    for (const shell::WordPart& p : r.target.parts) WalkWord(ctx, run, p, depth);
  }
  WalkWords(ctx, run, n.assignments, depth);
  WalkWords(ctx, run, n.words, depth);
  if (n.kind == shell::Node::Kind::kSimple) CheckSimple(ctx, run, n);
  for (const shell::List& l : n.lists) WalkList(ctx, run, l, depth + 1);
  if (n.body) WalkNode(ctx, run, *n.body, depth + 1);
}

void WalkList(Context& ctx, const shell::Analysis& run, const shell::List& list, int depth) {
  for (const shell::AndOr& a : list.items) {
    for (const shell::Pipeline& p : a.pipelines) {
      for (const std::unique_ptr<shell::Node>& n : p.commands) WalkNode(ctx, run, *n, depth);
    }
  }
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kRun) return;
  const shell::Analysis& run = ctx.Shell(ctx.index());
  if (run.commands().empty()) return;  // PowerShell, cmd, other interpreters
  // The script itself, substitutions included.
  WalkList(ctx, run, run.tree().root, 0);
  // Scripts run by `sh -c "..."` / `su -c "..."`: each of their commands is a node of its own.
  for (const shell::Command& c : run.commands()) {
    const bool embedded = std::any_of(c.wrappers.begin(), c.wrappers.end(), [](const auto& w) {
      return w.size() > 3 && w.compare(w.size() - 3, 3, " -c") == 0;
    });
    if (embedded && c.node) CheckSimple(ctx, run, *c.node);
  }
}

}  // namespace

extern const Rule kDL3004 = {
    .code = "DL3004",
    .name = "sudo-in-run",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "shell",
    .summary = "Do not use sudo as it leads to unpredictable behavior",
    .doc = R"md(## What it does
Flags `sudo` used to run a command in a RUN instruction.

## Why is this bad?
A RUN already runs as the user `USER` set, usually root. `sudo` adds a dependency on the
package, on `/etc/sudoers` and on its TTY and environment rules (`env_reset` drops variables,
`requiretty` fails without a terminal), so the same command behaves differently from one base
image to the next. To run steps as another user, switch with `USER`; to drop privileges when
the container starts, use a tool made for it such as `gosu` or `su-exec`, which also pass
signals on properly.

## Example
```dockerfile
FROM ubuntu:24.04
USER app
RUN sudo apt-get update && sudo apt-get install -y curl
```

## Use instead
```dockerfile
FROM ubuntu:24.04
RUN apt-get update && apt-get install -y curl
USER app
```

## Fix safety
There is no fix: which user the commands should run as is up to the author.

## Differences from hadolint
Each `sudo` is reported at the word itself, including a `sudo` behind `env`, `nice`,
`timeout` and similar runners, inside `$(...)` and inside `sh -c "..."` strings; hadolint
reports the RUN's first line once. `echo sudo` is not a use of `sudo`, in both.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
