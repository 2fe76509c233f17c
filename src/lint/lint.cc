#include "lint/lint.h"

#include <algorithm>

#include "model/model.h"
#include "rules/registry.h"
#include "suppress/suppress.h"
#include "syntax/parser.h"

namespace shipshape::lint {

namespace {

/// ShellCheck's checks that hadolint turns off: SC1090 and SC1091 (files a script sources are
/// not there), SC2187 (ash is checked as dash).
bool ShellCheckOnByDefault(std::string_view code) {
  return code != "SC1090" && code != "SC1091" && code != "SC2187";
}

model::ModelOptions ModelOptionsFor(const LintOptions& options) {
  model::ModelOptions model_options;
  model_options.target = options.rules.target;
  return model_options;
}

}  // namespace

FileResult LintText(std::string path, std::string text, const LintOptions& options) {
  return LintDockerfile(syntax::Parse(std::move(path), std::move(text)), options);
}

std::vector<shellcheck::Script> ShellCheckScripts(const syntax::Dockerfile& df,
                                                  const LintOptions& options) {
  return shellcheck::Collect(model::Model::Build(df, ModelOptionsFor(options)));
}

namespace {

// The model points at the Dockerfile object: build it on the one in its final place (inside
// the PartialResult), and move that out only when the model is no longer used.

/// Syntax errors as diagnostics, then the rules' findings.
void RunRulesOn(PartialResult& partial, const model::Model& model, const LintOptions& options) {
  const syntax::Dockerfile& df = partial.result.dockerfile;
  for (const syntax::SyntaxError& e : df.errors) {
    base::Diagnostic d;
    d.severity = base::Severity::kError;
    d.range = e.range;
    d.message = e.Text();
    partial.result.diagnostics.push_back(std::move(d));
  }
  partial.findings = RunRules(df, model, options.rules, options.selection);
}

/// ShellCheck's findings through the selection, the suppressions, the rules about pragmas.
void FinishWith(PartialResult& partial, const model::Model& model, const LintOptions& options,
                std::vector<base::Diagnostic> shellcheck) {
  FileResult& result = partial.result;
  std::vector<base::Diagnostic>& findings = partial.findings;
  const syntax::Dockerfile& df = result.dockerfile;
  for (base::Diagnostic& d : shellcheck) {
    if (!options.selection.EnabledCode(d.code, ShellCheckOnByDefault(d.code))) continue;
    d.severity = options.selection.SeverityOfCode(d.code, d.severity);
    findings.push_back(std::move(d));
  }
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
  findings.clear();
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const base::Diagnostic& a, const base::Diagnostic& b) {
                     return a.range.begin < b.range.begin;
                   });
}

}  // namespace

PartialResult LintRules(syntax::Dockerfile df, const LintOptions& options) {
  PartialResult partial{{std::move(df), {}}, {}};
  const model::Model model =
      model::Model::Build(partial.result.dockerfile, ModelOptionsFor(options));
  RunRulesOn(partial, model, options);
  return partial;
}

FileResult Finish(PartialResult partial, const LintOptions& options,
                  std::vector<base::Diagnostic> shellcheck) {
  {
    const model::Model model =
        model::Model::Build(partial.result.dockerfile, ModelOptionsFor(options));
    FinishWith(partial, model, options, std::move(shellcheck));
  }
  return std::move(partial.result);
}

FileResult LintDockerfile(syntax::Dockerfile df, const LintOptions& options,
                          std::vector<base::Diagnostic> shellcheck) {
  PartialResult partial{{std::move(df), {}}, {}};
  {
    const model::Model model =
        model::Model::Build(partial.result.dockerfile, ModelOptionsFor(options));
    RunRulesOn(partial, model, options);
    FinishWith(partial, model, options, std::move(shellcheck));
  }
  return std::move(partial.result);
}

}  // namespace shipshape::lint
