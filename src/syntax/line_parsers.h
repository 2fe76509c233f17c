// The pieces of BuildKit's line parsing: splitting off the instruction word and builder flags,
// the ENV/LABEL/ARG word splitter, JSON (exec form) arrays and heredoc words. Each reports
// offsets into its input so that the parser can map nodes back to the source.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape::syntax {

/// A word found in some input: [begin, end) of the input, and its value when that differs
/// from the input bytes (quotes or escapes removed, invalid UTF-8 replaced, ...).
struct LexedWord {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool rewritten = false;
  std::string text;

  std::string_view Value(std::string_view input) const {
    return rewritten ? std::string_view(text) : input.substr(begin, end - begin);
  }
};

/// The instruction word, flags and argument text of a logical line (BuildKit's splitCommand).
struct SplitLine {
  std::uint32_t word_begin = 0;
  std::uint32_t word_end = 0;
  std::vector<LexedWord> flags;
  /// The argument text after the flags, trimmed (begin == end when there is none).
  std::uint32_t rest_begin = 0;
  std::uint32_t rest_end = 0;
};

/// Splits `line` into instruction word, builder flags and the remaining argument text
/// (`out` is overwritten; passing the same one again reuses its memory).
void SplitCommand(std::string_view line, SplitLine& out);

/// BuildKit's parseWords (ENV/LABEL/ARG): whitespace-separated words, quotes and escapes kept.
void ParseWords(std::string_view rest, char escape, std::vector<LexedWord>& out);

/// Splits on runs of [\t\v\f\r ] (BuildKit's reWhitespace), at most `limit` parts (0: no limit).
void SplitWhitespace(std::string_view s, std::size_t limit, std::vector<LexedWord>& out);

/// Outcome of reading an argument as a JSON array.
enum class JsonArray : std::uint8_t {
  kNotJson,     ///< Not a JSON array: shell form / word list.
  kStrings,     ///< A JSON array of strings: exec form.
  kNotStrings,  ///< A JSON array with a non-string element: a parse error in BuildKit.
};

/// Reads `rest` (left-trimmed first) as one JSON array; on kStrings, `out` holds each element
/// (offsets of its string literal, quotes included, and its decoded value).
JsonArray ParseJsonArray(std::string_view rest, std::vector<LexedWord>& out);

/// A heredoc found in an instruction line.
struct HeredocWord {
  std::string name;
  std::uint32_t fd = 0;
  bool expand = true;
  bool chomp = false;
};

/// BuildKit's ParseHeredoc on one word: nullopt when the word is not a heredoc; `error` set
/// when it looks like one but cannot be lexed.
std::optional<HeredocWord> ParseHeredocWord(std::string_view word, std::string* error);

/// Removes leading tabs from every line of `content` (BuildKit's ChompHeredocContent).
std::string ChompHeredocContent(std::string_view content);

}  // namespace shipshape::syntax
