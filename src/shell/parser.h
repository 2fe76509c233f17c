// A parser for the POSIX sh / bash subset that Dockerfile RUN instructions use. It never
// fails: a syntax error is recorded and parsing resumes at the next command.
#pragma once

#include <cstdint>
#include <string_view>

#include "shell/ast.h"

namespace shipshape::shell {

/// How deep compound commands and substitutions may nest; deeper is an error, not a crash.
inline constexpr int kMaxNesting = 200;

/// Parses `script`. Offsets in the tree are offsets into `script`.
Tree Parse(std::string_view script);

/// Parses `script` as the value of a word that sits at `offsets` in an enclosing text
/// (`offsets[i]` is where byte i of `script` came from; `offsets` has script.size() + 1
/// entries) and returns a tree whose offsets are in the enclosing text. Used for `sh -c`
/// strings and backquoted commands.
Tree ParseEmbedded(std::string_view script, const std::vector<std::uint32_t>& offsets);

/// Whether `word` is a shell reserved word (`if`, `then`, `{`, `[[`, ...).
bool IsReservedWord(std::string_view word);

}  // namespace shipshape::shell
