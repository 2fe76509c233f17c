// DL4003 multiple-cmds: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL4003 = {
    .code = "DL4003",
    .name = "multiple-cmds",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
