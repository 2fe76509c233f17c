#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <set>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/file.h"
#include "lint/discover.h"
#include "lint/lint.h"
#include "output/report.h"
#include "rules/docs.h"
#include "rules/registry.h"
#include "syntax/dump.h"
#include "syntax/parser.h"

namespace shipshape::cli {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

void WriteAll(int fd, const std::string& s) {
  std::size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = write(fd, s.data() + done, s.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

void PrintError(const std::string& message) {
  WriteAll(STDERR_FILENO, fmt::format("shipshape: error: {}\n", message));
}

/// How a path is shown in messages.
std::string DisplayPath(const std::string& path) { return path == "-" ? "<stdin>" : path; }

/// The `lint` command's flags (hadolint's, with the same meaning, plus ours).
struct LintFlags {
  std::vector<std::string> paths;
  std::string format = "tty";
  std::vector<std::string> ignore, error, warning, info, style;
  bool no_fail = false;
  std::string failure_threshold = "info";
  std::vector<std::string> trusted_registries;
  std::vector<std::string> require_labels;
  bool strict_labels = false;
  bool no_color = false;
  std::string color = "auto";
  std::string target;
  std::string stdin_filename;
  bool no_respect_gitignore = false;
  unsigned jobs = 0;
};

/// One file to lint: where to read it and the name reports use.
struct Input {
  std::string read_path;
  std::string name;
};

/// What linting one input gave: a result, or why the file could not be read.
struct Outcome {
  std::optional<lint::FileResult> result;
  std::string error;
};

/// Lints `inputs` on `jobs` threads; outcomes in input order.
std::vector<Outcome> LintAll(const std::vector<Input>& inputs, const lint::LintOptions& options,
                             unsigned jobs) {
  std::vector<Outcome> outcomes(inputs.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < inputs.size();) {
      base::ReadResult file = base::ReadFile(inputs[i].read_path);
      if (!file.ok()) {
        outcomes[i].error = fmt::format("{}: {}", inputs[i].name, file.error);
        continue;
      }
      outcomes[i].result = lint::LintText(inputs[i].name, std::move(file.text), options);
    }
  };
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(inputs.size())));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
  return outcomes;
}

/// Checks and collects the options; false (after printing why) on a bad value.
bool BuildOptions(const LintFlags& flags, lint::LintOptions& options) {
  for (const std::string& code : flags.ignore) options.selection.ignore.push_back(code);
  // Applied style -> info -> warning -> error, so the highest wins, as in hadolint.
  const std::pair<const std::vector<std::string>*, base::Severity> overrides[] = {
      {&flags.style, base::Severity::kStyle},
      {&flags.info, base::Severity::kInfo},
      {&flags.warning, base::Severity::kWarning},
      {&flags.error, base::Severity::kError}};
  for (const auto& [codes, severity] : overrides) {
    for (const std::string& code : *codes) options.selection.severity[code] = severity;
  }
  options.rules.trusted_registries = flags.trusted_registries;
  for (const std::string& spec : flags.require_labels) {
    const std::size_t colon = spec.find(':');
    rules::LabelRequirement req;
    req.name = spec.substr(0, colon);
    req.type = colon == std::string::npos ? "" : spec.substr(colon + 1);
    if (req.type.empty()) req.type = "text";
    static const std::set<std::string> kTypes = {"text", "url",  "semver", "hash",
                                                 "rfc3339", "spdx", "email"};
    if (req.name.empty() || !kTypes.count(req.type)) {
      PrintError(fmt::format("--require-label {}: expected NAME:TYPE with TYPE one of text, url, "
                             "semver, hash, rfc3339, spdx, email",
                             spec));
      return false;
    }
    options.rules.label_schema.push_back(std::move(req));
  }
  options.rules.strict_labels = flags.strict_labels;
  options.rules.target = flags.target;
  return true;
}

