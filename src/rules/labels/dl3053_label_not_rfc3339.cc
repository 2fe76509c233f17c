// DL3053 label-not-rfc3339: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3053 = {
    .code = "DL3053",
    .name = "label-not-rfc3339",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
