// DL3011 invalid-port: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3011 = {
    .code = "DL3011",
    .name = "invalid-port",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
