#include "base/suggest.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace shipshape::base {
namespace {

constexpr std::string_view kInstructions[] = {"ADD", "ARG",    "CMD",  "COPY", "ENTRYPOINT",
                                              "ENV", "EXPOSE", "FROM", "RUN",  "USER"};

TEST(SuggestTest, LevenshteinCountsCodePoints) {
  EXPECT_EQ(LevenshteinDistance("", ""), 0u);
  EXPECT_EQ(LevenshteinDistance("abc", ""), 3u);
  EXPECT_EQ(LevenshteinDistance("kitten", "sitting"), 3u);
  // Transposition is two substitutions (no Damerau).
  EXPECT_EQ(LevenshteinDistance("tagret", "target"), 2u);
  // One multi-byte rune is one edit.
  EXPECT_EQ(LevenshteinDistance("r\xC3\xBCn", "run"), 1u);
}

TEST(SuggestTest, CaseSensitivePicksClosestWithinTwo) {
  const std::vector<std::string_view> keys = {"type", "from", "source", "target"};
  EXPECT_EQ(Suggest("tagret", keys, true), "target");
  EXPECT_EQ(Suggest("foo", keys, true), "from");
  EXPECT_EQ(Suggest("zzzzzz", keys, true), std::nullopt);
  // Case matters: "TARGET" is 6 edits away from "target".
  EXPECT_EQ(Suggest("TARGT", keys, true), std::nullopt);
}

TEST(SuggestTest, ExactMatchMeansNoSuggestion) {
  const std::vector<std::string_view> options = {"bind", "bins"};
  EXPECT_EQ(Suggest("bins", options, true), std::nullopt);
}

TEST(SuggestTest, FirstCandidateWinsTies) {
  const std::vector<std::string_view> options = {"cat", "bat"};
  EXPECT_EQ(Suggest("hat", options, true), "cat");
  const std::vector<std::string_view> reversed = {"bat", "cat"};
  EXPECT_EQ(Suggest("hat", reversed, true), "bat");
}

TEST(SuggestTest, CaseInsensitiveFollowsInputCase) {
  EXPECT_EQ(Suggest("RUNN", kInstructions, false), "RUN");
  EXPECT_EQ(Suggest("runn", kInstructions, false), "run");
  EXPECT_EQ(Suggest("Runn", kInstructions, false), "run");
  // An exact case-insensitive match is no suggestion.
  EXPECT_EQ(Suggest("copy", kInstructions, false), std::nullopt);
}

TEST(SuggestTest, WithSuggestionAppendsDidYouMean) {
  const std::vector<std::string> flags = {"chown", "chmod", "from"};
  EXPECT_EQ(WithSuggestion("unknown flag: --chmown", "chmown", flags, true),
            "unknown flag: --chmown (did you mean chown?)");
  EXPECT_EQ(WithSuggestion("unknown flag: --xyzzy", "xyzzy", flags, true), "unknown flag: --xyzzy");
}

}  // namespace
}  // namespace shipshape::base
