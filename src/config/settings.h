// The effective configuration: one Settings struct where every value remembers where it came
// from, built by stacking partial Layers (defaults < config file < HADOLINT_* environment <
// command line). Nothing here throws; fallible steps return a Result.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/diagnostic.h"
#include "lint/lint.h"
#include "rules/rule.h"

namespace shipshape::config {

/// Where a value came from.
struct Origin {
  enum class Kind : unsigned char { kDefault, kFile, kEnvironment, kCommandLine };
  Kind kind = Kind::kDefault;
  /// The config file's path, the environment variable's name or the flag (`--ignore`).
  std::string source;
  /// 1-based position in the file; 0 when unknown or not a file.
  int line = 0;
  int column = 0;

  static Origin File(std::string path, int line, int column) {
    return {Kind::kFile, std::move(path), line, column};
  }
  static Origin Environment(std::string name) { return {Kind::kEnvironment, std::move(name)}; }
  static Origin CommandLine(std::string flag) { return {Kind::kCommandLine, std::move(flag)}; }

  /// `default`, `path:line:col`, `environment HADOLINT_IGNORE`, `command line --ignore`.
  std::string Describe() const;
};

/// A value and its origin.
template <class T>
struct Sourced {
  T value{};
  Origin origin = {};
};

/// Something wrong with a setting: where, which key, what. Used for errors and warnings.
struct Problem {
  /// File path, environment variable name or `command line`.
  std::string source;
  /// 1-based; 0 when unknown (environment, command line, a file that cannot be read).
  int line = 0;
  int column = 0;
  /// The key path (`per-path[1].ignore[0]`, `severity.DL3008`); empty for the whole file.
  std::string key;
  std::string message;

  /// `path:line:col: key: message` (parts that are unknown are left out).
  std::string ToString() const;
};

/// A value or the problem that prevented it (the config module's expected-like type).
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                  // NOLINT: implicit by design
  Result(Problem problem) : v_(std::move(problem)) {}        // NOLINT: implicit by design
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Problem& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Problem> v_;
};

/// When findings make the exit code 1. kNone: never (shipshape's meaning; hadolint's `none`
/// and `ignore` mean "any finding" and are read as kStyle from hadolint's files).
enum class FailureThreshold : unsigned char { kError, kWarning, kInfo, kStyle, kNone };
/// `--color`.
enum class Color : unsigned char { kAuto, kAlways, kNever };
/// Whether RUN scripts go through ShellCheck.
enum class ShellCheck : unsigned char { kAuto, kAlways, kNever };

std::string_view FailureThresholdName(FailureThreshold t);
std::optional<FailureThreshold> ParseFailureThreshold(std::string_view name);
std::string_view ColorName(Color c);
std::optional<Color> ParseColor(std::string_view name);
std::string_view ShellCheckName(ShellCheck s);
std::optional<ShellCheck> ParseShellCheck(std::string_view name);
/// The output format names accepted in `format` (hadolint's plus shipshape's).
std::span<const std::string_view> KnownFormats();
/// The label types of the label schema (text, url, semver, hash, rfc3339, spdx, email).
std::span<const std::string_view> LabelTypes();

/// Settings for the Dockerfiles whose path matches a glob (`per-path` in .shipshape.yaml).
struct PathOverride {
  /// Globs (`*`, `**`, `?`, `[...]`). A glob without `/` matches the file name at any depth;
  /// otherwise the path relative to `base_dir` (or the absolute path, for an absolute glob).
  std::vector<Sourced<std::string>> paths;
  /// The directory of the config file that holds the override.
  std::filesystem::path base_dir;
  /// Replaces the rule selection when set.
  std::optional<std::vector<Sourced<std::string>>> select;
  std::vector<Sourced<std::string>> extend_select;
  std::vector<Sourced<std::string>> ignore;
  std::map<std::string, Sourced<base::Severity>> severity;
  Origin origin;
};

/// One source of settings: a config file, the environment, the command line. Unset values
/// leave the lower layers' values in place; see Resolve for how lists combine.
struct Layer {
  std::optional<std::vector<Sourced<std::string>>> select;
  std::vector<Sourced<std::string>> extend_select;
  std::vector<Sourced<std::string>> ignore;
  std::map<std::string, Sourced<base::Severity>> severity;
  std::optional<Sourced<FailureThreshold>> failure_threshold;
  std::optional<Sourced<bool>> no_fail;
  std::optional<Sourced<bool>> no_color;
  std::optional<Sourced<Color>> color;
  std::optional<Sourced<std::vector<std::string>>> format;
  std::vector<Sourced<std::string>> trusted_registries;
  std::vector<Sourced<rules::LabelRequirement>> label_schema;
  std::optional<Sourced<bool>> strict_labels;
  std::optional<Sourced<bool>> disable_ignore_pragma;
  std::optional<Sourced<ShellCheck>> shellcheck;
  std::optional<Sourced<std::string>> context;
  std::optional<Sourced<std::string>> target;
  std::optional<Sourced<std::string>> baseline;
  std::vector<PathOverride> per_path;
  /// The config file this layer was read from (empty for other layers).
  std::string file;
  /// The file is hadolint's (`.hadolint.yaml`): hadolint's default rule set applies.
  bool hadolint_file = false;
  /// Problems that do not stop linting (unknown keys or codes in hadolint's files, invalid
  /// HADOLINT_* values hadolint would drop). The CLI prints them as warnings.
  std::vector<Problem> warnings;
};

