// DL3009 apt-lists-not-removed: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3009 = {
    .code = "DL3009",
    .name = "apt-lists-not-removed",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "packages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
