// DL4005 ln-bin-sh: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL4005 = {
    .code = "DL4005",
    .name = "ln-bin-sh",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "shell",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
