#include "cli/cli.h"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "base/file.h"
#include "lint/lint.h"
#include "output/text.h"
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

int RunLint(const std::vector<std::string>& paths) {
  int exit_code = kExitClean;
  bool tool_error = false;
  std::string out;
  for (const std::string& path : paths) {
    base::ReadResult file = base::ReadFile(path);
    if (!file.ok()) {
      PrintError(fmt::format("{}: {}", DisplayPath(path), file.error));
      tool_error = true;
      continue;
    }
    lint::FileResult result = lint::LintText(DisplayPath(path), std::move(file.text));
    if (!result.diagnostics.empty()) exit_code = kExitFindings;
    output::WriteText(out, result.dockerfile, result.diagnostics);
    if (out.size() > (1u << 16)) {
      WriteAll(STDOUT_FILENO, out);
      out.clear();
    }
  }
  WriteAll(STDOUT_FILENO, out);
  return tool_error ? kExitError : exit_code;
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
    WriteAll(STDERR_FILENO,
             fmt::format("{}:{}:{}: error: {}\n", df.path(), p.line, p.column, e->BuildKitText()));
    return kExitFindings;
  }
  std::string out = syntax::Dump(df);
  out += '\n';
  WriteAll(STDOUT_FILENO, out);
  return kExitClean;
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"shipshape: a fast, exact Dockerfile linter, fixer and image auditor", "shipshape"};
  app.set_version_flag("--version", std::string("shipshape ") + SHIPSHAPE_VERSION);
  app.require_subcommand(1);

  std::vector<std::string> lint_paths;
  CLI::App* lint = app.add_subcommand("lint", "Lint Dockerfiles (`-` reads standard input)");
  lint->add_option("paths", lint_paths, "Dockerfiles to lint")->required();

  std::string parse_path;
  bool dump = false;
  CLI::App* parse = app.add_subcommand(
      "parse", "Parse a Dockerfile and print its tree in BuildKit's dump format");
  parse->add_flag("--dump", dump, "Print BuildKit's parse-tree dump (the default)");
  parse->add_option("path", parse_path, "Dockerfile to parse (`-` reads standard input)")
      ->required();

  try {
    app.parse(argc, argv);
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

  if (lint->parsed()) return RunLint(lint_paths);
  if (parse->parsed()) return RunParseDump(parse_path);
  return kExitError;
}

}  // namespace shipshape::cli
