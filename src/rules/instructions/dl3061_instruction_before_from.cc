// DL3061 instruction-before-from: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3061 = {
    .code = "DL3061",
    .name = "instruction-before-from",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
