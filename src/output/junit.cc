// JUnit XML, as GitLab, Jenkins and other CI test reports read it: a testsuite per file, a
// testcase per finding with a `failure` (an `error` for a syntax error), and one passing
// testcase for a clean file (as ESLint's junit format does) so that it shows as linted.
// hadolint names every testsuite after itself and stamps the run with the time; here suites
// are named after files and the report is reproducible unless ReportOptions.junit_timestamp
// asks for `timestamp` and `hostname`.
#include <fmt/format.h>
#include <unistd.h>

#include <ctime>

#include "output/format_util.h"
#include "output/formats.h"

namespace shipshape::output {
namespace {

void Attr(std::string& out, std::string_view name, std::string_view value) {
  fmt::format_to(std::back_inserter(out), " {}=\"", name);
  AppendXmlEscaped(out, value, /*attribute=*/true);
  out += '"';
}

std::string Timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return buf;
}

std::string Hostname() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) return "localhost";
  return buf;
}

}  // namespace

void WriteJunit(std::string& out, const std::vector<lint::FileResult>& files,
                const ReportOptions& options) {
  std::vector<std::vector<Finding>> findings;
  std::size_t tests = 0, failures = 0, errors = 0;
  for (const lint::FileResult& file : files) {
    findings.push_back(Findings(file));
    tests += std::max<std::size_t>(findings.back().size(), 1);
    for (const Finding& f : findings.back()) ++(f.syntax_error ? errors : failures);
  }
  const std::string version =
      options.tool_version.empty() ? std::string(SHIPSHAPE_VERSION) : options.tool_version;
  std::string timestamp, hostname;
  if (options.junit_timestamp) {
    timestamp = Timestamp();
    hostname = Hostname();
  }
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites";
  Attr(out, "name", fmt::format("shipshape {}", version));
  fmt::format_to(std::back_inserter(out), " tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", tests,
                 failures, errors);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string& path = files[i].dockerfile.path();
    std::size_t file_errors = 0;
    for (const Finding& f : findings[i]) file_errors += f.syntax_error;
    out += "  <testsuite";
    Attr(out, "name", path);
    fmt::format_to(std::back_inserter(out), " tests=\"{}\" failures=\"{}\" errors=\"{}\"",
                   std::max<std::size_t>(findings[i].size(), 1), findings[i].size() - file_errors,
                   file_errors);
    if (options.junit_timestamp) {
      Attr(out, "timestamp", timestamp);
      Attr(out, "hostname", hostname);
    }
    out += ">\n";
    if (findings[i].empty()) {
      out += "    <testcase";
      Attr(out, "name", "no findings");
      Attr(out, "classname", path);
      out += "/>\n";
    }
    for (const Finding& f : findings[i]) {
      const std::string_view message = f.message;
      out += "    <testcase";
      Attr(out, "id", fmt::format("shipshape.rule.{}", f.code));
      Attr(out, "name", fmt::format("{} at {}:{}", f.code, f.begin.line, f.begin.column));
      Attr(out, "classname", path);
      Attr(out, "file", path);
      fmt::format_to(std::back_inserter(out), " line=\"{}\">\n      <{}", f.begin.line,
                     f.syntax_error ? "error" : "failure");
      Attr(out, "message", message);
      Attr(out, "type", base::SeverityName(f.severity));
      out += '>';
      std::string body = fmt::format("File: {}\nLine: {}\nColumn: {}\nRule: {}", path, f.begin.line,
                                     f.begin.column, f.code);
      if (f.rule) body += fmt::format(" ({}) {}", f.rule->name, RuleUrl(f.code));
      body += fmt::format("\n{}: {}", base::SeverityName(f.severity), message);
      AppendXmlEscaped(out, body, /*attribute=*/false);
      fmt::format_to(std::back_inserter(out), "</{}>\n    </testcase>\n",
                     f.syntax_error ? "error" : "failure");
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
}

}  // namespace shipshape::output
