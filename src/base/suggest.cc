#include "base/suggest.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "base/utf8.h"

namespace shipshape::base {
namespace {

std::vector<char32_t> Runes(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const DecodedRune d = DecodeRune(s, i);
    out.push_back(d.rune);
    i += d.width;
  }
  return out;
}

// Go's strings.ToLower / ToUpper round trip decides the case style of the suggestion.
std::string MatchCase(std::string_view candidate, std::string_view original) {
  if (original == ToLower(original)) return ToLower(candidate);
  if (original == ToUpper(original)) return ToUpper(candidate);
  return std::string(candidate);
}

template <typename Candidate>
std::optional<std::string> SuggestImpl(std::string_view value,
                                       std::span<const Candidate> candidates, bool case_sensitive) {
  const std::string folded = case_sensitive ? std::string(value) : ToLower(value);
  std::optional<std::string> match;
  // BuildKit starts at 3 ("same as hcl") and keeps a candidate only when strictly closer, so
  // the first candidate at the minimal distance wins.
  std::size_t min_distance = 3;
  for (const Candidate& candidate : candidates) {
    const std::string option =
        case_sensitive ? std::string(candidate) : ToLower(std::string_view(candidate));
    if (option == folded) return std::nullopt;
    const std::size_t distance = LevenshteinDistance(folded, option);
    if (distance < min_distance) {
      match = case_sensitive ? option : MatchCase(option, value);
      min_distance = distance;
    }
  }
  // An empty candidate at distance < 3 would be a match Go treats as "no match" (match == "").
  if (match && match->empty()) return std::nullopt;
  return match;
}

}  // namespace

std::size_t LevenshteinDistance(std::string_view a, std::string_view b) {
  const std::vector<char32_t> x = Runes(a);
  const std::vector<char32_t> y = Runes(b);
  std::vector<std::size_t> row(y.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute = diagonal + (x[i - 1] == y[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[y.size()];
}

std::optional<std::string> Suggest(std::string_view value,
                                   std::span<const std::string_view> candidates,
                                   bool case_sensitive) {
  return SuggestImpl(value, candidates, case_sensitive);
}

std::optional<std::string> Suggest(std::string_view value, std::span<const std::string> candidates,
                                   bool case_sensitive) {
  return SuggestImpl(value, candidates, case_sensitive);
}

std::string WithSuggestion(std::string message, std::string_view value,
                           std::span<const std::string_view> candidates, bool case_sensitive) {
  if (auto match = Suggest(value, candidates, case_sensitive)) {
    message += " (did you mean " + *match + "?)";
  }
  return message;
}

std::string WithSuggestion(std::string message, std::string_view value,
                           std::span<const std::string> candidates, bool case_sensitive) {
  if (auto match = Suggest(value, candidates, case_sensitive)) {
    message += " (did you mean " + *match + "?)";
  }
  return message;
}

}  // namespace shipshape::base
