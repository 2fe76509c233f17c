#include "rules/docs.h"

#include <fmt/format.h>

#include "rules/registry.h"

namespace shipshape::rules {
namespace {

std::string_view FixableName(Fixable f) {
  switch (f) {
    case Fixable::kNever: return "no";
    case Fixable::kSometimes: return "sometimes";
    case Fixable::kAlways: return "yes";
  }
  return "no";
}

/// The doc text between `## <section>` and the next `## `.
std::string_view Section(std::string_view doc, std::string_view section) {
  const std::string header = "## " + std::string(section) + "\n";
  std::size_t at = doc.find(header);
  if (at == std::string_view::npos) return {};
  at += header.size();
  const std::size_t next = doc.find("\n## ", at);
  return doc.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at);
}

}  // namespace

std::vector<std::string> DocSectionTitles(const Rule& rule) {
  std::vector<std::string> titles;
  std::string_view doc = rule.doc;
  std::size_t pos = 0;
  while (pos < doc.size()) {
    const std::size_t nl = doc.find('\n', pos);
    const std::string_view line =
        doc.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (line.substr(0, 3) == "## ") titles.emplace_back(line.substr(3));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return titles;
}

std::vector<std::string> DocBlocks(const Rule& rule, std::string_view section) {
  std::vector<std::string> blocks;
  std::string_view text = Section(rule.doc, section);
  for (;;) {
    const std::size_t open = text.find("```dockerfile\n");
    if (open == std::string_view::npos) break;
    const std::size_t body = open + 14;
    const std::size_t close = text.find("```", body);
    if (close == std::string_view::npos) break;
    blocks.emplace_back(text.substr(body, close - body));
    text.remove_prefix(close + 3);
  }
  return blocks;
}

std::string RulePage(const Rule& rule) {
  std::string out = fmt::format("# {} `{}`\n\n{}\n\n", rule.code, rule.name, rule.summary);
  out += fmt::format(
      "| Severity | Category | Enabled by default | Fix | Also checks ONBUILD |\n"
      "|---|---|---|---|---|\n"
      "| {} | {} | {} | {} | {} |\n\n",
      base::SeverityName(rule.severity), rule.category, rule.default_enabled ? "yes" : "no",
      FixableName(rule.fixable), rule.onbuild ? "yes" : "no");
  if (!rule.buildkit_name.empty()) {
    out += fmt::format(
        "Also answers to Docker's build check name `{0}`, wherever a code is accepted "
        "(`--ignore`, configuration, pragmas, `# check=skip=`). Selected by that name and not "
        "by its code (`--select {0}`), it reports what Docker's check reports.\n\n",
        rule.buildkit_name);
  }
  out += rule.doc;
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

std::string IndexPage() {
  std::string out =
      "# Rules\n\nGenerated from the rules' own metadata (`make docs`); `shipshape rule CODE` "
      "prints the same page.\n\n"
      "DL codes are hadolint's, so its pragmas and configs keep working. shipshape's own rules are\n"
      "`SP` + 3 digits, the hundreds digit a category (`--select SP4` selects one):\n\n"
      "| Codes | Category | About |\n|---|---|---|\n"
      "| SP1xx | meta | suppression pragmas, analysis limits |\n"
      "| SP2xx | buildkit | Docker's build checks hadolint has no rule for |\n"
      "| SP3xx | context | the build context and `.dockerignore` |\n"
      "| SP4xx | secrets | credentials in the Dockerfile, on command lines, in copied files |\n"
      "| SP5xx | supply chain | pinning, checksums, TLS and signature checks |\n"
      "| SP6xx | layers | layers and caches: ownership, permissions, update/install order |\n"
      "| SP7xx | runtime | what the shipped image runs as, exposes and contains |\n\n"
      "BuildKit's check names (`JSONArgsRecommended`, ...) are accepted wherever a code is.\n\n"
      "| Code | Name | Severity | Fix | Summary |\n|---|---|---|---|---|\n";
  for (const Rule* r : AllRules()) {
    out += fmt::format("| [{}]({}.md) | `{}` | {}{} | {} | {} |\n", r->code, r->code, r->name,
                       base::SeverityName(r->severity), r->default_enabled ? "" : " (off)",
                       FixableName(r->fixable), r->summary);
  }
  return out;
}

std::string RulesTable() {
  std::string out;
  for (const Rule* r : AllRules()) {
    out += fmt::format("{:<7} {:<34} {:<8}{} {}{}\n", r->code, r->name,
                       base::SeverityName(r->severity), r->fixable == Fixable::kNever ? " " : "*",
                       r->summary, r->default_enabled ? "" : " (off by default)");
  }
  return out;
}

}  // namespace shipshape::rules
