#include "lint/baseline.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "lint/fingerprint.h"
#include "syntax/parser.h"

namespace shipshape::lint {
namespace {

namespace fs = std::filesystem;

/// A parsed file with findings covering whole lines: {code, 1-based line}; an empty code is a
/// syntax error.
struct File {
  syntax::Dockerfile df;
  std::vector<base::Diagnostic> diagnostics;
};

File Make(std::string text, const std::vector<std::pair<std::string, std::uint32_t>>& findings) {
  File f{syntax::Parse("Dockerfile", std::move(text)), {}};
  for (const auto& [code, line] : findings) {
    base::Diagnostic d;
    d.code = code;
    d.severity = base::Severity::kWarning;
    const std::uint32_t begin = f.df.lines().LineStart(line);
    const std::string_view rest = f.df.text().substr(begin);
    d.range = {begin, begin + static_cast<std::uint32_t>(rest.substr(0, rest.find('\n')).size())};
    d.message = fmt::format("{} on line {}", code, line);
    f.diagnostics.push_back(std::move(d));
  }
  return f;
}

/// The baseline recording `file`'s findings under `path`, written and read back.
Baseline RoundTrip(const File& file, std::string_view path = "Dockerfile") {
  const std::string text = FormatBaseline(Record(path, file.df, file.diagnostics));
  BaselineRead read = ParseBaseline(text, "baseline.json", "/repo");
  EXPECT_TRUE(read.ok()) << read.error->ToString() << "\n" << text;
  return read.baseline;
}

std::vector<std::string> Codes(const std::vector<base::Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const base::Diagnostic& d : diagnostics) out.push_back(d.code.empty() ? "(syntax)" : d.code);
  return out;
}

constexpr std::string_view kText =
    "FROM debian:12\n"
    "RUN apt-get update\n"
    "RUN apt-get install -y curl\n"
    "USER root\n";

TEST(Baseline, WritesSortedStableText) {
  // Recorded out of order; written sorted by path, line, code.
  const File file =
      Make(std::string(kText), {{"DL3008", 3}, {"DL3002", 4}, {"DL3015", 3}, {"DL3009", 2}});
  std::vector<BaselineEntry> entries = Record("svc/Dockerfile", file.df, file.diagnostics);
  std::vector<BaselineEntry> more = Record("Dockerfile", file.df, {&file.diagnostics[1], 1});
  entries.insert(entries.end(), more.begin(), more.end());
  const std::string text = FormatBaseline(entries);
  const std::string fp2 = Fingerprints(file.df, file.diagnostics, "svc/Dockerfile")[3];
  EXPECT_TRUE(
      text.starts_with("{\n  \"version\": 1,\n  \"tool\": \"shipshape\",\n  \"findings\": [\n"))
      << text;
  const std::vector<std::string> lines = [&] {
    std::vector<std::string> out;
    for (std::size_t at = 0, nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1) {
      out.push_back(text.substr(at, nl - at));
    }
    return out;
  }();
  ASSERT_EQ(lines.size(), 11u) << text;  // {, version, tool, findings, 5 entries, ], }
  EXPECT_TRUE(lines[4].starts_with(
      "    {\"path\": \"Dockerfile\", \"code\": \"DL3002\", \"line\": 4, \"fingerprint\": \""))
      << lines[4];
  EXPECT_EQ(lines[5], fmt::format("    {{\"path\": \"svc/Dockerfile\", \"code\": \"DL3009\", "
                                  "\"line\": 2, \"fingerprint\": \"{}\", \"message\": \"DL3009 on "
                                  "line 2\"}},",
                                  fp2));
  EXPECT_NE(lines[6].find("\"code\": \"DL3008\", \"line\": 3"), std::string::npos);
  EXPECT_NE(lines[7].find("\"code\": \"DL3015\", \"line\": 3"), std::string::npos);
  EXPECT_NE(lines[8].find("\"code\": \"DL3002\", \"line\": 4"), std::string::npos);
  EXPECT_EQ(lines[8].back(), '}');
  EXPECT_EQ(lines[9], "  ]");
  // The same findings in another order give the same bytes.
  std::reverse(entries.begin(), entries.end());
  EXPECT_EQ(FormatBaseline(entries), text);
  // Optional keys left out by hand stay out when the entry is written again (as --write-baseline
  // does with the entries of files it does not lint).
  const std::string sparse =
      R"({"version": 1, "tool": "shipshape", "findings": [{"path": "a", "code": "DL3008", )"
      R"("fingerprint": "0123456789abcdef:1"}]})";
  const BaselineRead read = ParseBaseline(sparse, "b.json", "/repo");
  ASSERT_TRUE(read.ok()) << read.error->ToString();
  const std::string rewritten = FormatBaseline(read.baseline.entries());
  EXPECT_NE(
      rewritten.find(R"({"path": "a", "code": "DL3008", "fingerprint": "0123456789abcdef:1", )"
                     R"("message": ""})"),
      std::string::npos)
      << rewritten;
  const BaselineRead again = ParseBaseline(rewritten, "b.json", "/repo");
  ASSERT_TRUE(again.ok()) << again.error->ToString();
  EXPECT_EQ(FormatBaseline(again.baseline.entries()), rewritten);
  // Nothing recorded is still a valid baseline.
  EXPECT_EQ(FormatBaseline({}),
            "{\n  \"version\": 1,\n  \"tool\": \"shipshape\",\n  \"findings\": []\n}\n");
  EXPECT_TRUE(ParseBaseline(FormatBaseline({}), "b.json", "/").ok());
}

TEST(Baseline, ReadsWhatItWrites) {
  File file = Make(std::string(kText), {{"DL3009", 2}, {"DL3008", 3}, {"DL3002", 4}});
  const Baseline baseline = RoundTrip(file);
  ASSERT_EQ(baseline.entries().size(), 3u);
  EXPECT_EQ(baseline.entries()[0].path, "Dockerfile");
  EXPECT_EQ(baseline.entries()[0].code, "DL3009");
  EXPECT_EQ(baseline.entries()[0].line, 2u);
  EXPECT_EQ(baseline.entries()[0].message, "DL3009 on line 2");
  EXPECT_EQ(baseline.dir(), "/repo");
  EXPECT_EQ(baseline.CountFor("Dockerfile"), 3u);
  EXPECT_EQ(baseline.CountFor("other/Dockerfile"), 0u);
  EXPECT_EQ(baseline.Filter("Dockerfile", file.df, file.diagnostics), 3u);
  EXPECT_TRUE(file.diagnostics.empty());
}

TEST(Baseline, LinesMovingKeepFindingsHidden) {
  const Baseline baseline = RoundTrip(Make(std::string(kText), {{"DL3008", 3}, {"DL3002", 4}}));
  // Lines added above and between, the flagged lines re-indented: still the same findings.
  File moved = Make(
      "# syntax=docker/dockerfile:1\n"
      "FROM debian:12\n"
      "\n"
      "# tools\n"
      "RUN apt-get update\n"
      "ENV A=1\n"
      "  RUN apt-get install -y curl\n"
      "USER root\n",
      {{"DL3008", 7}, {"DL3002", 8}, {"DL3059", 5}});
  EXPECT_EQ(baseline.Filter("Dockerfile", moved.df, moved.diagnostics), 2u);
  EXPECT_EQ(Codes(moved.diagnostics), std::vector<std::string>{"DL3059"});  // the new one
}

TEST(Baseline, EditingTheFlaggedLineReportsItAgain) {
  const Baseline baseline = RoundTrip(Make(std::string(kText), {{"DL3008", 3}, {"DL3002", 4}}));
  File edited = Make(
      "FROM debian:12\n"
      "RUN apt-get update\n"
      "RUN apt-get install -y curl wget\n"
      "USER root\n",
      {{"DL3008", 3}, {"DL3002", 4}});
  const std::size_t hidden = baseline.Filter("Dockerfile", edited.df, edited.diagnostics);
  EXPECT_EQ(hidden, 1u);
  EXPECT_EQ(Codes(edited.diagnostics), std::vector<std::string>{"DL3008"});
  // The recorded DL3008 no longer occurs.
  EXPECT_EQ(baseline.CountFor("Dockerfile") - hidden, 1u);
}

TEST(Baseline, IdenticalFindingsMatchOneForOne) {
  const std::string two =
      "FROM debian:12\n"
      "RUN apt-get install -y curl\n"
      "RUN apt-get install -y curl\n";
  const Baseline baseline = RoundTrip(Make(two, {{"DL3008", 2}, {"DL3008", 3}}));
  ASSERT_EQ(baseline.entries().size(), 2u);
  EXPECT_NE(baseline.entries()[0].fingerprint, baseline.entries()[1].fingerprint);
  // A third identical line: its finding is new.
  File three =
      Make(two + "RUN apt-get install -y curl\n", {{"DL3008", 2}, {"DL3008", 3}, {"DL3008", 4}});
  EXPECT_EQ(baseline.Filter("Dockerfile", three.df, three.diagnostics), 2u);
  ASSERT_EQ(three.diagnostics.size(), 1u);
  EXPECT_EQ(three.df.lines().PositionOf(three.diagnostics[0].range.begin).line, 4u);
  // One of the two removed: one hidden, one recorded finding no longer occurs.
  File one = Make("FROM debian:12\nRUN apt-get install -y curl\n", {{"DL3008", 2}});
  const std::size_t hidden = baseline.Filter("Dockerfile", one.df, one.diagnostics);
  EXPECT_EQ(hidden, 1u);
  EXPECT_TRUE(one.diagnostics.empty());
  EXPECT_EQ(baseline.CountFor("Dockerfile") - hidden, 1u);
}

TEST(Baseline, FixedFindingsAreCounted) {
  const Baseline baseline =
      RoundTrip(Make(std::string(kText), {{"DL3009", 2}, {"DL3008", 3}, {"DL3002", 4}}));
  File fixed = Make(
      "FROM debian:12\n"
      "RUN apt-get update\n"
      "RUN apt-get install -y curl\n"
      "USER app\n",
      {{"DL3009", 2}, {"DL3008", 3}});
  const std::size_t hidden = baseline.Filter("Dockerfile", fixed.df, fixed.diagnostics);
  EXPECT_EQ(hidden, 2u);
  EXPECT_TRUE(fixed.diagnostics.empty());
  EXPECT_EQ(baseline.CountFor("Dockerfile") - hidden, 1u);
}

TEST(Baseline, PathAndCodeMustMatch) {
  const File file = Make(std::string(kText), {{"DL3008", 3}});
  const Baseline baseline = RoundTrip(file, "a/Dockerfile");
  File same = Make(std::string(kText), {{"DL3008", 3}});
  EXPECT_EQ(baseline.Filter("b/Dockerfile", same.df, same.diagnostics), 0u);
  EXPECT_EQ(same.diagnostics.size(), 1u);
  File other_code = Make(std::string(kText), {{"DL3015", 3}});
  EXPECT_EQ(baseline.Filter("a/Dockerfile", other_code.df, other_code.diagnostics), 0u);
  EXPECT_EQ(baseline.Filter("a/Dockerfile", same.df, same.diagnostics), 1u);
}

TEST(Baseline, SyntaxErrorsAreNeitherRecordedNorHidden) {
  File file = Make(std::string(kText), {{"", 2}, {"DL3008", 3}});
  const std::vector<BaselineEntry> entries = Record("Dockerfile", file.df, file.diagnostics);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].code, "DL3008");
  // Even an entry written by hand for it (as DL1000, hadolint's code) does not hide it.
  const std::string fp = Fingerprints(file.df, file.diagnostics, "Dockerfile")[0];
  const Baseline baseline("/repo",
                          {{"Dockerfile", "DL1000", fp, 2, ""}, {"Dockerfile", "", fp, 2, ""}});
  EXPECT_EQ(baseline.Filter("Dockerfile", file.df, file.diagnostics), 0u);
  EXPECT_EQ(file.diagnostics.size(), 2u);
}

