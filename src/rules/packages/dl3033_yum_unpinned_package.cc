// DL3033 yum-unpinned-package: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3033 = {
    .code = "DL3033",
    .name = "yum-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
