// DL3037 zypper-unpinned-package: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3037 = {
    .code = "DL3037",
    .name = "zypper-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