TEST(Baseline, FingerprintsAreTheReportsOnes) {
  const File file = Make(std::string(kText), {{"DL3008", 3}, {"DL3002", 4}});
  const std::vector<BaselineEntry> entries = Record("Dockerfile", file.df, file.diagnostics);
  const std::vector<std::string> fps = Fingerprints(file.df, file.diagnostics, "Dockerfile");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].fingerprint, fps[0]);
  EXPECT_EQ(entries[1].fingerprint, fps[1]);
  EXPECT_EQ(fps[0], HashHex({"DL3008", "Dockerfile", "RUN apt-get install -y curl"}) + ":1");
}

TEST(BaselineParse, CorruptFilesAreErrorsWithPositions) {
  struct Case {
    std::string_view text;
    std::string_view expected;
  };
  const std::string_view entry_ok =
      R"({"path": "Dockerfile", "code": "DL3008", "fingerprint": "0123456789abcdef:1"})";
  const Case cases[] = {
      {"",
       "b.json:1:1: not valid JSON: syntax error while parsing value - unexpected end of "
       "input; expected '[', '{', or a literal"},
      {"{\n  \"version\": 1,\n  \"tool\": \"shipshape\"\n  \"findings\": []\n}\n",
       "b.json:4:12: not valid JSON: syntax error while parsing object - unexpected string "
       "literal; expected '}'"},
      // nlohmann reports this one as out_of_range, not parse_error, and without a position.
      {R"({"version": 1e400})", "b.json: not valid JSON: number overflow parsing '1e400'"},
      {"[]",
       "b.json:1:1: expected an object with `version`, `tool` and `findings` (a shipshape "
       "baseline), got an array"},
      {R"({"tool": "shipshape", "findings": []})",
       "b.json:1:1: missing key `version`: not a shipshape baseline"},
      {R"({"version": "1", "tool": "shipshape", "findings": []})",
       "b.json:1:13: version: expected the number 1, got a string"},
      {R"({"version": 2, "findings": {}})",
       "b.json:1:13: version: version 2 is written by a newer shipshape; this one reads version "
       "1 (upgrade shipshape, or write the baseline again with this one)"},
      {R"({"version": 0})",
       "b.json:1:13: version: unknown version 0; this shipshape reads version 1"},
      {R"({"version": 1, "tool": "shipshape", "finding": []})",
       "b.json:1:48: finding: unknown key `finding` (did you mean findings?)"},
      {R"({"version": 1, "findings": []})",
       "b.json:1:1: missing key `tool`: not a shipshape baseline"},
      {R"({"version": 1, "tool": "hadolint", "findings": []})",
       "b.json:1:24: tool: expected \"shipshape\", got \"hadolint\""},
      {R"({"version": 1, "tool": "shipshape"})", "b.json:1:1: missing key `findings`"},
      {R"({"version": 1, "tool": "shipshape", "findings": {}})",
       "b.json:1:49: findings: expected an array, got an object"},
      {"{\"version\": 1, \"tool\": \"shipshape\", \"findings\": [\n  \"Dockerfile\"\n]}",
       "b.json:2:3: findings[0]: expected an object, got a string"},
      {"{\"version\": 1, \"tool\": \"shipshape\", \"findings\": [\n  {\"path\": \"Dockerfile\", "
       "\"code\": \"DL3008\"}\n]}",
       "b.json:2:3: findings[0]: missing key `fingerprint`"},
  };
  for (const Case& c : cases) {
    const BaselineRead r = ParseBaseline(c.text, "b.json", "/repo");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error->ToString(), c.expected) << c.text;
  }
  // Errors inside the second entry name it and point into it.
  const auto second = [&](std::string_view entry) {
    return fmt::format(
        "{{\"version\": 1, \"tool\": \"shipshape\", \"findings\": [\n  {},\n  {}\n]}}\n", entry_ok,
        entry);
  };
  const Case entries[] = {
      {R"({"path": "Dockerfile", "code": 3008, "fingerprint": "0123456789abcdef:1"})",
       "b.json:3:34: findings[1].code: expected a string, got the number 3008"},
      {R"({"path": "", "code": "DL3008", "fingerprint": "0123456789abcdef:1"})",
       "b.json:3:12: findings[1].path: must not be empty"},
      {R"({"path": "Dockerfile", "code": "DL3008", "fingerprint": "0123456789abcdef"})",
       "b.json:3:59: findings[1].fingerprint: `0123456789abcdef` is not a fingerprint (16 hex "
       "digits, `:`, a count)"},
      {R"({"path": "Dockerfile", "code": "DL3008", "fingerprint": "0123456789ABCDEF:1"})",
       "is not a fingerprint"},
      {R"({"path": "Dockerfile", "code": "DL3008", "fingerprint": "0123456789abcdef:0"})",
       "is not a fingerprint"},
      {R"({"path": "Dockerfile", "code": "DL3008", "fingerprint": "0123456789abcdef:1", "line": 0})",
       "b.json:3:89: findings[1].line: expected a line number, got the number 0"},
      {R"({"path": "Dockerfile", "code": "DL3008", "fingerprint": "0123456789abcdef:1", "line": "3"})",
       "findings[1].line: expected a line number, got a string"},
      {R"({"path": "Dockerfile", "code": "DL3008", "fingerprint": "0123456789abcdef:1", "message": null})",
       "findings[1].message: expected a string, got null"},
      {R"({"path": "Dockerfile", "code": "DL3008", "fingerprint": "0123456789abcdef:1", "col": 3})",
       "b.json:3:88: findings[1].col: unknown key `col` (did you mean code?)"},
      {R"({"paths": "Dockerfile", "code": "DL3008", "fingerprint": "0123456789abcdef:1"})",
       "b.json:3:13: findings[1].paths: unknown key `paths` (did you mean path?)"},
      {R"({"code": "DL3008", "fingerprint": "0123456789abcdef:1"})",
       "b.json:3:3: findings[1]: missing key `path`"},
  };
  for (const Case& c : entries) {
    const std::string text = second(c.text);
    const BaselineRead r = ParseBaseline(text, "b.json", "/repo");
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_NE(r.error->ToString().find(c.expected), std::string::npos)
        << r.error->ToString() << "\n"
        << text;
    if (c.expected.starts_with("b.json")) {
      EXPECT_EQ(r.error->ToString(), c.expected);
    }
  }
  // The well-formed pair reads.
  const BaselineRead ok = ParseBaseline(second(entry_ok), "b.json", "/repo");
  ASSERT_TRUE(ok.ok()) << ok.error->ToString();
  EXPECT_EQ(ok.baseline.entries().size(), 2u);
  EXPECT_EQ(ok.baseline.CountFor("Dockerfile"), 2u);
}

