#include "cli/report_flags.h"

namespace shipshape::cli {

void AddReportFlags(CLI::App& cmd, config::Flags& cf, ReportFlags& flags) {
  cmd.add_option("-f,--format", cf.format,
                 "Output format (repeatable, paired with --output by position): tty, json, "
                 "sarif, checkstyle, codeclimate, gitlab_codeclimate, gnu, junit, github, "
                 "sonarqube, codacy")
      ->allow_extra_args(false);
  cmd.add_option("-o,--output", flags.outputs,
                 "Write the report of the format in the same position to this file "
                 "(repeatable)")
      ->allow_extra_args(false);
  cmd.add_option("--select", flags.select,
                 "Run only these rules: codes, prefixes (DL30, SP4), ALL, names or Docker "
                 "build check names (repeatable or comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_option("--extend-select", cf.extend_select,
                 "Run these rules too (repeatable or comma-separated; also turns on rules off "
                 "by default)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_option("--ignore", cf.ignore, "Do not report this rule (repeatable or comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_option("--error", cf.error, "Report this rule as an error (repeatable or comma-separated)")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_option("--warning", cf.warning, "Report this rule as a warning")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_option("--info", cf.info, "Report this rule as info")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_option("--style", cf.style, "Report this rule as style")
      ->delimiter(',')
      ->allow_extra_args(false);
  cmd.add_flag("--no-fail", flags.no_fail, "Exit 0 even when there are findings");
  cmd.add_option("-t,--failure-threshold", cf.failure_threshold,
                 "Exit 1 when a finding is at least this severe: error, warning, info "
                 "(default), style, or none (never fail on findings; unlike hadolint, where "
                 "`none` fails on any finding). Syntax errors always fail.");
}

void ApplyReportFlags(const CLI::App& cmd, const ReportFlags& flags, config::Flags& cf) {
  if (cmd.count("--select")) cf.select = flags.select;
  if (flags.no_fail) cf.no_fail = true;
}

}  // namespace shipshape::cli
