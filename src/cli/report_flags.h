// The report and rule-selection flags `lint` and `image` share (-f/--format, -o/--output,
// --select, --extend-select, --ignore, the severity overrides, --no-fail,
// -t/--failure-threshold), defined once so both commands read them the same way.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "config/settings.h"

namespace shipshape::cli {

/// What the shared flags hold beyond config::Flags (which carries their origin).
struct ReportFlags {
  std::vector<std::string> outputs;
  std::vector<std::string> select;
  bool no_fail = false;
};

/// Adds the shared flags to `cmd`, in the order `lint --help` lists them.
void AddReportFlags(CLI::App& cmd, config::Flags& settings, ReportFlags& flags);

/// After parsing: the flags that need to know whether they were given.
void ApplyReportFlags(const CLI::App& cmd, const ReportFlags& flags, config::Flags& settings);

}  // namespace shipshape::cli
