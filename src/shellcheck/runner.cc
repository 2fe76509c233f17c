#include "shellcheck/runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
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

/// How a ShellCheck process ended.
struct ProcessResult {
  std::string output;
  /// Exit status; -1 when it did not exit normally (a signal, or it was killed).
  int status = -1;
  /// Killed at the deadline.
  bool timed_out = false;
  /// Why it could not start (empty when it ran).
  std::string error;
};

/// Runs `argv` with its standard output captured, its standard error in `stderr_file`, no
/// more than `memory` bytes of address space, and killed after `seconds`. fork/exec rather
/// than posix_spawn, because the limit must be in place before ShellCheck's runtime starts
/// (GHC reserves its heap's address space at start-up; a limit set later would not bound it).
ProcessResult RunProcess(std::vector<std::string> argv, std::vector<std::string> env_in,
                         const fs::path& stderr_file, double seconds, std::uint64_t memory) {
  ProcessResult r;
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) {
    r.error = fmt::format("cannot create a pipe: {}", std::strerror(errno));
    return r;
  }
  // Everything the child needs is made before fork: after it, only async-signal-safe calls.
  std::vector<char*> args = Pointers(argv);
  std::vector<char*> env = Pointers(env_in);
  const std::string err_path = stderr_file.string();
  rlimit limit{};
  getrlimit(RLIMIT_AS, &limit);
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > memory) limit.rlim_cur = memory;
  // exec's failure comes back through a close-on-exec pipe: nothing read means it ran.
  int exec_error[2];
  if (pipe2(exec_error, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    r.error = fmt::format("cannot create a pipe: {}", std::strerror(errno));
    return r;
  }
  const pid_t pid = fork();
  if (pid < 0) {
    for (int fd : {out[0], out[1], exec_error[0], exec_error[1]}) close(fd);
    r.error = fmt::format("cannot run {}: {}", argv[0], std::strerror(errno));
    return r;
  }
  if (pid == 0) {
    const int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (in >= 0 && err >= 0 && dup2(in, STDIN_FILENO) >= 0 && dup2(out[1], STDOUT_FILENO) >= 0 &&
        dup2(err, STDERR_FILENO) >= 0) {
      setrlimit(RLIMIT_AS, &limit);
      execve(args[0], args.data(), env.data());
    }
    const int e = errno;
    (void)!write(exec_error[1], &e, sizeof e);
    _exit(127);
  }
  close(exec_error[1]);
  int child_errno = 0;
  ssize_t got;
  while ((got = read(exec_error[0], &child_errno, sizeof child_errno)) < 0 && errno == EINTR) {
  }
  close(exec_error[0]);
  if (got == static_cast<ssize_t>(sizeof child_errno)) {
    close(out[0]);
    close(out[1]);
    while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    r.error = fmt::format("cannot run {}: {}", argv[0], std::strerror(child_errno));
    return r;
  }
  close(out[1]);
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(seconds));
  char buf[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) {
      kill(pid, SIGKILL);
      r.timed_out = true;
      break;
    }
    pollfd p{out[0], POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    const ssize_t n = read(out[0], buf, sizeof buf);
    if (n > 0) {
      r.output.append(buf, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(out[0]);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(wstatus)) r.status = WEXITSTATUS(wstatus);
  return r;
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

double RunOptions::DefaultTimeLimit() {
  if (const char* v = std::getenv("SHIPSHAPE_SHELLCHECK_TIME_LIMIT")) {
    char* end = nullptr;
    const double seconds = std::strtod(v, &end);
    if (end != v && *end == '\0' && seconds > 0 && seconds < 1e6) return seconds;
  }
  return kTimeLimit;
}

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
  result.gave_up.resize(scripts.size());
  if (std::all_of(scripts.begin(), scripts.end(),
                  [](const Script* s) { return !s->skipped.empty(); })) {
    return result;
  }

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
  std::map<std::string, std::vector<std::size_t>> by_dialect;
  std::size_t checked = 0;
  for (std::size_t i = 0; i < scripts.size(); ++i) {
    if (!scripts[i]->skipped.empty()) continue;
    by_dialect[scripts[i]->dialect].push_back(i);
    ++checked;
  }
  const unsigned parallel = std::max(1u, options.parallel);
  const std::size_t size =
      std::clamp<std::size_t>((checked + parallel * 4 - 1) / (parallel * 4), 1, kMaxBatch);
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
  auto fail = [&](const std::string& problem) {
    std::lock_guard<std::mutex> lock(mu);
    if (result.error.empty()) result.error = problem;
  };
  // One ShellCheck process on `files` (script index -> file). Returns why it gave up (past
  // the time limit or out of memory; the caller retries or reports), or empty.
  auto check = [&](const std::string& dialect, const std::map<std::string, std::size_t>& files,
                   std::size_t id) -> std::string {
    std::vector<std::string> argv = {options.binary, "--norc", "--format=json1",
                                     "--severity=style", "--shell=" + dialect};
    for (const auto& [file, i] : files) argv.push_back(file);
    const double seconds = options.time_limit +
                           RunOptions::kBatchSecondsPerScript * static_cast<double>(files.size() - 1);
    const fs::path err_file = dir / fmt::format("check-{}.err", id);
    const ProcessResult p = RunProcess(std::move(argv), env, err_file, seconds, options.memory_limit);
    const std::string detail = FirstLine(err_file);
    std::error_code ec;
    fs::remove(err_file, ec);
    std::vector<std::pair<std::string, Comment>> comments;
    if (p.timed_out) {
      return fmt::format("ShellCheck gave up on this script: it was still running after {:g} s "
                         "(SHIPSHAPE_SHELLCHECK_TIME_LIMIT sets the limit)",
                         seconds);
    }
    // GHC's runtime exits with 251 when the heap cannot grow.
    if (p.status == 251 || detail.find("out of memory") != std::string::npos) {
      const std::uint64_t mib = options.memory_limit >> 20;
      return fmt::format("ShellCheck gave up on this script: it ran out of the {} of memory "
                         "shipshape allows it",
                         mib % 1024 == 0 ? fmt::format("{} GiB", mib / 1024)
                                         : fmt::format("{} MiB", mib));
    }
    if (!p.error.empty()) {
      fail(p.error);
    } else if ((p.status == 0 || p.status == 1) && ParseJson1(p.output, comments)) {
      std::lock_guard<std::mutex> lock(mu);
      for (auto& [file, comment] : comments) {
        auto it = files.find(file);
        if (it != files.end()) result.comments[it->second].push_back(std::move(comment));
      }
    } else {
      fail(p.status < 0 ? fmt::format("{} did not finish normally", options.binary)
                        : fmt::format("{} exited with status {}{}{}", options.binary, p.status,
                                      detail.empty() ? "" : ": ", detail));
    }
    return {};
  };
  auto work = [&] {
    for (std::size_t b; (b = next.fetch_add(1)) < batches.size();) {
      const Batch& batch = batches[b];
      std::error_code ec;
      const fs::path sub = dir / batch.dialect;
      fs::create_directories(sub, ec);
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
        by_name[file.string()] = i;
      }
      if (!problem.empty()) {
        fail(problem);
      } else if (std::string why = check(batch.dialect, by_name, b); !why.empty()) {
        if (by_name.size() == 1) {
          std::lock_guard<std::mutex> lock(mu);
          result.gave_up[by_name.begin()->second] = std::move(why);
        } else {
          // Which script was it? Each alone, so that the others are still checked.
          for (const auto& [file, i] : by_name) {
            std::string alone = check(batch.dialect, {{file, i}}, batches.size() + i);
            std::lock_guard<std::mutex> lock(mu);
            result.comments[i].clear();
            if (!alone.empty()) result.gave_up[i] = std::move(alone);
          }
        }
      }
      if (!keep) {
        for (const auto& [file, i] : by_name) fs::remove(file, ec);
      }
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
