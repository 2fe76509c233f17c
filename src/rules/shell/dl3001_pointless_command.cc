// DL3001 pointless-command: commands that make no sense in a build (interactive tools, system
// management, process inspection).
#include <fmt/format.h>

#include <algorithm>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

struct Pointless {
  std::string_view name;
  /// Why, completing "`name` ...".
  std::string_view why;
};

constexpr Pointless kPointless[] = {
    {"free", "shows the memory of a build container that is gone when the RUN ends"},
    {"ifconfig", "shows the network of a build container that is gone when the RUN ends"},
    {"kill", "stops a process of a build container that is gone when the RUN ends"},
    {"mount",
     "needs privileges a build does not have, and its mount ends with the RUN; use "
     "`RUN --mount`"},
    {"ps", "lists the processes of a build container that is gone when the RUN ends"},
    {"service",
     "starts or stops a service only until the RUN ends; start it in `CMD` or "
     "`ENTRYPOINT`"},
    {"shutdown", "has no system to shut down in a build"},
    {"ssh", "needs an interactive remote session a build cannot have"},
    {"top", "shows the processes of a build container that is gone when the RUN ends"},
    {"vim", "is an interactive editor; edit files with `sed` or `COPY` them"},
};

bool OneOf(std::string_view s, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), s) != names.end();
}

/// `vim -es`, `vim +PlugInstall +qall`: vim run as a script that quits by itself.
bool VimScripted(const shell::Command& cmd) {
  for (std::size_t i = 0; i < cmd.argv.size(); ++i) {
    std::string_view a = cmd.argv[i].value;
    if (OneOf(a, {"-es", "-Es", "-e", "-E", "--not-a-term"})) return true;
    if ((a == "-c" || a == "--cmd") && i + 1 < cmd.argv.size()) {
      a = cmd.argv[++i].value;
    } else if (!a.empty() && a[0] == '+') {
      a.remove_prefix(1);
    } else {
      continue;
    }
    if (!a.empty() && a.back() == '!') a.remove_suffix(1);
    if (OneOf(a, {"q", "qa", "qall", "quit", "quitall", "wq", "wqa", "wqall", "x", "xa", "xall"})) {
      return true;
    }
  }
  return false;
}

/// Whether a command before `cmd` in the RUN runs in the background (`daemon &`), whose process
/// `kill` then stops on purpose.
bool AfterBackgroundJob(const shell::Analysis& run, const shell::Command& cmd) {
  for (std::size_t i = 0; i < cmd.index; ++i) {
    if (run.commands()[i].context.background) return true;
  }
  return false;
}

/// `service db start && init-db && service db stop`: a service the same RUN uses, started and
/// stopped within it.
bool ServiceUsedInRun(const shell::Analysis& run, const shell::Command& cmd) {
  if (cmd.args.size() < 2 || !cmd.args[0].known || !cmd.args[1].known) return false;
  const std::string& service = cmd.args[0].value;
  const std::string& action = cmd.args[1].value;
  const std::vector<shell::Command>& commands = run.commands();
  if (OneOf(action, {"start", "restart"})) return cmd.index + 1 < commands.size();
  if (action != "stop") return false;
  for (std::size_t i = 0; i < cmd.index; ++i) {
    const shell::Command& c = commands[i];
    if (c.name == "service" && c.args.size() >= 2 && c.args[0].value == service &&
        OneOf(c.args[1].value, {"start", "restart"})) {
      return true;
    }
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  const Pointless* p = nullptr;
  for (const Pointless& q : kPointless) {
    if (cmd.name == q.name) p = &q;
  }
  if (!p) return;
  if (cmd.name == "vim" && VimScripted(cmd)) return;
  if (cmd.name == "kill" && AfterBackgroundJob(ctx.run(), cmd)) return;
  if (cmd.name == "service" && ServiceUsedInRun(ctx.run(), cmd)) return;
  ctx.Report(cmd.command.range, fmt::format("`{}` {}", p->name, p->why));
}

}  // namespace

extern const Rule kDL3001 = {
    .code = "DL3001",
    .name = "pointless-command",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "shell",
    .summary = "For some bash commands it makes no sense running them in a Docker container",
    .doc = R"md(## What it does
Flags commands that make no sense in a RUN: `ssh` and `vim` (interactive), `shutdown`,
`service` and `mount` (system management), `ps`, `top`, `free`, `kill` and `ifconfig` (the state
of a container that disappears when the RUN ends).

## Why is this bad?
Each RUN executes in a fresh container that is thrown away once its command ends; only the
files it wrote are kept. A service started there is not running in the image, a process list
describes nothing that will exist later, an interactive program has no one to talk to and
waits or fails, and `mount` needs privileges a build does not have.

## Example
```dockerfile
FROM ubuntu:24.04
RUN apt-get update && apt-get install -y nginx && service nginx start
```

## Use instead
```dockerfile
FROM ubuntu:24.04
RUN apt-get update && apt-get install -y nginx
CMD ["nginx", "-g", "daemon off;"]
```

## Fix safety
There is no fix: what the command was meant to do needs another instruction.

## Differences from hadolint
- Uses with a purpose inside the RUN are not flagged: `kill` after a command the RUN put in the
  background (`app & sleep 10; kill $!`), `service db start` followed by commands that use it
  (and the matching `service db stop`), and `vim` run as a script that quits
  (`vim +PlugInstall +qall`, `vim -es`).
- `ifconfig`, named in hadolint's message but missing from its list, is flagged.
- The commands are found behind `sudo`, `sh -c` and paths (`/usr/bin/vim`), and each finding
  points at the command instead of the RUN's first line.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
