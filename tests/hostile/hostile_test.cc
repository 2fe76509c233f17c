// Hostile input: files and folders built to make a linter crash, hang or eat memory. Each case
// runs the shipshape binary under a time limit and (outside the sanitizer build) an address
// space cap, and asserts its outcome: the exit code, what it says, never a signal or a
// timeout. `bench/hostile.sh` prints the time and memory each case took (the lines below
// starting with `hostile:`).
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "test_data.h"

namespace fs = std::filesystem;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

/// Generous limits that only a hang or a blow-up reaches: a case takes well under a second
/// normally. The sanitizers make everything slower and bigger, and ASan needs terabytes of
/// address space, so there the memory is checked after the fact instead of capped.
constexpr int kTimeoutSeconds = kSanitized ? 90 : 10;
constexpr std::uint64_t kMemoryBytes = kSanitized ? std::uint64_t{2} << 30 : std::uint64_t{500} << 20;

struct Outcome {
  int exit_code = -1;  // -1: killed by a signal (or could not start)
  int signal = 0;
  bool timed_out = false;
  double seconds = 0;
  long max_rss_kb = 0;
  std::string out, err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// VmHWM of process `pid` in KiB once it runs shipshape (0 before its exec, and once it has
/// exited).
long HighWaterKb(pid_t pid) {
  std::ifstream in(fmt::format("/proc/{}/status", pid));
  std::string line;
  bool shipshape = false;
  while (std::getline(in, line)) {
    if (line.rfind("Name:", 0) == 0) shipshape = line.find("shipshape") != std::string::npos &&
                                                 line.find("tests") == std::string::npos;
    if (line.rfind("VmHWM:", 0) == 0) return shipshape ? std::atol(line.c_str() + 6) : 0;
  }
  return 0;
}

/// Runs shipshape with `args` in `dir`; standard input from `stdin_path` (or /dev/null).
Outcome RunLimited(const std::vector<std::string>& args, const fs::path& dir,
                   const std::string& stdin_path = "/dev/null") {
  Outcome o;
  const fs::path out_path = dir / ".out", err_path = dir / ".err";
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(127);
    setenv("HOME", dir.c_str(), 1);
    setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
    unsetenv("HADOLINT_IGNORE");
    // ShellCheck's limit well inside the case's (10 s): a slow script is cut off at 3 s.
    setenv("SHIPSHAPE_SHELLCHECK_TIME_LIMIT", "3", 1);
    if (!kSanitized) {
      const rlimit limit{kMemoryBytes, kMemoryBytes};
      setrlimit(RLIMIT_AS, &limit);
    }
    const int in = open(stdin_path.c_str(), O_RDONLY);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    std::vector<char*> argv;
    std::string binary = SHIPSHAPE_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  const auto deadline = start + std::chrono::seconds(kTimeoutSeconds);
  for (;;) {
    // The peak memory of the program itself: /proc's high-water mark of its address space
    // (wait4's ru_maxrss would count the test binary the child was forked from).
    o.max_rss_kb = std::max(o.max_rss_kb, HighWaterKb(pid));
    const pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      o.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(status)) o.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) o.signal = WTERMSIG(status);
  o.out = Slurp(out_path);
  o.err = Slurp(err_path);
  return o;
}

void Write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::string Repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

/// A hostile case: what to create in its folder, the command line, what must come out.
struct Case {
  std::string name;
  std::function<std::vector<std::string>(const fs::path& dir)> setup;
  std::set<int> exit_codes;
  /// Must appear in standard output or standard error.
  std::vector<std::string> says;
};

/// ShellCheck on, as a new user has it: what shipshape gives ShellCheck must stay bounded too
/// (`make test` installs it; without it these fail, they are not skipped).
const std::vector<std::string> kLint = {"lint", "--shellcheck", "always", "-f", "gnu"};

