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

}  // namespace shipshape::base
