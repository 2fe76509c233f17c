#include "model/expand.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "base/go_quote.h"

// Expected values below were checked against BuildKit's lex.go (run under Go on the same
// inputs); they pin down behaviour the conformance data does not reach.

namespace shipshape::model {
namespace {

using Words = std::vector<std::string>;

ExpandResult ExpandIn(std::string_view word, const std::vector<std::string>& env = {},
                      ExpandOptions options = {}) {
  return Expand(word, Environment::FromList(env), options);
}

TEST(ExpandTest, PlainWordsTakeTheFastPathWithTheSameResult) {
  const ExpandResult plain = ExpandIn(" a b\t\tc \n");
  EXPECT_TRUE(plain.ok());
  EXPECT_EQ(plain.word, " a b\t\tc \n");
  EXPECT_EQ(plain.words, (Words{"a", "b", "c"}));
  // The same text through the full lexer (an empty variable forces it).
  const ExpandResult lexed = ExpandIn(" a b\t\tc \n$E", {"E="});
  EXPECT_EQ(lexed.word, plain.word);
  EXPECT_EQ(lexed.words, plain.words);
  EXPECT_TRUE(ExpandIn("  ").words.empty());
}

TEST(ExpandTest, ModifierExpansionDropsThePrecedingPartOfTheCurrentWord) {
  // BuildKit shares one word buffer across nested calls and resets it in each; ProcessWords
  // loses "a" here while ProcessWord keeps it.
  ExpandResult r = ExpandIn("a${U:-b}c");
  EXPECT_EQ(r.word, "abc");
  EXPECT_EQ(r.words, (Words{"bc"}));
  r = ExpandIn("x a${U:-b}");
  EXPECT_EQ(r.words, (Words{"x", "b"}));
  r = ExpandIn("a\"${U:-b}\"c d");
  EXPECT_EQ(r.words, (Words{"bc", "d"}));
  // A plain ${V} does not reset it.
  r = ExpandIn("a${V}c", {"V=b"});
  EXPECT_EQ(r.words, (Words{"abc"}));
}

TEST(ExpandTest, HeredocOperatorKeepsFollowingBlanksInItsWord) {
  // processPossibleHeredoc (BuildKit >= 0.22): space, tab and CR after `<<` stay in the word;
  // `<<-` and other whitespace do not; the expanded text is unchanged.
  ExpandOptions options;
  options.raw_quotes = true;
  options.raw_escapes = true;
  options.skip_unset_env = true;
  ExpandResult r = ExpandIn("RUN <<  EOF cat<<\t\rX <<- Y <<\vZ a<b", {}, options);
  EXPECT_EQ(r.word, "RUN <<  EOF cat<<\t\rX <<- Y <<\vZ a<b");
  EXPECT_EQ(r.words, (Words{"RUN", "<<  EOF", "cat<<\t\rX", "<<-", "Y", "<<", "Z", "a<b"}));
  r = ExpandIn("<< ");
  EXPECT_EQ(r.words, (Words{"<< "}));
  r = ExpandIn("\"<< x\" \\<< y");
  EXPECT_EQ(r.words, (Words{"<< x", "<<", "y"}));
}

TEST(ExpandTest, UnquotedExpansionSplitsEvenWhenItsDefaultWasQuoted) {
  const ExpandResult r = ExpandIn("${U:-\"x y\"}");
  EXPECT_EQ(r.word, "x y");
  EXPECT_EQ(r.words, (Words{"x", "y"}));
}

TEST(ExpandTest, RawEscapesAndRawQuotes) {
  ExpandOptions options;
  options.raw_escapes = true;
  // Inside double quotes an escape before an ordinary character is written twice.
  ExpandResult r = ExpandIn(R"("a\tb" "a\"b" c\d)", {}, options);
  EXPECT_EQ(r.word, R"(a\\tb a\"b c\d)");
  EXPECT_EQ(r.words, (Words{R"(a\\tb)", R"(a\"b)", R"(c\d)"}));

  options = {};
  options.raw_quotes = true;
  r = ExpandIn(R"('a'"b" '')", {}, options);
  EXPECT_EQ(r.word, R"('a'"b" '')");
  EXPECT_EQ(r.words, (Words{R"('a'"b")", "''"}));
}

TEST(ExpandTest, BacktickEscape) {
  ExpandOptions options;
  options.escape = '`';
  const ExpandResult r = ExpandIn("a\\$V `$V \"`\"\" ${V#`*}", {"V=*x"}, options);
  EXPECT_EQ(r.word, "a\\*x $V \" *x");
  EXPECT_EQ(r.words, (Words{"a\\*x", "$V", "\"", "*x"}));
}

TEST(ExpandTest, SkipProcessQuotesKeepsQuotesAsText) {
  ExpandOptions options;
  options.skip_process_quotes = true;
  EXPECT_EQ(ExpandIn("'$A' \"$A\" \\$A", {"A=a"}, options).word, "'a' \"a\" $A");
}

TEST(ExpandTest, SkipUnsetEnvLeavesUnsetVariablesAsWritten) {
  ExpandOptions options;
  options.skip_unset_env = true;
  const ExpandResult r = ExpandIn("$U ${U} ${U:-a} ${U/a/b} ${U?} ${V}", {"V=v"}, options);
  EXPECT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.word, "$U ${U} ${U:-a} ${U/a/b} ${U?} v");
  EXPECT_EQ(r.unmatched, (Words{"U"}));
  EXPECT_EQ(r.matched, (Words{"V"}));
}

TEST(ExpandTest, ShortestAndLongestPrefixAndSuffix) {
  const ExpandResult r = ExpandIn("${V#*b}|${V##*b}|${V%a*}|${V%%a*}", {"V=abab"});
  EXPECT_EQ(r.word, "ab||ab|");
}

TEST(ExpandTest, StarAndQuestionMarkDoNotMatchNewline) {
  // Go's `.` excludes '\n'.
  const ExpandResult r = ExpandIn("${V##*}|${V%%*}|${V//?/x}|${V//*/x}", {"V=ab\ncd"});
  EXPECT_EQ(r.word, "\ncd|ab\n|xx\nxx|x\nx");
}

TEST(ExpandTest, ReplaceAllExpandsGoTemplateReferences) {
  // ReplaceAllString expands `$0` in the replacement; a single replacement is literal.
  ExpandResult r = ExpandIn("${V//a/$R}|${V/a/$R}", {"V=aba", "R=<$0>"});
  EXPECT_EQ(r.word, "<a>b<a>|<$0>ba");
  r = ExpandIn("${V//a/$R}", {"V=aba", "R=$$-${0-$1-${00}-$x-$"});
  EXPECT_EQ(r.word, "$-${0----$b$-${0----$");
}

TEST(ExpandTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(ExpandIn("\xff").word, "\xEF\xBF\xBD");
  // A variable's bytes are copied as they are, but word splitting and suffix trimming go
  // through code points.
  const ExpandResult r = ExpandIn("$V ${V%x}", {"V=\xff\xc3"});
  EXPECT_EQ(r.word, "\xff\xc3 \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(r.words, (Words{"\xEF\xBF\xBD\xEF\xBF\xBD", "\xEF\xBF\xBD\xEF\xBF\xBD"}));
}

TEST(ExpandTest, ByteOrderMarkSkippedOnlyAtTheStart) {
  EXPECT_EQ(ExpandIn("\xEF\xBB\xBF"
                     "a\xEF\xBB\xBF")
                .word,
            "a\xEF\xBB\xBF");
}

TEST(ExpandTest, InvalidPatternEscapes) {
  EXPECT_EQ(ExpandIn("${V#a\\xb}", {"V=v"}).error,
            R"(failed to process "${V#a\\xb}": invalid pattern (a\xb) in substitution: )"
            R"(invalid escape '\x')");
  // Suffix patterns are reversed before conversion, and the message shows them reversed.
  EXPECT_EQ(ExpandIn("${V%a\\xb}", {"V=v"}).error,
            R"(failed to process "${V%a\\xb}": invalid pattern (b\xa) in substitution: )"
            R"(invalid escape '\x')");
  // A trailing backslash from a variable: Go prints the EOF rune as U+FFFD.
  EXPECT_EQ(ExpandIn("${V#$P}", {"V=a\\b", "P=a\\"}).error,
            "failed to process \"${V#$P}\": invalid pattern (a\\) in substitution: "
            "invalid escape '\\\xEF\xBF\xBD'");
  EXPECT_EQ(ExpandIn("${V%$P}", {"V=a\\b", "P=a\\"}).error,
            R"(failed to process "${V%$P}": invalid pattern (\a) in substitution: )"
            R"(invalid escape '\a')");
}

TEST(ExpandTest, SpecialAndPositionalParameters) {
  const ExpandResult r = ExpandIn("$1A $@@ ${#}");
  EXPECT_EQ(r.word, "A @ ");
  EXPECT_EQ(r.unmatched, (Words{"#", "1", "@"}));
}

TEST(ExpandTest, ErrorsKeepLookupsButNoResult) {
  const ExpandResult r = ExpandIn("$V ${U?}", {"V=v"});
  EXPECT_EQ(r.error, R"(failed to process "$V ${U?}": U: is not allowed to be unset)");
  EXPECT_TRUE(r.word.empty());
  EXPECT_TRUE(r.words.empty());
  EXPECT_EQ(r.matched, (Words{"V"}));
  EXPECT_EQ(r.unmatched, (Words{"U"}));
}

std::string Nested(int levels) {
  std::string word;
  for (int i = 0; i < levels; ++i) word += "${U:-";
  word += "x";
  word.append(static_cast<std::size_t>(levels), '}');
  return word;
}

TEST(ExpandTest, DeepNestingIsRefusedInsteadOfOverflowingTheStack) {
  EXPECT_EQ(ExpandIn(Nested(900)).word, "x");
  const std::string deep = Nested(100000);
  const ExpandResult r = ExpandIn(deep);
  EXPECT_EQ(r.error, "failed to process " + base::GoQuote(deep) + ": " + std::string(kTooDeepError));
  // Nesting through double quotes counts too.
  std::string quoted;
  for (int i = 0; i < 50000; ++i) quoted += "\"${U:-";
  EXPECT_NE(ExpandIn(quoted).error.find(kTooDeepError), std::string::npos);
}

TEST(ExpandTest, EnvironmentListSemantics) {
  Environment env = Environment::FromList({"A=1", "B", "A=2", "C=x=y"});
  EXPECT_EQ(env.Get("A"), "2");
  EXPECT_EQ(env.Get("B"), "");
  EXPECT_EQ(env.Get("C"), "x=y");
  EXPECT_EQ(env.Get("a"), std::nullopt);
  EXPECT_EQ(env.Keys(), (Words{"A", "B", "C"}));
  env.Unset("A");
  EXPECT_EQ(env.Get("A"), std::nullopt);
  EXPECT_EQ(env.Keys(), (Words{"B", "C"}));
}

TEST(ExpandTest, ArbitraryBytesNeverCrash) {
  // Deterministic pseudo-random words built from the lexer's special characters.
  static constexpr std::string_view kPieces[] = {"$",
                                                 "${",
                                                 "}",
                                                 ":",
                                                 "-",
                                                 "+",
                                                 "?",
                                                 "#",
                                                 "%",
                                                 "/",
                                                 "*",
                                                 "\\",
                                                 "`",
                                                 "'",
                                                 "\"",
                                                 " ",
                                                 "\n",
                                                 "a",
                                                 "V",
                                                 "0",
                                                 "@",
                                                 "\xff",
                                                 "\xc3",
                                                 "\xEF\xBB\xBF",
                                                 std::string_view("\0", 1)};
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int i = 0; i < 20000; ++i) {
    std::string word;
    const std::uint32_t length = next() % 24;
    for (std::uint32_t j = 0; j < length; ++j) {
      word += kPieces[next() % (sizeof(kPieces) / sizeof(kPieces[0]))];
    }
    ExpandOptions options;
    options.escape = next() % 4 == 0 ? '`' : '\\';
    options.raw_quotes = next() % 4 == 0;
    options.raw_escapes = next() % 4 == 0;
    options.skip_process_quotes = next() % 4 == 0;
    options.skip_unset_env = next() % 4 == 0;
    const ExpandResult r = ExpandIn(word, {"V=a*\n\xff"}, options);
    if (!r.ok()) {
      EXPECT_EQ(r.error.rfind("failed to process " + base::GoQuote(word) + ": ", 0), 0u)
          << base::GoQuote(word);
    }
  }
}

}  // namespace
}  // namespace shipshape::model
