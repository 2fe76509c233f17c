#include "lint/lint.h"

#include <algorithm>

#include "syntax/parser.h"

namespace shipshape::lint {

FileResult LintText(std::string path, std::string text) {
  FileResult result{syntax::Parse(std::move(path), std::move(text)), {}};
  for (const syntax::SyntaxError& e : result.dockerfile.errors) {
    result.diagnostics.push_back({"", base::Severity::kError, e.range, e.Text()});
  }
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const base::Diagnostic& a, const base::Diagnostic& b) {
                     return a.range.begin < b.range.begin;
                   });
  return result;
}

}  // namespace shipshape::lint
