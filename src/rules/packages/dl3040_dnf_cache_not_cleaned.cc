// DL3040 dnf-cache-not-cleaned: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3040 = {
    .code = "DL3040",
    .name = "dnf-cache-not-cleaned",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
