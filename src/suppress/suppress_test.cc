#include "suppress/suppress.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lint/lint.h"
#include "suppress/pragma.h"
#include "syntax/parser.h"

namespace shipshape::suppress {
namespace {

// ---------------------------------------------------------------------------------------------
// The pragma grammar.

/// The codes of `comment` (the whole comment line, `#` included) parsed as a pragma, joined
/// with `|`, or "none".
std::string Codes(std::string_view comment) {
  const std::optional<Pragma> p = ParsePragma(comment.substr(1), 0);
  if (!p) return "none";
  std::string out;
  for (const PragmaCode& c : p->codes) {
    if (!out.empty()) out += '|';
    out += c.text;
    // Every code's range points at its bytes.
    EXPECT_EQ(base::Slice(comment, c.range), c.text) << comment;
  }
  return out;
}

TEST(PragmaParse, HadolintForms) {
  EXPECT_EQ(Codes("# hadolint ignore=DL3008"), "DL3008");
  EXPECT_EQ(Codes("#hadolint ignore=DL3006"), "DL3006");
  EXPECT_EQ(Codes("# hadolint ignore = DL3008 , DL3009"), "DL3008|DL3009");
  EXPECT_EQ(Codes("#\thadolint\tignore=DL3008\t"), "DL3008");
  EXPECT_EQ(Codes("# hadolint ignore=DL3008,SC2086 # pinned upstream"), "DL3008|SC2086");
  EXPECT_EQ(Codes("# hadolint global ignore = DL3023 , DL3021"), "DL3023|DL3021");
  EXPECT_EQ(Codes("# hadolint stage ignore=DL3008"), "DL3008");
  // What hadolint's grammar rejects, silently and whole.
  EXPECT_EQ(Codes("# hadolint ignore=dl3008"), "none");
  EXPECT_EQ(Codes("# hadolint ignore=crazy,DL3002"), "none");
  EXPECT_EQ(Codes("# hadolint ignore=DL3008 DL3009"), "none");
  EXPECT_EQ(Codes("# hadolint ignore=DL3008,"), "none");
  EXPECT_EQ(Codes("# hadolint ignore=DL3008 because"), "none");
  EXPECT_EQ(Codes("# hadolint ignore=DL3008 -- reason"), "none");
  EXPECT_EQ(Codes("# Hadolint ignore=DL3008"), "none");
  EXPECT_EQ(Codes("# hadolint IGNORE=DL3008"), "none");
  EXPECT_EQ(Codes("# hadolintignore=DL3008"), "none");
  EXPECT_EQ(Codes("# hadolint globalignore=DL3008"), "none");
  EXPECT_EQ(Codes("# hadolint ignore="), "none");
  EXPECT_EQ(Codes("# hadolint shell=bash"), "none");
  EXPECT_EQ(Codes("# please add hadolint ignore=DL3008"), "none");
}

TEST(PragmaParse, ShipshapeForms) {
  EXPECT_EQ(Codes("# shipshape ignore=DL3008,sp101,DL30,ALL"), "DL3008|sp101|DL30|ALL");
  EXPECT_EQ(Codes("# shipshape ignore=apt-get-unpinned-package, MaintainerDeprecated"),
            "apt-get-unpinned-package|MaintainerDeprecated");
  EXPECT_EQ(Codes("# shipshape ignore=DL3008 -- the mirror has one version"), "DL3008");
  EXPECT_EQ(Codes("# shipshape ignore=DL3008 # old style reason"), "DL3008");
  EXPECT_EQ(Codes("# shipshape global ignore=DL3008"), "DL3008");
  EXPECT_EQ(Codes("# shipshape stage ignore=DL3008"), "DL3008");
  EXPECT_EQ(Codes("# shipshape ignore=DL3008 DL3009"), "none");
  EXPECT_EQ(Codes("# shipshape ignore=DL3008,"), "none");
  EXPECT_EQ(Codes("# shipshape ignore=--"), "none");
  EXPECT_EQ(Codes("# shipshape shell=bash"), "none");
}

TEST(PragmaParse, ScopeReasonAndRange) {
  const std::string text = "# shipshape stage ignore=DL3008 , DL3009 -- pinned upstream ";
  const std::optional<Pragma> p = ParsePragma(std::string_view(text).substr(1), 0);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->tool, PragmaTool::kShipshape);
  EXPECT_EQ(p->scope, PragmaScope::kStage);
  EXPECT_EQ(p->reason, "pinned upstream");
  EXPECT_EQ(base::Slice(text, p->range), "# shipshape stage ignore=DL3008 , DL3009");
  const std::optional<Pragma> g = ParsePragma(" hadolint global ignore=DL3008", 10);
  ASSERT_TRUE(g);
  EXPECT_EQ(g->tool, PragmaTool::kHadolint);
  EXPECT_EQ(g->scope, PragmaScope::kGlobal);
  EXPECT_EQ(g->codes[0].range.begin, 10u + 1 + 24);
}

TEST(PragmaFind, SkipsCommentsInsideContinuationsAndKnowsTheLine) {
  const syntax::Dockerfile df = syntax::Parse("Dockerfile",
                                              "FROM debian:12\n"
                                              "RUN apt-get update \\\n"
                                              "# shipshape ignore=DL3008\n"
                                              " && true\n"
                                              "  # shipshape ignore=DL3009\r\n"
                                              "RUN true\n");
  const std::vector<Pragma> pragmas = FindPragmas(df);
  ASSERT_EQ(pragmas.size(), 1u);
  EXPECT_EQ(pragmas[0].codes[0].text, "DL3009");
  EXPECT_EQ(base::Slice(df.text(), pragmas[0].line), "  # shipshape ignore=DL3009\r\n");
}

// ---------------------------------------------------------------------------------------------
// What each pragma covers, seen through the whole pipeline.

/// `line:CODE` for each finding of `text` (syntax errors as `line:syntax`).
std::vector<std::string> Findings(const std::string& text, lint::LintOptions options = {}) {
  const lint::FileResult r = lint::LintText("Dockerfile", text, options);
  std::vector<std::string> out;
  for (const base::Diagnostic& d : r.diagnostics) {
    out.push_back(fmt::format("{}:{}", r.dockerfile.lines().PositionOf(d.range.begin).line,
                              d.code.empty() ? "syntax" : d.code));
  }
  return out;
}

bool Has(const std::vector<std::string>& findings, const std::string& want) {
  return std::find(findings.begin(), findings.end(), want) != findings.end();
}

// Unpinned packages (DL3008) on the lines that name them.
constexpr const char* kContinued =
    "FROM debian:12\n"
    "{}"
    "RUN apt-get install -y --no-install-recommends \\\n"
    "    curl \\\n"
    "    wget\n"
    "RUN apt-get install -y --no-install-recommends git\n";

TEST(SuppressInline, CoversTheNextInstructionWithItsContinuationLines) {
  const std::vector<std::string> plain = Findings(fmt::format(kContinued, ""));
  EXPECT_TRUE(Has(plain, "3:DL3008"));
  EXPECT_TRUE(Has(plain, "4:DL3008"));
  const std::vector<std::string> ignored =
      Findings(fmt::format(kContinued, "# shipshape ignore=DL3008\n"));
  EXPECT_FALSE(Has(ignored, "4:DL3008"));
  EXPECT_FALSE(Has(ignored, "5:DL3008"));
  EXPECT_TRUE(Has(ignored, "6:DL3008"));  // the instruction after is not covered
}

TEST(SuppressInline, CoversHeredocBodies) {
  const std::string body =
      "FROM debian:12\n"
      "{}"
      "RUN <<EOF\n"
      "apt-get install -y --no-install-recommends curl\n"
      "EOF\n";
  EXPECT_TRUE(Has(Findings(fmt::format(fmt::runtime(body), "")), "3:DL3008"));
  EXPECT_FALSE(Has(Findings(fmt::format(fmt::runtime(body), "# shipshape ignore=DL3008\n")), "4:DL3008"));
}

TEST(SuppressInline, HadolintFormNeedsTheLineRightAbove) {
  const std::string blank = fmt::format(kContinued, "# hadolint ignore=DL3008\n\n");
  EXPECT_TRUE(Has(Findings(blank), "5:DL3008"));
  EXPECT_FALSE(Has(Findings(fmt::format(kContinued, "# hadolint ignore=DL3008\n")), "4:DL3008"));
  // Stacked hadolint pragmas do not combine: only the one directly above counts.
  const std::vector<std::string> stacked = Findings(fmt::format(
      kContinued, "# hadolint ignore=DL3008\n# hadolint ignore=DL3015\n"));
  EXPECT_TRUE(Has(stacked, "5:DL3008"));
}

TEST(SuppressInline, ShipshapeFormAllowsCommentsNotBlankLinesBetween) {
  const std::vector<std::string> stacked = Findings(fmt::format(
      kContinued, "# shipshape ignore=DL3008\n# a note\n# shipshape ignore=DL3015\n"));
  EXPECT_FALSE(Has(stacked, "6:DL3008"));
  EXPECT_TRUE(Has(Findings(fmt::format(kContinued, "# shipshape ignore=DL3008\n\n")), "5:DL3008"));
}

TEST(SuppressInline, ReasonsMultipleCodesPrefixesAndAliases) {
  const std::string text =
      "FROM debian:12\n"
      "{}\n"
      "RUN apt-get install -y curl\n"
      "MAINTAINER someone\n";
  const std::vector<std::string> plain = Findings(fmt::format(fmt::runtime(text), "# nothing"));
  ASSERT_TRUE(Has(plain, "3:DL3008"));
  ASSERT_TRUE(Has(plain, "3:DL3015"));
  ASSERT_TRUE(Has(plain, "4:DL4000"));
  const std::vector<std::string> two =
      Findings(fmt::format(fmt::runtime(text), "# shipshape ignore=DL3008,dl3015 -- upstream pins"));
  EXPECT_FALSE(Has(two, "3:DL3008"));
  EXPECT_FALSE(Has(two, "3:DL3015"));
  const std::vector<std::string> prefix = Findings(fmt::format(fmt::runtime(text), "# shipshape ignore=DL30"));
  EXPECT_FALSE(Has(prefix, "3:DL3008"));
  EXPECT_FALSE(Has(prefix, "3:DL3015"));
  const std::vector<std::string> name =
      Findings(fmt::format(fmt::runtime(text), "# shipshape ignore=apt-get-unpinned-package"));
  EXPECT_FALSE(Has(name, "3:DL3008"));
  EXPECT_TRUE(Has(name, "3:DL3015"));
  const std::vector<std::string> all = Findings(fmt::format(fmt::runtime(text), "# shipshape ignore=ALL"));
  EXPECT_FALSE(Has(all, "3:DL3008"));
  EXPECT_TRUE(Has(all, "4:DL4000"));
  const std::vector<std::string> hadolint =
      Findings(fmt::format(fmt::runtime(text), "# hadolint ignore=DL3008 # pinned upstream"));
  EXPECT_FALSE(Has(hadolint, "3:DL3008"));
  EXPECT_TRUE(Has(hadolint, "3:DL3015"));
  // A BuildKit check name, in a global pragma.
  const std::vector<std::string> buildkit =
      Findings(fmt::format(fmt::runtime(text), "# shipshape global ignore=MaintainerDeprecated"));
  EXPECT_FALSE(Has(buildkit, "4:DL4000"));
  EXPECT_TRUE(Has(buildkit, "3:DL3008"));
}

constexpr const char* kStages =
    "FROM debian:latest AS one\n"                                // 1 DL3007
    "RUN apt-get install -y --no-install-recommends curl\n"      // 2
    "{}"                                                         // 3 (pragma)
    "RUN apt-get install -y --no-install-recommends wget\n"      // 4
    "FROM debian:latest\n"                                       // 5 DL3007
    "RUN apt-get install -y --no-install-recommends git\n";      // 6

TEST(SuppressStage, MidStageCoversUntilTheNextFrom) {
  const std::vector<std::string> f =
      Findings(fmt::format(kStages, "# shipshape stage ignore=DL3008,DL3007\n"));
  EXPECT_TRUE(Has(f, "2:DL3008"));   // before the pragma
  EXPECT_FALSE(Has(f, "4:DL3008"));  // after it, same stage
  EXPECT_TRUE(Has(f, "5:DL3007"));   // the next FROM
  EXPECT_TRUE(Has(f, "6:DL3008"));   // the next stage
  const std::vector<std::string> h =
      Findings(fmt::format(kStages, "# hadolint stage ignore=DL3008\n"));
  EXPECT_FALSE(Has(h, "4:DL3008"));
  EXPECT_TRUE(Has(h, "6:DL3008"));
}

TEST(SuppressStage, AboveAFromCoversThatStageWithItsFrom) {
  const std::string text =
      "FROM debian:12\n"
      "RUN apt-get install -y --no-install-recommends curl\n"
      "# shipshape stage ignore=DL3008,DL3007\n"
      "FROM debian:latest\n"
      "RUN apt-get install -y --no-install-recommends git\n"
      "FROM debian:latest\n"
      "RUN apt-get install -y --no-install-recommends vim\n";
  const std::vector<std::string> f = Findings(text);
  EXPECT_TRUE(Has(f, "2:DL3008"));
  EXPECT_FALSE(Has(f, "4:DL3007"));
  EXPECT_FALSE(Has(f, "5:DL3008"));
  EXPECT_TRUE(Has(f, "6:DL3007"));
  EXPECT_TRUE(Has(f, "7:DL3008"));
}

TEST(SuppressGlobal, CoversTheWholeFileFromAnywhere) {
  for (const char* form : {"# shipshape global ignore=DL3008,DL3007\n",
                           "# hadolint global ignore=DL3008,DL3007\n"}) {
    const std::vector<std::string> f = Findings(fmt::format(kStages, form));
    EXPECT_FALSE(Has(f, "1:DL3007")) << form;
    EXPECT_FALSE(Has(f, "2:DL3008")) << form;
    EXPECT_FALSE(Has(f, "6:DL3008")) << form;
    EXPECT_FALSE(Has(f, "5:DL3007")) << form;
  }
  EXPECT_TRUE(Has(Findings(fmt::format(kStages, "# shipshape global ignore=DL3009\n")),
                  "6:DL3008"));
}

TEST(SuppressOptions, DisableIgnorePragmaDisablesEveryIgnoreForm) {
  lint::LintOptions options;
  options.disable_ignore_pragma = true;
  for (const char* form :
       {"# shipshape ignore=DL3008\n", "# hadolint ignore=DL3008\n",
        "# shipshape global ignore=DL3008\n", "# hadolint global ignore=DL3008\n",
        "# shipshape stage ignore=DL3008\n", "# hadolint stage ignore=DL3008\n"}) {
    EXPECT_TRUE(Has(Findings(fmt::format(kStages, form), options), "4:DL3008")) << form;
    EXPECT_FALSE(Has(Findings(fmt::format(kStages, form)), "4:DL3008")) << form;
  }
}

constexpr const char* kBuildKit =
    "{}\n"                                                     // 1 (directive)
    "FROM debian:12\n"                                         // 2
    "MAINTAINER someone\n"                                     // 3 DL4000 MaintainerDeprecated
    "WORKDIR app\n"                                            // 4 DL3000 WorkdirRelativePath
    "RUN apt-get install -y --no-install-recommends curl\n";   // 5 DL3008 (no BuildKit name)

TEST(SuppressCheck, SkipTakesBuildKitNamesOrAll) {
  const std::vector<std::string> plain =
      Findings(fmt::format(kBuildKit, "# syntax=docker/dockerfile:1"));
  ASSERT_TRUE(Has(plain, "3:DL4000"));
  ASSERT_TRUE(Has(plain, "4:DL3000"));
  ASSERT_TRUE(Has(plain, "5:DL3008"));
  const std::vector<std::string> one =
      Findings(fmt::format(kBuildKit, "# check=skip=MaintainerDeprecated"));
  EXPECT_FALSE(Has(one, "3:DL4000"));
  EXPECT_TRUE(Has(one, "4:DL3000"));
  const std::vector<std::string> two =
      Findings(fmt::format(kBuildKit, "# check=skip=MaintainerDeprecated,WorkdirRelativePath"));
  EXPECT_FALSE(Has(two, "3:DL4000"));
  EXPECT_FALSE(Has(two, "4:DL3000"));
  const std::vector<std::string> all = Findings(fmt::format(kBuildKit, "# check=skip=all"));
  EXPECT_FALSE(Has(all, "3:DL4000"));
  EXPECT_FALSE(Has(all, "4:DL3000"));
  EXPECT_TRUE(Has(all, "5:DL3008"));  // not a BuildKit check
  // check= still applies under --disable-ignore-pragma.
  lint::LintOptions options;
  options.disable_ignore_pragma = true;
  EXPECT_FALSE(Has(Findings(fmt::format(kBuildKit, "# check=skip=all"), options), "3:DL4000"));
}

TEST(SuppressCheck, SkipLeavesExperimentalChecksAlone) {
  // As in BuildKit: an experimental check runs when `experimental=` names it, whatever `skip=`
  // says; SP208 (InvalidDefinitionDescription) is one.
  const std::string text =
      "# check=skip=all;experimental=InvalidDefinitionDescription\n"
      "# not about A\n"
      "ARG A=1\n"
      "FROM debian:12\n"
      "MAINTAINER someone\n";
  const std::vector<std::string> f = Findings(text);
  EXPECT_TRUE(Has(f, "2:SP208"));
  EXPECT_FALSE(Has(f, "5:DL4000"));
  const std::vector<std::string> named = Findings(
      "# check=skip=InvalidDefinitionDescription;experimental=all\n# not about A\nARG A=1\n"
      "FROM debian:12\n");
  EXPECT_TRUE(Has(named, "2:SP208"));
}

TEST(SuppressCheck, InstructionCheckCommentSkipsForThatInstruction) {
  const std::string text =
      "FROM debian:12\n"
      "# check=skip=MaintainerDeprecated,WorkdirRelativePath\n"
      "MAINTAINER someone\n"
      "WORKDIR app\n";
  const std::vector<std::string> f = Findings(text);
  EXPECT_FALSE(Has(f, "3:DL4000"));
  EXPECT_TRUE(Has(f, "4:DL3000"));
}

TEST(SuppressCheck, ErrorTrueRaisesBuildKitChecksOnly) {
  const lint::FileResult r =
      lint::LintText("Dockerfile", fmt::format(kBuildKit, "# check=error=true"));
  bool saw_dl4000 = false, saw_dl3008 = false;
  for (const base::Diagnostic& d : r.diagnostics) {
    if (d.code == "DL4000") {
      saw_dl4000 = true;
      EXPECT_EQ(d.severity, base::Severity::kError);
    }
    if (d.code == "DL3008") {
      saw_dl3008 = true;
      EXPECT_EQ(d.severity, base::Severity::kWarning);
    }
  }
  EXPECT_TRUE(saw_dl4000);
  EXPECT_TRUE(saw_dl3008);
}

TEST(SuppressSyntax, SyntaxErrorsAreNeverSuppressed) {
  const std::string text =
      "# shipshape global ignore=ALL\n"
      "FROM debian:12\n"
      "# shipshape ignore=ALL\n"
      "ENV\n"
      "RUN apt-get install -y --no-install-recommends curl\n";
  const std::vector<std::string> f = Findings(text);
  EXPECT_TRUE(Has(f, "4:syntax"));
  EXPECT_FALSE(Has(f, "5:DL3008"));
}

TEST(SuppressSelects, RuleCodesAndShellCheckCodes) {
  EXPECT_TRUE(Selects("DL3008", "DL3008"));
  EXPECT_TRUE(Selects("dl30", "DL3008"));
  EXPECT_TRUE(Selects("apt-get-unpinned-package", "DL3008"));
  EXPECT_FALSE(Selects("DL3009", "DL3008"));
  EXPECT_FALSE(Selects("SC2", "DL3008"));
  EXPECT_TRUE(Selects("SC2086", "SC2086"));
  EXPECT_TRUE(Selects("sc20", "SC2086"));
  EXPECT_TRUE(Selects("ALL", "SC2086"));
  EXPECT_FALSE(Selects("SC2087", "SC2086"));
  EXPECT_FALSE(Selects("DL3008", "SC2086"));
  EXPECT_FALSE(Selects("", "SC2086"));
}

// ---------------------------------------------------------------------------------------------
// SP101 and SP102, which run after the suppression pass.

/// `text` with the edits of `fix` applied (sorted, disjoint).
std::string Apply(std::string text, const base::Fix& fix) {
  for (auto it = fix.edits.rbegin(); it != fix.edits.rend(); ++it) {
    text.replace(it->range.begin, it->range.size(), it->text);
  }
  return text;
}

std::vector<base::Diagnostic> Of(const lint::FileResult& r, std::string_view code) {
  std::vector<base::Diagnostic> out;
  for (const base::Diagnostic& d : r.diagnostics) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

lint::LintOptions WithSP101() {
  lint::LintOptions options;
  options.selection.extend_select = {"SP101"};
  return options;
}

TEST(SuppressUnused, FlagsTheCodeAndItsFixDeletesTheLineWhenNothingIsUsed) {
  const std::string text =
      "FROM debian:12\n"
      "# shipshape ignore=DL3008,DL3020 -- reason\n"
      "RUN true\n";
  const lint::FileResult r = lint::LintText("Dockerfile", text, WithSP101());
  const std::vector<base::Diagnostic> sp101 = Of(r, "SP101");
  ASSERT_EQ(sp101.size(), 2u);
  EXPECT_EQ(base::Slice(text, sp101[0].range), "DL3008");
  EXPECT_EQ(base::Slice(text, sp101[1].range), "DL3020");
  ASSERT_TRUE(sp101[0].fix);
  EXPECT_EQ(sp101[0].fix->applicability, base::Applicability::kSafe);
  EXPECT_EQ(Apply(text, *sp101[0].fix), "FROM debian:12\nRUN true\n");
  // On by default, at style severity (shown, never failing a build at the default threshold).
  const std::vector<base::Diagnostic> by_default = Of(lint::LintText("Dockerfile", text), "SP101");
  ASSERT_EQ(by_default.size(), 2u);
  EXPECT_EQ(by_default[0].severity, base::Severity::kStyle);
}

TEST(SuppressUnused, FixRemovesOnlyTheUnusedCodes) {
  const std::string text =
      "FROM debian:12\n"
      "# shipshape ignore=DL3020, DL3008 , DL3003\n"
      "RUN apt-get install -y --no-install-recommends curl\n";
  const lint::FileResult r = lint::LintText("Dockerfile", text, WithSP101());
  const std::vector<base::Diagnostic> sp101 = Of(r, "SP101");
  ASSERT_EQ(sp101.size(), 2u);
  EXPECT_EQ(Apply(text, *sp101[0].fix),
            "FROM debian:12\n# shipshape ignore=DL3008 , DL3003\n"
            "RUN apt-get install -y --no-install-recommends curl\n");
  EXPECT_EQ(Apply(text, *sp101[1].fix),
            "FROM debian:12\n# shipshape ignore=DL3020, DL3008\n"
            "RUN apt-get install -y --no-install-recommends curl\n");
  // Both fixes together (their edits are disjoint) leave a well-formed list.
  base::Fix both = *sp101[0].fix;
  both.edits.push_back(sp101[1].fix->edits[0]);
  EXPECT_EQ(Apply(text, both),
            "FROM debian:12\n# shipshape ignore=DL3008\n"
            "RUN apt-get install -y --no-install-recommends curl\n");
}

TEST(SuppressUnused, JudgesOnlyCodesOfRulesThatRanAndHonouredPragmas) {
  const std::string text =
      "FROM debian:12\n"
      "# shipshape ignore=DL3008,SC2086,DL1001,DL9999\n"
      "RUN true\n";
  lint::LintOptions options = WithSP101();
  EXPECT_EQ(Of(lint::LintText("Dockerfile", text, options), "SP101").size(), 1u);  // DL3008
  options.selection.ignore = {"DL3008"};
  EXPECT_TRUE(Of(lint::LintText("Dockerfile", text, options), "SP101").empty());
  options = WithSP101();
  options.disable_ignore_pragma = true;
  EXPECT_TRUE(Of(lint::LintText("Dockerfile", text, options), "SP101").empty());
}

TEST(SuppressUnknown, FlagsUnknownCodesWithASuggestion) {
  const std::string text =
      "FROM debian:12\n"
      "# hadolint ignore=DL3800,DL3008,SC2086\n"
      "# shipshape global ignore=MaintainerDeprecatd,zzz\n"
      "RUN true\n";
  const lint::FileResult r = lint::LintText("Dockerfile", text);
  const std::vector<base::Diagnostic> sp102 = Of(r, "SP102");
  ASSERT_EQ(sp102.size(), 3u);
  EXPECT_EQ(base::Slice(text, sp102[0].range), "DL3800");
  EXPECT_EQ(sp102[0].message, "Unknown rule `DL3800` in pragma (did you mean `DL3000`?)");
  EXPECT_EQ(sp102[1].message,
            "Unknown rule `MaintainerDeprecatd` in pragma (did you mean `MaintainerDeprecated`?)");
  EXPECT_EQ(sp102[2].message, "Unknown rule `zzz` in pragma");
}

}  // namespace
}  // namespace shipshape::suppress
