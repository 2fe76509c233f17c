// DL3048 invalid-label-key: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3048 = {
    .code = "DL3048",
    .name = "invalid-label-key",
    .severity = base::Severity::kStyle,
    .default_enabled = true,
    .category = "labels",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
