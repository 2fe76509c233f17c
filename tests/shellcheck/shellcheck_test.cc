// ShellCheck inside RUN: fixtures (tests/shellcheck/fixtures/*.Dockerfile) whose
// `# expect: SC#### @COL-ENDCOL [fix=unsafe|none]` annotations name every ShellCheck finding
// on the next line that is not a comment (columns as the JSON output prints them, the end
// exclusive), checked exhaustively against the real ShellCheck; fixes applied to the
// Dockerfile; positions through invalid UTF-8; the batch runner's error handling.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lint/lint.h"
#include "shellcheck/runner.h"
#include "shellcheck/scripts.h"
#include "syntax/parser.h"
#include "test_data.h"

namespace shipshape::shellcheck {
namespace {

namespace fs = std::filesystem;

/// The ShellCheck binary; the test fails without it (`make test` installs it).
std::string Binary() {
  const std::string binary = FindShellCheck();
  EXPECT_FALSE(binary.empty()) << "`shellcheck` is not on PATH; `make test` installs it "
                                  "(scripts/setup-deps.sh)";
  return binary;
}

/// Lints `text` with ShellCheck's findings, as `shipshape lint` does.
lint::FileResult LintWithShellCheck(const std::string& name, const std::string& text,
                                    const lint::LintOptions& options = {}) {
  syntax::Dockerfile df = syntax::Parse(name, text);
  const std::vector<Script> scripts = lint::ShellCheckScripts(df, options);
  std::vector<const Script*> pointers;
  for (const Script& s : scripts) pointers.push_back(&s);
  RunOptions run;
  run.binary = Binary();
  run.parallel = 2;
  const RunResult result = shellcheck::Run(pointers, run);
  EXPECT_EQ(result.error, "") << name;
  std::vector<base::Diagnostic> found;
  for (std::size_t i = 0; i < scripts.size(); ++i) {
    for (base::Diagnostic& d : ToDiagnostics(scripts[i], result.comments[i])) {
      found.push_back(std::move(d));
    }
  }
  return lint::LintDockerfile(std::move(df), options, std::move(found));
}

struct Expectation {
  std::uint32_t line = 0;
  std::string code;
  std::uint32_t column = 0, end_column = 0;
  std::string fix;
  std::string source;
};

/// `# expect: SC#### @COL-ENDCOL [fix=unsafe|none]`, or nullopt for any other line.
std::optional<Expectation> ParseAnnotation(const std::string& line) {
  std::istringstream in(line);
  std::string hash, expect, code, where, fix;
  if (!(in >> hash >> expect >> code >> where) || hash != "#" || expect != "expect:") {
    return std::nullopt;
  }
  Expectation e;
  e.code = code;
  e.source = line;
  const std::size_t dash = where.find('-');
  if (code.size() != 6 || code.rfind("SC", 0) != 0 || where.size() < 4 || where[0] != '@' ||
      dash == std::string::npos) {
    return std::nullopt;
  }
  e.column = static_cast<std::uint32_t>(std::stoul(where.substr(1, dash - 1)));
  e.end_column = static_cast<std::uint32_t>(std::stoul(where.substr(dash + 1)));
  if (in >> fix) {
    if (fix != "fix=unsafe" && fix != "fix=none") return std::nullopt;
    e.fix = fix.substr(4);
  }
  if (in >> fix) return std::nullopt;
  return e;
}

std::vector<Expectation> ParseExpectations(const std::string& text) {
  std::vector<Expectation> out, pending;
  std::istringstream in(text);
  std::uint32_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (std::optional<Expectation> e = ParseAnnotation(line)) {
      pending.push_back(*e);
      continue;
    }
    EXPECT_EQ(line.find("# expect:"), std::string::npos) << "malformed: " << line;
    const std::size_t first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line[first] == '#') continue;
    for (Expectation& e : pending) {
      e.line = number;
      out.push_back(e);
    }
    pending.clear();
  }
  EXPECT_TRUE(pending.empty()) << "annotation at the end applies to nothing";
  return out;
}

std::string Applied(std::string text, const base::Fix& fix) {
  for (auto it = fix.edits.rbegin(); it != fix.edits.rend(); ++it) {
    text.replace(it->range.begin, it->range.end - it->range.begin, it->text);
  }
  return text;
}

