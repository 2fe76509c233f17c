// DL4001 curl-and-wget: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL4001 = {
    .code = "DL4001",
    .name = "curl-and-wget",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "shell",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
