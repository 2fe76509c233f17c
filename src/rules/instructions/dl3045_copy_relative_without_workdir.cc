// DL3045 copy-relative-without-workdir: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3045 = {
    .code = "DL3045",
    .name = "copy-relative-without-workdir",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