/// A fresh temporary folder, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "shipshape-baseline-XXXXXX").string();
    path_ = fs::canonical(mkdtemp(tmpl.data()));
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST(BaselineRead, MissingUnreadableAndCorruptFiles) {
  TempDir tmp;
  const std::string missing = (tmp.path() / "none.json").string();
  BaselineRead r = ReadBaseline(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->ToString(),
            missing +
                ": the baseline does not exist; record the current findings in it with "
                "`shipshape lint --write-baseline " +
                missing + " ...`");
  r = ReadBaseline(tmp.path().string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->ToString(),
            tmp.path().string() + ": cannot read the baseline: Is a directory");
  const std::string bad = (tmp.path() / "bad.json").string();
  std::ofstream(bad) << "{\"version\": 1,";
  r = ReadBaseline(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->file, bad);
  EXPECT_EQ(r.error->line, 1);
  EXPECT_NE(r.error->message.find("not valid JSON"), std::string::npos);
  const std::string good = (tmp.path() / "good.json").string();
  std::ofstream(good) << FormatBaseline({});
  r = ReadBaseline(good);
  ASSERT_TRUE(r.ok()) << r.error->ToString();
  EXPECT_EQ(r.baseline.dir(), tmp.path());
}

TEST(BaselinePaths, RelativeToTheBaselineFolder) {
  TempDir tmp;
  const fs::path root = tmp.path();
  fs::create_directories(root / "repo/svc");
  fs::create_directories(root / "other");
  fs::create_directory_symlink(root / "repo", root / "link");
  const fs::path dir = BaselineDir((root / "repo/baseline.json").string());
  EXPECT_EQ(dir, root / "repo");
  EXPECT_EQ(BaselinePath(dir, (root / "repo/Dockerfile").string()), "Dockerfile");
  EXPECT_EQ(BaselinePath(dir, (root / "repo/svc/./Dockerfile").string()), "svc/Dockerfile");
  EXPECT_EQ(BaselinePath(dir, (root / "repo/svc/../svc/api.Dockerfile").string()),
            "svc/api.Dockerfile");
  EXPECT_EQ(BaselinePath(dir, (root / "other/Dockerfile").string()), "../other/Dockerfile");
  // Through a symlinked folder: the same names (the baseline's folder as well as the file's).
  EXPECT_EQ(BaselineDir((root / "link/baseline.json").string()), root / "repo");
  EXPECT_EQ(BaselinePath(dir, (root / "link/svc/Dockerfile").string()), "svc/Dockerfile");
  EXPECT_EQ(BaselinePath(dir, "-"), "-");
  // Relative paths are taken from the current directory.
  const fs::path cwd = fs::current_path();
  fs::current_path(root / "repo/svc");
  EXPECT_EQ(BaselineDir("../baseline.json"), root / "repo");
  EXPECT_EQ(BaselinePath(dir, "Dockerfile"), "svc/Dockerfile");
  EXPECT_EQ(BaselinePath(dir, "../Dockerfile"), "Dockerfile");
  fs::current_path(cwd);
}

TEST(BaselinePaths, ScopeIsLintedFilesAndSearchedDirectories) {
  TempDir tmp;
  fs::create_directories(tmp.path() / "svc/api");
  BaselineScope scope(tmp.path());
  scope.AddFile("Dockerfile");
  scope.AddDirectory((tmp.path() / "svc").string());
  EXPECT_TRUE(scope.Contains("Dockerfile"));
  EXPECT_TRUE(scope.Contains("svc/Dockerfile"));
  EXPECT_TRUE(scope.Contains("svc/api/gone.Dockerfile"));  // deleted since: in scope
  EXPECT_FALSE(scope.Contains("svcx/Dockerfile"));
  EXPECT_FALSE(scope.Contains("web/Dockerfile"));
  EXPECT_FALSE(scope.Contains("-"));
  BaselineScope everything(tmp.path());
  everything.AddDirectory(tmp.path().string());
  EXPECT_TRUE(everything.Contains("web/Dockerfile"));
  EXPECT_FALSE(everything.Contains("../elsewhere/Dockerfile"));
}

}  // namespace
}  // namespace shipshape::lint
