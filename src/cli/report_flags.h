// The report and rule-selection flags `lint` and `image` share (-f/--format, -o/--output,
// --select, --extend-select, --ignore, the severity overrides, --no-fail,
// -t/--failure-threshold), defined once so both commands read them the same way.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/option_set.h"
#include "config/settings.h"

namespace shipshape::cli {

/// What the shared flags hold beyond config::Flags (which carries their origin).
struct ReportFlags {
  std::vector<std::string> outputs;
  std::vector<std::string> select;
  bool no_fail = false;
  /// --select, when the command line can name it (see OptionSet).
  CLI::Option* select_option = nullptr;
};

/// Adds the shared flags to `cmd` (those it wants), in the order `lint --help` lists them.
void AddReportFlags(OptionSet& cmd, config::Flags& settings, ReportFlags& flags);

/// After parsing: the flags that need to know whether they were given.
void ApplyReportFlags(const ReportFlags& flags, config::Flags& settings);

}  // namespace shipshape::cli