TEST(ShellCheck, Fixtures) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(testing::SourcePath("tests/shellcheck/fixtures"))) {
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 6u);
  for (const fs::path& path : files) {
    const std::string text = testing::ReadFileOrFail(path.string());
    const lint::FileResult result = LintWithShellCheck(path.filename().string(), text);
    const syntax::Dockerfile& df = result.dockerfile;
    std::vector<const base::Diagnostic*> found;
    for (const base::Diagnostic& d : result.diagnostics) {
      if (d.code.rfind("SC", 0) == 0) found.push_back(&d);
    }
    auto describe = [&](const base::Diagnostic& d) {
      const base::Position b = df.lines().PositionOf(d.range.begin);
      const base::Position e = df.lines().PositionOf(d.range.end);
      return fmt::format("{}:{}-{}:{} {} {}{}", b.line, b.column, e.line, e.column, d.code,
                         d.message, d.fix ? " [fix]" : "");
    };
    std::vector<bool> used(found.size(), false);
    for (const Expectation& e : ParseExpectations(text)) {
      bool matched = false;
      for (std::size_t i = 0; i < found.size() && !matched; ++i) {
        const base::Diagnostic& d = *found[i];
        const base::Position b = df.lines().PositionOf(d.range.begin);
        const base::Position end = df.lines().PositionOf(d.range.end);
        if (used[i] || d.code != e.code || b.line != e.line || b.column != e.column ||
            end.line != e.line || end.column != e.end_column) {
          continue;
        }
        if (e.fix == "unsafe" &&
            (!d.fix || d.fix->applicability != base::Applicability::kUnsafe)) {
          continue;
        }
        if (e.fix == "none" && d.fix) continue;
        used[i] = matched = true;
      }
      if (!matched) {
        std::string got;
        for (const base::Diagnostic* d : found) got += "\n  " + describe(*d);
        ADD_FAILURE() << path.filename() << ":" << e.line << ": unmet " << e.source
                      << "\nfound:" << got;
      }
    }
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (!used[i]) ADD_FAILURE() << path.filename() << ": unexpected " << describe(*found[i]);
    }
    // Every fix applies to the Dockerfile without breaking it.
    for (const base::Diagnostic* d : found) {
      if (!d->fix) continue;
      const syntax::Dockerfile fixed = syntax::Parse("fixed", Applied(text, *d->fix));
      EXPECT_EQ(fixed.errors.size(), df.errors.size()) << describe(*d);
      EXPECT_EQ(fixed.instructions.size(), df.instructions.size()) << describe(*d);
    }
  }
}

/// The fixed text of the only finding with `code` in `text`.
std::string FixOf(const std::string& text, const std::string& code) {
  const lint::FileResult result = LintWithShellCheck("Dockerfile", text);
  for (const base::Diagnostic& d : result.diagnostics) {
    if (d.code == code) {
      EXPECT_TRUE(d.fix.has_value()) << code;
      return d.fix ? Applied(text, *d.fix) : text;
    }
  }
  ADD_FAILURE() << "no " << code;
  return text;
}

TEST(ShellCheck, FixesEditTheExactBytes) {
  // Quotes around a variable on a continuation line; the line structure is kept.
  EXPECT_EQ(FixOf("FROM debian:12\nRUN true && \\\n    echo $x\n", "SC2086"),
            "FROM debian:12\nRUN true && \\\n    echo \"$x\"\n");
  // Backticks to $(...), in a heredoc body.
  EXPECT_EQ(FixOf("FROM debian:12\nRUN <<EOF\necho \"`date`\"\nEOF\n", "SC2006"),
            "FROM debian:12\nRUN <<EOF\necho \"$(date)\"\nEOF\n");
  // A word split over a continuation: the closing quote attaches to the variable, the
  // opening one to the start of the word.
  EXPECT_EQ(FixOf("FROM debian:12\nRUN echo $\\\nx\n", "SC2086"),
            "FROM debian:12\nRUN echo \"$\\\nx\"\n");
  // CRLF line endings are kept.
  EXPECT_EQ(FixOf("FROM debian:12\r\nRUN cd /a \\\r\n ; ls\r\n", "SC2164"),
            "FROM debian:12\r\nRUN cd /a || exit \\\r\n ; ls\r\n");
}

