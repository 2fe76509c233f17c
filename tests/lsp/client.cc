#include "tests/lsp/client.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <thread>

namespace shipshape::testing {

using Clock = std::chrono::steady_clock;

LspClient::~LspClient() {
  if (to_server_ >= 0) close(to_server_);
  if (from_server_ >= 0) close(from_server_);
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

bool LspClient::Start(const std::string& binary, const std::vector<std::string>& args,
                      const std::string& cwd, std::string& error,
                      const std::vector<std::pair<std::string, std::string>>& env) {
  // Writing to a server that died must be an error here, not a signal.
  signal(SIGPIPE, SIG_IGN);
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) {
    error = "pipe failed";
    return false;
  }
  std::vector<std::string> argv_s = {binary};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    error = "fork failed";
    return false;
  }
  if (pid == 0) {
    dup2(in[0], STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  pid_ = pid;
  to_server_ = in[1];
  from_server_ = out[0];
  return true;
}

bool LspClient::SendRaw(const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(to_server_, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool LspClient::Send(const json& message) { return SendRaw(lsp::Frame(message.dump())); }

int LspClient::Request(const std::string& method, json params) {
  const int id = ++next_id_;
  Send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  return id;
}

void LspClient::Notify(const std::string& method, json params) {
  Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void LspClient::ReadSome(Clock::time_point deadline) {
  if (eof_) return;
  const auto left = std::chrono::duration_cast<Millis>(deadline - Clock::now()).count();
  if (left <= 0) return;
  pollfd p{from_server_, POLLIN, 0};
  if (poll(&p, 1, static_cast<int>(left)) <= 0) return;
  char buffer[1 << 16];
  const ssize_t n = read(from_server_, buffer, sizeof buffer);
  if (n < 0 && errno == EINTR) return;
  if (n <= 0) {
    eof_ = true;
    return;
  }
  reader_.Feed(std::string_view(buffer, static_cast<std::size_t>(n)));
  std::string body, error;
  while (true) {
    const lsp::FrameReader::Status s = reader_.Next(body, error);
    if (s == lsp::FrameReader::Status::kNeedMore) break;
    if (s == lsp::FrameReader::Status::kError) {
      inbox_.push_back({{"framing-error", error}});
      continue;
    }
    json j = json::parse(body, nullptr, false);
    inbox_.push_back(j.is_discarded() ? json{{"bad-json", body}} : std::move(j));
  }
}

std::optional<nlohmann::json> LspClient::WaitFor(const std::function<bool(const json&)>& match,
                                                 Millis timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  std::size_t checked = 0;
  while (true) {
    for (; checked < inbox_.size(); ++checked) {
      if (match(inbox_[checked])) {
        json j = std::move(inbox_[checked]);
        inbox_.erase(inbox_.begin() + static_cast<std::ptrdiff_t>(checked));
        return j;
      }
    }
    if (eof_ || Clock::now() >= deadline) return std::nullopt;
    ReadSome(deadline);
  }
}

std::optional<nlohmann::json> LspClient::Response(int id, Millis timeout) {
  return WaitFor(
      [id](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); },
      timeout);
}

std::optional<nlohmann::json> LspClient::Published(const std::string& uri, int version,
                                                   Millis timeout) {
  return WaitFor(
      [&](const json& m) {
        return m.value("method", "") == "textDocument/publishDiagnostics" &&
               m["params"]["uri"] == uri &&
               (version < 0 || m["params"].value("version", -1) == version);
      },
      timeout);
}

int LspClient::Wait(Millis timeout) {
  if (to_server_ >= 0) {
    close(to_server_);
    to_server_ = -1;
  }
  const Clock::time_point deadline = Clock::now() + timeout;
  while (pid_ > 0) {
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if (Clock::now() >= deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
      return -1;
    }
    // Keep reading so that a server blocked on a full pipe can finish.
    if (eof_) {
      std::this_thread::sleep_for(Millis(2));
    } else {
      ReadSome(Clock::now() + Millis(10));
    }
  }
  return -1;
}

}  // namespace shipshape::testing
