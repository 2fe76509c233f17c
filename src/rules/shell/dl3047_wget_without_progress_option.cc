// DL3047 wget-without-progress-option: TODO(#4) the check and its doc.
#include "rules/rule.h"

namespace shipshape::rules {

extern const Rule kDL3047 = {
    .code = "DL3047",
    .name = "wget-without-progress-option",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "shell",
    .summary = "TODO(#4)",
    .doc = "",
};

}  // namespace shipshape::rules