int RunLint(const LintFlags& flags) {
  lint::LintOptions options;
  if (!BuildOptions(flags, options)) return kExitError;
  std::optional<base::Severity> threshold;  // nullopt: never fail on findings
  if (flags.failure_threshold != "none") threshold = base::ParseSeverity(flags.failure_threshold);

  bool tool_error = false;
  // Directories are searched for Dockerfiles; a file named on the command line is linted
  // whatever its name. Each file once, reports sorted by path.
  std::vector<Input> inputs;
  std::set<std::string> seen;
  for (const std::string& path : flags.paths) {
    std::error_code ec;
    if (path != "-" && std::filesystem::is_directory(path, ec)) {
      lint::DiscoverResult found = lint::Discover(path, !flags.no_respect_gitignore);
      for (const std::string& e : found.errors) {
        PrintError(e);
        tool_error = true;
      }
      if (found.files.empty() && found.errors.empty()) {
        WriteAll(STDERR_FILENO, fmt::format("shipshape: warning: no Dockerfiles found in {}\n", path));
      }
      for (std::string& f : found.files) {
        if (seen.insert(f).second) inputs.push_back({f, f});
      }
      continue;
    }
    const std::string name =
        path == "-" ? (flags.stdin_filename.empty() ? "-" : flags.stdin_filename) : path;
    if (path == "-" || seen.insert(path).second) inputs.push_back({path, name});
  }
  std::stable_sort(inputs.begin(), inputs.end(),
                   [](const Input& a, const Input& b) { return a.name < b.name; });
  const unsigned jobs = flags.jobs ? flags.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<Outcome> outcomes = LintAll(inputs, options, jobs);
  std::vector<lint::FileResult> results;
  results.reserve(outcomes.size());
  for (Outcome& o : outcomes) {
    if (!o.error.empty()) {
      PrintError(o.error);
      tool_error = true;
    } else if (o.result) {
      results.push_back(std::move(*o.result));
    }
  }
  bool failing = false;
  for (const lint::FileResult& r : results) {
    for (const base::Diagnostic& d : r.diagnostics) {
      // Syntax errors always fail; findings at or above the threshold do.
      if (d.code.empty() || (threshold && d.severity <= *threshold)) failing = true;
    }
  }
  std::string out;
  if (flags.format == "json") {
    output::WriteJson(out, results);
  } else {
    output::Color color = output::Color::kAuto;
    if (flags.color == "always") color = output::Color::kAlways;
    if (flags.color == "never" || flags.no_color) color = output::Color::kNever;
    output::WriteTty(out, results, output::UseColor(color));
  }
  WriteAll(STDOUT_FILENO, out);
  if (tool_error) return kExitError;
  if (flags.no_fail) return kExitClean;
  return failing ? kExitFindings : kExitClean;
}

int RunParseDump(const std::string& path) {
  base::ReadResult file = base::ReadFile(path);
  if (!file.ok()) {
    PrintError(fmt::format("{}: {}", DisplayPath(path), file.error));
    return kExitError;
  }
  const syntax::Dockerfile df = syntax::Parse(DisplayPath(path), std::move(file.text));
  if (const syntax::SyntaxError* e = df.FirstBuildKitError()) {
    const base::Position p = df.lines().PositionOf(e->range.begin);
    WriteAll(STDERR_FILENO, fmt::format("{}:{}:{}: error: {}\n", df.path(), p.line, p.column,
                                        e->BuildKitText()));
    return kExitFindings;
  }
  std::string out = syntax::Dump(df);
  out += '\n';
  WriteAll(STDOUT_FILENO, out);
  return kExitClean;
}

int RunRules(const std::string& write_docs) {
  if (write_docs.empty()) {
    WriteAll(STDOUT_FILENO, rules::RulesTable());
    return kExitClean;
  }
  std::error_code ec;
  std::filesystem::create_directories(write_docs, ec);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream f(std::filesystem::path(write_docs) / name, std::ios::binary);
    f << text;
    return static_cast<bool>(f);
  };
  bool ok = write("index.md", rules::IndexPage());
  for (const rules::Rule* r : rules::AllRules()) ok = write(std::string(r->code) + ".md", rules::RulePage(*r)) && ok;
  if (!ok) {
    PrintError(fmt::format("cannot write the rule pages in {}", write_docs));
    return kExitError;
  }
  return kExitClean;
}

