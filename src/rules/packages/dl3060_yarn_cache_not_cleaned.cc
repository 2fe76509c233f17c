// DL3060 yarn-cache-not-cleaned: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3060 = {
    .code = "DL3060",
    .name = "yarn-cache-not-cleaned",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "packages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