TEST(ShellCheck, ColumnsAfterInvalidUtf8AndNul) {
  // Bytes that are not UTF-8 (and NUL) count one column each, as ShellCheck is given `?`.
  const std::string text = std::string("FROM debian:12\nRUN echo \xff\xfe\xe2\x82 ") +
                           std::string(1, '\0') + " $v\n";
  const lint::FileResult result = LintWithShellCheck("Dockerfile", text);
  bool seen = false;
  for (const base::Diagnostic& d : result.diagnostics) {
    if (d.code != "SC2154") continue;
    seen = true;
    EXPECT_EQ(text.substr(d.range.begin, d.range.end - d.range.begin), "$v");
  }
  EXPECT_TRUE(seen);
}

TEST(ShellCheck, SelectionAndSeverityApplyToShellCheckCodes) {
  const std::string text = "FROM debian:12\nRUN . ./env.sh && echo $v\n";
  auto codes = [&](const lint::LintOptions& options) {
    std::vector<std::string> out;
    for (const base::Diagnostic& d : LintWithShellCheck("Dockerfile", text, options).diagnostics) {
      if (d.code.rfind("SC", 0) == 0) out.push_back(d.code + ":" + std::string(base::SeverityName(d.severity)));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(codes({}), (std::vector<std::string>{"SC2086:info", "SC2154:warning"}));
  lint::LintOptions ignore;
  ignore.selection.ignore = {"SC2154"};
  EXPECT_EQ(codes(ignore), (std::vector<std::string>{"SC2086:info"}));
  // SC1091 is off by default (as in hadolint) and on when named; severity overrides apply.
  lint::LintOptions named;
  named.selection.extend_select = {"SC1091"};
  named.selection.severity["SC2"] = base::Severity::kError;
  EXPECT_EQ(codes(named),
            (std::vector<std::string>{"SC1091:info", "SC2086:error", "SC2154:error"}));
  // --select replaces the default set: only what it names.
  lint::LintOptions select;
  select.selection.select = {"SC20"};
  EXPECT_EQ(codes(select), (std::vector<std::string>{"SC2086:info"}));
}

TEST(ShellCheck, ManyScriptsInFewProcesses) {
  // 450 scripts from 150 files go through the runner; each finding lands in its own file.
  std::vector<std::string> texts;
  for (int i = 0; i < 150; ++i) {
    texts.push_back(fmt::format("FROM debian:12\nRUN echo $a{0}\nRUN echo ok\nRUN echo $b{0}\n", i));
  }
  std::vector<syntax::Dockerfile> files;
  std::vector<std::vector<Script>> scripts;
  std::vector<const Script*> all;
  for (const std::string& t : texts) files.push_back(syntax::Parse("Dockerfile", t));
  for (const syntax::Dockerfile& df : files) scripts.push_back(lint::ShellCheckScripts(df, {}));
  for (const auto& list : scripts) {
    for (const Script& s : list) all.push_back(&s);
  }
  ASSERT_EQ(all.size(), 450u);
  RunOptions run;
  run.binary = Binary();
  run.parallel = 2;
  const RunResult result = shellcheck::Run(all, run);
  ASSERT_EQ(result.error, "");
  std::size_t k = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::vector<std::string> names;
    for (const Script& s : scripts[i]) {
      for (const base::Diagnostic& d : ToDiagnostics(s, result.comments[k++])) {
        if (d.code == "SC2154") names.push_back(std::string(files[i].text().substr(d.range.begin, d.range.end - d.range.begin)));
      }
    }
    EXPECT_EQ(names, (std::vector<std::string>{fmt::format("$a{}", i), fmt::format("$b{}", i)}));
  }
}

TEST(ShellCheck, AFailingShellCheckIsAnErrorNotACrash) {
  const syntax::Dockerfile df = syntax::Parse("Dockerfile", "FROM debian:12\nRUN echo $x\n");
  const std::vector<Script> scripts = lint::ShellCheckScripts(df, {});
  std::vector<const Script*> pointers = {&scripts[0]};
  RunOptions run;
  run.binary = "/bin/false";  // exits 1 with no output: not json1
  RunResult result = shellcheck::Run(pointers, run);
  EXPECT_NE(result.error, "");
  ASSERT_EQ(result.comments.size(), 1u);
  EXPECT_TRUE(result.comments[0].empty());
  run.binary = "/nonexistent/shellcheck";
  result = shellcheck::Run(pointers, run);
  EXPECT_NE(result.error.find("cannot run"), std::string::npos) << result.error;
}

/// `FROM debian:12` and one RUN per script.
std::string DockerfileOf(const std::vector<std::string>& scripts) {
  std::string text = "FROM debian:12\n";
  for (const std::string& s : scripts) text += "RUN " + s + "\n";
  return text;
}

/// `true && true && ...`: ShellCheck's time and memory grow much faster than its length
/// (1,000 `&&` take it 0.8 s and 280 MB, 2,000 take 4 s and 1.2 GB).
std::string AndChain(int n) {
  std::string s = "true";
  for (int i = 0; i < n; ++i) s += " && true";
  return s;
}

/// Runs ShellCheck on every script of `text` as one batch, with `run`'s limits.
std::vector<base::Diagnostic> CheckInOneBatch(const std::string& text, RunOptions run,
                                              RunResult* out = nullptr) {
  const syntax::Dockerfile df = syntax::Parse("Dockerfile", text);
  const std::vector<Script> scripts = lint::ShellCheckScripts(df, {});
  std::vector<const Script*> pointers;
  for (const Script& s : scripts) pointers.push_back(&s);
  run.binary = Binary();
  run.parallel = 1;
  const RunResult result = shellcheck::Run(pointers, run);
  EXPECT_EQ(result.error, "");
  std::vector<base::Diagnostic> found;
  for (std::size_t i = 0; i < scripts.size(); ++i) {
    for (base::Diagnostic& d : ToDiagnostics(scripts[i], result.comments[i], result.gave_up[i])) {
      found.push_back(std::move(d));
    }
  }
  if (out) *out = result;
  return found;
}

std::string Codes(const std::vector<base::Diagnostic>& found) {
  std::string codes;
  for (const base::Diagnostic& d : found) codes += d.code + " ";
  return codes;
}

TEST(ShellCheck, AScriptPastTheTimeLimitIsReportedAndTheRestOfItsBatchStillChecked) {
  RunOptions run;
  run.time_limit = 1;
  RunResult result;
  const std::vector<base::Diagnostic> found =
      CheckInOneBatch(DockerfileOf({"echo $a", AndChain(3000), "echo $b"}), run, &result);
  ASSERT_EQ(result.gave_up.size(), 3u);
  EXPECT_EQ(result.gave_up[0], "");
  EXPECT_NE(result.gave_up[1].find("ShellCheck gave up on this script"), std::string::npos)
      << result.gave_up[1];
  EXPECT_EQ(result.gave_up[2], "");
  // The scripts before and after the slow one have ShellCheck's findings; the slow one SP103.
  std::vector<std::pair<std::string, std::uint32_t>> seen;
  for (const base::Diagnostic& d : found) {
    if (d.code == "SP103" || d.code == "SC2154") seen.emplace_back(d.code, d.range.begin);
  }
  const std::uint32_t line2 = 15, line3 = line2 + 12, line4 = line3 + 4 + 8 * 3000 + 5;
  EXPECT_EQ(seen, (std::vector<std::pair<std::string, std::uint32_t>>{
                      {"SC2154", line2 + 9}, {"SP103", line3}, {"SC2154", line4 + 9}}))
      << Codes(found);
}

TEST(ShellCheck, AScriptPastTheMemoryLimitIsReported) {
  RunOptions run;
  run.memory_limit = std::uint64_t{150} << 20;
  RunResult result;
  const std::vector<base::Diagnostic> found =
      CheckInOneBatch(DockerfileOf({AndChain(1000), "echo $b"}), run, &result);
  ASSERT_EQ(result.gave_up.size(), 2u);
  EXPECT_NE(result.gave_up[0].find("ran out of the 150 MiB of memory"), std::string::npos)
      << result.gave_up[0];
  EXPECT_EQ(result.gave_up[1], "");
  EXPECT_NE(Codes(found).find("SP103 SC2154"), std::string::npos) << Codes(found);
}

TEST(ShellCheck, ScriptsPastShipshapesLimitsAreNotGivenToShellCheck) {
  // Larger than kMaxScriptBytes once BuildKit has joined the lines.
  std::string big = "echo";
  for (int i = 0; i < 70; ++i) big += " " + std::string(1000, 'a') + " \\\n";
  big += " end";
  std::string nested = "echo ";
  for (int i = 0; i < 300; ++i) nested += "$(";
  nested += "x";
  for (int i = 0; i < 300; ++i) nested += ")";
  std::vector<std::string> runs = {big, nested, "echo $x"};
  for (std::size_t i = 0; i < kMaxScriptsPerFile; ++i) runs.push_back("echo " + std::to_string(i));
  const syntax::Dockerfile df = syntax::Parse("Dockerfile", DockerfileOf(runs));
  const std::vector<Script> scripts = lint::ShellCheckScripts(df, {});
  // The nested one is left out (SP103 the rule says so); the big one and those past the
  // count stay, without text, so that SP103 can say so.
  ASSERT_EQ(scripts.size(), runs.size() - 1);
  EXPECT_NE(scripts[0].skipped.find("it is 69 KiB, more than the 64 KiB"), std::string::npos)
      << scripts[0].skipped;
  EXPECT_EQ(scripts[1].skipped, "");
  std::size_t skipped = 0;
  for (const Script& s : scripts) skipped += !s.skipped.empty();
  EXPECT_EQ(skipped, 1u + (runs.size() - 1) - kMaxScriptsPerFile);
  EXPECT_NE(scripts.back().skipped.find("the first 500 RUN scripts"), std::string::npos)
      << scripts.back().skipped;
  const std::vector<base::Diagnostic> d = ToDiagnostics(scripts[0], {});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "SP103");
  EXPECT_EQ(d[0].range.begin, 15u);  // the RUN instruction
  // Skipped scripts never reach the binary: with only those, nothing runs at all.
  std::vector<const Script*> pointers = {&scripts[0], &scripts.back()};
  RunOptions run;
  run.binary = "/nonexistent/shellcheck";
  const RunResult result = shellcheck::Run(pointers, run);
  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.gave_up, (std::vector<std::string>{"", ""}));
}

