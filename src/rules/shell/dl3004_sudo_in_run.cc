// DL3004 sudo-in-run: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3004 = {
    .code = "DL3004",
    .name = "sudo-in-run",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "shell",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
