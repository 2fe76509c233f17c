#include "config/settings.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "base/glob.h"
#include "base/utf8.h"
#include "rules/registry.h"
#include "output/formats.h"
#include "config/validate.h"

namespace shipshape::config {

std::string Origin::Describe() const {
  switch (kind) {
    case Kind::kDefault:
      return "default";
    case Kind::kFile:
      if (line > 0) return fmt::format("{}:{}:{}", source, line, column);
      return source;
    case Kind::kEnvironment:
      return fmt::format("environment {}", source);
    case Kind::kCommandLine:
      return source.empty() ? "command line" : fmt::format("command line {}", source);
  }
  return "default";
}

std::string Problem::ToString() const {
  std::string out = source;
  if (line > 0) out += fmt::format(":{}:{}", line, column);
  if (!key.empty()) out += fmt::format(": {}", key);
  out += fmt::format(": {}", message);
  return out;
}

namespace {

constexpr std::string_view kThresholdNames[] = {"error", "warning", "info", "style", "none"};
constexpr std::string_view kColorNames[] = {"auto", "always", "never"};
constexpr std::string_view kShellCheckNames[] = {"auto", "always", "never"};
/// The formats src/output writes.
constexpr const auto& kFormats = output::kFormatNames;
constexpr std::string_view kLabelTypes[] = {"text", "url",     "semver", "hash",
                                            "rfc3339", "spdx", "email"};

template <class E, std::size_t N>
std::optional<E> ParseName(const std::string_view (&names)[N], std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

/// Appends `add` to `list`, dropping entries already present (any case).
void AppendUnique(std::vector<Sourced<std::string>>& list,
                  const std::vector<Sourced<std::string>>& add) {
  for (const Sourced<std::string>& item : add) {
    const bool seen = std::any_of(list.begin(), list.end(), [&](const Sourced<std::string>& s) {
      return EqualsIgnoreCase(s.value, item.value);
    });
    if (!seen) list.push_back(item);
  }
}

/// Merges severity overrides: a later entry replaces one with the same selector (any case).
void MergeSeverity(std::map<std::string, Sourced<base::Severity>>& into,
                   const std::map<std::string, Sourced<base::Severity>>& add) {
  for (const auto& [selector, level] : add) {
    for (auto it = into.begin(); it != into.end();) {
      it = EqualsIgnoreCase(it->first, selector) ? into.erase(it) : std::next(it);
    }
    into[selector] = level;
  }
}

template <class T>
void Take(Sourced<T>& into, const std::optional<Sourced<T>>& from) {
  if (from) into = *from;
}

std::vector<std::string> Values(const std::vector<Sourced<std::string>>& list) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const Sourced<std::string>& s : list) out.push_back(s.value);
  return out;
}

std::map<std::string, base::Severity> Levels(
    const std::map<std::string, Sourced<base::Severity>>& map) {
  std::map<std::string, base::Severity> out;
  for (const auto& [selector, level] : map) out[selector] = level.value;
  return out;
}

bool Matches(const PathOverride& o, const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  const std::string absolute = file.generic_string();
  std::string relative;
  if (!o.base_dir.empty()) {
    const std::filesystem::path rel = file.lexically_relative(o.base_dir);
    if (!rel.empty() && *rel.begin() != "..") relative = rel.generic_string();
  }
  for (const Sourced<std::string>& glob : o.paths) {
    const std::string& p = glob.value;
    if (p.find('/') == std::string::npos) {
      if (base::GlobMatch(p, name)) return true;
    } else if (p.front() == '/') {
      if (base::GlobMatch(p, absolute)) return true;
    } else {
      std::string_view pattern = p;
      if (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
      if (!relative.empty() && base::GlobMatch(pattern, relative)) return true;
    }
  }
  return false;
}

std::string Quote(std::string_view s) {
  if (s.empty()) return "\"\"";
  return std::string(s);
}

}  // namespace

std::string_view FailureThresholdName(FailureThreshold t) {
  return kThresholdNames[static_cast<int>(t)];
}
std::optional<FailureThreshold> ParseFailureThreshold(std::string_view name) {
  return ParseName<FailureThreshold>(kThresholdNames, Lower(name));
}
std::string_view ColorName(Color c) { return kColorNames[static_cast<int>(c)]; }
std::optional<Color> ParseColor(std::string_view name) {
  return ParseName<Color>(kColorNames, Lower(name));
}
std::string_view ShellCheckName(ShellCheck s) { return kShellCheckNames[static_cast<int>(s)]; }
std::optional<ShellCheck> ParseShellCheck(std::string_view name) {
  return ParseName<ShellCheck>(kShellCheckNames, Lower(name));
}
std::span<const std::string_view> KnownFormats() { return kFormats; }
std::span<const std::string_view> LabelTypes() { return kLabelTypes; }

Settings Resolve(std::span<const Layer> layers) {
  Settings s;
  for (const Layer& layer : layers) {
    if (layer.select) s.select = *layer.select;
    AppendUnique(s.extend_select, layer.extend_select);
    AppendUnique(s.ignore, layer.ignore);
    MergeSeverity(s.severity, layer.severity);
    Take(s.failure_threshold, layer.failure_threshold);
    Take(s.no_fail, layer.no_fail);
    Take(s.no_color, layer.no_color);
    Take(s.color, layer.color);
    Take(s.format, layer.format);
    AppendUnique(s.trusted_registries, layer.trusted_registries);
    for (const Sourced<rules::LabelRequirement>& req : layer.label_schema) {
      auto same = std::find_if(s.label_schema.begin(), s.label_schema.end(),
                               [&](const auto& r) { return r.value.name == req.value.name; });
      if (same != s.label_schema.end()) {
        *same = req;
      } else {
        s.label_schema.push_back(req);
      }
    }
    Take(s.strict_labels, layer.strict_labels);
    Take(s.disable_ignore_pragma, layer.disable_ignore_pragma);
    Take(s.shellcheck, layer.shellcheck);
    Take(s.context, layer.context);
    Take(s.target, layer.target);
    Take(s.baseline, layer.baseline);
    s.per_path.insert(s.per_path.end(), layer.per_path.begin(), layer.per_path.end());
    if (!layer.file.empty()) {
      s.file = layer.file;
      s.hadolint_defaults = layer.hadolint_file;
    }
    s.warnings.insert(s.warnings.end(), layer.warnings.begin(), layer.warnings.end());
  }
  // `no-color` is hadolint's spelling of `color: never`; it wins unless a higher layer asked
  // for colour explicitly.
  if (s.no_color.value && s.color.origin.kind <= s.no_color.origin.kind) {
    s.color = {Color::kNever, s.no_color.origin};
  }
  return s;
}

lint::LintOptions OptionsFor(const Settings& settings, std::string_view dockerfile_path) {
  lint::LintOptions options;
  std::vector<Sourced<std::string>> select = settings.select;
  std::vector<Sourced<std::string>> extend_select = settings.extend_select;
  std::vector<Sourced<std::string>> ignore = settings.ignore;
  std::map<std::string, Sourced<base::Severity>> severity = settings.severity;
  if (!settings.per_path.empty() && dockerfile_path != "-" && !dockerfile_path.empty()) {
    std::filesystem::path file{std::string(dockerfile_path)};
    if (file.is_relative()) {
      std::error_code ec;
      const std::filesystem::path cwd =
          settings.cwd.empty() ? std::filesystem::current_path(ec) : settings.cwd;
      file = cwd / file;
    }
    file = file.lexically_normal();
    for (const PathOverride& o : settings.per_path) {
      if (!Matches(o, file)) continue;
      if (o.select) select = *o.select;
      AppendUnique(extend_select, o.extend_select);
      AppendUnique(ignore, o.ignore);
      MergeSeverity(severity, o.severity);
    }
  }
  options.selection.select = Values(select);
  options.selection.hadolint_defaults = settings.hadolint_defaults;
  options.selection.extend_select = Values(extend_select);
  options.selection.ignore = Values(ignore);
  options.selection.severity = Levels(severity);
  options.rules.trusted_registries = Values(settings.trusted_registries);
  for (const auto& req : settings.label_schema) options.rules.label_schema.push_back(req.value);
  options.rules.strict_labels = settings.strict_labels.value;
  options.rules.target = settings.target.value;
  options.disable_ignore_pragma = settings.disable_ignore_pragma.value;
  return options;
}

std::string Show(const Settings& s) {
  std::string out;
  const auto line = [&](std::string_view key, std::string_view value, const Origin& origin) {
    out += fmt::format("{} = {}  # {}\n", key, value, origin.Describe());
  };
  const auto list = [&](std::string_view key, const std::vector<Sourced<std::string>>& items,
                        std::string_view empty) {
    if (items.empty()) line(key, empty, Origin{});
    for (const Sourced<std::string>& item : items) line(key, item.value, item.origin);
  };
  const auto severities = [&](std::string_view prefix,
                              const std::map<std::string, Sourced<base::Severity>>& map) {
    if (map.empty()) line(prefix, "{}", Origin{});
    for (const auto& [selector, level] : map) {
      line(fmt::format("{}.{}", prefix, selector), base::SeverityName(level.value), level.origin);
    }
  };
  out += fmt::format("config-file = {}\n", s.file.empty() ? "(none)" : s.file);
  list("select", s.select, "(default rule set)");
  list("extend-select", s.extend_select, "[]");
  list("ignore", s.ignore, "[]");
  severities("severity", s.severity);
  line("failure-threshold", FailureThresholdName(s.failure_threshold.value),
       s.failure_threshold.origin);
  line("no-fail", s.no_fail.value ? "true" : "false", s.no_fail.origin);
  line("no-color", s.no_color.value ? "true" : "false", s.no_color.origin);
  line("color", ColorName(s.color.value), s.color.origin);
  line("format", fmt::format("{}", fmt::join(s.format.value, ", ")), s.format.origin);
  list("trusted-registries", s.trusted_registries, "[]");
  if (s.label_schema.empty()) line("label-schema", "{}", Origin{});
  for (const auto& req : s.label_schema) {
    line(fmt::format("label-schema.{}", req.value.name), req.value.type, req.origin);
  }
  line("strict-labels", s.strict_labels.value ? "true" : "false", s.strict_labels.origin);
  line("disable-ignore-pragma", s.disable_ignore_pragma.value ? "true" : "false",
       s.disable_ignore_pragma.origin);
  line("shellcheck", ShellCheckName(s.shellcheck.value), s.shellcheck.origin);
  line("context", Quote(s.context.value), s.context.origin);
  line("target", Quote(s.target.value), s.target.origin);
  line("baseline", Quote(s.baseline.value), s.baseline.origin);
  if (s.per_path.empty()) line("per-path", "[]", Origin{});
  for (std::size_t i = 0; i < s.per_path.size(); ++i) {
    const PathOverride& o = s.per_path[i];
    const std::string key = fmt::format("per-path[{}]", i);
    list(key + ".paths", o.paths, "[]");
    if (o.select) list(key + ".select", *o.select, "[]");
    if (!o.extend_select.empty()) list(key + ".extend-select", o.extend_select, "[]");
    if (!o.ignore.empty()) list(key + ".ignore", o.ignore, "[]");
    if (!o.severity.empty()) severities(key + ".severity", o.severity);
  }
  return out;
}

Result<Layer> FromFlags(const Flags& flags) {
  Layer layer;
  const auto bad = [](std::string_view flag, std::string message) {
    return Problem{"command line", 0, 0, std::string(flag), std::move(message)};
  };
  const auto selectors = [&](std::string_view flag, const std::vector<std::string>& in,
                             std::vector<Sourced<std::string>>& out) -> std::optional<Problem> {
    for (const std::string& s : in) {
      if (std::string why = SelectorError(s); !why.empty()) return bad(flag, std::move(why));
      out.push_back({s, Origin::CommandLine(std::string(flag))});
    }
    return std::nullopt;
  };
  if (flags.select) {
    layer.select.emplace();
    if (auto p = selectors("--select", *flags.select, *layer.select)) return *p;
  }
  if (auto p = selectors("--extend-select", flags.extend_select, layer.extend_select)) return *p;
  if (auto p = selectors("--ignore", flags.ignore, layer.ignore)) return *p;
  // Applied style -> info -> warning -> error so that the most severe wins, as in hadolint.
  const std::pair<std::string_view, const std::vector<std::string>*> levels[] = {
      {"--style", &flags.style},
      {"--info", &flags.info},
      {"--warning", &flags.warning},
      {"--error", &flags.error}};
  for (const auto& [flag, codes] : levels) {
    const base::Severity level = *base::ParseSeverity(flag.substr(2));
    for (const std::string& code : *codes) {
      if (std::string why = SelectorError(code); !why.empty()) return bad(flag, std::move(why));
      MergeSeverity(layer.severity, {{code, {level, Origin::CommandLine(std::string(flag))}}});
    }
  }
  if (flags.failure_threshold) {
    // hadolint's `ignore` is accepted too; both it and `none` mean "never fail" here.
    std::optional<FailureThreshold> t = ParseFailureThreshold(*flags.failure_threshold);
    if (!t && Lower(*flags.failure_threshold) == "ignore") t = FailureThreshold::kNone;
    if (!t) {
      return bad("--failure-threshold",
                 Suggesting(fmt::format("unknown level `{}`: expected error, warning, info, "
                                        "style or none",
                                        *flags.failure_threshold),
                            *flags.failure_threshold,
                            {"error", "warning", "info", "style", "none"}));
    }
    layer.failure_threshold = {{*t, Origin::CommandLine("--failure-threshold")}};
  }
  if (flags.no_fail) layer.no_fail = {{*flags.no_fail, Origin::CommandLine("--no-fail")}};
  if (flags.no_color) layer.no_color = {{*flags.no_color, Origin::CommandLine("--no-color")}};
  if (flags.color) {
    const std::optional<Color> c = ParseColor(*flags.color);
    if (!c) {
      return bad("--color", fmt::format("unknown value `{}`: expected auto, always or never",
                                        *flags.color));
    }
    layer.color = {{*c, Origin::CommandLine("--color")}};
  }
  if (!flags.format.empty()) {
    for (const std::string& f : flags.format) {
      if (std::find(kFormats.begin(), kFormats.end(), f) == kFormats.end()) {
        return bad("--format", fmt::format("unknown format `{}`: expected one of {}", f,
                                           fmt::join(kFormats, ", ")));
      }
    }
    layer.format = {{flags.format, Origin::CommandLine("--format")}};
  }
  for (const std::string& r : flags.trusted_registries) {
    layer.trusted_registries.push_back({r, Origin::CommandLine("--trusted-registry")});
  }
  for (const std::string& spec : flags.require_labels) {
    std::optional<rules::LabelRequirement> req = ParseLabelSpec(spec);
    if (!req) {
      return bad("--require-label",
                 fmt::format("`{}`: expected NAME:TYPE with TYPE one of text, url, semver, hash, "
                             "rfc3339, spdx, email",
                             spec));
    }
    layer.label_schema.push_back({std::move(*req), Origin::CommandLine("--require-label")});
  }
  if (flags.strict_labels) {
    layer.strict_labels = {{*flags.strict_labels, Origin::CommandLine("--strict-labels")}};
  }
  if (flags.disable_ignore_pragma) {
    layer.disable_ignore_pragma = {
        {*flags.disable_ignore_pragma, Origin::CommandLine("--disable-ignore-pragma")}};
  }
  if (flags.shellcheck) {
    const std::optional<ShellCheck> sc = ParseShellCheck(*flags.shellcheck);
    if (!sc) {
      return bad("--shellcheck", fmt::format("unknown value `{}`: expected auto, always or never",
                                             *flags.shellcheck));
    }
    layer.shellcheck = {{*sc, Origin::CommandLine("--shellcheck")}};
  }
  if (flags.context) layer.context = {{*flags.context, Origin::CommandLine("--context")}};
  if (flags.target) layer.target = {{*flags.target, Origin::CommandLine("--target")}};
  if (flags.baseline) {
    if (flags.baseline->empty()) return bad("--baseline", "expected a file name");
    layer.baseline = {{*flags.baseline, Origin::CommandLine("--baseline")}};
  }
  if (flags.no_baseline) layer.baseline = {{"", Origin::CommandLine("--no-baseline")}};
  return layer;
}

std::string DescribeRuleSet(const Settings& settings) {
  bool advice = false;
  const auto join = [&](const std::vector<Sourced<std::string>>& selectors) {
    std::string out;
    for (const Sourced<std::string>& s : selectors) {
      advice = advice || base::EqualsIgnoreCase(s.value, rules::kHardenedPreset) ||
               base::EqualsIgnoreCase(s.value, "ALL");
      out += fmt::format("{}{}", out.empty() ? "" : ",", s.value);
    }
    return out;
  };
  std::string set;
  if (!settings.select.empty()) {
    set = fmt::format("`select: {}`", join(settings.select));
  } else {
    set = settings.hadolint_defaults ? "hadolint's default set" : "the default set";
  }
  if (!settings.extend_select.empty()) {
    set += fmt::format(" and `extend-select: {}`", join(settings.extend_select));
  }
  if (!settings.file.empty()) {
    set += fmt::format(" (configuration: {})", settings.file);
  }
  std::string out = fmt::format("Rules: {}.", set);
  if (!advice) {
    out += fmt::format(
        " `--select {}` adds the guide's advice (digest pins, slim base images, lockfiles, "
        "health checks on every image).",
        rules::kHardenedPreset);
  }
  return out;
}

}  // namespace shipshape::config
