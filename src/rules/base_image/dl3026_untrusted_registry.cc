// DL3026 untrusted-registry: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3026 = {
    .code = "DL3026",
    .name = "untrusted-registry",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "base-image",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
