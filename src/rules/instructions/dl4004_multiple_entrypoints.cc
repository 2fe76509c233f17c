// DL4004 multiple-entrypoints: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL4004 = {
    .code = "DL4004",
    .name = "multiple-entrypoints",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
