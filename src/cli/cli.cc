#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <set>
#include <span>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/file.h"
#include "cli/generate.h"
#include "cli/image_command.h"
#include "cli/report_flags.h"
#include "cli/pin_command.h"
#include "cli/lsp_command.h"
#include "cli/version.h"
#include "config/for_file.h"
#include "config/load.h"
#include "config/lookup.h"
#include "config/settings.h"
#include "context/build_context.h"
#include "fix/diff.h"
#include "fix/fix.h"
#include "fix/write.h"
#include "lint/baseline.h"
#include "lint/discover.h"
#include "lint/lint.h"
#include "output/formats.h"
#include "output/report.h"
#include "rules/docs.h"
#include "rules/registry.h"
#include "shellcheck/runner.h"
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

/// The `lint` command's flags: hadolint's, with the same meaning, plus ours. Settings that a
/// config file can hold go through config::Flags, so that they carry their origin.
struct LintFlags {
  std::vector<std::string> paths;
  config::Flags settings;
  std::optional<std::string> config_file;
  std::vector<std::string> outputs;
  std::string stdin_filename;
  std::string file_path_in_report;
  /// The build context of every file linted (empty: each Dockerfile's folder; none for stdin).
  std::optional<std::string> context;
  bool no_respect_gitignore = false;
  /// Print the files that would be linted and stop.
  bool list_files = false;
  bool verbose = false;
  /// Apply fixes in place (standard input: print the fixed file).
  bool fix = false;
  /// Unsafe fixes too.
  bool unsafe_fixes = false;
  /// Print a unified diff of the fixes instead of writing them.
  bool diff = false;
  /// Fix, but report nothing that remains; exit 0 unless there is an error (ruff's --fix-only).
  bool fix_only = false;
  /// With --fix-only (or --fix): exit 1 when something was fixed.
  bool exit_non_zero_on_fix = false;
  /// Record every finding in this baseline file instead of reporting them.
  std::optional<std::string> write_baseline;
  unsigned jobs = 0;
};

/// One file to lint: where to read it and the name reports use.
struct Input {
  std::string read_path;
  std::string name;
  /// The settings of the config file that applies to it.
  lint::LintOptions options;
  config::FailureThreshold threshold = config::FailureThreshold::kInfo;
  bool no_fail = false;
  /// Its RUN scripts go through ShellCheck.
  bool shellcheck = false;
  /// The rule set in force, for the tty report's last line (config::DescribeRuleSet).
  std::string rule_set;
};

/// What linting one input gave: a result, or why the file could not be read.
struct Outcome {
  std::optional<lint::FileResult> result;
  std::string error;
  /// Between the passes: the parsed file and its scripts for ShellCheck.
  std::optional<syntax::Dockerfile> parsed;
  std::vector<shellcheck::Script> scripts;
  /// The result's part of each streamed report, formatted on the linting thread.
  std::vector<std::string> rendered;
  /// Findings the baseline hid, and its entries for the file that no longer occur.
  std::size_t baseline_hidden = 0;
  std::size_t baseline_stale = 0;
  /// With --write-baseline: the file's findings as baseline entries, and its syntax errors
  /// (`path:line:col`), which are not recorded.
  std::vector<lint::BaselineEntry> recorded;
  std::vector<std::string> unrecorded;
};

/// The text of `in`: from its build context when a context rule has already read it there (the
/// other Dockerfiles of a folder), else from the file.
base::ReadResult ReadInput(const Input& in) {
  if (const context::BuildContext* c = in.options.rules.context.get()) {
    if (std::optional<std::string> text = c->ReadDockerfileText(in.read_path)) {
      base::ReadResult r;
      r.text = std::move(*text);
      return r;
    }
  }
  return base::ReadFile(in.read_path);
}

/// Runs `work(i)` for every i < count on `jobs` threads.
template <class F>
void ForEach(std::size_t count, unsigned jobs, F work) {
  std::atomic<std::size_t> next{0};
  auto loop = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) work(i);
  };
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(count)));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(loop);
  loop();
  for (std::thread& t : threads) t.join();
}

