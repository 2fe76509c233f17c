// DL3043 forbidden-onbuild-trigger: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3043 = {
    .code = "DL3043",
    .name = "forbidden-onbuild-trigger",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