/// Every effective setting with its origin.
struct Settings {
  /// Empty: the default rule set.
  std::vector<Sourced<std::string>> select;
  std::vector<Sourced<std::string>> extend_select;
  std::vector<Sourced<std::string>> ignore;
  std::map<std::string, Sourced<base::Severity>> severity;
  Sourced<FailureThreshold> failure_threshold{FailureThreshold::kInfo};
  Sourced<bool> no_fail{false};
  Sourced<bool> no_color{false};
  Sourced<Color> color{Color::kAuto};
  Sourced<std::vector<std::string>> format{{"tty"}};
  std::vector<Sourced<std::string>> trusted_registries;
  std::vector<Sourced<rules::LabelRequirement>> label_schema;
  Sourced<bool> strict_labels{false};
  Sourced<bool> disable_ignore_pragma{false};
  Sourced<ShellCheck> shellcheck{ShellCheck::kAuto};
  /// The build context directory; empty: none given.
  Sourced<std::string> context;
  /// The build target stage; empty: the last stage.
  Sourced<std::string> target;
  /// The baseline file (lint/baseline.h) whose findings are not reported; empty: none. From a
  /// config file, relative to its directory.
  Sourced<std::string> baseline;
  std::vector<PathOverride> per_path;
  /// The config file in use (empty: none).
  std::string file;
  /// That file is hadolint's: rules hadolint has off by default (DL3057) are off too, so a
  /// project moving from hadolint gets hadolint's DL findings.
  bool hadolint_defaults = false;
  /// Relative Dockerfile paths given to OptionsFor are taken from here (empty: the process's).
  std::filesystem::path cwd;
  /// The layers' warnings, in layer order.
  std::vector<Problem> warnings;
};

/// Stacks `layers` (lowest first) on the defaults. Scalars: the highest layer that sets one
/// wins. `select` and `format`: replaced by the highest layer that sets them. `ignore`,
/// `extend-select`, `trusted-registries`: appended (duplicates dropped, the first kept).
/// `severity` and `label-schema`: merged per selector / label name, the higher layer winning.
/// `per-path`: appended.
Settings Resolve(std::span<const Layer> layers);

/// The lint options for one Dockerfile: the settings plus every matching per-path override,
/// in order (their `ignore`/`extend-select` appended, `select` replacing, `severity` merged).
lint::LintOptions OptionsFor(const Settings& settings, std::string_view dockerfile_path);

/// One line for the end of the tty report naming the rule set in force (the default set,
/// hadolint's under a `.hadolint.yaml`, or the selectors, with the configuration file) and,
/// unless a selector turns the advisory rules on (`hardened`, `ALL`), how to see them.
std::string DescribeRuleSet(const Settings& settings);

/// Every effective setting and where it came from, one per line (`key = value  # origin`),
/// list elements one per line, in a fixed order.
std::string Show(const Settings& settings);

/// The command line's settings as plain values (what CLI11 fills); unset = not given.
struct Flags {
  std::optional<std::vector<std::string>> select;
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  /// `--error/--warning/--info/--style CODE`; a code in several lists gets the most severe.
  std::vector<std::string> error, warning, info, style;
  std::optional<std::string> failure_threshold;
  std::optional<bool> no_fail;
  std::optional<bool> no_color;
  std::optional<std::string> color;
  std::vector<std::string> format;
  std::vector<std::string> trusted_registries;
  /// `NAME:TYPE` (an empty or missing TYPE means text), as hadolint's `--require-label`.
  std::vector<std::string> require_labels;
  std::optional<bool> strict_labels;
  std::optional<bool> disable_ignore_pragma;
  std::optional<std::string> shellcheck;
  std::optional<std::string> context;
  std::optional<std::string> target;
  /// `--baseline FILE`.
  std::optional<std::string> baseline;
  /// `--no-baseline`: no baseline, whatever the config file says.
  bool no_baseline = false;
};

/// Checks `flags` (selectors, levels, label specs) and turns them into the command-line layer.
Result<Layer> FromFlags(const Flags& flags);

}  // namespace shipshape::config
