// DL3010 copy-then-extract-archive: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3010 = {
    .code = "DL3010",
    .name = "copy-then-extract-archive",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "instructions",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
