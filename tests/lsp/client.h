// A small LSP client for tests and benchmarks: spawns `shipshape lsp` with pipes, frames and
// sends JSON-RPC messages, and reads the server's messages with deadlines.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <deque>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lsp/framing.h"

namespace shipshape::testing {

class LspClient {
 public:
  using json = nlohmann::json;
  using Millis = std::chrono::milliseconds;

  LspClient() = default;
  /// Kills the server if it still runs.
  ~LspClient();
  LspClient(const LspClient&) = delete;
  LspClient& operator=(const LspClient&) = delete;

  /// Starts `binary args...` in `cwd` (empty: this process's) with `env` set in its
  /// environment; false with `error` set when it cannot.
  bool Start(const std::string& binary, const std::vector<std::string>& args,
             const std::string& cwd, std::string& error,
             const std::vector<std::pair<std::string, std::string>>& env = {});

  /// Writes bytes as they are (for malformed input) or one framed message.
  bool SendRaw(const std::string& bytes);
  bool Send(const json& message);
  /// Sends a request and returns its id.
  int Request(const std::string& method, json params);
  void Notify(const std::string& method, json params);

  /// The first message (received now or later, within `timeout`) that `match` accepts; the
  /// others stay for later calls. nullopt on timeout or when the server closed its output.
  std::optional<json> WaitFor(const std::function<bool(const json&)>& match, Millis timeout);
  /// The response to request `id`.
  std::optional<json> Response(int id, Millis timeout);
  /// The next publishDiagnostics for `uri` (any version when `version` < 0).
  std::optional<json> Published(const std::string& uri, int version, Millis timeout);

  /// Every message received and not taken yet.
  const std::deque<json>& inbox() const { return inbox_; }
  /// Drops the messages not taken.
  void ClearInbox() { inbox_.clear(); }

  /// Closes the server's input, waits for it to exit and returns its exit status (-1 on
  /// timeout, when it is killed).
  int Wait(Millis timeout);

 private:
  /// Reads what the server wrote, waiting until `deadline` at most.
  void ReadSome(std::chrono::steady_clock::time_point deadline);

  pid_t pid_ = -1;
  int to_server_ = -1;
  int from_server_ = -1;
  int next_id_ = 0;
  /// The server closed its output.
  bool eof_ = false;
  lsp::FrameReader reader_;
  std::deque<json> inbox_;
};

}  // namespace shipshape::testing
