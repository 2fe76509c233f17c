// Every report format by name, and one entry point the CLI calls. Each CI format lives in its
// own file (sarif.cc, checkstyle.cc, ...); tty and json are declared in report.h.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "lint/lint.h"
#include "output/report.h"

namespace shipshape::output {

/// What a report may need beyond the findings.
struct ReportOptions {
  /// Colour escapes in the tty format (already resolved with UseColor).
  bool color = false;
  /// The version reported by formats that name the tool (SARIF, JUnit); empty: this build's.
  std::string tool_version = {};
  /// JUnit: add `timestamp` and `hostname` (off by default so that reports are reproducible).
  bool junit_timestamp = false;
};

/// The names `--format` accepts, in the order help text lists them.
inline constexpr std::array<std::string_view, 11> kFormatNames = {
    "tty", "json",  "sarif",  "checkstyle", "codeclimate", "gitlab_codeclimate",
    "gnu", "junit", "github", "sonarqube",  "codacy"};

/// Where rule pages live; a rule's page is this plus `<CODE>.md` (SARIF helpUri, JUnit, ...).
inline constexpr std::string_view kRuleDocsBaseUrl =
    "https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/";

/// The project's home page (SARIF informationUri).
inline constexpr std::string_view kInformationUri = "https://github.com/shipshape-dev/shipshape";

/// Whether `format` is one of kFormatNames.
bool IsFormatName(std::string_view format);

/// Appends the report of `files` in `format` to `out`; false (and nothing written) for an
/// unknown format.
bool WriteReport(std::string_view format, std::string& out,
                 const std::vector<lint::FileResult>& files, const ReportOptions& options);

/// SARIF 2.1.0: one run, the reported rules with their docs, results with fixes and stable
/// partial fingerprints.
void WriteSarif(std::string& out, const std::vector<lint::FileResult>& files,
                const ReportOptions& options);
/// Checkstyle XML as hadolint writes it (one `file` per file, clean files included).
void WriteCheckstyle(std::string& out, const std::vector<lint::FileResult>& files);
/// Code Climate engine output: one issue object per finding, each followed by a NUL byte.
void WriteCodeClimate(std::string& out, const std::vector<lint::FileResult>& files);
/// GitLab Code Quality: a JSON array of Code Climate issues with stable fingerprints.
void WriteGitlabCodeClimate(std::string& out, const std::vector<lint::FileResult>& files);
/// GNU error-message standard: `path:line.col-endline.endcol: severity: CODE message`.
void WriteGnu(std::string& out, const std::vector<lint::FileResult>& files);
/// JUnit XML: a testsuite per file, a testcase per finding.
void WriteJunit(std::string& out, const std::vector<lint::FileResult>& files,
                const ReportOptions& options);
/// GitHub Actions workflow commands (`::warning file=...::message`).
void WriteGithub(std::string& out, const std::vector<lint::FileResult>& files);
/// Codacy's tool results: one `{filename, patternId, message, line}` object per line.
void WriteCodacy(std::string& out, const std::vector<lint::FileResult>& files);
/// SonarQube generic issue import (the `issues`-only format hadolint writes).
void WriteSonarQube(std::string& out, const std::vector<lint::FileResult>& files);

}  // namespace shipshape::output
