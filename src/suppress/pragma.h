// Ignore pragmas: `# shipshape [global|stage] ignore=CODES [-- reason]` and hadolint's
// `# hadolint [global|stage] ignore=CODES [# reason]`, parsed from own-line comments, with the
// bytes each one covers. Depends on syntax/ only, so that rules (DL1001) can read pragmas too.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/range.h"
#include "syntax/ast.h"

namespace shipshape::suppress {

/// Whose grammar the pragma follows.
enum class PragmaTool : std::uint8_t { kHadolint, kShipshape };

/// What a pragma covers: the next instruction, the stage, the whole file.
enum class PragmaScope : std::uint8_t { kNext, kStage, kGlobal };

/// One code (a selector: code, prefix, `ALL`, name, BuildKit name) of a pragma's list.
struct PragmaCode {
  std::string_view text;
  base::Range range;
  // Set by the suppression pass (suppress::Suppressor), read by SP101:
  /// The code suppressed at least one finding.
  bool used = false;
  /// The code names at least one rule that ran on this file (so "unused" means something).
  bool names_rule_that_ran = false;
};

/// An ignore pragma.
struct Pragma {
  PragmaTool tool = PragmaTool::kShipshape;
  PragmaScope scope = PragmaScope::kNext;
  /// From `#` to the end of the code list (a trailing reason excluded).
  base::Range range;
  /// The whole physical line, its line end included (what deleting the pragma removes).
  base::Range line = {};
  std::vector<PragmaCode> codes;
  /// The text after `--` (or `#`), trimmed.
  std::string_view reason;
  /// The offsets whose findings it suppresses, [begin, end); `end` may be one past the text
  /// (a scope that reaches the end of the file). Empty when it covers nothing (an inline
  /// hadolint pragma not directly above an instruction).
  base::Range covers = {};
  /// False under `--disable-ignore-pragma`: the pragma is parsed but suppresses nothing.
  bool honoured = true;
};

/// Parses `text`, a comment's bytes after its `#` (line end excluded), as an ignore pragma;
/// `offset` is the source offset of the `#`. Sets tool, scope, range, codes and reason.
/// hadolint's form follows its grammar exactly (Pragma.hs); nullopt when it is not a pragma.
std::optional<Pragma> ParsePragma(std::string_view text, std::uint32_t offset);

/// The ignore pragmas of `df` in file order, with the bytes each covers. Comments inside an
/// instruction's continuation are not pragmas (the parser drops them, as hadolint's does).
std::vector<Pragma> FindPragmas(const syntax::Dockerfile& df);

}  // namespace shipshape::suppress
