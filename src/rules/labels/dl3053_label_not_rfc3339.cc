// DL3053 label-not-rfc3339: a schema label of type `rfc3339` that is not an RFC 3339 date-time.
#include "rules/labels/label_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  CheckLabelValues(ctx, inst, "rfc3339", IsRfc3339DateTime, "an RFC 3339 date-time");
}

}  // namespace

extern const Rule kDL3053 = {
    .code = "DL3053",
    .name = "label-not-rfc3339",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .fixable = Fixable::kNever,
    .summary = "Label `<name>` is not a valid time format - must conform to RFC3339",
    .doc = R"md(## What it does
With a label schema, flags a label of type `rfc3339` whose value is not an RFC 3339
`date-time`: `2024-05-01T12:00:00Z` or `2024-05-01T14:00:00.25+02:00`, with the date, time
and offset fields in range (months 01-12, days that exist in that month, hours 00-23, ...).

## Why is this bad?
Dates in labels (`org.opencontainers.image.created`) are compared and sorted by tools;
a date in another format (`2024/05/01`, `May 1 2024`, a date without time or offset) is
misread or rejected.

## Example
<!-- shipshape-test: --require-label=org.opencontainers.image.created:rfc3339 -->
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.created="2024-05-01 12:00"
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"
```

## Fix safety
There is no fix: only the author knows the right value.

## Differences from hadolint
hadolint uses `parseTimeRFC3339`; shipshape implements RFC 3339's `date-time` grammar
(`T` and `Z` in either case, as the RFC allows; fractional seconds; a numeric offset with a
colon) and checks that the date exists (`2023-02-29` is rejected). The value is expanded first
(quotes removed, ARG/ENV values applied), as BuildKit does; a value that depends on something
only the build knows (`LABEL created=$BUILD_DATE` with `ARG BUILD_DATE`) is not judged. An empty
value is left to DL3051. The finding is on the value and quotes it.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
