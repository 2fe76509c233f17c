// Output formats. Each takes the linted files with their findings and appends text to `out`;
// positions become 1-based lines and code-point columns only here.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/lint.h"

namespace shipshape::output {

/// Colour use: never, always, or when stdout is a terminal and NO_COLOR is unset.
enum class Color { kNever, kAlways, kAuto };

/// Resolves kAuto against the environment (TTY, NO_COLOR, TERM=dumb).
bool UseColor(Color color);

/// The human format: `path:line:col: severity[CODE]: message`, the source line with the range
/// underlined, the fix as a hint; then a summary line.
void WriteTty(std::string& out, const std::vector<lint::FileResult>& files, bool color);

/// hadolint's JSON (code, column, file, level, line, message) plus endLine, endColumn (exclusive)
/// and fix; one array over all files. Syntax errors have code DL1000, as in hadolint.
void WriteJson(std::string& out, const std::vector<lint::FileResult>& files);

/// Appends `s` as a JSON string, byte for byte as nlohmann::json's dump writes it (invalid
/// UTF-8 replaced by U+FFFD).
void AppendJsonString(std::string& out, std::string_view s);

/// A report written file by file, so that a run over many files need not keep them all: `Add`
/// each file in report order, then `Finish`. The output is the same as the Write function's.
class StreamWriter {
 public:
  /// The writer of `format` (tty or json), or null for a format that needs every file before
  /// it can write (SARIF's rule table, JUnit's totals, ...).
  static std::unique_ptr<StreamWriter> Make(std::string_view format, bool color);
  virtual ~StreamWriter() = default;
  /// The file's part of the report. Safe to call on several threads at once (for different
  /// files), so that the work of formatting is spread over the linting threads.
  virtual std::string Render(const lint::FileResult& file) const = 0;
  /// Appends a part Render gave, files in report order.
  virtual void Append(const lint::FileResult& file, std::string_view rendered, std::string& out) = 0;
  void Add(const lint::FileResult& file, std::string& out) { Append(file, Render(file), out); }
  /// A line (with its line break) for the end of the summary: what a baseline hid
  /// (`BaselineSummary`), the rule set in force; only the tty format has a summary, the others
  /// ignore it.
  virtual void AddNote(std::string note) { (void)note; }
  virtual void Finish(std::string& out) = 0;
};

/// The tty summary's line about a baseline: how many findings it hid and how many of its
/// entries no longer occur (`stale`), with how to prune them; empty when both are 0.
std::string BaselineSummary(std::string_view file, std::size_t hidden, std::size_t stale);

}  // namespace shipshape::output
