// DL3046 useradd-high-uid-without-l: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3046 = {
    .code = "DL3046",
    .name = "useradd-high-uid-without-l",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "shell",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
