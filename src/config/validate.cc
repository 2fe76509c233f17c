#include "config/validate.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "base/suggest.h"
#include "config/settings.h"
#include "rules/registry.h"

namespace shipshape::config {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) { return Lower(a) == Lower(b); }

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string SelectorError(std::string_view selector) {
  if (rules::IsKnownSelector(selector)) return {};
  // Candidates: every code and kebab name, so `DL3080` suggests `DL3008` and `latest-tags`
  // suggests `latest-tag`.
  static const std::vector<std::string> kCandidates = [] {
    std::vector<std::string> out;
    for (const rules::Rule* r : rules::AllRules()) {
      out.emplace_back(r->code);
      out.emplace_back(r->name);
    }
    return out;
  }();
  return base::WithSuggestion(fmt::format("unknown rule selector `{}`", selector), selector,
                              kCandidates, /*case_sensitive=*/false);
}

std::optional<base::Severity> ParseLevel(std::string_view name) {
  return base::ParseSeverity(Lower(name));
}

bool IsLabelType(std::string_view type) {
  if (type.empty()) return true;
  for (std::string_view t : LabelTypes()) {
    if (t == type) return true;
  }
  return false;
}

std::optional<rules::LabelRequirement> ParseLabelSpec(std::string_view spec) {
  const std::size_t colon = spec.find(':');
  rules::LabelRequirement req;
  req.name = std::string(spec.substr(0, colon));
  const std::string_view type =
      colon == std::string_view::npos ? std::string_view() : spec.substr(colon + 1);
  if (req.name.empty() || !IsLabelType(type)) return std::nullopt;
  req.type = type.empty() ? "text" : std::string(type);
  return req;
}

bool Truthy(std::string_view value) {
  const std::string v = Lower(value);
  return v == "1" || v == "y" || v == "on" || v == "true" || v == "yes";
}

std::string Suggesting(std::string message, std::string_view value,
                       std::initializer_list<std::string_view> candidates) {
  return base::WithSuggestion(std::move(message), value,
                              std::span<const std::string_view>(candidates.begin(), candidates.size()),
                              /*case_sensitive=*/true);
}

}  // namespace shipshape::config