std::vector<std::string> LintFile(const fs::path& dir, const std::string& name,
                                  const std::string& text) {
  Write(dir / name, text);
  std::vector<std::string> args = kLint;
  args.push_back(name);
  return args;
}

/// A ustar archive of `files` (name, content), as `docker save` writes its outer tar.
std::string Tar(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string out;
  for (const auto& [name, content] : files) {
    std::string h(512, '\0');
    name.copy(h.data(), std::min<std::size_t>(name.size(), 99));
    std::snprintf(h.data() + 100, 8, "%07o", 0644);
    std::snprintf(h.data() + 108, 8, "%07o", 0);
    std::snprintf(h.data() + 116, 8, "%07o", 0);
    std::snprintf(h.data() + 124, 12, "%011o", static_cast<unsigned>(content.size()));
    std::snprintf(h.data() + 136, 12, "%011o", 0);
    h[156] = '0';
    std::memcpy(h.data() + 257, "ustar\0" "00", 8);
    std::memset(h.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (char c : h) sum += static_cast<unsigned char>(c);
    std::snprintf(h.data() + 148, 8, "%06o", sum);
    out += h;
    out += content;
    out += std::string((512 - content.size() % 512) % 512, '\0');
  }
  return out + std::string(1024, '\0');
}

std::vector<Case> Cases() {
  std::vector<Case> cases;
  auto file = [&](std::string name, std::string text, std::set<int> codes,
                  std::vector<std::string> says) {
    cases.push_back({name,
                     [text](const fs::path& dir) { return LintFile(dir, "Dockerfile", text); },
                     std::move(codes), std::move(says)});
  };
  file("empty-file", "", {1}, {"file with no instructions"});
  file("only-comments", "# one\n# two\n\n", {1}, {"file with no instructions"});
  {
    std::string noise(1 << 20, '\0');
    std::uint32_t x = 2463534242u;  // xorshift: the same bytes every run
    for (char& c : noise) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      c = static_cast<char>(x);
    }
    file("binary-data", noise, {1}, {"unknown instruction"});
  }
  file("nul-bytes", std::string("FROM alpine:3.20\nRUN echo a\0b\0\0c\nCMD [\"x\0\"]\n", 42),
       {0, 1}, {});
  file("invalid-utf8", "FROM alpine:3.20\nRUN echo \xff\xfe\xc3 \xed\xa0\x80\nLABEL a=\"\x80\"\n",
       {0, 1}, {});
  file("utf16-with-bom", std::string("\xff\xfe" "F\0R\0O\0M\0 \0a\0\n\0", 16), {1},
       {"unknown instruction"});
  file("10mb-single-line", fmt::format("FROM alpine:3.20\nRUN echo {}\n", std::string(10u << 20, 'x')),
       {1}, {"dockerfile line greater than max allowed size of 65535"});
  file("100k-continuation-lines",
       fmt::format("FROM alpine:3.20\nRUN echo \\\n{}  end\n", Repeat("  a \\\n", 100000)), {1},
       {"SP103", "ShellCheck was not run on this script: it is 391 KiB"});
  // 6,000 `&&` (48 KiB): ShellCheck alone would take minutes and gigabytes; here it runs out
  // of memory or time (the limit lowered for the test), SP103 says so, the next RUN is checked.
  file("shellcheck-and-chain",
       fmt::format("FROM alpine:3.20\nRUN true{}\nRUN echo $x\n", Repeat(" && true", 6000)), {1},
       {"SP103", "ShellCheck gave up on this script", "SC2154"});
  file("heredoc-without-terminator",
       fmt::format("FROM alpine:3.20\nRUN <<EOF\necho hi\n{}", Repeat("echo more\n", 1000)),
       {1}, {"unterminated heredoc"});
  {
    std::string text;
    for (int i = 0; i < 10000; ++i) {
      text += fmt::format("FROM alpine:3.20 AS s{}\nRUN echo {}\n", i, i);
    }
    file("10k-stages", text, {0, 1}, {});
  }
  file("nested-command-substitution-10k",
       fmt::format("FROM alpine:3.20\nRUN echo {}x{}\n", Repeat("$(", 10000), Repeat(")", 10000)),
       {1}, {"SP103", "nest too deeply"});
  file("nested-variables-10k",
       fmt::format("FROM alpine:3.20\nENV X={}x{}\n", Repeat("${A:-", 10000), Repeat("}", 10000)),
       {1}, {"SP103", "nested more than 1000 levels"});
  file("variable-expanding-to-itself",
       "FROM alpine:3.20\nARG A=$A\nENV A=$A$A\nENV B=${B:-$B}\nWORKDIR /$A/$B\nRUN echo $A\n",
       {0, 1}, {});
  {
    std::string text = "FROM alpine:3.20\nARG A0=0123456789\n";
    for (int i = 0; i < 64; ++i) {
      text += fmt::format("ARG A{}=${{A{}}}${{A{}}}\n", i + 1, i, i);
    }
    text += "WORKDIR /${A64}\nRUN echo $A64\n";
    file("exponential-args", text, {1}, {"SP103", "expansion longer than 1 MiB"});
  }
  {
    std::string text = "FROM alpine:3.20\n";
    for (int i = 0; i < 20000; ++i) text += fmt::format("ENV VARIABLE_{}=1\n", i);
    file("20k-variables", text, {1}, {"SP103", "more than 64 MiB"});
  }
  cases.push_back({"symlink-loop-in-folder",
                   [](const fs::path& dir) {
                     Write(dir / "tree/Dockerfile",
                           "FROM alpine:3.20@sha256:2be8daddbb82756f7d1f2c7ece706aadcb284bf6ab6d769ea695cc3ed6016743\nUSER 65534\n"
                           "HEALTHCHECK NONE\n");
                     fs::create_directories(dir / "tree/sub");
                     fs::create_directory_symlink("..", dir / "tree/sub/up");
                     fs::create_directory_symlink(".", dir / "tree/self");
                     fs::create_symlink("b.Dockerfile", dir / "tree/a.Dockerfile");
                     fs::create_symlink("a.Dockerfile", dir / "tree/b.Dockerfile");
                     std::vector<std::string> args = kLint;
                     args.push_back("tree");
                     return args;
                   },
                   {0},
                   {}});
  cases.push_back({"unreadable-file-among-readable",
                   [](const fs::path& dir) {
                     Write(dir / "a.Dockerfile", "FROM alpine\n");
                     fs::create_symlink("missing", dir / "b.Dockerfile");
                     Write(dir / "c.Dockerfile", "FROM debian\n");
                     std::vector<std::string> args = kLint;
                     for (const char* f : {"a.Dockerfile", "b.Dockerfile", "c.Dockerfile"}) {
                       args.push_back(f);
                     }
                     return args;
                   },
                   {2},
                   {"b.Dockerfile: No such file or directory", "a.Dockerfile:1.6",
                    "c.Dockerfile:1.6"}});
  cases.push_back({"folder-with-100k-files",
                   [](const fs::path& dir) {
                     fs::create_directories(dir / "many");
                     for (int i = 0; i < 100000; ++i) {
                       const std::string p = (dir / "many" / fmt::format("f{}", i)).string();
                       close(open(p.c_str(), O_WRONLY | O_CREAT, 0644));
                     }
                     Write(dir / "many/Dockerfile", "FROM alpine\n");
                     std::vector<std::string> args = kLint;
                     args.push_back("many");
                     return args;
                   },
                   {1},
                   {"many/Dockerfile:1.6"}});
  cases.push_back({"config-file-is-a-folder",
                   [](const fs::path& dir) {
                     fs::create_directories(dir / "config.yaml");
                     std::vector<std::string> args =
                         LintFile(dir, "Dockerfile", "FROM alpine:3.20\n");
                     args.insert(args.begin() + 1, {"-c", "config.yaml"});
                     return args;
                   },
                   {2},
                   {"is a directory"}});
  cases.push_back({"yaml-bomb-config",
                   [](const fs::path& dir) {
                     std::string yaml = "a: &a [\"DL3006\",\"DL3006\",\"DL3006\",\"DL3006\"]\n";
                     std::string prev = "a";
                     for (char c = 'b'; c <= 'k'; ++c) {
                       yaml += fmt::format("{}: &{} [{}*{}]\n", c, c,
                                           Repeat(fmt::format("*{},", prev), 9), prev);
                       prev = std::string(1, c);
                     }
                     yaml += fmt::format("ignored: *{}\n", prev);
                     Write(dir / ".hadolint.yaml", yaml);
                     return LintFile(dir, "Dockerfile", "FROM alpine\n");
                   },
                   {2},
                   {"too large once aliases are expanded"}});
  // `shipshape image` on hostile archives: a clear error (exit 2), never a crash.
  auto image = [&](std::string name, std::string tar, std::vector<std::string> says) {
    cases.push_back({name,
                     [tar](const fs::path& dir) {
                       Write(dir / "image.tar", tar);
                       return std::vector<std::string>{"image", "-f", "json", "image.tar"};
                     },
                     {2}, std::move(says)});
  };
  image("image-not-a-tar", Repeat("\x1f\x8b garbage ", 5000), {"not a readable tar"});
  image("image-layer-path-escapes",
        Tar({{"manifest.json", R"([{"Config":"c.json","Layers":["../../etc/passwd"]}])"},
             {"c.json", R"({"rootfs":{"diff_ids":["sha256:00"]}})"}}),
        {"is not inside the archive"});
  image("image-manifest-too-big",
        Tar({{"manifest.json", "[" + Repeat("{},", 2'000'000) + "{}]"}}),
        {"manifest.json is not a JSON document of at most"});
  image("image-layer-not-a-tar",
        Tar({{"manifest.json", R"([{"Config":"c.json","Layers":["l.tar"]}])"},
             {"c.json", R"({"rootfs":{"diff_ids":["sha256:00"]}})"},
             {"l.tar", Repeat("not a tar ", 1000)}}),
        {"layer l.tar"});
  image("image-config-not-json",
        Tar({{"manifest.json", R"([{"Config":"c.json","Layers":[]}])"}, {"c.json", "{oops"}}),
        {"config"});
  return cases;
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class Hostile : public ::testing::TestWithParam<Case> {};

TEST_P(Hostile, EndsCalmly) {
  const Case& c = GetParam();
  const fs::path dir =
      fs::temp_directory_path() / fmt::format("shipshape-hostile-{}-{}", getpid(), c.name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::vector<std::string> args = c.setup(dir);
  const Outcome o = RunLimited(args, dir);
  std::cout << "hostile: " << c.name << " exit=" << o.exit_code << " seconds=" << o.seconds
            << " max_rss_mb=" << o.max_rss_kb / 1024 << (kSanitized ? " (sanitizers)" : "")
            << "\n";
  EXPECT_FALSE(o.timed_out) << c.name << ": still running after " << kTimeoutSeconds << " s";
  EXPECT_EQ(o.signal, 0) << c.name << ": killed by signal " << o.signal << "\n" << o.err;
  EXPECT_TRUE(c.exit_codes.count(o.exit_code))
      << c.name << ": exit " << o.exit_code << "\nstderr: " << o.err.substr(0, 2000);
  EXPECT_LE(static_cast<std::uint64_t>(o.max_rss_kb) * 1024, kMemoryBytes) << c.name;
  for (const std::string& s : c.says) {
    EXPECT_TRUE(o.out.find(s) != std::string::npos || o.err.find(s) != std::string::npos)
        << c.name << ": does not say `" << s << "`\nstdout: " << o.out.substr(0, 2000)
        << "\nstderr: " << o.err.substr(0, 2000);
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Inputs, Hostile, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name = info.param.name;
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

}  // namespace
