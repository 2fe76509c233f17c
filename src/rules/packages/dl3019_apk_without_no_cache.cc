// DL3019 apk-without-no-cache: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3019 = {
    .code = "DL3019",
    .name = "apk-without-no-cache",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "packages",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
