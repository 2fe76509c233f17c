// DL3064 secret-in-arg-or-env: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3064 = {
    .code = "DL3064",
    .name = "secret-in-arg-or-env",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