/// Lints `inputs` on `jobs` threads. Each outcome is `prepare`d on the thread that made it,
/// then handed to `emit` in input order (under a lock) and freed. Files whose scripts go through
/// ShellCheck are parsed first; then every script of every file is checked in batches
/// (`jobs` ShellCheck processes at a time) while the rules run on each file; then each file
/// is finished with ShellCheck's findings (selection, pragmas). `shellcheck_error` says why
/// some scripts could not be checked.
void LintAll(const std::vector<Input>& inputs, unsigned jobs,
             const std::string& shellcheck_binary, std::string& shellcheck_error,
             const std::function<void(std::size_t, Outcome&)>& prepare,
             const std::function<void(std::size_t, Outcome&)>& emit) {
  std::vector<Outcome> outcomes(inputs.size());
  // Outcomes are handed to `emit` in input order as soon as all before them are done, then
  // freed: a run over many files keeps only those finished out of order.
  std::mutex emit_mu;
  std::size_t next_emit = 0;
  std::vector<char> done(inputs.size(), 0);
  auto finished = [&](std::size_t i) {
    if (outcomes[i].result) prepare(i, outcomes[i]);
    std::lock_guard<std::mutex> lock(emit_mu);
    done[i] = 1;
    for (; next_emit < inputs.size() && done[next_emit]; ++next_emit) {
      emit(next_emit, outcomes[next_emit]);
      outcomes[next_emit] = Outcome();
    }
  };
  const bool any_shellcheck =
      !shellcheck_binary.empty() &&
      std::any_of(inputs.begin(), inputs.end(), [](const Input& in) { return in.shellcheck; });
  if (!any_shellcheck) {
    ForEach(inputs.size(), jobs, [&](std::size_t i) {
      base::ReadResult file = ReadInput(inputs[i]);
      if (!file.ok()) {
        outcomes[i].error = fmt::format("{}: {}", inputs[i].name, file.error);
      } else {
        outcomes[i].result =
            lint::LintText(inputs[i].name, std::move(file.text), inputs[i].options);
      }
      finished(i);
    });
    return;
  }

  ForEach(inputs.size(), jobs, [&](std::size_t i) {
    base::ReadResult file = ReadInput(inputs[i]);
    if (!file.ok()) {
      outcomes[i].error = fmt::format("{}: {}", inputs[i].name, file.error);
      return;
    }
    outcomes[i].parsed.emplace(syntax::Parse(inputs[i].name, std::move(file.text)));
    if (inputs[i].shellcheck) {
      outcomes[i].scripts = lint::ShellCheckScripts(*outcomes[i].parsed, inputs[i].options);
    }
  });
  std::vector<const shellcheck::Script*> all;
  for (const Outcome& o : outcomes) {
    for (const shellcheck::Script& s : o.scripts) all.push_back(&s);
  }
  shellcheck::RunOptions run_options;
  run_options.binary = shellcheck_binary;
  run_options.parallel = jobs;
  if (const char* keep = std::getenv("SHIPSHAPE_SHELLCHECK_SCRIPTS")) run_options.keep_dir = keep;
  // ShellCheck's processes run while the rules do.
  shellcheck::RunResult checked;
  std::thread runner([&] { checked = shellcheck::Run(all, run_options); });
  std::vector<std::optional<lint::PartialResult>> partial(outcomes.size());
  ForEach(inputs.size(), jobs, [&](std::size_t i) {
    if (!outcomes[i].parsed) return;
    partial[i].emplace(lint::LintRules(std::move(*outcomes[i].parsed), inputs[i].options));
    outcomes[i].parsed.reset();
  });
  runner.join();
  shellcheck_error = checked.error;
  std::vector<std::vector<base::Diagnostic>> found(outcomes.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    for (const shellcheck::Script& s : outcomes[i].scripts) {
      for (base::Diagnostic& d :
           shellcheck::ToDiagnostics(s, checked.comments[k], checked.gave_up[k])) {
        found[i].push_back(std::move(d));
      }
      ++k;
    }
    outcomes[i].scripts.clear();
  }
  ForEach(inputs.size(), jobs, [&](std::size_t i) {
    if (partial[i]) {
      outcomes[i].result =
          lint::Finish(std::move(*partial[i]), inputs[i].options, std::move(found[i]));
      partial[i].reset();
    }
    finished(i);
  });
}

/// Whether `severity` reaches `threshold` (kNone: nothing does).
bool Reaches(base::Severity severity, config::FailureThreshold threshold) {
  switch (threshold) {
    case config::FailureThreshold::kError: return severity <= base::Severity::kError;
    case config::FailureThreshold::kWarning: return severity <= base::Severity::kWarning;
    case config::FailureThreshold::kInfo: return severity <= base::Severity::kInfo;
    case config::FailureThreshold::kStyle: return true;
    case config::FailureThreshold::kNone: return false;
  }
  return false;
}

/// Prints each config warning once (every Dockerfile under one config file has the same).
class WarningPrinter {
 public:
  void Print(const std::vector<config::Problem>& warnings) {
    for (const config::Problem& w : warnings) {
      std::string text = w.ToString();
      if (seen_.insert(text).second) {
        WriteAll(STDERR_FILENO, fmt::format("shipshape: warning: {}\n", text));
      }
    }
  }

 private:
  std::set<std::string> seen_;
};

/// Lints one text as `lint` does, with its own ShellCheck run (the fix loop lints each pass).
lint::FileResult LintOne(const Input& in, const lint::LintOptions& options, std::string text,
                         const std::string& shellcheck_binary, std::mutex& mu,
                         std::string& shellcheck_error) {
  syntax::Dockerfile df = syntax::Parse(in.name, std::move(text));
  std::vector<base::Diagnostic> found;
  if (in.shellcheck && !shellcheck_binary.empty()) {
    const std::vector<shellcheck::Script> scripts = lint::ShellCheckScripts(df, options);
    std::vector<const shellcheck::Script*> pointers;
    for (const shellcheck::Script& s : scripts) pointers.push_back(&s);
    shellcheck::RunOptions run;
    run.binary = shellcheck_binary;
    const shellcheck::RunResult checked = shellcheck::Run(pointers, run);
    if (!checked.error.empty()) {
      std::lock_guard<std::mutex> lock(mu);
      if (shellcheck_error.empty()) shellcheck_error = checked.error;
    }
    for (std::size_t i = 0; i < scripts.size(); ++i) {
      for (base::Diagnostic& d :
           shellcheck::ToDiagnostics(scripts[i], checked.comments[i], checked.gave_up[i])) {
        found.push_back(std::move(d));
      }
    }
  }
  return lint::LintDockerfile(std::move(df), options, std::move(found));
}

