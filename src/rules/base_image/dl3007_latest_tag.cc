// DL3007 latest-tag: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3007 = {
    .code = "DL3007",
    .name = "latest-tag",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "base-image",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
