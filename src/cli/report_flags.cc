#include "cli/report_flags.h"

namespace shipshape::cli {
namespace {

// A repeatable option takes one value per occurrence (`-f json -f sarif`), so that the values
// cannot swallow the paths after them; the rule lists also split at commas.
void Repeatable(CLI::Option* o) {
  if (o) o->allow_extra_args(false);
}
void CommaList(CLI::Option* o) {
  if (o) o->delimiter(',')->allow_extra_args(false);
}

}  // namespace

void AddReportFlags(OptionSet& cmd, config::Flags& cf, ReportFlags& flags) {
  Repeatable(cmd.Option("-f,--format", cf.format,
                        "Output format (repeatable, paired with --output by position): tty, "
                        "json, sarif, checkstyle, codeclimate, gitlab_codeclimate, gnu, junit, "
                        "github, sonarqube, codacy"));
  Repeatable(cmd.Option("-o,--output", flags.outputs,
                        "Write the report of the format in the same position to this file "
                        "(repeatable)"));
  flags.select_option = cmd.Option("--select", flags.select,
                                   "Run only these rules: codes, prefixes (DL30, SP4), ALL, names "
                                   "or Docker build check names (repeatable or comma-separated)");
  CommaList(flags.select_option);
  CommaList(cmd.Option("--extend-select", cf.extend_select,
                       "Run these rules too (repeatable or comma-separated; also turns on rules "
                       "off by default)"));
  CommaList(
      cmd.Option("--ignore", cf.ignore, "Do not report this rule (repeatable or comma-separated)"));
  CommaList(cmd.Option("--error", cf.error,
                       "Report this rule as an error (repeatable or comma-separated)"));
  CommaList(cmd.Option("--warning", cf.warning, "Report this rule as a warning"));
  CommaList(cmd.Option("--info", cf.info, "Report this rule as info"));
  CommaList(cmd.Option("--style", cf.style, "Report this rule as style"));
  cmd.Flag("--no-fail", flags.no_fail, "Exit 0 even when there are findings");
  cmd.Option("-t,--failure-threshold", cf.failure_threshold,
             "Exit 1 when a finding is at least this severe: error, warning, info (default), "
             "style, or none (never fail on findings; unlike hadolint, where `none` fails on any "
             "finding). Syntax errors always fail.");
}

void ApplyReportFlags(const ReportFlags& flags, config::Flags& cf) {
  if (flags.select_option && flags.select_option->count() > 0) cf.select = flags.select;
  if (flags.no_fail) cf.no_fail = true;
}

}  // namespace shipshape::cli
