// DL3066 non-numeric-user: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3066 = {
    .code = "DL3066",
    .name = "non-numeric-user",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "stages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
