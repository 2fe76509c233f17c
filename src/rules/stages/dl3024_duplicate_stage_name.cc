// DL3024 duplicate-stage-name: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3024 = {
    .code = "DL3024",
    .name = "duplicate-stage-name",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "stages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