/// A path as messages show it: relative to the current directory when it is under it (a
/// config file's `baseline:` is resolved to an absolute path).
std::string Shown(const std::string& path) {
  const std::filesystem::path p(path);
  if (!p.is_absolute()) return path;
  std::error_code ec;
  const std::filesystem::path rel = p.lexically_relative(std::filesystem::current_path(ec));
  if (ec || rel.empty() || *rel.begin() == "..") return path;
  return rel.string();
}

/// The baseline a run uses: the one read (--baseline, `baseline:`) to hide findings, or the
/// one being written (--write-baseline) with what it held before.
struct BaselineRun {
  /// As messages show it.
  std::string file;
  std::filesystem::path dir;
  /// Read mode: the baseline whose findings are hidden.
  std::optional<lint::Baseline> hide;
  /// Write mode: the file's bytes before (nullopt: it does not exist) and, when they were a
  /// baseline, its entries (those of files outside the run are kept).
  bool write = false;
  std::optional<std::string> old_text;
  std::optional<lint::Baseline> previous;
  /// Each input's name in the baseline, and what the run looks at.
  std::vector<std::string> keys;
  std::optional<lint::BaselineScope> scope;
};

/// Opens the baseline of a run: reads the one to hide findings with, or, for --write-baseline,
/// what the file to write holds. False (the error printed) when it cannot be used.
bool OpenBaseline(const LintFlags& flags, const config::Settings& run, BaselineRun& b) {
  if (flags.write_baseline) {
    if (flags.diff || flags.fix_only) {
      PrintError(
          "--write-baseline records the findings that remain; it does not go with --diff "
          "or --fix-only");
      return false;
    }
    if (flags.write_baseline->empty()) {
      PrintError("--write-baseline: expected a file name");
      return false;
    }
    b.write = true;
    b.file = *flags.write_baseline;
    b.dir = lint::BaselineDir(b.file);
    std::error_code ec;
    if (!std::filesystem::exists(b.file, ec)) return true;
    base::ReadResult old = base::ReadFile(b.file);
    if (!old.ok()) {
      PrintError(fmt::format("{}: cannot read the baseline: {}", b.file, old.error));
      return false;
    }
    b.old_text = std::move(old.text);
    // An empty file (`touch baseline.json`) is a new baseline; anything else must be one, so
    // that its entries can be kept and a mistyped name (`--write-baseline Dockerfile`) does not
    // overwrite some other file.
    if (b.old_text->find_first_not_of(" \t\r\n") == std::string::npos) return true;
    lint::BaselineRead r = lint::ParseBaseline(*b.old_text, b.file, b.dir);
    if (!r.ok()) {
      PrintError(
          fmt::format("{}; --write-baseline replaces only a valid baseline (it keeps the "
                      "entries of files it does not lint): fix the file or delete it",
                      r.error->ToString()));
      return false;
    }
    b.previous = std::move(r.baseline);
    return true;
  }
  if (run.baseline.value.empty()) return true;
  b.file = Shown(run.baseline.value);
  lint::BaselineRead r = lint::ReadBaseline(b.file);
  if (!r.ok()) {
    std::string message = r.error->ToString();
    if (run.baseline.origin.kind == config::Origin::Kind::kFile) {
      message += fmt::format(" (the baseline named at {})", run.baseline.origin.Describe());
    }
    PrintError(message);
    return false;
  }
  b.dir = r.baseline.dir();
  b.hide = std::move(r.baseline);
  return true;
}

