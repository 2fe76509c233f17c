// DL3022 copy-from-unknown-stage: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3022 = {
    .code = "DL3022",
    .name = "copy-from-unknown-stage",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "stages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
