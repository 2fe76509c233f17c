// DL3052 label-not-url: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3052 = {
    .code = "DL3052",
    .name = "label-not-url",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
