#include "image/audit.h"

#include <string>

#include "rules/image/image_context.h"
#include "rules/registry.h"

namespace shipshape::image {
namespace {

/// Whitespace runs as one space, trimmed.
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

/// The text a builder records for an instruction's arguments.
std::string InstructionText(const syntax::Instruction& inst) {
  if (inst.json) {
    std::string out;
    for (const syntax::Word& w : inst.args) {
      if (!out.empty()) out += ' ';
      out.append(w.value);
    }
    return Collapse(out);
  }
  return Collapse(inst.rest.value);
}

bool Matches(const syntax::Instruction& inst, const std::string& keyword, const std::string& text) {
  if (syntax::KeywordName(inst.keyword) != keyword) return false;
  const std::string mine = InstructionText(inst);
  const std::string theirs = Collapse(text);
  if (keyword == "RUN") {
    return !mine.empty() && (theirs == mine || theirs.find(mine) != std::string::npos ||
                             (!theirs.empty() && mine.find(theirs) != std::string::npos));
  }
  if (keyword == "COPY" || keyword == "ADD") {
    // The destination is the last word in every builder's record (`COPY src /dst`,
    // `COPY file:<hash> in /dst `).
    if (inst.args.empty()) return false;
    const std::string dest = Collapse(inst.args.back().value);
    return theirs.size() >= dest.size() && theirs.compare(theirs.size() - dest.size(), dest.size(), dest) == 0;
  }
  const std::size_t sp = mine.find(' ');
  return theirs.rfind(mine.substr(0, sp), 0) == 0;
}

}  // namespace

std::vector<std::optional<std::size_t>> MapLayers(const Image& image, const syntax::Dockerfile& df,
                                                  const model::Model& model) {
  std::vector<std::optional<std::size_t>> out(image.layers.size());
  std::vector<std::size_t> candidates;
  for (std::size_t s : model.ShippedStages()) {
    const model::Stage& stage = model.stages()[s];
    for (std::size_t i = stage.begin + 1; i < stage.end && i < df.instructions.size(); ++i) {
      candidates.push_back(i);
    }
  }
  std::size_t cursor = candidates.size();  // candidates [0, cursor) are still free
  for (std::size_t l = image.layers.size(); l-- > 0;) {
    if (image.layers[l].created_by.empty()) continue;
    const auto [keyword, text] = rules::HistoryInstruction(image.layers[l].created_by);
    for (std::size_t c = cursor; c-- > 0;) {
      if (Matches(df.instructions[candidates[c]], keyword, text)) {
        out[l] = candidates[c];
        cursor = c;
        break;
      }
    }
  }
  return out;
}

AuditResult Audit(const Image& image, const lint::Selection& selection,
                  const syntax::Dockerfile* df, const model::Model* model) {
  AuditResult result;
  rules::ImageContext ctx(image, result.diagnostics);
  std::vector<std::optional<std::size_t>> layers;
  if (df && model) {
    layers = MapLayers(image, *df, *model);
    const std::vector<std::size_t> shipped = model->ShippedStages();
    if (!shipped.empty()) {
      const model::Stage& root = model->stages()[shipped.front()];
      if (root.base_kind == model::BaseKind::kImage) ctx.SetBaseImage(root.base.value);
    }
  }
  for (const rules::Rule* rule : rules::AllRules()) {
    if (!rule->on_image || !selection.Enabled(*rule)) continue;
    const std::size_t first = result.diagnostics.size();
    ctx.SetRule(rule);
    rule->on_image(ctx);
    // A severity override wins over the level a rule picked for one finding (SP802).
    const base::Severity chosen = selection.SeverityOf(*rule);
    for (std::size_t i = first; i < result.diagnostics.size(); ++i) {
      if (chosen != rule->severity) result.diagnostics[i].severity = chosen;
    }
  }
  result.mapped.assign(result.diagnostics.size(), false);
  for (std::size_t i = 0; i < result.diagnostics.size(); ++i) {
    base::Diagnostic& d = result.diagnostics[i];
    if (!d.image || d.image->layer < 0 || static_cast<std::size_t>(d.image->layer) >= layers.size()) {
      continue;
    }
    if (const std::optional<std::size_t> inst = layers[static_cast<std::size_t>(d.image->layer)]) {
      d.range = df->instructions[*inst].range;
      result.mapped[i] = true;
    }
  }
  return result;
}

}  // namespace shipshape::image
