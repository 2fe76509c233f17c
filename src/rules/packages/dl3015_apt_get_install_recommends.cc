// DL3015 apt-get-install-recommends: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3015 = {
    .code = "DL3015",
    .name = "apt-get-install-recommends",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "packages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
