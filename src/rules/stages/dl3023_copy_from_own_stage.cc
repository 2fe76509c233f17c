// DL3023 copy-from-own-stage: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3023 = {
    .code = "DL3023",
    .name = "copy-from-own-stage",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "stages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
