#include "lint/lint.h"

#include <algorithm>

#include "model/model.h"
#include "rules/registry.h"
#include "suppress/suppress.h"
#include "syntax/parser.h"

namespace shipshape::lint {

FileResult LintText(std::string path, std::string text, const LintOptions& options) {
  FileResult result{syntax::Parse(std::move(path), std::move(text)), {}};
  const syntax::Dockerfile& df = result.dockerfile;
  for (const syntax::SyntaxError& e : df.errors) {
    base::Diagnostic d;
    d.severity = base::Severity::kError;
    d.range = e.range;
    d.message = e.Text();
    result.diagnostics.push_back(std::move(d));
  }
  model::ModelOptions model_options;
  model_options.target = options.rules.target;
  const model::Model model = model::Model::Build(df, model_options);
  std::vector<base::Diagnostic> findings =
      RunRules(df, model, options.rules, options.selection);
  // Suppressions, then the rules that judge them (they need to know what was suppressed).
  suppress::Suppressor suppressor(df, options.disable_ignore_pragma);
  std::vector<const rules::Rule*> ran;
  for (const rules::Rule* r : rules::AllRules()) {
    if (options.selection.Enabled(*r)) ran.push_back(r);
  }
  suppressor.NoteRulesThatRan(ran);
  suppressor.Apply(findings);
  std::vector<base::Diagnostic> about_pragmas;
  rules::Context ctx(df, model, options.rules, about_pragmas);
  for (const rules::Rule* r : ran) {
    if (!r->on_pragmas) continue;
    ctx.SetRule(r);
    r->on_pragmas(ctx, suppressor.pragmas());
  }
  for (base::Diagnostic& d : about_pragmas) {
    d.severity = options.selection.SeverityOf(*rules::FindRule(d.code));
  }
  suppressor.Apply(about_pragmas);
  for (base::Diagnostic& d : about_pragmas) findings.push_back(std::move(d));
  for (base::Diagnostic& d : findings) result.diagnostics.push_back(std::move(d));
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const base::Diagnostic& a, const base::Diagnostic& b) {
                     return a.range.begin < b.range.begin;
                   });
  return result;
}

}  // namespace shipshape::lint
