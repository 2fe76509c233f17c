#include "syntax/check_directive.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/go_quote.h"
#include "base/go_strconv.h"
#include "base/utf8.h"
#include "syntax/parser.h"

namespace shipshape::syntax {
namespace {

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

/// A comma list with each element trimmed (Go strings.Split + TrimSpace).
std::vector<std::string> SplitRules(std::string_view v) {
  std::vector<std::string> out;
  for (;;) {
    const std::size_t comma = v.find(',');
    out.emplace_back(base::TrimSpace(v.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return out;
}

bool IsAllLower(std::string_view s) { return s == base::ToLower(s); }
bool IsAllUpper(std::string_view s) { return s == base::ToUpper(s); }

}  // namespace

bool CheckConfig::Enabled(std::string_view rule, bool is_experimental) const {
  if (is_experimental) return experimental_all || Contains(experimental, rule);
  return !skip_all && !Contains(skip, rule);
}

void CheckConfig::Merge(const CheckConfig& other) {
  skip_all = skip_all || other.skip_all;
  skip.insert(skip.end(), other.skip.begin(), other.skip.end());
  experimental_all = experimental_all || other.experimental_all;
  experimental.insert(experimental.end(), other.experimental.begin(), other.experimental.end());
}

std::optional<CheckConfig> ParseCheckConfig(std::string_view value, std::string* error) {
  CheckConfig config;
  value = base::TrimSpace(value);
  if (value.empty()) return config;
  // strings.SplitN(value, ";", 3): the third part keeps any further ';'.
  std::vector<std::string_view> parts;
  while (parts.size() < 2) {
    const std::size_t semi = value.find(';');
    if (semi == std::string_view::npos) break;
    parts.push_back(value.substr(0, semi));
    value.remove_prefix(semi + 1);
  }
  parts.push_back(value);
  for (std::string_view part : parts) {
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      if (error) *error = fmt::format("invalid check option {}", base::GoQuote(part));
      return std::nullopt;
    }
    const std::string_view key = base::TrimSpace(part.substr(0, eq));
    const std::string_view v = part.substr(eq + 1);
    if (key == "skip" || key == "experimental") {
      const std::string_view t = base::TrimSpace(v);
      const bool all = t == "all";
      if (key == "skip") {
        if (all) {
          config.skip_all = true;
        } else {
          config.skip = SplitRules(t);
        }
      } else if (all) {
        config.experimental_all = true;
      } else {
        config.experimental = SplitRules(t);
      }
    } else if (key == "error") {
      base::GoResult<bool> b = base::ParseBool(base::TrimSpace(v));
      if (!b.ok()) {
        if (error) {
          *error = fmt::format("failed to parse check option {}: {}", base::GoQuote(part), b.error);
        }
        return std::nullopt;
      }
      config.error = b.value;
    } else {
      if (error) *error = fmt::format("invalid check option {}", base::GoQuote(key));
      return std::nullopt;
    }
  }
  return config;
}

CheckConfig FileCheckConfig(const Dockerfile& df, std::string* error) {
  std::optional<DirectiveLookup> directive = LookupDirective(df.text(), "check");
  if (!directive) return {};
  std::optional<CheckConfig> config = ParseCheckConfig(directive->value, error);
  return config ? *config : CheckConfig{};
}

CheckConfig InstructionCheckConfig(const CheckConfig& base,
                                   std::span<const std::string_view> comments) {
  CheckConfig merged = base;
  for (std::string_view comment : comments) {
    std::string line(1, '#');  // (not `"#" + ...`: GCC 12 warns falsely on that)
    line += comment;
    std::optional<DirectiveLookup> directive = LookupDirective(line, "check");
    if (!directive) continue;
    std::optional<CheckConfig> config = ParseCheckConfig(directive->value, nullptr);
    if (!config) continue;  // a malformed per-instruction value is ignored
    merged.Merge(*config);
    break;
  }
  return merged;
}

std::vector<BuildCheck> ParseTimeChecks(const Dockerfile& df, const CheckConfig& config) {
  std::vector<BuildCheck> out;
  for (const Instruction& inst : df.instructions) {
    const CheckConfig c =
        inst.comments.empty() ? config : InstructionCheckConfig(config, inst.comments);
    auto report = [&](std::string_view rule, bool experimental, std::string message,
                      base::Range range) {
      if (c.Enabled(rule, experimental)) {
        out.push_back({rule, std::move(message), range, inst.start_line});
      }
    };
    std::vector<std::string_view> args;
    for (const Word& w : inst.args) args.push_back(w.value);
    if (inst.keyword == Keyword::kFrom) {
      if (args.size() == 3 && args[2] != base::ToLower(args[2])) {
        report("StageNameCasing", false,
               fmt::format("Stage name '{}' should be lowercase", args[2]), inst.args[2].range);
      }
      const std::string_view word = inst.word.value;
      if (args.size() >= 3 && (IsAllLower(word) || IsAllUpper(word))) {
        const bool ok = IsAllLower(word) ? IsAllLower(args[1]) : IsAllUpper(args[1]);
        if (!ok) {
          report("FromAsCasing", false,
                 fmt::format("'{}' and '{}' keywords' casing do not match", args[1], word),
                 inst.args[1].range);
        }
      }
      if (args.size() == 3 && base::EqualsIgnoreCase(args[1], "as") && !inst.comments.empty()) {
        const std::string name = base::ToLower(args[2]);
        std::string_view last = inst.comments.back();
        if (last.substr(0, last.find(' ')) != name) {
          report(
              "InvalidDefinitionDescription", true,
              fmt::format("Comment for FROM should follow the format: `# {} <description>`", name),
              inst.range);
        }
      }
    } else if (inst.keyword == Keyword::kMaintainer) {
      report("MaintainerDeprecated", false,
             "Maintainer instruction is deprecated in favor of using label", inst.word.range);
    } else if (inst.keyword == Keyword::kArg && !inst.comments.empty() && !args.empty()) {
      std::string_view last = inst.comments.back();
      const std::string_view first = last.substr(0, last.find(' '));
      bool documented = false;
      for (std::string_view a : args) documented = documented || a.substr(0, a.find('=')) == first;
      if (!documented) {
        const std::string_view example =
            args.size() > 1 ? "<arg_key>" : args[0].substr(0, args[0].find('='));
        report(
            "InvalidDefinitionDescription", true,
            fmt::format("Comment for ARG should follow the format: `# {} <description>`", example),
            inst.range);
      }
    }
  }
  return out;
}

}  // namespace shipshape::syntax
