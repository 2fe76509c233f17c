#include "lint/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model/model.h"
#include "rules/registry.h"
#include "syntax/parser.h"

namespace shipshape::lint {
namespace {

const rules::Rule& R(std::string_view code) {
  const rules::Rule* r = rules::FindRule(code);
  EXPECT_NE(r, nullptr) << code;
  return *r;
}

TEST(Selection, DefaultsAndSeverityOverridesAsHadolint) {
  Selection s;
  EXPECT_TRUE(s.Enabled(R("DL3008")));
  EXPECT_TRUE(s.Enabled(R("DL3057")));  // on, for services at style (off in hadolint)
  EXPECT_FALSE(s.Enabled(R("SP508")));  // advice: the `hardened` preset
  EXPECT_FALSE(s.Enabled(R("DL1001")));  // off by default
  // A prefix override changes severities but turns nothing on.
  s.severity["DL1"] = base::Severity::kError;
  EXPECT_FALSE(s.Enabled(R("DL1001")));
  s.severity["DL1001"] = base::Severity::kInfo;
  EXPECT_TRUE(s.Enabled(R("DL1001")));
  EXPECT_EQ(s.SeverityOf(R("DL1001")), base::Severity::kInfo);  // the exact code wins
  EXPECT_EQ(s.SeverityOf(R("DL3008")), base::Severity::kWarning);
  s.severity["DL30"] = base::Severity::kStyle;
  EXPECT_EQ(s.SeverityOf(R("DL3008")), base::Severity::kStyle);
}

TEST(Selection, HadolintsDefaultSetLeavesOutDL3057) {
  Selection s;
  s.hadolint_defaults = true;
  EXPECT_FALSE(s.Enabled(R("DL3057")));
  EXPECT_TRUE(s.Enabled(R("DL3008")));
  EXPECT_TRUE(s.Enabled(R("SP701")));
  s.severity["DL3057"] = base::Severity::kInfo;  // `override: {info: [DL3057]}`
  EXPECT_TRUE(s.Enabled(R("DL3057")));
  s = Selection{};
  s.hadolint_defaults = true;
  s.extend_select = {"DL3057"};
  EXPECT_TRUE(s.Enabled(R("DL3057")));
}

TEST(Selection, SelectIgnoreAndSpecificity) {
  Selection s;
  s.select = {"DL40"};
  EXPECT_TRUE(s.Enabled(R("DL4006")));
  EXPECT_FALSE(s.Enabled(R("DL3008")));
  s.extend_select = {"apt-get-unpinned-package"};
  EXPECT_TRUE(s.Enabled(R("DL3008")));
  s.ignore = {"DL4"};
  EXPECT_TRUE(s.Enabled(R("DL4006")));  // DL40 is more specific than DL4
  s.ignore = {"DL40"};
  EXPECT_FALSE(s.Enabled(R("DL4006")));  // a tie goes to ignore
  s.ignore = {"DL4006"};
  EXPECT_FALSE(s.Enabled(R("DL4006")));  // exact ignore beats a prefix select
  EXPECT_TRUE(s.Enabled(R("DL4001")));
  s = Selection{};
  s.select = {"DL4006"};
  s.ignore = {"DL"};
  EXPECT_TRUE(s.Enabled(R("DL4006")));  // exact select beats a prefix ignore
  s = Selection{};
  s.select = {"ALL"};
  EXPECT_TRUE(s.Enabled(R("SP208")));
  EXPECT_TRUE(s.Enabled(R("DL1001")));
}

TEST(Selection, BuildKitNamesAreAliases) {
  Selection s;
  s.ignore = {"MultipleInstructionsDisallowed"};
  EXPECT_FALSE(s.Enabled(R("DL4003")));
  EXPECT_FALSE(s.Enabled(R("DL4004")));
  EXPECT_FALSE(s.Enabled(R("DL3012")));
  EXPECT_TRUE(s.Enabled(R("DL4000")));
  EXPECT_EQ(rules::FindRule("maintainerdeprecated"), &R("DL4000"));
  EXPECT_EQ(rules::FindRule("MultipleInstructionsDisallowed"), nullptr);  // ambiguous
}

TEST(Selection, ABuildKitNameAloneAsksForBuildKitsCheck) {
  Selection s;
  EXPECT_FALSE(s.AsBuildKitCheck(R("DL3025")));  // the default set: hadolint's reading
  s.select = {"JSONArgsRecommended"};
  EXPECT_TRUE(s.AsBuildKitCheck(R("DL3025")));
  EXPECT_FALSE(s.AsBuildKitCheck(R("DL3008")));  // no BuildKit name
  s.extend_select = {"DL3025"};
  EXPECT_FALSE(s.AsBuildKitCheck(R("DL3025")));  // named by its code too
  s = Selection{};
  s.select = {"ALL"};
  s.severity["jsonargsrecommended"] = base::Severity::kInfo;
  EXPECT_TRUE(s.AsBuildKitCheck(R("DL3025")));
  s.severity["shell-form-cmd"] = base::Severity::kInfo;
  EXPECT_FALSE(s.AsBuildKitCheck(R("DL3025")));
}

/// How many findings of `code` the rules selected by `selector` report on `text`.
std::size_t Count(std::string text, const std::string& selector, std::string_view code) {
  const syntax::Dockerfile df = syntax::Parse("Dockerfile", std::move(text));
  const model::Model model = model::Model::Build(df);
  Selection s;
  s.select = {selector};
  std::size_t n = 0;
  for (const base::Diagnostic& d : RunRules(df, model, rules::Options{}, s)) n += d.code == code;
  return n;
}

TEST(Selection, RulesSelectedByBuildKitNameReportWhatBuildKitReports) {
  // DL3025: a shell-form CMD after a SHELL, and HEALTHCHECK CMD, are hadolint's.
  const std::string shell = "FROM scratch\nSHELL [\"/bin/bash\", \"-c\"]\nCMD run\n"
                            "HEALTHCHECK CMD curl -f localhost\n";
  EXPECT_EQ(Count(shell, "DL3025", "DL3025"), 2u);
  EXPECT_EQ(Count(shell, "JSONArgsRecommended", "DL3025"), 0u);
  EXPECT_EQ(Count("FROM scratch AS a\nSHELL [\"/bin/sh\", \"-c\"]\nFROM a\nCMD run\n",
                  "JSONArgsRecommended", "DL3025"),
            0u);
  EXPECT_EQ(Count("FROM scratch\nCMD run\n", "JSONArgsRecommended", "DL3025"), 1u);
  // DL3000: BuildKit judges the first WORKDIR of a stage chain only.
  const std::string workdir = "FROM scratch AS a\nWORKDIR app\nWORKDIR sub\nFROM a\nWORKDIR x\n";
  EXPECT_EQ(Count(workdir, "DL3000", "DL3000"), 3u);
  EXPECT_EQ(Count(workdir, "WorkdirRelativePath", "DL3000"), 1u);
  // DL3029: a constant from a global ARG default is hadolint's (and shipshape's) finding only.
  const std::string platform = "ARG P=linux/amd64\nFROM --platform=$P alpine:3.20\n";
  EXPECT_EQ(Count(platform, "DL3029", "DL3029"), 1u);
  EXPECT_EQ(Count(platform, "FromPlatformFlagConstDisallowed", "DL3029"), 0u);
  // DL3064: BuildKit's words `key` and `auth`; not the words inside other words.
  const std::string secrets = "FROM scratch\nARG GPG_KEY\nENV auth=x\nARG DB_PASSWORD2\n";
  EXPECT_EQ(Count(secrets, "DL3064", "DL3064"), 1u);
  EXPECT_EQ(Count(secrets, "SecretsUsedInArgOrEnv", "DL3064"), 2u);
}

TEST(Selection, PresetsAddAdviceToTheDefaultSet) {
  const std::vector<std::string> advice = {"SP506", "SP507", "SP508", "SP604", "SP705", "SP812"};
  Selection defaults;
  Selection hardened;
  hardened.select = {"hardened"};
  Selection recommended;
  recommended.select = {"recommended"};
  Selection extended;
  extended.extend_select = {"HARDENED"};
  for (const rules::Rule* r : rules::AllRules()) {
    // `hardened` is the default set plus the advice; `recommended` is the default set.
    EXPECT_EQ(recommended.Enabled(*r), defaults.Enabled(*r)) << r->code;
    const bool is_advice = std::find(advice.begin(), advice.end(), r->code) != advice.end();
    EXPECT_EQ(hardened.Enabled(*r), defaults.Enabled(*r) || is_advice) << r->code;
    EXPECT_EQ(extended.Enabled(*r), hardened.Enabled(*r)) << r->code;
    if (is_advice) {
      EXPECT_FALSE(defaults.Enabled(*r)) << r->code;
      EXPECT_TRUE(r->presets & rules::kHardened) << r->code;
    }
  }
  // ShellCheck's findings belong to the default set, so to both presets.
  EXPECT_TRUE(hardened.EnabledCode("SC2086", true));
  EXPECT_TRUE(recommended.EnabledCode("SC2086", true));
  EXPECT_FALSE(hardened.EnabledCode("SC1091", false));
  // A more specific selector wins over a preset.
  hardened.ignore = {"SP508"};
  EXPECT_FALSE(hardened.Enabled(R("SP508")));
  EXPECT_TRUE(hardened.Enabled(R("SP705")));
  // Under a .hadolint.yaml, `recommended` is hadolint's default set; `hardened` still adds
  // DL3057.
  recommended.hadolint_defaults = true;
  EXPECT_FALSE(recommended.Enabled(R("DL3057")));
  EXPECT_TRUE(recommended.Enabled(R("DL3008")));
  Selection hadolint_hardened;
  hadolint_hardened.hadolint_defaults = true;
  hadolint_hardened.extend_select = {"hardened"};
  EXPECT_TRUE(hadolint_hardened.Enabled(R("DL3057")));
}

TEST(Selection, TheDefaultSetReadsSomeRulesNarrowly) {
  // DL3057 and SP210 report at style while they run only as part of the default set; asked
  // for (by code, preset, ALL, BuildKit name or an exact severity override), at their own.
  Selection s;
  EXPECT_FALSE(s.Explicit(R("DL3057")));
  EXPECT_EQ(s.SeverityOf(R("DL3057")), base::Severity::kStyle);
  EXPECT_EQ(s.SeverityOf(R("SP210")), base::Severity::kStyle);
  EXPECT_EQ(s.SeverityOf(R("DL3008")), base::Severity::kWarning);
  s.select = {"recommended"};
  EXPECT_FALSE(s.Explicit(R("DL3057")));
  for (std::string selector : {"hardened", "ALL", "DL3057", "DL30", "missing-healthcheck"}) {
    Selection asked;
    asked.select = {selector};
    EXPECT_TRUE(asked.Explicit(R("DL3057"))) << selector;
    EXPECT_EQ(asked.SeverityOf(R("DL3057")), base::Severity::kInfo) << selector;
  }
  Selection by_name;
  by_name.extend_select = {"InvalidDefaultArgInFrom"};
  EXPECT_EQ(by_name.SeverityOf(R("SP210")), base::Severity::kWarning);
  Selection prefix_override;
  prefix_override.severity["DL3"] = base::Severity::kWarning;  // changes severities only
  EXPECT_FALSE(prefix_override.Explicit(R("DL3057")));
  Selection exact_override;
  exact_override.severity["DL3057"] = base::Severity::kWarning;
  EXPECT_TRUE(exact_override.Explicit(R("DL3057")));
  EXPECT_EQ(exact_override.SeverityOf(R("DL3057")), base::Severity::kWarning);
}

TEST(Selection, KnownSelectors) {
  for (const char* s : {"ALL", "DL", "dl30", "DL3008", "SP", "SP4", "SC", "SC2086",
                        "apt-get-unpinned-package", "MaintainerDeprecated", "hardened",
                        "Recommended"}) {
    EXPECT_TRUE(rules::IsKnownSelector(s)) << s;
  }
  for (const char* s : {"", "DL9999", "DL30081", "SP999", "XX1", "3008", "DL-3008", "nope"}) {
    EXPECT_FALSE(rules::IsKnownSelector(s)) << s;
  }
}

}  // namespace
}  // namespace shipshape::lint
