// DL4006 pipe-without-pipefail: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL4006 = {
    .code = "DL4006",
    .name = "pipe-without-pipefail",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "shell",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
