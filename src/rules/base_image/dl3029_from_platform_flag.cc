// DL3029 from-platform-flag: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3029 = {
    .code = "DL3029",
    .name = "from-platform-flag",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "base-image",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
