// DL3001 pointless-command: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3001 = {
    .code = "DL3001",
    .name = "pointless-command",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "shell",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
