#include "lint/lint.h"

#include <algorithm>

#include "model/model.h"
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
  for (base::Diagnostic& d : findings) result.diagnostics.push_back(std::move(d));
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const base::Diagnostic& a, const base::Diagnostic& b) {
                     return a.range.begin < b.range.begin;
                   });
  return result;
}

}  // namespace shipshape::lint
