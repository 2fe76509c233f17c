// DL1001 inline-ignore-pragma: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL1001 = {
    .code = "DL1001",
    .name = "inline-ignore-pragma",
    .severity = base::Severity::kInfo,
    .default_enabled = false,
    .category = "pragmas",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
