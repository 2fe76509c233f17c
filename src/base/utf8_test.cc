#include "base/utf8.h"

#include <gtest/gtest.h>

#include "base/go_quote.h"

namespace shipshape::base {
namespace {

TEST(Utf8, DecodeFollowsGo) {
  EXPECT_EQ(DecodeRune("\xC3\xA9", 0).rune, U'\u00e9');
  EXPECT_EQ(DecodeRune("\xC3\xA9", 0).width, 2u);
  // Truncated, overlong, surrogate and out-of-range sequences are one invalid byte each.
  for (std::string_view bad :
       {"\xC3", "\xC0\x80", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"}) {
    const DecodedRune d = DecodeRune(bad, 0);
    EXPECT_EQ(d.rune, kRuneError) << GoQuote(bad);
    EXPECT_EQ(d.width, 1u) << GoQuote(bad);
  }
}

TEST(Utf8, GoSpaces) {
  EXPECT_TRUE(IsSpace(U'\u0085'));
  EXPECT_TRUE(IsSpace(U'\u00a0'));
  EXPECT_TRUE(IsSpace(U'\u3000'));
  EXPECT_FALSE(IsSpace(U'\u200b'));  // zero-width space is not a space for Go
  EXPECT_FALSE(IsSpace(U'\ufeff'));
  EXPECT_EQ(TrimSpace(" \t\xC2\xA0x y\xE3\x80\x80\n"), "x y");
  EXPECT_EQ(TrimSpace("\xFF "), "\xFF");
  EXPECT_EQ(TrimLeftSpace(""), "");
}

TEST(Utf8, LettersDigitsAndCase) {
  EXPECT_TRUE(IsLetter(U'\ud55c'));  // 한
  EXPECT_TRUE(IsDigit(U'\u0663'));   // Arabic-Indic three
  EXPECT_FALSE(IsLetter(U'_'));
  EXPECT_EQ(ToLower("RUN \xC3\x89T\xC3\x89"), "run \xC3\xA9t\xC3\xA9");
  EXPECT_EQ(ToLower("WOR\xE2\x84\xAA"
                    "DIR"),
            "workdir");  // the Kelvin sign lowers to 'k'
  EXPECT_EQ(ToUpper("stra\xC3\x9F"
                    "e"),
            "STRA\xC3\x9F"
            "E");  // no one-letter upper case
  EXPECT_EQ(ToLower("a\xFF"), "a\xFF");
  EXPECT_TRUE(EqualsIgnoreCase("As", "aS"));
  EXPECT_EQ(CountRunes("h\xC3\xA9\xFF"), 3u);
}

TEST(GoQuote, MatchesStrconvQuote) {
  EXPECT_EQ(GoQuote("plain"), "\"plain\"");
  EXPECT_EQ(GoQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(GoQuote("\t\n\r\a\b\f\v"), "\"\\t\\n\\r\\a\\b\\f\\v\"");
  EXPECT_EQ(GoQuote(std::string_view("\x00\x1b\x7f", 3)), "\"\\x00\\x1b\\x7f\"");
  EXPECT_EQ(GoQuote("caf\xC3\xA9 \xE2\x99\xA5"), "\"caf\xC3\xA9 \xE2\x99\xA5\"");
  EXPECT_EQ(GoQuote("\xFF"), "\"\\xff\"");
  EXPECT_EQ(GoQuote("\xEF\xBB\xBF"), "\"\\ufeff\"");          // not printable
  EXPECT_EQ(GoQuote("\xC2\xA0"), "\"\\u00a0\"");              // a space other than ' '
  EXPECT_EQ(GoQuote("\xF3\xA0\x80\x81"), "\"\\U000e0001\"");  // a format character
}

}  // namespace
}  // namespace shipshape::base
