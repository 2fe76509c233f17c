// DL3055 label-not-git-hash: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3055 = {
    .code = "DL3055",
    .name = "label-not-git-hash",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
