// DL3006 untagged-image: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3006 = {
    .code = "DL3006",
    .name = "untagged-image",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "base-image",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
