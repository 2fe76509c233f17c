#include "cli/generate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace shipshape::cli {
namespace {

/// A small program with each kind of flag the generators distinguish, as Describe gives it.
/// (Describe itself walks the real CLI11 app in tests/package/generated_docs_test.sh, which
/// compares the result with --help; keeping CLI11 out of this file keeps the test build fast.)
FlagDoc Flag(std::vector<std::string> shorts, std::vector<std::string> longs, std::string value,
             std::string description) {
  FlagDoc f;
  f.shorts = std::move(shorts);
  f.longs = std::move(longs);
  f.value = std::move(value);
  f.description = std::move(description);
  return f;
}

CommandDoc Program() {
  CommandDoc tool;
  tool.name = "tool";
  tool.description = "tool: checks things";
  tool.footer = "Without a command, `check` is assumed.";
  FlagDoc help = Flag({"h"}, {"help"}, "", "Print this help message and exit");
  help.exclusive = true;
  FlagDoc version = Flag({}, {"version"}, "", "Display program version information and exit");
  version.exclusive = true;
  tool.options = {help, version};

  CommandDoc check;
  check.name = "check";
  check.description = "Check files (`-` reads standard input)";
  check.footer = tool.footer;  // as CLI11 gives it
  FlagDoc paths = Flag({}, {}, "TEXT", "Files to check");
  paths.positional = "paths";
  paths.required = paths.repeatable = true;
  check.positionals = {paths};
  FlagDoc select = Flag({}, {"select"}, "TEXT", "Rules \\ codes, comma-separated");
  select.repeatable = select.rule_codes = true;
  check.options = {help,
                   Flag({"c"}, {"config"}, "TEXT", "A file; a line may start with .dot"),
                   select,
                   Flag({"j"}, {"jobs"}, "UINT", "How many"),
                   Flag({}, {"fix"}, "", "Fix what `--fix-only` would, caf\xC3\xA9")};

  CommandDoc show;
  show.name = "show";
  show.description = "Show a rule's page";
  show.footer = tool.footer;
  FlagDoc code = Flag({}, {}, "TEXT", "Rule code");
  code.positional = "code";
  code.required = code.rule_codes = true;
  show.positionals = {code};
  show.options = {help};
  tool.subcommands = {check, show};
  return tool;
}

TEST(Generate, ManPageIsEscapedRoff) {
  const std::string man = ManPage(Program(), "1.0");
  EXPECT_NE(man.find(".TH TOOL 1 \"\" \"tool 1.0\" \"User Commands\"\n"), std::string::npos);
  EXPECT_NE(man.find(".SH NAME\ntool \\- checks things\n"), std::string::npos);
  EXPECT_NE(man.find(".B tool check\n[\\fIOPTIONS\\fR] \\fIpaths\\fR...\n"), std::string::npos);
  EXPECT_NE(man.find(".TP\n\\fB\\-c\\fR, \\fB\\-\\-config\\fR \\fITEXT\\fR\n"), std::string::npos);
  // Backquotes are bold, option dashes minus signs, a backslash \e, non-ASCII an escape.
  EXPECT_NE(man.find("Check files (\\fB\\-\\fR reads standard input)"), std::string::npos);
  EXPECT_NE(man.find("Fix what \\fB\\-\\-fix\\-only\\fR would, caf\\[u00E9]\n"),
            std::string::npos);
  EXPECT_NE(man.find("Rules \\e codes, comma-separated"), std::string::npos);
  for (char c : man) EXPECT_LT(static_cast<unsigned char>(c), 0x80);
  // The parent's footer once, under DESCRIPTION, not again under each command.
  const std::string footer = "Without a command, \\fBcheck\\fR is assumed.";
  ASSERT_NE(man.find(footer), std::string::npos);
  EXPECT_EQ(man.find(footer, man.find(footer) + 1), std::string::npos);
}

TEST(Generate, ManPageLineNeverStartsWithAControlCharacter) {
  const std::string man = ManPage(Program(), "1.0");
  // ".dot" is mid-line in the description; the FILES section's ".shipshape.yaml" starts one.
  EXPECT_NE(man.find(".TP\n\\&.shipshape.yaml\n"), std::string::npos);
}

TEST(Generate, BashCompletion) {
  const std::string bash = BashCompletion(Program(), {"DL3000", "SP401"});
  EXPECT_NE(bash.find("_tool_codes='DL3000 SP401'"), std::string::npos);
  EXPECT_NE(bash.find("      check|show) cmd="), std::string::npos);
  EXPECT_NE(bash.find("      flags='-h --help -c --config --select -j --jobs --fix'\n"),
            std::string::npos);
  EXPECT_NE(bash.find("      values='-c --config --select -j --jobs'\n"), std::string::npos);
  EXPECT_NE(bash.find("      code_options='--select'\n"), std::string::npos);
  EXPECT_NE(bash.find("complete -o bashdefault -o default -F _tool tool\n"), std::string::npos);
}

TEST(Generate, ZshCompletion) {
  const std::string zsh = ZshCompletion(Program(), {"DL3000"});
  EXPECT_EQ(zsh.rfind("#compdef tool\n", 0), 0u);
  EXPECT_NE(zsh.find("'(-c --config)'{-c,--config}'[A file; a line may start with .dot]:TEXT:_files'"),
            std::string::npos);
  EXPECT_NE(zsh.find("'*--select[Rules \\\\ codes, comma-separated]:TEXT:_tool_codes'"),
            std::string::npos);
  EXPECT_NE(zsh.find("'(-j --jobs)'{-j,--jobs}'[How many]:UINT: '"), std::string::npos);
  EXPECT_NE(zsh.find("'(- *)--version[Display program version information and exit]'"),
            std::string::npos);
  EXPECT_NE(zsh.find("'show:Show a rule'\\''s page'"), std::string::npos);
  EXPECT_NE(zsh.find("':code:_tool_codes'"), std::string::npos);
}

TEST(Generate, FishCompletion) {
  const std::string fish = FishCompletion(Program(), {"DL3000"});
  EXPECT_NE(fish.find("complete -c tool -n 'not __fish_seen_subcommand_from check show' -a "
                      "'show' -d 'Show a rule\\'s page'\n"),
            std::string::npos);
  EXPECT_NE(fish.find("complete -c tool -n '__fish_seen_subcommand_from check' -s c -l config "
                      "-r -F -d"),
            std::string::npos);
  EXPECT_NE(fish.find("-l select -x -a 'DL3000' -d 'Rules \\\\ codes, comma-separated'"),
            std::string::npos);
  EXPECT_NE(fish.find("-s j -l jobs -x -d 'How many'"), std::string::npos);
  EXPECT_NE(fish.find("complete -c tool -n '__fish_seen_subcommand_from show' -x -a 'DL3000'\n"),
            std::string::npos);
}

}  // namespace
}  // namespace shipshape::cli
