#include "cli/generate.h"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace shipshape::cli {
namespace {

/// A small program with each kind of flag the generators distinguish.
struct Program {
  CLI::App app{"tool: checks things", "tool"};
  std::vector<std::string> paths, select;
  std::string config, secret, code;
  unsigned jobs = 0;
  bool fix = false;
  GenerateFlags generate;

  Program() {
    app.set_version_flag("--version", "tool 1.0");
    app.footer("Without a command, `check` is assumed.");
    CLI::App* check = app.add_subcommand("check", "Check files (`-` reads standard input)");
    check->add_option("paths", paths, "Files to check")->required();
    check->add_option("-c,--config", config, "A file; a line may start with .dot");
    check->add_option("--select", select, "Rules \\ codes, comma-separated")->delimiter(',');
    check->add_option("-j,--jobs", jobs, "How many")->check(CLI::Range(1u, 64u));
    check->add_flag("--fix", fix, "Fix what `--fix-only` would, caf\xC3\xA9");
    check->add_option("--undocumented", secret, "hidden")->group("");
    CLI::App* show = app.add_subcommand("show", "Show a rule's page");
    show->add_option("code", code, "Rule code")->required();
    AddGenerateCommand(app, generate);
  }
};

const FlagDoc* Find(const std::vector<FlagDoc>& flags, const std::string& name) {
  for (const FlagDoc& f : flags) {
    for (const std::string& l : f.longs) {
      if (l == name) return &f;
    }
    if (f.positional == name) return &f;
  }
  return nullptr;
}

TEST(Generate, DescribeReadsTheApp) {
  Program p;
  const CommandDoc doc = Describe(p.app);
  EXPECT_EQ(doc.name, "tool");
  ASSERT_EQ(doc.subcommands.size(), 2u);  // `generate` is hidden
  EXPECT_EQ(doc.subcommands[0].name, "check");
  EXPECT_EQ(doc.subcommands[1].name, "show");
  const FlagDoc* version = Find(doc.options, "version");
  ASSERT_NE(version, nullptr);
  EXPECT_TRUE(version->exclusive);
  EXPECT_TRUE(version->value.empty());

  const CommandDoc& check = doc.subcommands[0];
  EXPECT_EQ(Find(check.options, "undocumented"), nullptr);  // hidden
  const FlagDoc* config = Find(check.options, "config");
  ASSERT_NE(config, nullptr);
  EXPECT_EQ(config->shorts, std::vector<std::string>{"c"});
  EXPECT_EQ(config->value, "TEXT");
  EXPECT_FALSE(config->repeatable);
  EXPECT_FALSE(config->rule_codes);
  const FlagDoc* select = Find(check.options, "select");
  ASSERT_NE(select, nullptr);
  EXPECT_TRUE(select->repeatable);
  EXPECT_TRUE(select->rule_codes);
  const FlagDoc* jobs = Find(check.options, "jobs");
  ASSERT_NE(jobs, nullptr);
  EXPECT_EQ(jobs->value, "UINT");  // without the validator's "INT in [1 - 64]"
  const FlagDoc* fix = Find(check.options, "fix");
  ASSERT_NE(fix, nullptr);
  EXPECT_TRUE(fix->value.empty());
  ASSERT_EQ(check.positionals.size(), 1u);
  EXPECT_EQ(check.positionals[0].positional, "paths");
  EXPECT_TRUE(check.positionals[0].required);
  EXPECT_TRUE(check.positionals[0].repeatable);
  ASSERT_EQ(doc.subcommands[1].positionals.size(), 1u);
  EXPECT_TRUE(doc.subcommands[1].positionals[0].rule_codes);  // `code`
}

TEST(Generate, ManPageIsEscapedRoff) {
  Program p;
  const std::string man = ManPage(Describe(p.app), "1.0");
  EXPECT_NE(man.find(".TH TOOL 1 \"\" \"tool 1.0\" \"User Commands\"\n"), std::string::npos);
  EXPECT_NE(man.find(".SH NAME\ntool \\- checks things\n"), std::string::npos);
  EXPECT_NE(man.find(".B tool check\n[\\fIOPTIONS\\fR] \\fIpaths\\fR...\n"), std::string::npos);
  EXPECT_NE(man.find(".TP\n\\fB\\-c\\fR, \\fB\\-\\-config\\fR \\fITEXT\\fR\n"), std::string::npos);
  // Backquotes are bold, option dashes minus signs, a backslash \e, non-ASCII an escape.
  EXPECT_NE(man.find("Check files (\\fB\\-\\fR reads standard input)"), std::string::npos);
  EXPECT_NE(man.find("Fix what \\fB\\-\\-fix\\-only\\fR would, caf\\[u00E9]\n"),
            std::string::npos);
  EXPECT_NE(man.find("Rules \\e codes, comma-separated"), std::string::npos);
  EXPECT_EQ(man.find("undocumented"), std::string::npos);
  EXPECT_EQ(man.find("generate KIND"), std::string::npos);
  for (char c : man) EXPECT_LT(static_cast<unsigned char>(c), 0x80);
  // The parent's footer once, under DESCRIPTION, not again under each command.
  const std::string footer = "Without a command, \\fBcheck\\fR is assumed.";
  ASSERT_NE(man.find(footer), std::string::npos);
  EXPECT_EQ(man.find(footer, man.find(footer) + 1), std::string::npos);
}

TEST(Generate, ManPageLineNeverStartsWithAControlCharacter) {
  Program p;
  const std::string man = ManPage(Describe(p.app), "1.0");
  // ".dot" is mid-line in the description; the FILES section's ".shipshape.yaml" starts one.
  EXPECT_NE(man.find(".TP\n\\&.shipshape.yaml\n"), std::string::npos);
}

TEST(Generate, BashCompletion) {
  Program p;
  const std::string bash = BashCompletion(Describe(p.app), {"DL3000", "SP401"});
  EXPECT_NE(bash.find("_tool_codes='DL3000 SP401'"), std::string::npos);
  EXPECT_NE(bash.find("      check|show) cmd="), std::string::npos);
  EXPECT_NE(bash.find("      flags='-h --help -c --config --select -j --jobs --fix'\n"),
            std::string::npos);
  EXPECT_NE(bash.find("      values='-c --config --select -j --jobs'\n"), std::string::npos);
  EXPECT_NE(bash.find("      code_options='--select'\n"), std::string::npos);
  EXPECT_NE(bash.find("complete -o bashdefault -o default -F _tool tool\n"), std::string::npos);
  EXPECT_EQ(bash.find("undocumented"), std::string::npos);
}

TEST(Generate, ZshCompletion) {
  Program p;
  const std::string zsh = ZshCompletion(Describe(p.app), {"DL3000"});
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
  Program p;
  const std::string fish = FishCompletion(Describe(p.app), {"DL3000"});
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
