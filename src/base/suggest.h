// "Did you mean X?" suggestions as BuildKit makes them (util/suggest): the closest candidate
// within Levenshtein distance 2, with BuildKit's tie-breaking and case handling.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace shipshape::base {

/// Levenshtein distance between `a` and `b` counted in code points (Go's []rune conversion:
/// each invalid UTF-8 byte is one U+FFFD), unit costs for insert, delete and substitute.
std::size_t LevenshteinDistance(std::string_view a, std::string_view b);

/// BuildKit's suggest.WrapErrorMaybe choice: the first candidate (in the given order) with the
/// smallest distance below 3 to `value`, or nullopt when none is that close or when a candidate
/// equals `value` (an exact match means the error was about something else). Without
/// `case_sensitive` both sides are lower-cased first and the suggestion takes the case style
/// of `value` (all lower -> lower, all upper -> upper, mixed -> the lower-cased candidate).
std::optional<std::string> Suggest(std::string_view value,
                                   std::span<const std::string_view> candidates,
                                   bool case_sensitive);
std::optional<std::string> Suggest(std::string_view value, std::span<const std::string> candidates,
                                   bool case_sensitive);

/// `message` plus ` (did you mean X?)` when Suggest finds an X, else `message` unchanged.
std::string WithSuggestion(std::string message, std::string_view value,
                           std::span<const std::string_view> candidates, bool case_sensitive);
std::string WithSuggestion(std::string message, std::string_view value,
                           std::span<const std::string> candidates, bool case_sensitive);

}  // namespace shipshape::base
