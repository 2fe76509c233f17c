// DL3067 copy-entire-filesystem: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3067 = {
    .code = "DL3067",
    .name = "copy-entire-filesystem",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
