#include "rules/rule.h"

namespace shipshape::rules {

Context::Context(const syntax::Dockerfile& df, const model::Model& model, const Options& options,
                 std::vector<base::Diagnostic>& out)
    : df_(df), model_(model), options_(options), out_(out) {}

const shell::Analysis& Context::Shell(std::size_t index) {
  auto it = shells_.find(index);
  if (it == shells_.end()) {
    it = shells_.emplace(index, shell::Analysis::Analyze(model_, index)).first;
  }
  return it->second;
}

void Context::Report(base::Range range, std::string message, std::optional<base::Fix> fix) {
  base::Diagnostic d;
  d.code = std::string(rule_->code);
  d.severity = rule_->severity;
  d.range = range;
  d.message = std::move(message);
  d.fix = std::move(fix);
  out_.push_back(std::move(d));
}

}  // namespace shipshape::rules
