// SARIF 2.1.0 (OASIS), as GitHub code scanning and other SARIF viewers read it. Unlike
// hadolint's, the driver carries a `rules` array with each reported rule's docs and help URI,
// results carry end positions, fixes and stable partial fingerprints.
#include <map>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "output/format_util.h"
#include "output/formats.h"
#include "rules/docs.h"

namespace shipshape::output {
namespace {

using Json = nlohmann::ordered_json;

std::string_view Level(base::Severity s) {
  switch (s) {
    case base::Severity::kError:
      return "error";
    case base::Severity::kWarning:
      return "warning";
    case base::Severity::kInfo:
    case base::Severity::kStyle:
      return "note";
  }
  return "warning";
}

/// SARIF columns are 1-based; the run declares `columnKind: unicodeCodePoints`, so columns
/// count code points (an invalid byte counts one), as every other shipshape format does,
/// rather than SARIF's default of UTF-16 code units. End columns are exclusive, as SARIF's are.
/// A result's region stops before a line break its range takes in (Finding::trimmed_end); a
/// fix's deleted regions are the edits' exact ranges.
Json Region(base::Position begin, base::Position end) {
  return {{"startLine", begin.line},
          {"startColumn", begin.column},
          {"endLine", end.line},
          {"endColumn", end.column}};
}

Json RuleDescriptor(std::string_view code, const rules::Rule* rule) {
  Json j;
  j["id"] = code;
  if (code == kSyntaxErrorCode) {
    j["name"] = "syntax-error";
    j["shortDescription"] = {{"text", "The Dockerfile does not parse as BuildKit reads it"}};
    j["defaultConfiguration"] = {{"level", "error"}};
    return j;
  }
  if (!rule) {
    if (code.starts_with("SC")) {
      j["shortDescription"] = {{"text", fmt::format("ShellCheck's check {}", code)}};
      j["helpUri"] = RuleUrl(code);
      j["properties"] = {{"tags", Json::array({"shellcheck"})}};
    }
    return j;
  }
  j["name"] = rule->name;
  j["shortDescription"] = {{"text", rule->summary}};
  const std::string_view what = DocSection(rule->doc, "What it does");
  j["fullDescription"] = {{"text", what.empty() ? rule->summary : what}};
  j["help"] = {{"text", rule->doc}, {"markdown", rules::RulePage(*rule)}};
  j["helpUri"] = RuleUrl(rule->code);
  Json config = {{"level", Level(rule->severity)}};
  if (!rule->default_enabled) config["enabled"] = false;
  j["defaultConfiguration"] = std::move(config);
  j["properties"] = {{"tags", Json::array({rule->category})}};
  return j;
}

}  // namespace

void WriteSarif(std::string& out, const std::vector<lint::FileResult>& files,
                const ReportOptions& options) {
  std::vector<std::vector<Finding>> findings;
  findings.reserve(files.size());
  // The rules array lists the reported rules sorted by code; results point into it.
  std::map<std::string_view, const rules::Rule*> reported;
  for (const lint::FileResult& f : files) {
    findings.push_back(Findings(f));
    for (const Finding& finding : findings.back()) reported.emplace(finding.code, finding.rule);
  }
  Json rules_json = Json::array();
  std::map<std::string_view, std::size_t> index;
  for (const auto& [code, rule] : reported) {
    index[code] = rules_json.size();
    rules_json.push_back(RuleDescriptor(code, rule));
  }

  Json results = Json::array();
  for (std::size_t i = 0; i < files.size(); ++i) {
    const syntax::Dockerfile& df = files[i].dockerfile;
    const std::string uri = PathToUri(df.path());
    for (const Finding& f : findings[i]) {
      const base::Diagnostic& d = *f.diagnostic;
      Json r;
      r["ruleId"] = f.code;
      r["ruleIndex"] = index[f.code];
      r["level"] = Level(f.severity);
      r["message"] = {{"text", f.message}};
      r["locations"] = Json::array(
          {{{"physicalLocation",
             {{"artifactLocation", {{"uri", uri}}}, {"region", Region(f.begin, f.trimmed_end)}}}}});
      r["partialFingerprints"] = {{"shipshapeLineHash/v1", f.fingerprint}};
      if (d.image) {
        // Where in the container image: a logical location per layer, and the path inside.
        Json props = {{"image", d.image->image}};
        if (d.image->layer >= 0) {
          props["layer"] = d.image->layer;
          props["createdBy"] = d.image->created_by;
          r["locations"][0]["logicalLocations"] = Json::array(
              {{{"name", fmt::format("layer {}", d.image->layer)}, {"kind", "module"}}});
        }
        if (!d.image->path.empty()) props["imagePath"] = d.image->path;
        r["properties"] = std::move(props);
      }
      if (d.fix) {
        Json replacements = Json::array();
        for (const base::Edit& e : d.fix->edits) {
          replacements.push_back({{"deletedRegion", Region(df.lines().PositionOf(e.range.begin),
                                                           df.lines().PositionOf(e.range.end))},
                                  {"insertedContent", {{"text", e.text}}}});
        }
        Json changes = Json::array();
        if (!d.fix->edits.empty()) {
          changes.push_back({{"artifactLocation", {{"uri", uri}}},
                             {"replacements", std::move(replacements)}});
        }
        // Edits of another file (a `.dockerignore`): text inserted at its end.
        for (const base::FileEdit& e : d.fix->file_edits) {
          const std::size_t size = e.expected ? e.expected->size() : 0;
          changes.push_back(
              {{"artifactLocation", {{"uri", PathToUri(e.path)}}},
               {"replacements",
                Json::array({{{"deletedRegion", {{"charOffset", size}, {"charLength", 0}}},
                              {"insertedContent", {{"text", e.append}}}}})}});
        }
        r["fixes"] = Json::array(
            {{{"description", {{"text", d.fix->title}}},
              {"artifactChanges", std::move(changes)},
              {"properties", {{"applicability", ApplicabilityName(d.fix->applicability)}}}}});
      }
      results.push_back(std::move(r));
    }
  }

  Json driver;
  driver["name"] = "shipshape";
  driver["version"] = options.tool_version.empty() ? SHIPSHAPE_VERSION : options.tool_version;
  driver["informationUri"] = kInformationUri;
  driver["rules"] = std::move(rules_json);
  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  run["defaultSourceLanguage"] = "dockerfile";
  Json sarif;
  sarif["version"] = "2.1.0";
  sarif["$schema"] =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  sarif["runs"] = Json::array({std::move(run)});
  // Invalid UTF-8 in a message, path or edit is replaced rather than throwing.
  out += sarif.dump(2, ' ', false, Json::error_handler_t::replace);
  out += '\n';
}

}  // namespace shipshape::output
