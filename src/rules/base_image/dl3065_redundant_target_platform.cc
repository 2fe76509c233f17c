// DL3065 redundant-target-platform: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3065 = {
    .code = "DL3065",
    .name = "redundant-target-platform",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "base-image",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
