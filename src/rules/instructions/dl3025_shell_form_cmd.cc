// DL3025 shell-form-cmd: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3025 = {
    .code = "DL3025",
    .name = "shell-form-cmd",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
