// The language server (`shipshape lsp`): JSON-RPC dispatch, the open documents, diagnostics
// from the lint pipeline (the rules at once, ShellCheck's findings when they arrive), code
// actions from the fixes, hover with the rules' documentation.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace shipshape::lsp {

struct ServerOptions {
  /// A document is linted at most once per interval: a change after a pause at once, the
  /// changes of a burst together at the interval's end (the newest version wins).
  std::chrono::milliseconds debounce{5};
  /// Lint on worker threads and run ShellCheck. False: every change is linted at once on the
  /// calling thread and ShellCheck never runs (the fuzz target's deterministic mode).
  bool threads = true;
};

/// One server session. Messages go in through Handle (one thread); everything the server sends
/// (responses, notifications, its own requests) goes out through the writer as a JSON body,
/// possibly from a worker thread (never two at once).
class Server {
 public:
  using Writer = std::function<void(const std::string& body)>;

  Server(ServerOptions options, Writer writer);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Handles one message body. Malformed JSON or a malformed request is answered with a
  /// JSON-RPC error; nothing here throws.
  void Handle(std::string_view body);
  /// Answers a message whose framing was bad (FrameReader) with a parse error.
  void FramingError(std::string_view what);

  /// Whether `exit` arrived, and the exit code the protocol asks for then (0 after `shutdown`,
  /// else 1).
  bool exited() const;
  int exit_code() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Serves on `in_fd` and `out_fd` until `exit` or the end of the input; returns the process's
/// exit code.
int Serve(int in_fd, int out_fd, const ServerOptions& options);

}  // namespace shipshape::lsp