int RunLint(const LintFlags& flags) {
  config::Result<config::Layer> cli = config::FromFlags(flags.settings);
  if (!cli) {
    PrintError(cli.error().ToString());
    return kExitError;
  }
  const config::Env env = config::ProcessEnvironment();
  const config::Layer env_layer = config::FromEnvironment(env);
  std::optional<std::filesystem::path> explicit_config;
  if (flags.config_file) explicit_config = *flags.config_file;
  config::Loader loader(config::Roots::From(env), explicit_config);
  WarningPrinter warnings;

  // Run-wide settings (formats, outputs, colour) come from the configuration of the current
  // directory; rule settings, thresholds and pragmas from each Dockerfile's own.
  config::Result<config::Settings> run = loader.SettingsFor("-", env_layer, *cli);
  if (!run) {
    PrintError(run.error().ToString());
    return kExitError;
  }
  warnings.Print(run->warnings);
  if (flags.verbose) {
    WriteAll(STDERR_FILENO, run->file.empty()
                                ? std::string("shipshape: no configuration file; using defaults\n")
                                : fmt::format("shipshape: configuration from {}\n", run->file));
  }
  BaselineRun baseline;
  if (!OpenBaseline(flags, *run, baseline)) return kExitError;

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
        WriteAll(STDERR_FILENO,
                 fmt::format("shipshape: warning: no Dockerfiles found in {}\n", path));
      }
      for (std::string& f : found.files) {
        if (seen.insert(f).second) inputs.push_back({f, f, {}, {}, false, false, {}});
      }
      continue;
    }
    std::string name = path;
    if (path == "-" && !flags.stdin_filename.empty()) name = flags.stdin_filename;
    if (path == "-" || seen.insert(path).second) inputs.push_back({path, name, {}, {}, false, false, {}});
  }
  if (!flags.file_path_in_report.empty()) {
    if (inputs.size() != 1) {
      PrintError("--file-path-in-report names one file; give exactly one Dockerfile");
      return kExitError;
    }
    inputs[0].name = flags.file_path_in_report;
  }
  if (flags.list_files) {
    std::string out;
    for (const Input& in : inputs) fmt::format_to(std::back_inserter(out), "{}\n", in.name);
    WriteAll(STDOUT_FILENO, out);
    return tool_error ? kExitError : kExitClean;
  }
  bool shellcheck_required = false;
  context::ContextCache contexts;
  for (Input& in : inputs) {
    config::Result<config::FileSetup> s = config::SetupFor(
        loader, env_layer, *cli, in.read_path, in.name, flags.context, contexts);
    if (!s) {
      PrintError(s.error().ToString());
      return kExitError;
    }
    warnings.Print(s->warnings);
    in.options = std::move(s->options);
    in.rule_set = std::move(s->rule_set);
    in.threshold = s->threshold;
    in.no_fail = s->no_fail;
    in.shellcheck = s->shellcheck != config::ShellCheck::kNever;
    if (s->shellcheck == config::ShellCheck::kAlways) shellcheck_required = true;
  }
  // ShellCheck: used when installed (`auto`, said once when it is not); `always` without it
  // is an error.
  std::string shellcheck_binary;
  if (std::any_of(inputs.begin(), inputs.end(), [](const Input& in) { return in.shellcheck; })) {
    shellcheck_binary = shellcheck::FindShellCheck();
    if (shellcheck_binary.empty() && shellcheck_required) {
      PrintError(
          "`shellcheck` is not on PATH, and --shellcheck always (or `shellcheck: always` in "
          "the configuration) needs it; install it (Debian: apt-get install shellcheck)");
      return kExitError;
    }
    if (shellcheck_binary.empty()) {
      WriteAll(STDERR_FILENO,
               "shipshape: note: `shellcheck` is not on PATH, so RUN scripts are not checked "
               "with it (install it, or pass --shellcheck never to silence this)\n");
    }
  }
  std::stable_sort(inputs.begin(), inputs.end(),
                   [](const Input& a, const Input& b) { return a.name < b.name; });
  if (baseline.write || baseline.hide) {
    baseline.scope.emplace(baseline.dir);
    for (const std::string& path : flags.paths) {
      std::error_code ec;
      if (path != "-" && std::filesystem::is_directory(path, ec)) {
        baseline.scope->AddDirectory(path);
      }
    }
    for (const Input& in : inputs) {
      baseline.keys.push_back(lint::BaselinePath(baseline.dir, in.name));
      baseline.scope->AddFile(baseline.keys.back());
    }
  }
  const unsigned jobs =
      flags.jobs ? flags.jobs : std::max(1u, std::thread::hardware_concurrency());
  // Formats pair with --output files by position (as hadolint's -f/-o); the rest go to stdout,
  // outputs without a format get tty.
  std::vector<std::string> formats = run->format.value;
  if (formats.empty()) formats.push_back("tty");
  while (formats.size() < flags.outputs.size()) formats.push_back("tty");
  for (const std::string& f : formats) {
    if (!output::IsFormatName(f)) {
      PrintError(fmt::format("unknown format `{}`", f));
      return kExitError;
    }
  }
  output::Color color = output::Color::kAuto;
  if (run->color.value == config::Color::kAlways) color = output::Color::kAlways;
  if (run->color.value == config::Color::kNever || run->no_color.value) {
    color = output::Color::kNever;
  }
  // Each report goes to standard output or its file. tty and json are written file by file as
  // results come in (so memory stays flat over thousands of files); the other formats need
  // every result first.
  struct Report {
    std::string format;
    output::ReportOptions options;
    std::unique_ptr<output::StreamWriter> stream;
    std::string file;  // empty: standard output (standard error when fixing standard input)
    std::ofstream out;
    std::string pending;
  };
  // --write-baseline records the findings instead of reporting them.
  std::vector<Report> reports(baseline.write ? 0 : formats.size());
  bool keep_results = false;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    Report& r = reports[i];
    r.format = formats[i];
    if (i < flags.outputs.size()) r.file = flags.outputs[i];
    r.options.color = r.file.empty() && output::UseColor(color);
    r.stream = output::StreamWriter::Make(r.format, r.options.color);
    if (!r.stream) keep_results = true;
  }
  for (Report& r : reports) {
    if (r.file.empty()) continue;
    r.out.open(r.file, std::ios::binary | std::ios::trunc);
    if (!r.out) {
      PrintError(fmt::format("{}: cannot write the {} report", r.file, r.format));
      return kExitError;
    }
  }
  // `--fix` on standard input prints the fixed file there; reports go to standard error.
  const bool fixed_to_stdout =
      flags.fix && !flags.diff &&
      std::any_of(inputs.begin(), inputs.end(), [](const Input& in) { return in.read_path == "-"; });
  auto flush = [&](Report& r, bool force) {
    if (r.pending.empty() || (!force && r.pending.size() < (1u << 16))) return;
    if (r.file.empty()) {
      WriteAll(fixed_to_stdout ? STDERR_FILENO : STDOUT_FILENO, r.pending);
    } else {
      r.out << r.pending;
    }
    r.pending.clear();
  };

  std::string shellcheck_error;
  std::vector<lint::FileResult> results;
  bool failing = false;
  std::size_t baseline_hidden = 0, baseline_stale = 0;
  std::vector<lint::BaselineEntry> recorded;
  auto prepare = [&](std::size_t i, Outcome& o) {
    lint::FileResult& result = *o.result;
    if (baseline.write) {
      o.recorded = lint::Record(baseline.keys[i], result.dockerfile, result.diagnostics);
      for (const base::Diagnostic& d : result.diagnostics) {
        if (!d.code.empty()) continue;
        const base::Position p = result.dockerfile.lines().PositionOf(d.range.begin);
        o.unrecorded.push_back(fmt::format("{}:{}:{}", result.dockerfile.path(), p.line, p.column));
      }
    } else if (baseline.hide) {
      // Before the exit code and the reports: they see only what the baseline lets through.
      o.baseline_hidden =
          baseline.hide->Filter(baseline.keys[i], result.dockerfile, result.diagnostics);
      o.baseline_stale = baseline.hide->CountFor(baseline.keys[i]) - o.baseline_hidden;
    }
    for (const Report& r : reports) {
      if (r.stream) o.rendered.push_back(r.stream->Render(*o.result));
    }
  };
  auto emit = [&](std::size_t i, Outcome& o) {
    if (!o.error.empty()) {
      PrintError(o.error);
      tool_error = true;
      return;
    }
    if (!o.result) return;
    baseline_hidden += o.baseline_hidden;
    baseline_stale += o.baseline_stale;
    for (lint::BaselineEntry& e : o.recorded) recorded.push_back(std::move(e));
    for (const std::string& at : o.unrecorded) {
      WriteAll(STDERR_FILENO,
               fmt::format("shipshape: warning: {}: syntax error not recorded in the baseline (a "
                           "file BuildKit rejects is always reported)\n",
                           at));
    }
    for (const base::Diagnostic& d : o.result->diagnostics) {
      // Syntax errors always fail (unless --no-fail); findings at or above the threshold do.
      if (!inputs[i].no_fail && (d.code.empty() || Reaches(d.severity, inputs[i].threshold))) {
        failing = true;
      }
    }
    std::size_t k = 0;
    for (Report& r : reports) {
      if (!r.stream) continue;
      r.stream->Append(*o.result, o.rendered[k++], r.pending);
      flush(r, false);
    }
    if (keep_results) results.push_back(std::move(*o.result));
  };
  bool fixed_any = false;
  if (flags.fix || flags.diff) {
    // The fix loop per file (on -j threads), then, in path order: the diff, or the fixed file
    // written (atomically) or printed, and the report of what remains.
    struct Fixed {
      std::string original;
      std::optional<fix::Outcome> outcome;
      std::string error;
    };
    std::vector<Fixed> fixed(inputs.size());
    std::mutex mu;
    const fix::Level level = flags.unsafe_fixes ? fix::Level::kUnsafe : fix::Level::kSafe;
    ForEach(inputs.size(), jobs, [&](std::size_t i) {
      base::ReadResult file = base::ReadFile(inputs[i].read_path);
      if (!file.ok()) {
        fixed[i].error = fmt::format("{}: {}", inputs[i].name, file.error);
        return;
      }
      fixed[i].original = file.text;
      fixed[i].outcome = fix::FixLoop(
          std::move(file.text), level, [&](std::string text, const fix::FileChanges& files) {
            return LintOne(inputs[i], fix::OptionsWith(inputs[i].options, files), std::move(text),
                           shellcheck_binary, mu, shellcheck_error);
          });
    });
    std::size_t total_fixed = 0, files_fixed = 0;
    bool changes = false;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      Fixed& f = fixed[i];
      Outcome o;
      o.error = f.error;
      if (f.outcome) {
        fix::Outcome& out = *f.outcome;
        if (out.reverted) {
          WriteAll(STDERR_FILENO,
                   fmt::format("shipshape: warning: {}: fixes dropped: applying them adds a "
                               "syntax error (please report this)\n",
                               inputs[i].name));
        }
        if (!out.converged) {
          std::string codes;
          for (const std::string& c : out.unstable) codes += (codes.empty() ? "" : ", ") + c;
          WriteAll(STDERR_FILENO,
                   fmt::format("shipshape: warning: {}: fixes failed to converge after {} "
                               "passes ({})\n",
                               inputs[i].name, fix::kMaxPasses, codes));
        }
        std::size_t n = 0;
        for (const auto& [code, count] : out.fixed) n += static_cast<std::size_t>(count);
        const bool changed = out.text != f.original || !out.files.empty();
        if (changed) {
          changes = true;
          fixed_any = true;
          total_fixed += n;
          ++files_fixed;
        }
        if (flags.diff) {
          WriteAll(STDOUT_FILENO, fix::UnifiedDiff(inputs[i].name, f.original, out.text));
        } else if (inputs[i].read_path == "-") {
          WriteAll(STDOUT_FILENO, out.text);
        } else if (out.text != f.original) {
          const std::string error =
              fix::WriteAtomically(inputs[i].read_path, f.original, out.text);
          if (!error.empty()) {
            PrintError(error);
            tool_error = true;
          }
        }
        // Other files the fixes edit (a `.dockerignore`): a diff of their own, or written
        // (created without replacing a file that appeared, or replaced atomically).
        for (const auto& [path, change] : out.files) {
          if (flags.diff) {
            WriteAll(STDOUT_FILENO, fix::UnifiedDiff(path, change.original.value_or(""),
                                                     change.text, !change.original));
            continue;
          }
          // Another Dockerfile of the same context may have made the same change already.
          const base::ReadResult now = base::ReadFile(path);
          if (now.ok() && now.text == change.text) continue;
          const std::string error = change.original
                                        ? fix::WriteAtomically(path, *change.original, change.text)
                                        : fix::CreateExclusively(path, change.text);
          if (!error.empty()) {
            PrintError(error);
            tool_error = true;
          }
        }
        o.result = std::move(*out.remaining);
      }
      f = Fixed();
      if (flags.diff || flags.fix_only) {
        if (!o.error.empty()) {
          PrintError(o.error);
          tool_error = true;
        }
        continue;
      }
      if (o.result) prepare(i, o);
      emit(i, o);
    }
    WriteAll(STDERR_FILENO,
             fmt::format("shipshape: {} {} finding{} in {} file{}\n",
                         flags.diff ? "would fix" : "fixed", total_fixed,
                         total_fixed == 1 ? "" : "s", files_fixed, files_fixed == 1 ? "" : "s"));
    if (flags.diff || flags.fix_only) {
      if (!shellcheck_error.empty()) {
        PrintError(fmt::format("ShellCheck: {}; some RUN scripts were not checked",
                               shellcheck_error));
        tool_error = true;
      }
      if (tool_error) return kExitError;
      if (flags.diff) return changes ? kExitFindings : kExitClean;
      return changes && flags.exit_non_zero_on_fix ? kExitFindings : kExitClean;
    }
  } else {
    LintAll(inputs, jobs, shellcheck_binary, shellcheck_error, prepare, emit);
  }
  if (!shellcheck_error.empty()) {
    PrintError(fmt::format("ShellCheck: {}; some RUN scripts were not checked", shellcheck_error));
    tool_error = true;
  }
  if (baseline.write) {
    if (tool_error) {
      PrintError(fmt::format("{}: baseline not written, as some files could not be linted",
                             baseline.file));
      return kExitError;
    }
    std::set<std::string_view> files;
    for (const lint::BaselineEntry& e : recorded) files.insert(e.path);
    const std::size_t count = recorded.size(), file_count = files.size();
    std::size_t kept = 0;
    if (baseline.previous) {
      for (const lint::BaselineEntry& e : baseline.previous->entries()) {
        if (baseline.scope->Contains(e.path)) continue;
        recorded.push_back(e);
        ++kept;
      }
    }
    const std::string text = lint::FormatBaseline(std::move(recorded));
    std::string error;
    if (!baseline.old_text) {
      error = fix::CreateExclusively(baseline.file, text);
    } else if (*baseline.old_text != text) {
      error = fix::WriteAtomically(baseline.file, *baseline.old_text, text);
    }
    if (!error.empty()) {
      PrintError(error);
      return kExitError;
    }
    WriteAll(
        STDERR_FILENO,
        fmt::format("shipshape: recorded {} finding{} of {} file{} in {}{}\n", count,
                    count == 1 ? "" : "s", file_count, file_count == 1 ? "" : "s", baseline.file,
                    kept ? fmt::format(" (and kept {} of files not linted now)", kept) : ""));
    return fixed_any && flags.exit_non_zero_on_fix ? kExitFindings : kExitClean;
  }
  if (baseline.hide) {
    // Entries of files this run would have linted but did not find (deleted, renamed, now
    // ignored) no longer occur either.
    const std::set<std::string_view> linted(baseline.keys.begin(), baseline.keys.end());
    for (const lint::BaselineEntry& e : baseline.hide->entries()) {
      if (!linted.contains(e.path) && baseline.scope->Contains(e.path)) ++baseline_stale;
    }
    const std::string note =
        output::BaselineSummary(baseline.file, baseline_hidden, baseline_stale);
    for (Report& r : reports) {
      if (r.stream && !note.empty()) r.stream->AddNote(note);
    }
  }
  // The rule set: one line when every file had the same, else where to look.
  std::set<std::string> rule_sets;
  for (const Input& in : inputs) rule_sets.insert(in.rule_set);
  const std::string rule_set_note =
      rule_sets.size() == 1
          ? *rule_sets.begin()
          : fmt::format("Rules: {} configurations; `shipshape config --show PATH` shows a "
                        "file's.",
                        rule_sets.size());
  for (Report& r : reports) {
    if (r.stream) {
      if (!rule_sets.empty()) r.stream->AddNote(rule_set_note + "\n");
      r.stream->Finish(r.pending);
    } else {
      output::WriteReport(r.format, r.pending, results, r.options);
    }
    flush(r, true);
    if (!r.file.empty()) {
      r.out.close();
      if (!r.out) {
        PrintError(fmt::format("{}: cannot write the {} report", r.file, r.format));
        tool_error = true;
      }
    }
  }
  if (tool_error) return kExitError;
  if (fixed_any && flags.exit_non_zero_on_fix) return kExitFindings;
  return failing ? kExitFindings : kExitClean;
}

