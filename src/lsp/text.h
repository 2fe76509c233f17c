// Text positions as the Language Server Protocol counts them (0-based lines ending at `\n`,
// `\r\n` or `\r`; characters in UTF-16 code units) against shipshape's byte offsets, and the
// edits a client sends to keep a document in sync.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape::lsp {

/// A protocol position: 0-based line and UTF-16 code unit within it.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(const Position&, const Position&) = default;
};

/// A protocol range, start included, end excluded.
struct TextRange {
  Position start;
  Position end;
  friend bool operator==(const TextRange&, const TextRange&) = default;
};

/// Maps byte offsets of one text to protocol positions and back. Invalid UTF-8 bytes count as
/// one code unit each (a client shows them as U+FFFD); code points above U+FFFF as two.
class TextIndex {
 public:
  explicit TextIndex(std::string_view text);

  /// The position of byte `offset` (clamped to the text; inside a character: its start).
  Position PositionOf(std::uint32_t offset) const;
  /// The byte offset of `p`. A line past the last is the end of the text; a character past
  /// the line's end is the line's end (before its line break), as the protocol says; inside a
  /// character (between the halves of a surrogate pair): the character's end.
  std::uint32_t OffsetOf(Position p) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }

 private:
  /// The end of line `line`'s content (before its break).
  std::uint32_t ContentEnd(std::uint32_t line) const;

  std::string_view text_;
  std::vector<std::uint32_t> starts_;
};

/// One `TextDocumentContentChangeEvent`: `text` replaces `range`, or the whole text.
struct Change {
  std::optional<TextRange> range;
  std::string text;
};

/// Applies `change` to `text` (ranges clamped as OffsetOf does; an end before the start is
/// taken as the start).
void ApplyChange(std::string& text, const Change& change);

/// The file path of a `file:` URI (percent-decoded), or nullopt for other schemes.
std::optional<std::string> PathOfUri(std::string_view uri);
/// The `file://` URI of an absolute path.
std::string UriOfPath(std::string_view path);

}  // namespace shipshape::lsp
