// DL3002 root-user: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3002 = {
    .code = "DL3002",
    .name = "root-user",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "stages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
