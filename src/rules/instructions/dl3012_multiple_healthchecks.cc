// DL3012 multiple-healthchecks: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3012 = {
    .code = "DL3012",
    .name = "multiple-healthchecks",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
