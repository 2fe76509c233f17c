// `shipshape lsp`: the language server on standard input and output (src/lsp).
#pragma once

namespace CLI {
class App;
}

namespace shipshape::cli {

struct LspFlags {
  /// Clients pass `--stdio`; standard input and output are the only transport.
  bool stdio = false;
  /// A document is linted at most once per this many milliseconds.
  unsigned debounce_ms = 5;
};

/// `options` false: the command's name and description only (start-up builds in full only
/// the command that runs).
CLI::App* AddLspCommand(CLI::App& app, LspFlags& flags, bool options = true);
int RunLsp(const LspFlags& flags);

}  // namespace shipshape::cli
