// DL3059 consecutive-runs: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3059 = {
    .code = "DL3059",
    .name = "consecutive-runs",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
