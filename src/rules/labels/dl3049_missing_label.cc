// DL3049 missing-label: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3049 = {
    .code = "DL3049",
    .name = "missing-label",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "labels",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
