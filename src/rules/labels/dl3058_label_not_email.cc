// DL3058 label-not-email: a schema label of type `email` that is not an e-mail address.
#include "rules/labels/label_util.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

void Check(Context& ctx, const syntax::Instruction& inst) {
  CheckLabelValues(ctx, inst, "email", IsEmail, "a valid e-mail address");
}

}  // namespace

extern const Rule kDL3058 = {
    .code = "DL3058",
    .name = "label-not-email",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "labels",
    .fixable = Fixable::kNever,
    .summary = "Label `<name>` is not a valid email format - must conform to RFC5322",
    .doc = R"md(## What it does
With a label schema, flags a label of type `email` whose value is not an e-mail address as
RFC 5322's `addr-spec` defines it: `local-part@domain`, where the local part is dot-separated
atoms or a quoted string and the domain dot-separated atoms or a `[...]` literal.

## Why is this bad?
A contact label is there to be written to; a value that is not an address (a name, a URL,
`Jane <jane@example.com>` where only the address was expected) cannot be used by tools that
notify the owner.

## Example
<!-- shipshape-test: --require-label=org.example.contact:email -->
```dockerfile
FROM alpine:3.20
LABEL org.example.contact="Jane Doe"
```

## Use instead
```dockerfile
FROM alpine:3.20
LABEL org.example.contact="jane@example.com"
```

## Fix safety
There is no fix: only the author knows the right value.

## Differences from hadolint
hadolint uses `Text.Email.Validate.isValid` (also RFC 5322 `addr-spec`); shipshape implements
the same grammar without comments and folding white space. The value is expanded first (quotes
removed, ARG/ENV values applied); a value that depends on something only the build knows is not
judged. An empty value is left to DL3051. The finding is on the value and quotes it.
)md",
    .onbuild = false,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