TEST(ShellCheck, TheTimeLimitComesFromTheEnvironment) {
  setenv("SHIPSHAPE_SHELLCHECK_TIME_LIMIT", "2.5", 1);
  EXPECT_EQ(RunOptions::DefaultTimeLimit(), 2.5);
  for (const char* bad : {"", "0", "-1", "ten", "5s"}) {
    setenv("SHIPSHAPE_SHELLCHECK_TIME_LIMIT", bad, 1);
    EXPECT_EQ(RunOptions::DefaultTimeLimit(), RunOptions::kTimeLimit) << bad;
  }
  unsetenv("SHIPSHAPE_SHELLCHECK_TIME_LIMIT");
  EXPECT_EQ(RunOptions::DefaultTimeLimit(), RunOptions::kTimeLimit);
}

TEST(ShellCheck, ParsesJson1) {
  std::vector<std::pair<std::string, Comment>> out;
  EXPECT_FALSE(ParseJson1("not json", out));
  EXPECT_FALSE(ParseJson1("[]", out));
  ASSERT_TRUE(ParseJson1(R"({"comments":[{"file":"a.sh","line":2,"endLine":2,"column":3,
    "endColumn":5,"level":"info","code":2086,"message":"m","fix":{"replacements":[
    {"line":2,"column":3,"endLine":2,"endColumn":3,"replacement":"\""}]}}]})", out));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].first, "a.sh");
  EXPECT_EQ(out[0].second.code, 2086);
  EXPECT_EQ(out[0].second.end_column, 5);
  ASSERT_EQ(out[0].second.fix.size(), 1u);
  EXPECT_EQ(out[0].second.fix[0].text, "\"");
}

}  // namespace
}  // namespace shipshape::shellcheck
