// DL3035 zypper-dist-upgrade: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3035 = {
    .code = "DL3035",
    .name = "zypper-dist-upgrade",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "packages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
