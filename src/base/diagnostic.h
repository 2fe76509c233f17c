// A finding about a file: what is wrong, where (exact bytes), and how bad.
#pragma once

#include <string>
#include <string_view>

#include "base/range.h"

namespace shipshape::base {

enum class Severity : unsigned char { kError, kWarning, kInfo, kStyle };

/// Lower-case name of a severity ("error", "warning", "info", "style").
std::string_view SeverityName(Severity severity);

struct Diagnostic {
  /// Rule code (e.g. `DL3008`); empty for syntax errors.
  std::string code;
  Severity severity = Severity::kError;
  Range range;
  std::string message;
};

}  // namespace shipshape::base
