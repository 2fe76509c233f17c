#include "output/report.h"

#include <gtest/gtest.h>

#include "syntax/parser.h"

namespace shipshape::output {
namespace {

/// A file with hand-built findings: the formatters see exactly these.
std::vector<lint::FileResult> Files() {
  std::vector<lint::FileResult> files;
  lint::FileResult a{syntax::Parse("Dockerfile",
                                   "FROM ubuntu\n"
                                   "RUN apt-get install \\\n"
                                   "\tcurl\n"
                                   "LABEL caf\xC3\xA9=\"x\"\n"),
                     {}};
  base::Diagnostic d1;
  d1.code = "DL3008";
  d1.severity = base::Severity::kWarning;
  d1.range = {35, 39};  // `curl` on line 3, after a tab
  d1.message = "Pin the version of `curl` (`apt-get install curl=<version>`)";
  base::Diagnostic d2;
  d2.code = "DL3048";
  d2.severity = base::Severity::kStyle;
  d2.range = {46, 51};  // `café`
  d2.message = "Label key `caf\xC3\xA9` is not valid";
  d2.fix = base::Fix{"Rename to `cafe`", base::Applicability::kUnsafe, {{{46, 51}, "cafe"}}};
  a.diagnostics = {d1, d2};
  files.push_back(std::move(a));
  lint::FileResult b{syntax::Parse("other/Dockerfile", "FROM alpine\nCMD [\"a\", 1]\n"), {}};
  base::Diagnostic syntax_error;
  syntax_error.severity = base::Severity::kError;
  syntax_error.range = {16, 24};
  syntax_error.message = "when using JSON array syntax, arrays must be comprised of strings only";
  b.diagnostics = {syntax_error};
  files.push_back(std::move(b));
  files.push_back({syntax::Parse("clean/Dockerfile", "FROM alpine:3.20\n"), {}});
  return files;
}

TEST(Output, Tty) {
  std::string out;
  WriteTty(out, Files(), /*color=*/false);
  EXPECT_EQ(out,
            "Dockerfile:3:2: warning[DL3008]: Pin the version of `curl` (`apt-get install "
            "curl=<version>`)\n"
            "  |\n"
            "3 |  curl\n"
            "  |  ^^^^\n"
            "\n"
            "Dockerfile:4:7: style[DL3048]: Label key `caf\xC3\xA9` is not valid\n"
            "  |\n"
            "4 | LABEL caf\xC3\xA9=\"x\"\n"
            "  |       ^^^^\n"
            "  = fix (unsafe): Rename to `cafe`\n"
            "\n"
            "other/Dockerfile:2:5: error: when using JSON array syntax, arrays must be comprised "
            "of strings only\n"
            "  |\n"
            "2 | CMD [\"a\", 1]\n"
            "  |     ^^^^^^^^\n"
            "\n"
            "Found 3 findings in 2 of 3 files (1 error, 1 warning, 1 style).\n"
            "1 fixable with `--fix --unsafe-fixes`.\n");
}

TEST(Output, TtyColour) {
  std::string out;
  WriteTty(out, Files(), /*color=*/true);
  EXPECT_NE(out.find("\x1b[1;33mwarning[DL3008]\x1b[0m"), std::string::npos);
  EXPECT_NE(out.find("\x1b[1;31merror\x1b[0m"), std::string::npos);
}

TEST(Output, TtyClean) {
  std::string out;
  std::vector<lint::FileResult> files;
  files.push_back({syntax::Parse("Dockerfile", "FROM alpine:3.20\n"), {}});
  WriteTty(out, files, false);
  EXPECT_EQ(out, "No findings in 1 file.\n");
}

TEST(Output, TtyBaselineNotes) {
  EXPECT_EQ(BaselineSummary("b.json", 0, 0), "");
  EXPECT_EQ(BaselineSummary("b.json", 1, 0), "1 finding hidden by the baseline (b.json).\n");
  EXPECT_EQ(BaselineSummary("b.json", 3, 2),
            "3 findings hidden by the baseline (b.json); 2 recorded findings no longer occur: run "
            "with `--write-baseline b.json` to prune them.\n");
  EXPECT_EQ(BaselineSummary("b.json", 0, 1),
            "1 recorded finding of the baseline (b.json) no longer occurs: run with "
            "`--write-baseline b.json` to prune it.\n");
  // The note ends the summary, after the fix counts; a clean run has it too.
  std::unique_ptr<StreamWriter> w = StreamWriter::Make("tty", false);
  std::string out;
  for (const lint::FileResult& f : Files()) w->Add(f, out);
  w->AddNote(BaselineSummary("b.json", 2, 0));
  w->Finish(out);
  EXPECT_TRUE(
      out.ends_with("1 fixable with `--fix --unsafe-fixes`.\n"
                    "2 findings hidden by the baseline (b.json).\n"))
      << out;
  w = StreamWriter::Make("tty", false);
  out.clear();
  w->Add({syntax::Parse("Dockerfile", "FROM alpine:3.20\n"), {}}, out);
  w->AddNote(BaselineSummary("b.json", 2, 0));
  w->Finish(out);
  EXPECT_EQ(out, "No findings in 1 file.\n2 findings hidden by the baseline (b.json).\n");
  // Other formats have no summary.
  w = StreamWriter::Make("json", false);
  out.clear();
  w->AddNote("note\n");
  w->Finish(out);
  EXPECT_EQ(out.find("note"), std::string::npos);
}

TEST(Output, Json) {
  std::string out;
  WriteJson(out, Files());
  EXPECT_EQ(out,
            "[{\"code\":\"DL3008\",\"column\":2,\"file\":\"Dockerfile\",\"level\":\"warning\","
            "\"line\":3,\"message\":\"Pin the version of `curl` (`apt-get install "
            "curl=<version>`)\",\"endLine\":3,\"endColumn\":6},"
            "{\"code\":\"DL3048\",\"column\":7,\"file\":\"Dockerfile\",\"level\":\"style\","
            "\"line\":4,\"message\":\"Label key `caf\xC3\xA9` is not valid\",\"endLine\":4,"
            "\"endColumn\":11,\"fix\":{\"title\":\"Rename to `cafe`\",\"applicability\":"
            "\"unsafe\",\"edits\":[{\"line\":4,\"column\":7,\"endLine\":4,\"endColumn\":11,"
            "\"content\":\"cafe\"}]}},"
            "{\"code\":\"DL1000\",\"column\":5,\"file\":\"other/Dockerfile\",\"level\":"
            "\"error\",\"line\":2,\"message\":\"when using JSON array syntax, arrays must be "
            "comprised of strings only\",\"endLine\":2,\"endColumn\":13}]\n");
}

TEST(Output, JsonEmptyAndInvalidUtf8) {
  std::string out;
  WriteJson(out, {});
  EXPECT_EQ(out, "[]\n");
  std::vector<lint::FileResult> files;
  lint::FileResult f{syntax::Parse("bad\xFF", "FROM a\n"), {}};
  base::Diagnostic d;
  d.code = "DL3006";
  d.range = {5, 6};
  d.message = "image `a\xFF`";
  f.diagnostics.push_back(d);
  files.push_back(std::move(f));
  out.clear();
  WriteJson(out, files);
  EXPECT_NE(out.find("\"file\":\"bad\xEF\xBF\xBD\""), std::string::npos);
}

}  // namespace
}  // namespace shipshape::output
