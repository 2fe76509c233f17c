// DL3051 empty-label: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3051 = {
    .code = "DL3051",
    .name = "empty-label",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