int RunConfigShow(const std::optional<std::string>& config_file, const std::string& path) {
  const config::Env env = config::ProcessEnvironment();
  std::optional<std::filesystem::path> explicit_config;
  if (config_file) explicit_config = *config_file;
  config::Loader loader(config::Roots::From(env), explicit_config);
  config::Result<config::Settings> s =
      loader.SettingsFor(path, config::FromEnvironment(env), config::Layer{});
  if (!s) {
    PrintError(s.error().ToString());
    return kExitError;
  }
  WarningPrinter().Print(s->warnings);
  WriteAll(STDOUT_FILENO, config::Show(*s));
  return kExitClean;
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
  if (!rule && code.size() == 6 && (code.starts_with("SC") || code.starts_with("sc")) &&
      std::all_of(code.begin() + 2, code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const std::string upper = "SC" + code.substr(2);
    WriteAll(STDOUT_FILENO,
             fmt::format("# {}\n\n{} is ShellCheck's check, reported on RUN scripts when "
                         "`shellcheck` is installed (see `--shellcheck`): "
                         "https://www.shellcheck.net/wiki/{}\n",
                         upper, upper, upper));
    return kExitClean;
  }
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
  app.set_version_flag("--version", VersionText());
  app.require_subcommand(1);
  app.footer(
      "Without a command, `lint` is assumed: `shipshape Dockerfile` works as `hadolint "
      "Dockerfile` does.");

  // hadolint takes files directly: without a command, lint.
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty()) {
    const std::string& first = args[0];
    const bool command = first == "lint" || first == "parse" || first == "rules" ||
                         first == "config" || first == "generate" || first == "image" ||
                         first == "pin" || first == "lsp" || first == "rule" || first == "-h" ||
                         first == "--help" || first == "--version";
    if (!command) args.insert(args.begin(), "lint");
  }
  // Only the command that runs gets its options (CLI11 builds each option at start-up, a
  // third of a small `lint` run's instructions); the others are names and descriptions, for
  // --help. `generate` describes every command, so it builds them all.
  const std::string wanted = args.empty() ? std::string() : args[0];
  auto full = [&](std::string_view name) { return wanted == name || wanted == "generate"; };
  // A command that runs is the only one added (a subcommand costs CLI11 about 15,000
  // instructions), --version needs none; help and `generate` list them all.
  const bool one_command =
      wanted == "--version" || (wanted != "generate" && !wanted.empty() && wanted[0] != '-');
  auto listed = [&](std::string_view name) { return !one_command || wanted == name; };

  LintFlags lint_flags;
  config::Flags& cf = lint_flags.settings;
  bool strict_labels_flag = false;
  bool disable_pragma_flag = false;
  bool no_color_flag = false;
  CLI::App* lint =
      listed("lint") ? app.add_subcommand("lint", "Lint Dockerfiles (`-` reads standard input)")
                     : nullptr;
  ReportFlags report_flags;
  if (full("lint")) {
    // The words after `lint` say which options to build (OptionSet); help and `generate`
    // get all.
    const std::span<const std::string> lint_args =
        wanted == "lint" ? std::span<const std::string>(args).subspan(1)
                         : std::span<const std::string>();
    OptionSet o = wanted == "lint" ? OptionSet(*lint, lint_args) : OptionSet(*lint);
    o.Option("paths", lint_flags.paths,
             "Dockerfiles, or directories to search for them (Dockerfile, Containerfile, "
             "Dockerfile.*, *.Dockerfile, *.dockerfile, *.containerfile)")
        ->required();
    o.Option("-c,--config", lint_flags.config_file,
             "Configuration file (no lookup then; a name containing `hadolint` is read as "
             "hadolint's)");
    AddReportFlags(o, cf, report_flags);
    if (CLI::Option* x = o.Option("--trusted-registry", cf.trusted_registries,
                                  "Registry images may come from (enables DL3026; `*`, "
                                  "`*.x.com`, `x*`)")) {
      x->allow_extra_args(false);
    }
    if (CLI::Option* x = o.Option("--require-label", cf.require_labels,
                                  "NAME:TYPE the image must carry (DL3049-DL3058; TYPE text, "
                                  "url, semver, hash, rfc3339, spdx or email)")) {
      x->allow_extra_args(false);
    }
    o.Flag("--strict-labels", strict_labels_flag,
           "Labels outside the required ones are findings (DL3050)");
    o.Flag("--disable-ignore-pragma", disable_pragma_flag,
           "Inline `ignore=` pragmas (shipshape's and hadolint's) suppress nothing");
    o.Flag("--no-color", no_color_flag, "No colour in the output");
    o.Option("--color", cf.color, "Colour: auto (a terminal without NO_COLOR), always or never");
    o.Option("--target", cf.target, "The stage the build targets (default: the last stage)");
    o.Option("--stdin-filename", lint_flags.stdin_filename,
             "The name reports give standard input (`-`); config lookup and per-path settings "
             "use it too");
    o.Option("--file-path-in-report", lint_flags.file_path_in_report,
             "The name reports give the (single) linted file");
    o.Option("--context", lint_flags.context,
             "The build context folder for the SP3xx rules (default: each Dockerfile's folder; "
             "standard input has none unless given)");
    o.Flag("--no-respect-gitignore", lint_flags.no_respect_gitignore,
           "In directories, also lint Dockerfiles that .gitignore excludes");
    o.Flag("--list-files", lint_flags.list_files,
           "Print the files that would be linted (directories searched as for linting), one per "
           "line, and lint nothing");
    o.Option("--shellcheck", cf.shellcheck,
             "Check RUN scripts with ShellCheck: auto (when `shellcheck` is on PATH; the "
             "default), always (an error without it) or never");
    if (CLI::Option* x = o.Option("-j,--jobs", lint_flags.jobs,
                                  "Files linted in parallel (default: the number of cores)")) {
      x->check(CLI::Range(1u, 1024u));
    }
    o.Flag("-V,--verbose", lint_flags.verbose, "Say which configuration file is used");
    o.Flag("--fix", lint_flags.fix,
           "Apply safe fixes in place (written atomically), then report what remains; with `-`, "
           "print the fixed file on stdout and the report on stderr");
    o.Flag("--unsafe-fixes", lint_flags.unsafe_fixes,
           "With --fix or --diff, apply unsafe fixes too (they may change behaviour)");
    o.Flag("--diff", lint_flags.diff,
           "Print the fixes as a unified diff (git apply, patch -p1) and write nothing; exit 1 "
           "when there is something to fix");
    o.Flag("--fix-only", lint_flags.fix_only,
           "Apply fixes like --fix but report nothing that remains; exit 0 unless there is an "
           "error (with `-`, print the fixed file on stdout)");
    o.Flag("--exit-non-zero-on-fix", lint_flags.exit_non_zero_on_fix,
           "With --fix or --fix-only, exit 1 when a file was fixed, even if nothing remains");
    // --no-baseline excludes --baseline: both are built when either is named.
    if (o.Wants("--baseline") || o.Wants("--no-baseline")) {
      OptionSet every(*lint);
      CLI::Option* baseline_option =
          every.Option("--baseline", cf.baseline,
                       "Do not report the findings recorded in this baseline file (made by "
                       "--write-baseline); the summary counts those that no longer occur. A "
                       "missing or invalid file is an error");
      every
          .Flag("--no-baseline", cf.no_baseline,
                "Report every finding, even with `baseline:` in the configuration")
          ->excludes(baseline_option);
    }
    o.Option("--write-baseline", lint_flags.write_baseline,
             "Record every finding in this baseline file (JSON, paths relative to its folder; "
             "entries of files not linted are kept) instead of reporting them; exit 0 unless "
             "there is an error");
  }

  std::optional<std::string> show_config_file;
  std::string show_path = "-";
  bool show = false;
  CLI::App* config_cmd =
      listed("config") ? app.add_subcommand("config", "Show the effective configuration") : nullptr;
  if (full("config")) {
    config_cmd->add_flag("--show", show,
                         "Print every setting and where it came from (the default)");
    config_cmd->add_option("-c,--config", show_config_file, "Configuration file (no lookup then)");
    config_cmd->add_option(
        "path", show_path, "The Dockerfile whose settings to show (default: the current directory)");
  }

  std::string parse_path;
  bool dump = false;
  CLI::App* parse =
      listed("parse")
          ? app.add_subcommand("parse",
                               "Parse a Dockerfile and print its tree in BuildKit's dump format")
          : nullptr;
  if (full("parse")) {
    parse->add_flag("--dump", dump, "Print BuildKit's parse-tree dump (the default)");
    parse->add_option("path", parse_path, "Dockerfile to parse (`-` reads standard input)")
        ->required();
  }

  std::string write_docs;
  CLI::App* rules_cmd = listed("rules") ? app.add_subcommand("rules", "List every rule") : nullptr;
  if (full("rules")) {
    rules_cmd->add_option("--write-docs", write_docs, "Write the rule pages into this folder");
  }

  std::string rule_code;
  CLI::App* rule_cmd =
      listed("rule") ? app.add_subcommand("rule", "Print a rule's documentation") : nullptr;
  if (full("rule")) {
    rule_cmd->add_option("code", rule_code, "Rule code (DL3008) or name")->required();
  }

  GenerateFlags generate_flags;
  CLI::App* generate_cmd =
      listed("generate") ? AddGenerateCommand(app, generate_flags, full("generate")) : nullptr;

  ImageFlags image_flags;
  CLI::App* image_cmd = listed("image") ? AddImageCommand(app, image_flags, full("image")) : nullptr;
  PinFlags pin_flags;
  CLI::App* pin_cmd = listed("pin") ? AddPinCommand(app, pin_flags, full("pin")) : nullptr;
  LspFlags lsp_flags;
  CLI::App* lsp_cmd = listed("lsp") ? AddLspCommand(app, lsp_flags, full("lsp")) : nullptr;

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

  if (lint && lint->parsed()) {
    ApplyReportFlags(report_flags, cf);
    lint_flags.outputs = report_flags.outputs;
    if (no_color_flag) cf.no_color = true;
    if (strict_labels_flag) cf.strict_labels = true;
    if (disable_pragma_flag) cf.disable_ignore_pragma = true;
    if (lint_flags.fix_only) lint_flags.fix = true;
    return RunLint(lint_flags);
  }
  if (config_cmd && config_cmd->parsed()) return RunConfigShow(show_config_file, show_path);
  if (parse && parse->parsed()) return RunParseDump(parse_path);
  if (rules_cmd && rules_cmd->parsed()) return RunRules(write_docs);
  if (rule_cmd && rule_cmd->parsed()) return RunRule(rule_code);
  if (generate_cmd && generate_cmd->parsed()) return RunGenerate(app, generate_flags);
  if (image_cmd && image_cmd->parsed()) return RunImage(image_flags);
  if (pin_cmd && pin_cmd->parsed()) return RunPin(pin_flags);
  if (lsp_cmd && lsp_cmd->parsed()) return RunLsp(lsp_flags);
  return kExitError;
}

}  // namespace shipshape::cli
