// DL3028 gem-unpinned-package: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3028 = {
    .code = "DL3028",
    .name = "gem-unpinned-package",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
