#include "shellcheck/runner.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

extern char** environ;

namespace shipshape::shellcheck {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxBatch = 200;

bool IsExecutable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && access(p.c_str(), X_OK) == 0;
}

/// The environment ShellCheck runs in: ours without SHELLCHECK_OPTS and locale settings, plus
/// a UTF-8 locale (ShellCheck reads and writes text in the locale's encoding).
std::vector<std::string> ChildEnvironment() {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    const std::string_view v(*e);
    if (v.starts_with("SHELLCHECK_OPTS=") || v.starts_with("LC_ALL=") ||
        v.starts_with("LANG=") || v.starts_with("LC_CTYPE=")) {
      continue;
    }
    env.emplace_back(v);
  }
  env.emplace_back("LC_ALL=C.UTF-8");
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

struct Batch {
  std::string dialect;
  std::vector<std::size_t> scripts;  // indices into the scripts given to Run
};

/// Runs `argv`, returns its standard output, and its exit status or -1 when it did not exit
/// normally; `error` says why it could not start.
std::string RunProcess(std::vector<std::string> argv, const std::vector<std::string>& env_in,
                       const fs::path& stderr_file, int& status, std::string& error) {
  status = -1;
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) {
    error = fmt::format("cannot create a pipe: {}", std::strerror(errno));
    return {};
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args = Pointers(argv);
  std::vector<std::string> env_copy = env_in;
  std::vector<char*> env = Pointers(env_copy);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (rc != 0) {
    close(out[0]);
    error = fmt::format("cannot run {}: {}", argv[0], std::strerror(rc));
    return {};
  }
  std::string output;
  char buf[65536];
  for (;;) {
    const ssize_t n = read(out[0], buf, sizeof buf);
    if (n > 0) {
      output.append(buf, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(out[0]);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(wstatus)) status = WEXITSTATUS(wstatus);
  return output;
}

std::string FirstLine(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

/// A fresh private folder under the temporary directory.
std::optional<fs::path> MakeTempDir(std::string& error) {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "shipshape-shellcheck-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    error = fmt::format("cannot create a temporary folder in {}: {}", base.string(),
                        std::strerror(errno));
    return std::nullopt;
  }
  return fs::path(pattern);
}

}  // namespace

std::string FindShellCheck() {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    const std::size_t colon = rest.find(':');
    std::string_view dir = rest.substr(0, colon);
    if (dir.empty()) dir = ".";
    const fs::path candidate = fs::path(dir) / "shellcheck";
    if (IsExecutable(candidate)) return candidate.string();
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return {};
}

bool ParseJson1(std::string_view json, std::vector<std::pair<std::string, Comment>>& out) {
  const nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("comments") ||
      !doc["comments"].is_array()) {
    return false;
  }
  auto integer = [](const nlohmann::json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_number_integer() ? it->get<int>() : 0;
  };
  auto string = [](const nlohmann::json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (const nlohmann::json& c : doc["comments"]) {
    if (!c.is_object()) return false;
    Comment comment;
    comment.line = integer(c, "line");
    comment.column = integer(c, "column");
    comment.end_line = integer(c, "endLine");
    comment.end_column = integer(c, "endColumn");
    comment.level = string(c, "level");
    comment.code = integer(c, "code");
    comment.message = string(c, "message");
    auto fix = c.find("fix");
    if (fix != c.end() && fix->is_object() && fix->contains("replacements") &&
        (*fix)["replacements"].is_array()) {
      for (const nlohmann::json& r : (*fix)["replacements"]) {
        if (!r.is_object()) continue;
        Replacement rep;
        rep.line = integer(r, "line");
        rep.column = integer(r, "column");
        rep.end_line = integer(r, "endLine");
        rep.end_column = integer(r, "endColumn");
        rep.text = string(r, "replacement");
        comment.fix.push_back(std::move(rep));
      }
    }
    out.emplace_back(string(c, "file"), std::move(comment));
  }
  return true;
}

RunResult Run(std::span<const Script* const> scripts, const RunOptions& options) {
  RunResult result;
  result.comments.resize(scripts.size());
  if (scripts.empty()) return result;

  std::string error;
  fs::path dir;
  const bool keep = !options.keep_dir.empty();
  if (keep) {
    dir = options.keep_dir;
  } else if (std::optional<fs::path> d = MakeTempDir(error)) {
    dir = *d;
  } else {
    result.error = error;
    return result;
  }

  // Batches of one dialect, small enough that both cores stay busy on small inputs.
  const unsigned parallel = std::max(1u, options.parallel);
  const std::size_t size = std::clamp<std::size_t>(
      (scripts.size() + parallel * 4 - 1) / (parallel * 4), 1, kMaxBatch);
  std::map<std::string, std::vector<std::size_t>> by_dialect;
  for (std::size_t i = 0; i < scripts.size(); ++i) by_dialect[scripts[i]->dialect].push_back(i);
  std::vector<Batch> batches;
  for (auto& [dialect, indices] : by_dialect) {
    for (std::size_t k = 0; k < indices.size(); k += size) {
      Batch b{dialect, {}};
      b.scripts.assign(indices.begin() + static_cast<std::ptrdiff_t>(k),
                       indices.begin() + static_cast<std::ptrdiff_t>(std::min(k + size, indices.size())));
      batches.push_back(std::move(b));
    }
  }

  const std::vector<std::string> env = ChildEnvironment();
  std::mutex mu;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t b; (b = next.fetch_add(1)) < batches.size();) {
      const Batch& batch = batches[b];
      std::error_code ec;
      const fs::path sub = dir / batch.dialect;
      fs::create_directories(sub, ec);
      std::vector<std::string> argv = {options.binary, "--norc", "--format=json1",
                                       "--severity=style", "--shell=" + batch.dialect};
      std::map<std::string, std::size_t> by_name;
      std::string problem;
      for (std::size_t i : batch.scripts) {
        const fs::path file = sub / fmt::format("{}.sh", i);
        std::ofstream f(file, std::ios::binary | std::ios::trunc);
        f << scripts[i]->text;
        f.close();
        if (!f) {
          problem = fmt::format("cannot write {}", file.string());
          break;
        }
        argv.push_back(file.string());
        by_name[file.string()] = i;
      }
      int status = -1;
      std::string output;
      const fs::path err_file = dir / fmt::format("batch-{}.err", b);
      if (problem.empty()) output = RunProcess(argv, env, err_file, status, problem);
      std::vector<std::pair<std::string, Comment>> comments;
      if (problem.empty() && (status == 0 || status == 1) && ParseJson1(output, comments)) {
        std::lock_guard<std::mutex> lock(mu);
        for (auto& [file, comment] : comments) {
          auto it = by_name.find(file);
          if (it != by_name.end()) result.comments[it->second].push_back(std::move(comment));
        }
      } else {
        if (problem.empty()) {
          const std::string detail = FirstLine(err_file);
          problem = status < 0 ? fmt::format("{} did not finish normally", options.binary)
                               : fmt::format("{} exited with status {}{}{}", options.binary,
                                             status, detail.empty() ? "" : ": ", detail);
        }
        std::lock_guard<std::mutex> lock(mu);
        if (result.error.empty()) result.error = problem;
      }
      if (!keep) {
        for (const auto& [file, i] : by_name) fs::remove(file, ec);
      }
      fs::remove(err_file, ec);
    }
  };
  std::vector<std::thread> threads;
  const unsigned n = static_cast<unsigned>(std::min<std::size_t>(parallel, batches.size()));
  for (unsigned t = 1; t < n; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  if (!keep) {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  return result;
}

}  // namespace shipshape::shellcheck
