// DL3050 superfluous-label: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3050 = {
    .code = "DL3050",
    .name = "superfluous-label",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "labels",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
