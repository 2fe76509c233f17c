// What DL3012, DL4003 and DL4004 share: an instruction that a later one of the same kind in
// the same stage replaces (HEALTHCHECK, CMD, ENTRYPOINT: the image keeps only the last).
#pragma once

#include <string_view>

#include "rules/rule.h"

namespace shipshape::rules {

/// Reports every `keyword` instruction (spelled `name` in messages) that a later one of its
/// stage replaces, with a safe fix deleting its lines.
void ReportOverridden(Context& ctx, syntax::Keyword keyword, std::string_view name);

}  // namespace shipshape::rules
