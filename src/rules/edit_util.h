// Small helpers for fixes that insert whole lines: the line break and indentation to copy, so
// an inserted instruction looks like its neighbours.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/diagnostic.h"
#include "syntax/ast.h"

namespace shipshape::rules {

/// The line break ending the line that holds `pos` ("\r\n" or "\n"; "\n" on the last line
/// when the file has no other to copy).
std::string_view LineBreakAt(std::string_view text, std::size_t pos);

/// The blanks between the start of the line holding `pos` and `pos`, or "" when something
/// else comes first.
std::string_view IndentAt(std::string_view text, std::size_t pos);

/// Whether `text` holds only blanks, line breaks and line continuations (`escape` followed by
/// blanks and a line break).
bool OnlyBlanksAndContinuations(std::string_view text, char escape);

/// Whether `path` can be written into an instruction as is: not empty, and no quotes,
/// variables, escapes, blanks or other characters a parser or shell would read specially.
bool IsPlainPath(std::string_view path);

/// The edit inserting `line` (an instruction, without line break) on its own line before
/// instruction `index`, with the instruction's indentation and the file's line break. When
/// ignore pragmas sit between the previous instruction and this one, the line goes above them
/// (right after the previous instruction), so they stay with the instruction they cover.
base::Edit InsertLineBefore(const syntax::Dockerfile& df, std::size_t index,
                            std::string_view line);

}  // namespace shipshape::rules
