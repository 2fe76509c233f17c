// DL3057 missing-healthcheck: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3057 = {
    .code = "DL3057",
    .name = "missing-healthcheck",
    .severity = base::Severity::kInfo,
    .default_enabled = false,
    .category = "stages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