int RunRule(const std::string& code) {
  const rules::Rule* rule = rules::FindRule(code);
  if (!rule) {
    PrintError(fmt::format("no rule {} (see `shipshape rules`)", code));
    return kExitError;
  }
  WriteAll(STDOUT_FILENO, rules::RulePage(*rule));
  return kExitClean;
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"shipshape: a fast, exact Dockerfile linter, fixer and image auditor", "shipshape"};
  app.set_version_flag("--version", std::string("shipshape ") + SHIPSHAPE_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Without a command, `lint` is assumed: `shipshape Dockerfile` works as `hadolint "
      "Dockerfile` does.");

  LintFlags lint_flags;
  CLI::App* lint = app.add_subcommand("lint", "Lint Dockerfiles (`-` reads standard input)");
  lint->add_option("paths", lint_flags.paths,
                   "Dockerfiles, or directories to search for them (Dockerfile, Containerfile, "
                   "Dockerfile.*, *.Dockerfile, *.dockerfile, *.containerfile)")
      ->required();
  lint->add_option("-f,--format", lint_flags.format, "Output format")
      ->check(CLI::IsMember({"tty", "json"}));
  lint->add_option("--ignore", lint_flags.ignore, "Do not report this rule (repeatable)")
      ->allow_extra_args(false);
  lint->add_option("--error", lint_flags.error, "Report this rule as an error (repeatable)")
      ->allow_extra_args(false);
  lint->add_option("--warning", lint_flags.warning, "Report this rule as a warning")
      ->allow_extra_args(false);
  lint->add_option("--info", lint_flags.info, "Report this rule as info")
      ->allow_extra_args(false);
  lint->add_option("--style", lint_flags.style, "Report this rule as style")
      ->allow_extra_args(false);
  lint->add_flag("--no-fail", lint_flags.no_fail, "Exit 0 even when there are findings");
  lint->add_option("-t,--failure-threshold", lint_flags.failure_threshold,
                   "Exit 1 when a finding is at least this severe (default info; `none`: never "
                   "fail on findings, unlike hadolint where `none` fails on any finding). Syntax "
                   "errors always fail.")
      ->check(CLI::IsMember({"error", "warning", "info", "style", "none"}));
  lint->add_option("--trusted-registry", lint_flags.trusted_registries,
                   "Registry images may come from (enables DL3026; `*`, `*.x.com`, `x*`)")
      ->allow_extra_args(false);
  lint->add_option("--require-label", lint_flags.require_labels,
                   "NAME:TYPE the image must carry (DL3049-DL3058; TYPE text, url, semver, hash, "
                   "rfc3339, spdx or email)")
      ->allow_extra_args(false);
  lint->add_flag("--strict-labels", lint_flags.strict_labels,
                 "Labels outside the required ones are findings (DL3050)");
  lint->add_flag("--no-color", lint_flags.no_color, "No colour in the output");
  lint->add_option("--color", lint_flags.color, "Colour: auto (a terminal without NO_COLOR), "
                                                "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  lint->add_option("--target", lint_flags.target,
                   "The stage the build targets (default: the last stage)");
  lint->add_option("--stdin-filename", lint_flags.stdin_filename,
                   "The name reports give standard input (`-`)");
  lint->add_flag("--no-respect-gitignore", lint_flags.no_respect_gitignore,
                 "In directories, also lint Dockerfiles that .gitignore excludes");
  lint->add_option("-j,--jobs", lint_flags.jobs,
                   "Files linted in parallel (default: the number of cores)")
      ->check(CLI::Range(1u, 1024u));

  std::string parse_path;
  bool dump = false;
  CLI::App* parse = app.add_subcommand(
      "parse", "Parse a Dockerfile and print its tree in BuildKit's dump format");
  parse->add_flag("--dump", dump, "Print BuildKit's parse-tree dump (the default)");
  parse->add_option("path", parse_path, "Dockerfile to parse (`-` reads standard input)")
      ->required();

  std::string write_docs;
  CLI::App* rules_cmd = app.add_subcommand("rules", "List every rule");
  rules_cmd->add_option("--write-docs", write_docs, "Write the rule pages into this folder");

  std::string rule_code;
  CLI::App* rule_cmd = app.add_subcommand("rule", "Print a rule's documentation");
  rule_cmd->add_option("code", rule_code, "Rule code (DL3008) or name")->required();

  // hadolint takes files directly: without a command, lint.
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty()) {
    const std::string& first = args[0];
    const bool command = first == "lint" || first == "parse" || first == "rules" ||
                         first == "rule" || first == "-h" || first == "--help" ||
                         first == "--version";
    if (!command) args.insert(args.begin(), "lint");
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes them reversed
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    PrintError(e.what());
    WriteAll(STDERR_FILENO, "Run `shipshape --help` for usage.\n");
    return kExitError;
  }

  if (lint->parsed()) return RunLint(lint_flags);
  if (parse->parsed()) return RunParseDump(parse_path);
  if (rules_cmd->parsed()) return RunRules(write_docs);
  if (rule_cmd->parsed()) return RunRule(rule_code);
  return kExitError;
}

}  // namespace shipshape::cli
