// DL3063 reserved-stage-name: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3063 = {
    .code = "DL3063",
    .name = "reserved-stage-name",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "stages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
