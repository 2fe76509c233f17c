#include "cli/lsp_command.h"

#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>

#include "lsp/server.h"

namespace shipshape::cli {

CLI::App* AddLspCommand(CLI::App& app, LspFlags& flags, bool options) {
  CLI::App* cmd = app.add_subcommand(
      "lsp", "Run the language server (LSP over standard input and output) for editors");
  if (!options) return cmd;
  cmd->add_flag("--stdio", flags.stdio,
                "Talk over standard input and output (the default and only transport; "
                "accepted because clients pass it)");
  cmd->add_option("--debounce-ms", flags.debounce_ms,
                  "Lint a document at most once per this many milliseconds; the changes in between "
                  "are linted together, newest version (default 5)")
      ->check(CLI::Range(0u, 10000u));
  return cmd;
}

int RunLsp(const LspFlags& flags) {
  // A client that goes away must not kill the server in the middle of a write.
  signal(SIGPIPE, SIG_IGN);
  lsp::ServerOptions options;
  options.debounce = std::chrono::milliseconds(flags.debounce_ms);
  return lsp::Serve(STDIN_FILENO, STDOUT_FILENO, options);
}

}  // namespace shipshape::cli
