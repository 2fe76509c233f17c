#include "output/formats.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "syntax/parser.h"
#include "test_data.h"

namespace shipshape::output {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCiFormats[] = {
    "sarif", "checkstyle", "codeclimate", "gitlab_codeclimate",
    "gnu",   "junit",      "github",      "sonarqube", "codacy"};

/// The message every format must escape: XML specials, `%`, a newline and a CR, GitHub's
/// property separators, an apostrophe, a control character XML 1.0 forbids.
constexpr std::string_view kNastyMessage =
    "Tag <latest> & \"stable\" are 100% moving, a,b: c\r\nsecond 'line' \x01 end";

/// The range of the `nth` occurrence of `needle` in `text` (the test fails when missing).
base::Range Find(std::string_view text, std::string_view needle, int nth = 0) {
  std::size_t at = text.find(needle);
  while (nth-- > 0 && at != std::string_view::npos) at = text.find(needle, at + 1);
  EXPECT_NE(at, std::string_view::npos) << needle;
  if (at == std::string_view::npos) return {};
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

base::Diagnostic Diag(std::string code, base::Severity severity, base::Range range,
                      std::string message) {
  base::Diagnostic d;
  d.code = std::move(code);
  d.severity = severity;
  d.range = range;
  d.message = std::move(message);
  return d;
}

/// The main file; `prefix` is put before it (to move every line down).
lint::FileResult MainFile(const std::string& prefix = "") {
  const std::string text = prefix +
                           "FROM ubuntu\n"
                           "RUN apt-get install \\\n"
                           "\tcurl\n"
                           "LABEL caf\xC3\xA9=\"x\"\n"
                           "RUN apt-get update\n"
                           "RUN apt-get update\n";
  lint::FileResult f{syntax::Parse("Dockerfile", text), {}};
  const std::string_view t = f.dockerfile.text();
  f.diagnostics.push_back(
      Diag("DL3006", base::Severity::kWarning, Find(t, "ubuntu"), std::string(kNastyMessage)));
  base::Range install = Find(t, "apt-get install");
  install.end = Find(t, "curl").end;  // spans the continuation
  f.diagnostics.push_back(
      Diag("DL3015", base::Severity::kInfo, install,
           "Avoid additional packages by specifying `--no-install-recommends`"));
  base::Diagnostic pin = Diag("DL3008", base::Severity::kWarning, Find(t, "curl"),
                              "Pin the version of `curl` (`apt-get install curl=<version>`)");
  const std::uint32_t after_curl = Find(t, "curl").end;
  pin.fix = base::Fix{"Pin `curl` to `7.88.1`",
                      base::Applicability::kDisplayOnly,
                      {{{after_curl, after_curl}, "=7.88.1"}}};
  f.diagnostics.push_back(std::move(pin));
  base::Diagnostic label = Diag("DL3048", base::Severity::kStyle, Find(t, "caf\xC3\xA9"),
                                "Label key `caf\xC3\xA9` is not valid");
  label.fix = base::Fix{
      "Rename to `cafe`", base::Applicability::kUnsafe, {{Find(t, "caf\xC3\xA9"), "cafe"}}};
  f.diagnostics.push_back(std::move(label));
  // A fix that edits another file (a `.dockerignore`).
  base::Diagnostic ignore = Diag("SP303", base::Severity::kWarning, Find(t, "FROM"),
                                 "`.dockerignore` does not exclude `.env`");
  ignore.fix = base::Fix{"Add `.env` to `.dockerignore`", base::Applicability::kSafe, {},
                         {{"dir/.dockerignore", "*.log\n", ".env\n"}}};
  f.diagnostics.push_back(std::move(ignore));
  // Two identical findings on identical lines; each range takes in its line break.
  for (int i = 0; i < 2; ++i) {
    f.diagnostics.push_back(Diag("DL3059", base::Severity::kInfo,
                                 Find(t, "RUN apt-get update\n", i),
                                 "Multiple consecutive `RUN` instructions"));
  }
  return f;
}

std::vector<lint::FileResult> Files(const std::string& prefix = "") {
  std::vector<lint::FileResult> files;
  files.push_back(MainFile(prefix));
  // A non-ASCII path with a space, CRLF line endings, a non-ASCII character before a range.
  lint::FileResult crlf{syntax::Parse("dir/\xC3\xBCn\xC3\xAF"
                                      "code Dockerfile",
                                      prefix + "FROM alpine\r\nRUN echo h\xC3\xA9llo\r\n"),
                        {}};
  const std::string_view t = crlf.dockerfile.text();
  crlf.diagnostics.push_back(Diag("DL3006", base::Severity::kWarning, Find(t, "alpine"),
                                  "Always tag the version of an image explicitly"));
  crlf.diagnostics.push_back(Diag("DL3047", base::Severity::kStyle, Find(t, "llo"),
                                  "Flagged `llo` after a non-ASCII letter"));
  base::Range run = Find(t, "RUN echo h\xC3\xA9llo\r\n");
  crlf.diagnostics.push_back(Diag("DL4006", base::Severity::kError, run,
                                  "Set the SHELL option -o pipefail before RUN with a pipe in it"));
  files.push_back(std::move(crlf));
  // A syntax error: no code, reported as DL1000 with severity error whatever it says.
  lint::FileResult bad{syntax::Parse("other/Dockerfile", prefix + "FROM alpine\nCMD [\"a\", 1]\n"),
                       {}};
  bad.diagnostics.push_back(
      Diag("", base::Severity::kWarning, Find(bad.dockerfile.text(), "[\"a\", 1]"),
           "when using JSON array syntax, arrays must be comprised of strings only"));
  files.push_back(std::move(bad));
  files.push_back({syntax::Parse("clean/Dockerfile", "FROM alpine:3.20\n"), {}});
  return files;
}

ReportOptions TestOptions() {
  ReportOptions options;
  options.tool_version = "0.0.0-test";
  return options;
}

std::string Report(std::string_view format, const std::vector<lint::FileResult>& files,
                   const ReportOptions& options = TestOptions()) {
  std::string out;
  EXPECT_TRUE(WriteReport(format, out, files, options)) << format;
  return out;
}

/// A file in the temp folder holding `content`, removed with the object.
class TempFile {
 public:
  TempFile(std::string_view name, std::string_view content) {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            fmt::format("shipshape-output-{}-{}-{}", getpid(), ++counter, name);
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TempFile() { fs::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

struct RunResult {
  int status = -1;
  std::string output;
};

/// Runs `command` with sh, stdout and stderr together.
RunResult Run(const std::string& command) {
  RunResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return r;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Validates the JSON in `document` against the JSON schema at `schema` with python3's
/// jsonschema (the validator class the schema's `$schema` names).
RunResult ValidateJsonSchema(const std::string& schema, std::string_view document) {
  TempFile doc("doc.json", document);
  TempFile script("validate.py",
                  "import json, sys\n"
                  "import jsonschema\n"
                  "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                  "doc = json.load(open(sys.argv[2], encoding='utf-8'))\n"
                  "cls = jsonschema.validators.validator_for(schema)\n"
                  "cls.check_schema(schema)\n"
                  "v = cls(schema, format_checker=jsonschema.FormatChecker())\n"
                  "errors = sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path))\n"
                  "for e in errors:\n"
                  "    print('/'.join(map(str, e.absolute_path)) + ': ' + e.message)\n"
                  "sys.exit(1 if errors else 0)\n");
  return Run(
      fmt::format("python3 {} {} {}", Quote(script.path()), Quote(schema), Quote(doc.path())));
}

RunResult XmlLint(std::string_view document) {
  TempFile doc("doc.xml", document);
  return Run(fmt::format("xmllint --noout {}", Quote(doc.path())));
}

TEST(OutputFormats, Names) {
  for (std::string_view name : kFormatNames) {
    std::string out;
    EXPECT_TRUE(WriteReport(name, out, Files(), TestOptions())) << name;
    EXPECT_FALSE(out.empty()) << name;
    EXPECT_TRUE(IsFormatName(name));
  }
  std::string out;
  EXPECT_FALSE(WriteReport("hadolint", out, Files(), TestOptions()));
  EXPECT_FALSE(IsFormatName("TTY"));
  EXPECT_EQ(out, "");
  // tty and json through the entry point are the functions of report.h.
  std::string tty, json;
  WriteTty(tty, Files(), false);
  WriteJson(json, Files());
  EXPECT_EQ(Report("tty", Files()), tty);
  EXPECT_EQ(Report("json", Files()), json);
}

/// Exact bytes against tests/output/<format>.expected; UPDATE=1 rewrites them (review the diff).
TEST(OutputFormats, Snapshots) {
  const bool update = std::getenv("UPDATE") && std::string_view(std::getenv("UPDATE")) == "1";
  for (std::string_view format : kCiFormats) {
    const std::string path = testing::SourcePath(fmt::format("tests/output/{}.expected", format));
    const std::string actual = Report(format, Files());
    if (update) {
      std::ofstream(path, std::ios::binary) << actual;
      continue;
    }
    const std::string expected = testing::ReadFileOrFail(path);
    if (actual == expected) continue;
    // Point at the first differing line rather than printing both reports whole.
    std::size_t at = 0;
    while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) ++at;
    const std::size_t line = std::count(actual.begin(), actual.begin() + at, '\n') + 1;
    auto line_of = [at](const std::string& s) {
      const std::size_t start = s.rfind('\n', at == 0 ? 0 : at - 1);
      const std::size_t begin = start == std::string::npos || at == 0 ? 0 : start + 1;
      return s.substr(begin, s.find('\n', begin) - begin);
    };
    ADD_FAILURE() << format << ": output differs from " << path << " at line " << line
                  << " (UPDATE=1 rewrites it)\n  expected: " << line_of(expected)
                  << "\n  actual:   " << line_of(actual);
  }
}

TEST(OutputFormats, EmptyRun) {
  const std::vector<lint::FileResult> none;
  EXPECT_EQ(Report("gnu", none), "");
  EXPECT_EQ(Report("github", none), "");
  EXPECT_EQ(Report("codeclimate", none), "");
  EXPECT_EQ(Report("codacy", none), "");
  EXPECT_EQ(Report("gitlab_codeclimate", none), "[]\n");
  EXPECT_EQ(nlohmann::json::parse(Report("sonarqube", none)),
            nlohmann::json::parse(R"({"issues":[]})"));
  EXPECT_EQ(
      Report("checkstyle", none),
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><checkstyle version=\"4.3\"></checkstyle>\n");
  EXPECT_EQ(XmlLint(Report("junit", none)).status, 0);
  EXPECT_EQ(ValidateJsonSchema(testing::SharedPath("spec/schemas/sarif-schema-2.1.0.json"),
                               Report("sarif", none))
                .status,
            0);
}

TEST(OutputSarif, ValidatesAgainstSchema) {
  const std::string schema = testing::SharedPath("spec/schemas/sarif-schema-2.1.0.json");
  const RunResult ok = ValidateJsonSchema(schema, Report("sarif", Files()));
  EXPECT_EQ(ok.status, 0) << "SARIF does not validate (scripts/setup-deps.sh installs "
                             "python3-jsonschema):\n"
                          << ok.output;
  // The validator really runs: a SARIF log without `version` and with a bad level fails.
  nlohmann::json broken = nlohmann::json::parse(Report("sarif", Files()));
  broken.erase("version");
  broken["runs"][0]["results"][0]["level"] = "fatal";
  const RunResult bad = ValidateJsonSchema(schema, broken.dump());
  EXPECT_EQ(bad.status, 1) << bad.output;
  EXPECT_NE(bad.output.find("'version' is a required property"), std::string::npos) << bad.output;
  EXPECT_NE(bad.output.find("'fatal' is not one of"), std::string::npos) << bad.output;
}

TEST(OutputSarif, Content) {
  const nlohmann::json sarif = nlohmann::json::parse(Report("sarif", Files()));
  EXPECT_EQ(sarif["version"], "2.1.0");
  const nlohmann::json& run = sarif["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["tool"]["driver"]["name"], "shipshape");
  EXPECT_EQ(run["tool"]["driver"]["version"], "0.0.0-test");
  const nlohmann::json& rules = run["tool"]["driver"]["rules"];
  for (const nlohmann::json& result : run["results"]) {
    EXPECT_EQ(rules[result["ruleIndex"].get<int>()]["id"], result["ruleId"]);
  }
  for (const nlohmann::json& rule : rules) {
    if (rule["id"] == "DL1000") continue;
    EXPECT_EQ(rule["helpUri"],
              fmt::format("{}{}.md", kRuleDocsBaseUrl, rule["id"].get<std::string>()));
    EXPECT_TRUE(fs::exists(
        testing::SourcePath(fmt::format("docs/rules/{}.md", rule["id"].get<std::string>()))))
        << rule["id"];
    EXPECT_FALSE(rule["help"]["markdown"].get<std::string>().empty());
  }
  // The syntax error, the percent-encoded path, code-point columns after `é`.
  bool saw_syntax = false, saw_crlf = false;
  for (const nlohmann::json& result : run["results"]) {
    const nlohmann::json& loc = result["locations"][0]["physicalLocation"];
    if (result["ruleId"] == "DL1000") {
      saw_syntax = true;
      EXPECT_EQ(result["level"], "error");
    }
    if (result["ruleId"] == "DL3047") {
      saw_crlf = true;
      EXPECT_EQ(loc["artifactLocation"]["uri"], "dir/%C3%BCn%C3%AFcode%20Dockerfile");
      EXPECT_EQ(loc["region"]["startColumn"], 12);  // `RUN echo hé` is 11 code points
      EXPECT_EQ(loc["region"]["endColumn"], 15);
    }
  }
  EXPECT_TRUE(saw_syntax);
  EXPECT_TRUE(saw_crlf);
}

TEST(OutputXml, WellFormed) {
  ReportOptions stamped = TestOptions();
  stamped.junit_timestamp = true;
  for (const std::string& xml : {Report("checkstyle", Files()), Report("junit", Files()),
                                 Report("junit", Files(), stamped)}) {
    const RunResult r = XmlLint(xml);
    EXPECT_EQ(r.status, 0) << r.output << "\n" << xml;
  }
  const std::string junit = Report("junit", Files());
  EXPECT_EQ(junit.find("timestamp="), std::string::npos);
  EXPECT_EQ(junit.find("hostname="), std::string::npos);
  const std::string with_time = Report("junit", Files(), stamped);
  EXPECT_NE(with_time.find("timestamp=\""), std::string::npos);
  EXPECT_NE(with_time.find("hostname=\""), std::string::npos);
  // xmllint really checks: a raw `&` and a control character are rejected.
  EXPECT_NE(XmlLint("<a>&</a>").status, 0);
  EXPECT_NE(XmlLint("<a b=\"\x01\"/>").status, 0);
}

/// Every byte value, in a path and a message, still gives well-formed XML.
TEST(OutputXml, EveryByte) {
  std::string all;
  for (int c = 1; c < 256; ++c) all += static_cast<char>(c);
  std::vector<lint::FileResult> files;
  lint::FileResult f{syntax::Parse(all, "FROM a\n"), {}};
  f.diagnostics.push_back(Diag("DL3006", base::Severity::kWarning, {5, 6}, all));
  f.diagnostics.push_back(Diag("", base::Severity::kError, {0, 4}, std::string("nul\0byte", 8)));
  files.push_back(std::move(f));
  for (std::string_view format : {"checkstyle", "junit"}) {
    const std::string xml = Report(format, files);
    const RunResult r = XmlLint(xml);
    EXPECT_EQ(r.status, 0) << format << ": " << r.output;
    EXPECT_NE(xml.find("&lt;=&gt;?@"), std::string::npos) << format;
    EXPECT_NE(xml.find("!&quot;#$%&amp;&apos;()"), std::string::npos) << format;
  }
  for (std::string_view format : {"sarif", "gitlab_codeclimate", "sonarqube"}) {
    EXPECT_TRUE(nlohmann::json::accept(Report(format, files))) << format;
  }
}

TEST(OutputJson, Parses) {
  const std::vector<lint::FileResult> files = Files();
  // codeclimate: one object per issue, each followed by NUL.
  const std::string cc = Report("codeclimate", files);
  ASSERT_FALSE(cc.empty());
  EXPECT_EQ(cc.back(), '\0');
  std::size_t issues = 0;
  for (std::size_t start = 0; start < cc.size();) {
    const std::size_t nul = cc.find('\0', start);
    const nlohmann::json issue = nlohmann::json::parse(cc.substr(start, nul - start));
    EXPECT_EQ(issue["type"], "issue");
    if (issue["check_name"] == "DL1000") {
      EXPECT_EQ(issue["severity"], "blocker");
    }
    ++issues;
    start = nul + 1;
  }
  EXPECT_EQ(issues, 11u);
  const nlohmann::json gitlab = nlohmann::json::parse(Report("gitlab_codeclimate", files));
  ASSERT_EQ(gitlab.size(), 11u);
  std::set<std::string> fingerprints;
  for (const nlohmann::json& issue : gitlab) {
    for (const char* key : {"description", "check_name", "fingerprint", "severity"}) {
      EXPECT_TRUE(issue.contains(key)) << key;
    }
    EXPECT_TRUE(issue["location"]["positions"]["begin"]["line"].is_number());
    fingerprints.insert(issue["fingerprint"].get<std::string>());
  }
  EXPECT_EQ(fingerprints.size(), 11u) << "fingerprints must be unique";
  const nlohmann::json sonar = nlohmann::json::parse(Report("sonarqube", files));
  ASSERT_EQ(sonar["issues"].size(), 11u);
  for (const nlohmann::json& issue : sonar["issues"]) {
    EXPECT_EQ(issue["engineId"], "shipshape");
    if (issue["ruleId"] == "DL1000") {
      EXPECT_EQ(issue["severity"], "BLOCKER");
      EXPECT_EQ(issue["type"], "BUG");
    }
    // Sonar: 0-based columns, the start strictly before the end.
    const nlohmann::json& range = issue["primaryLocation"]["textRange"];
    if (range.contains("startColumn") && range["startLine"] == range["endLine"]) {
      EXPECT_LT(range["startColumn"].get<int>(), range["endColumn"].get<int>()) << issue;
    }
  }
  // `ubuntu` is at 1-based column 6: Sonar says 5 to 11.
  EXPECT_EQ(sonar["issues"][0]["primaryLocation"]["textRange"],
            nlohmann::json::parse(R"({"startLine":1,"endLine":1,"startColumn":5,"endColumn":11})"));
}

/// Fingerprints do not change when lines are added above; identical findings differ.
TEST(OutputFingerprints, StableWhenLinesMove) {
  const std::vector<lint::FileResult> before = Files();
  const std::vector<lint::FileResult> after = Files("# a comment\n\n");
  const nlohmann::json sarif_before = nlohmann::json::parse(Report("sarif", before));
  const nlohmann::json sarif_after = nlohmann::json::parse(Report("sarif", after));
  const nlohmann::json& rb = sarif_before["runs"][0]["results"];
  const nlohmann::json& ra = sarif_after["runs"][0]["results"];
  ASSERT_EQ(rb.size(), ra.size());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < rb.size(); ++i) {
    EXPECT_EQ(rb[i]["partialFingerprints"], ra[i]["partialFingerprints"]) << i;
    EXPECT_NE(rb[i]["locations"][0]["physicalLocation"]["region"]["startLine"],
              ra[i]["locations"][0]["physicalLocation"]["region"]["startLine"]);
    seen.insert(rb[i]["partialFingerprints"].dump());
  }
  EXPECT_EQ(seen.size(), rb.size()) << "identical findings need distinct fingerprints";
  const nlohmann::json gb = nlohmann::json::parse(Report("gitlab_codeclimate", before));
  const nlohmann::json ga = nlohmann::json::parse(Report("gitlab_codeclimate", after));
  ASSERT_EQ(gb.size(), ga.size());
  for (std::size_t i = 0; i < gb.size(); ++i) EXPECT_EQ(gb[i]["fingerprint"], ga[i]["fingerprint"]);
  // Editing the flagged line changes its fingerprint.
  std::vector<lint::FileResult> edited;
  edited.push_back({syntax::Parse("Dockerfile", "FROM ubuntu:22.04\n"), {}});
  edited[0].diagnostics.push_back(Diag("DL3006", base::Severity::kWarning, {5, 11}, "m"));
  const nlohmann::json se = nlohmann::json::parse(Report("sarif", edited));
  EXPECT_NE(se["runs"][0]["results"][0]["partialFingerprints"], rb[0]["partialFingerprints"]);
}

TEST(OutputGithub, Escaping) {
  std::vector<lint::FileResult> files;
  lint::FileResult f{syntax::Parse("a,b:c%d/Dockerfile", "FROM ubuntu\nRUN x\n"), {}};
  f.diagnostics.push_back(Diag("DL3006", base::Severity::kWarning, {5, 11}, "100%, a:b\r\nc"));
  f.diagnostics.push_back(Diag("DL3059", base::Severity::kStyle, {0, 18}, "two lines"));
  f.diagnostics.push_back(Diag("", base::Severity::kWarning, {12, 12}, "empty"));
  files.push_back(std::move(f));
  EXPECT_EQ(Report("github", files),
            "::warning file=a%2Cb%3Ac%25d/Dockerfile,line=1,col=6,endLine=1,endColumn=11,"
            "title=DL3006::100%25, a:b%0D%0Ac\n"
            "::notice file=a%2Cb%3Ac%25d/Dockerfile,line=1,endLine=2,title=DL3059::two lines\n"
            "::error file=a%2Cb%3Ac%25d/Dockerfile,line=2,col=1,endLine=2,endColumn=1,"
            "title=DL1000::empty\n");
}

TEST(OutputGnu, Format) {
  std::vector<lint::FileResult> files;
  lint::FileResult f{syntax::Parse("Dockerfile", "FROM ubuntu\nRUN a \\\n\tb\n"), {}};
  f.diagnostics.push_back(Diag("DL3006", base::Severity::kWarning, {5, 11}, "tag\nit"));
  f.diagnostics.push_back(Diag("DL3059", base::Severity::kStyle, {12, 23}, "spans"));
  f.diagnostics.push_back(Diag("DL3003", base::Severity::kInfo, {21, 22}, "one char after a tab"));
  f.diagnostics.push_back(Diag("", base::Severity::kWarning, {12, 12}, "point"));
  files.push_back(std::move(f));
  EXPECT_EQ(Report("gnu", files),
            "Dockerfile:1.6-11: warning: DL3006 tag it\n"
            "Dockerfile:2.1-3.9: style: DL3059 spans\n"
            "Dockerfile:3.9: info: DL3003 one char after a tab\n"
            "Dockerfile:2.1: error: DL1000 point\n");
}

}  // namespace
}  // namespace shipshape::output

namespace shipshape::output {
namespace {

TEST(JsonString, MatchesNlohmannDump) {
  const std::vector<std::string> samples = {
      "",  "plain", "quote \" backslash \\ slash /", "\b\f\n\r\t", std::string("\x01\x1f\x7f", 3),
      std::string("nul \0 inside", 12), "é → 😀", "\xff bad", "ok \xe2\x82 truncated",
      "\xed\xa0\x80 surrogate", "\xc0\xaf overlong", "mixed é \xfe and \"quotes\""};
  for (const std::string& s : samples) {
    std::string ours;
    AppendJsonString(ours, s);
    EXPECT_EQ(ours, nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
        << s;
  }
}

}  // namespace
}  // namespace shipshape::output
