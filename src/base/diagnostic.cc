#include "base/diagnostic.h"

namespace shipshape::base {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
    case Severity::kStyle:
      return "style";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo, Severity::kStyle}) {
    if (SeverityName(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace shipshape::base
