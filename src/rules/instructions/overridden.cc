#include "rules/instructions/overridden.h"

#include <fmt/format.h>

namespace shipshape::rules {
namespace {

/// The bytes of `inst` with its indentation and its line end: deleting them leaves the lines
/// around it as they were.
base::Range WholeLines(const syntax::Dockerfile& df, const syntax::Instruction& inst) {
  const std::string_view text = df.text();
  base::Range r = inst.range;
  while (r.begin > df.bom_size && (text[r.begin - 1] == ' ' || text[r.begin - 1] == '\t')) {
    --r.begin;
  }
  if (r.end < text.size() && text[r.end] == '\r') ++r.end;
  if (r.end < text.size() && text[r.end] == '\n') ++r.end;
  return r;
}

}  // namespace

void ReportOverridden(Context& ctx, syntax::Keyword keyword, std::string_view name) {
  const syntax::Dockerfile& df = ctx.dockerfile();
  // Backwards, so that the last one of each stage, the one that wins, is known first.
  const syntax::Instruction* winner = nullptr;
  // An instruction BuildKit rejects is neither judged nor deleted: its error says what to do.
  const std::vector<bool> rejected = df.RejectedInstructions();
  for (std::size_t i = df.instructions.size(); i-- > 0;) {
    const syntax::Instruction& inst = df.instructions[i];
    if (inst.keyword == syntax::Keyword::kFrom) {
      winner = nullptr;
    } else if (inst.keyword == keyword && !rejected[i]) {
      if (!winner) {
        winner = &inst;
        continue;
      }
      ctx.Report(inst.word.range,
                 fmt::format("This `{0}` has no effect: the `{0}` on line {1}, the last of the "
                             "stage, replaces it",
                             name, winner->start_line),
                 base::Fix{fmt::format("Remove the overridden `{}`", name),
                           base::Applicability::kSafe,
                           {{WholeLines(df, inst), ""}}});
    }
  }
}

}  // namespace shipshape::rules
