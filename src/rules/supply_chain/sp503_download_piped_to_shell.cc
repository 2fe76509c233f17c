// SP503 download-piped-to-shell: `curl ... | sh`: a script run straight from the network.
#include <fmt/format.h>

#include <string_view>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

bool IsInterpreter(std::string_view name) {
  for (std::string_view s : {"sh", "bash", "dash", "ash", "zsh", "ksh", "busybox", "python",
                             "python2", "python3", "perl", "ruby", "node", "php", "pwsh"}) {
    if (name == s) return true;
  }
  return false;
}

/// Whether interpreter command `c` runs the script it reads on standard input: no script
/// file or `-c` code among its arguments (`sh`, `bash -s -- args`, `python3 -`).
bool ReadsStdin(const shell::Command& c) {
  if (c.name == "busybox") {
    return !c.argv.empty() && (c.argv[0].value == "sh" || c.argv[0].value == "ash") &&
           c.argv.size() == 1;
  }
  for (const shell::Argument& a : c.argv) {
    const std::string& v = a.value;
    if (v == "-" || v == "-s" || v == "--") return true;
    if (v == "-c" || v == "-e" || v == "-m" || v == "--command" || v == "-Command") return false;
    if (!v.empty() && v[0] != '-') return false;  // a script file
  }
  return true;
}

/// Whether download command `c` writes what it downloads to standard output.
bool ToStdout(const shell::Command& c) {
  if (c.name == "curl") {
    for (const shell::Option& o : c.options) {
      if (o.name == "o" || o.name == "output") return o.value && *o.value == "-";
      if (o.name == "O" || o.name == "remote-name" || o.name == "remote-name-all") return false;
    }
    return true;
  }
  if (c.name == "wget") {
    for (const shell::Option& o : c.options) {
      if (o.name == "O" || o.name == "output-document") return o.value && *o.value == "-";
    }
    return false;
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (!IsInterpreter(cmd.name) || cmd.context.pipeline_position == 0 || !ReadsStdin(cmd)) return;
  for (const shell::Command& other : ctx.run().commands()) {
    if (other.context.pipeline != cmd.context.pipeline ||
        other.context.pipeline_position >= cmd.context.pipeline_position ||
        other.context.in_substitution != cmd.context.in_substitution) {
      continue;
    }
    if ((other.name == "curl" || other.name == "wget") && ToStdout(other)) {
      ctx.Report(cmd.command.range,
                 fmt::format("`{} | {}` runs whatever the server sends, unchecked; download to "
                             "a file, verify its checksum (`sha256sum -c`) or signature, then "
                             "run it",
                             other.name, cmd.name));
      return;
    }
  }
}

}  // namespace

extern const Rule kSP503 = {
    .code = "SP503",
    .name = "download-piped-to-shell",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "supply-chain",
    .summary = "Do not pipe a download into a shell or interpreter",
    .doc = R"md(## What it does
Flags a pipeline that feeds what `curl` or `wget -O-` downloads straight into a shell or an
interpreter reading its script from standard input: `curl -fsSL URL | sh`,
`wget -qO- URL | bash -s -- --version 1.2`, `curl URL | python3 -`.

## Why is this bad?
The script that runs is whatever the server (or anyone on the way, or whoever took over the
domain) sends at build time: nothing pins or checks it, and a rebuild may run something else.
A download cut short can also run half a script. Downloading to a file, checking it against a
known SHA-256 (or a signature), and then running it makes the build reproducible and
tamper-evident.

## Example
```dockerfile
FROM debian:12
RUN curl -fsSL https://get.example.com/install.sh | sh
```

## Use instead
```dockerfile
FROM debian:12
ARG INSTALL_SHA256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
RUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \
    && echo "${INSTALL_SHA256}  /tmp/install.sh" | sha256sum -c - \
    && sh /tmp/install.sh \
    && rm /tmp/install.sh
```

## Fix safety
There is no fix: the checksum has to come from a download you trust.

## Differences from hadolint
hadolint has no such rule (it was requested in hadolint issue #282), and neither have Docker's
build checks, Trivy, Checkov or dockle (DL4006 only asks for `pipefail`, which does not make
the script trustworthy). shipshape reads the pipeline, so `curl -o file URL | ...`,
`sh script.sh` after a pipe and `bash -c '...'` are told apart, and `sudo` and `sh -c "..."`
wrappers are seen through.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
