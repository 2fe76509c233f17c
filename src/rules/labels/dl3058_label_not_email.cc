// DL3058 label-not-email: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3058 = {
    .code = "DL3058",
    .name = "label-not-email",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
