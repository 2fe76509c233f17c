#include "lint/engine.h"

#include <gtest/gtest.h>

#include "rules/registry.h"

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
  EXPECT_FALSE(s.Enabled(R("DL3057")));  // off by default
  s.severity["DL3057"] = base::Severity::kInfo;
  EXPECT_TRUE(s.Enabled(R("DL3057")));
  EXPECT_EQ(s.SeverityOf(R("DL3057")), base::Severity::kInfo);
  // A prefix override changes severities but turns nothing on.
  s.severity["DL1"] = base::Severity::kError;
  EXPECT_FALSE(s.Enabled(R("DL1001")));
  EXPECT_EQ(s.SeverityOf(R("DL3008")), base::Severity::kWarning);
  s.severity["DL30"] = base::Severity::kStyle;
  EXPECT_EQ(s.SeverityOf(R("DL3008")), base::Severity::kStyle);
  EXPECT_EQ(s.SeverityOf(R("DL3057")), base::Severity::kInfo);  // the exact code wins
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
  EXPECT_TRUE(s.Enabled(R("DL3057")));
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

TEST(Selection, KnownSelectors) {
  for (const char* s : {"ALL", "DL", "dl30", "DL3008", "SP", "SP4", "SC", "SC2086",
                        "apt-get-unpinned-package", "MaintainerDeprecated"}) {
    EXPECT_TRUE(rules::IsKnownSelector(s)) << s;
  }
  for (const char* s : {"", "DL9999", "DL30081", "SP999", "XX1", "3008", "DL-3008", "nope"}) {
    EXPECT_FALSE(rules::IsKnownSelector(s)) << s;
  }
}

}  // namespace
}  // namespace shipshape::lint
