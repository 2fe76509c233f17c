#include "config/load.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "base/file.h"
#include "base/suggest.h"
#include "config/validate.h"

extern char** environ;  // NOLINT: POSIX

namespace shipshape::config {

Env ProcessEnvironment() {
  Env env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const std::size_t eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return env;
}

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kOwnKeys[] = {
    "select",         "extend-select", "ignore",        "severity",
    "failure-threshold", "no-fail",    "no-color",      "color",
    "format",         "trusted-registries", "label-schema", "strict-labels",
    "disable-ignore-pragma", "shellcheck", "context",   "target",
    "baseline",       "per-path"};
constexpr std::string_view kPerPathKeys[] = {"paths", "select", "extend-select", "ignore",
                                             "severity"};
constexpr std::string_view kHadolintKeys[] = {
    "failure-threshold", "format",       "formats",       "output-format",
    "ignored",           "override",     "trustedRegistries", "trusted-registries",
    "label-schema",      "strict-labels", "disable-ignore-pragma", "no-fail",
    "no-color",          "verbose"};
constexpr std::string_view kOverrideKeys[] = {"error", "warning", "info", "style"};
// hadolint's own output formats (Formatter/Format.hs).
constexpr std::string_view kHadolintFormats[] = {
    "tty", "json", "checkstyle", "codeclimate", "gitlab_codeclimate",
    "gnu", "codacy", "sonarqube", "sarif", "junit"};

template <std::size_t N>
bool In(const std::string_view (&list)[N], std::string_view s) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

template <std::size_t N>
std::string Suggest(std::string message, std::string_view value,
                    const std::string_view (&candidates)[N]) {
  return base::WithSuggestion(std::move(message), value,
                              std::span<const std::string_view>(candidates, N),
                              /*case_sensitive=*/false);
}

std::string TypeName(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null:
      return "null";
    case YAML::NodeType::Scalar:
      return fmt::format("`{}`", n.Scalar());
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    default:
      return "nothing";
  }
}

/// Counts nodes as a walk would visit them (aliases expanded), stopping at the limits.
bool WithinLimits(const YAML::Node& n, std::size_t& budget, int depth) {
  if (budget == 0 || depth > kMaxYamlDepth) return false;
  --budget;
  if (n.IsSequence()) {
    for (const YAML::Node& child : n) {
      if (!WithinLimits(child, budget, depth + 1)) return false;
    }
  } else if (n.IsMap()) {
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (!WithinLimits(it->first, budget, depth + 1)) return false;
      if (!WithinLimits(it->second, budget, depth + 1)) return false;
    }
  }
  return true;
}

/// Sees where each document's root node starts (where the document starts when it has none)
/// and ignores everything else.
class DocumentStarts final : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> starts;
  void OnDocumentStart(const YAML::Mark& mark) override {
    starts.push_back(mark);
    root_seen_ = false;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { Node(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { Node(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    Node(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    Node(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    Node(mark);
  }
  void OnMapEnd() override {}

 private:
  void Node(const YAML::Mark& mark) {
    if (root_seen_ || starts.empty()) return;
    starts.back() = mark;
    root_seen_ = true;
  }
  bool root_seen_ = false;
};

/// Where the second document of `text` starts, if it has one. Not YAML::LoadAll: yaml-cpp 0.7
/// (Debian 12) loops forever on a stray `,` (`,` or `"x",` at block level), adding an empty
/// document per turn until memory runs out (jbeder/yaml-cpp#1040, fixed upstream by #1319).
/// Such a text is seen as several documents here. Throws what yaml-cpp throws.
std::optional<YAML::Mark> SecondDocument(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts starts;
  for (int i = 0; i < 2 && parser.HandleNextDocument(starts); ++i) {
  }
  if (starts.starts.size() < 2) return std::nullopt;
  return starts.starts[1];
}

class Parser {
 public:
  Parser(std::string_view path, Dialect dialect, fs::path base_dir)
      : path_(path), dialect_(dialect), base_dir_(std::move(base_dir)) {
    layer_.file = path_;
  }

  Result<Layer> Run(std::string_view text) {
    YAML::Node root;
    std::optional<YAML::Mark> second;
    try {
      const std::string copy(text);
      root = YAML::Load(copy);
      second = SecondDocument(copy);
    } catch (const YAML::Exception& e) {
      Problem p{path_, 0, 0, "", fmt::format("invalid YAML: {}", e.msg)};
      if (!e.mark.is_null()) {
        p.line = e.mark.line + 1;
        p.column = e.mark.column + 1;
      }
      return p;
    }
    if (second) {
      error_ = Problem{path_, second->line + 1, second->column + 1, "",
                       "a config file holds one YAML document; found several"};
      return *error_;
    }
    std::size_t budget = kMaxYamlNodes;
    if (!WithinLimits(root, budget, 0)) {
      return Problem{path_, 0, 0, "",
                     fmt::format("the document is too large once aliases are expanded (more "
                                 "than {} nodes or {} levels)",
                                 kMaxYamlNodes, kMaxYamlDepth)};
    }
    if (root.IsNull()) return std::move(layer_);
    if (!root.IsMap()) return Fail(root, "", fmt::format("expected a mapping of settings, got {}", TypeName(root)));
    const bool ok = dialect_ == Dialect::kShipshape ? Own(root) : Hadolint(root);
    if (!ok) return std::move(*error_);
    return std::move(layer_);
  }

 private:
  Problem At(const YAML::Node& n, std::string key, std::string message) const {
    Problem p{path_, 0, 0, std::move(key), std::move(message)};
    const YAML::Mark m = n.Mark();
    if (!m.is_null()) {
      p.line = m.line + 1;
      p.column = m.column + 1;
    }
    return p;
  }
  Problem Fail(const YAML::Node& n, std::string key, std::string message) {
    error_ = At(n, std::move(key), std::move(message));
    return *error_;
  }
  bool Error(const YAML::Node& n, std::string key, std::string message) {
    Fail(n, std::move(key), std::move(message));
    return false;
  }
  void Warn(const YAML::Node& n, std::string key, std::string message) {
    layer_.warnings.push_back(At(n, std::move(key), std::move(message)));
  }
  Origin OriginOf(const YAML::Node& n) const {
    const YAML::Mark m = n.Mark();
    if (m.is_null()) return Origin::File(path_, 0, 0);
    return Origin::File(path_, m.line + 1, m.column + 1);
  }

  /// Calls `f(name, key node, value)` for each entry of `map`; keys must be distinct scalars.
  /// Null values are skipped: `ignore:` with its items commented out sets nothing.
  template <class F>
  bool ForEach(const YAML::Node& map, const std::string& where, F f) {
    std::vector<std::pair<std::string, int>> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      // Copies: `it->` gives a proxy that dies with the full expression (ASan caught a
      // stack-use-after-scope with references here).
      const YAML::Node key = it->first;
      const YAML::Node value = it->second;
      if (!key.IsScalar()) return Error(key, where, "keys must be plain names");
      const std::string name = key.Scalar();
      const std::string path = where.empty() ? name : fmt::format("{}.{}", where, name);
      for (const auto& [other, line] : seen) {
        if (other == name) {
          return Error(key, path, fmt::format("duplicate key (first given on line {})", line));
        }
      }
      seen.emplace_back(name, key.Mark().line + 1);
      if (value.IsNull()) continue;
      if (!f(name, key, value, path)) return false;
    }
    return true;
  }

  bool Str(const YAML::Node& n, const std::string& key, std::string& out) {
    if (!n.IsScalar()) return Error(n, key, fmt::format("expected a string, got {}", TypeName(n)));
    out = n.Scalar();
    return true;
  }

  bool Bool(const YAML::Node& n, const std::string& key, std::optional<Sourced<bool>>& out) {
    bool b = false;
    if (!n.IsScalar() || n.Tag() == "!" || !YAML::convert<bool>::decode(n, b)) {
      return Error(n, key, fmt::format("expected true or false, got {}", TypeName(n)));
    }
    out = Sourced<bool>{b, OriginOf(n)};
    return true;
  }

  /// A list of strings; with `scalar_ok` a single string counts as a one-element list.
  bool StrList(const YAML::Node& n, const std::string& key,
               std::vector<Sourced<std::string>>& out, bool scalar_ok = false) {
    if (scalar_ok && n.IsScalar()) {
      out.push_back({n.Scalar(), OriginOf(n)});
      return true;
    }
    if (!n.IsSequence()) {
      return Error(n, key, fmt::format("expected a list, got {}", TypeName(n)));
    }
    std::size_t i = 0;
    for (const YAML::Node& item : n) {
      const std::string item_key = fmt::format("{}[{}]", key, i++);
      std::string s;
      if (!Str(item, item_key, s)) return false;
      out.push_back({std::move(s), OriginOf(item)});
    }
    return true;
  }

  /// A list of rule selectors. Unknown ones are errors in shipshape's files; in hadolint's,
  /// which accept any code, they are dropped with a warning.
  bool Selectors(const YAML::Node& n, const std::string& key,
                 std::vector<Sourced<std::string>>& out) {
    std::vector<Sourced<std::string>> items;
    if (!StrList(n, key, items)) return false;
    std::size_t i = 0;
    for (Sourced<std::string>& item : items) {
      const std::string item_key = fmt::format("{}[{}]", key, i);
      const YAML::Node item_node = n[i++];
      if (std::string why = SelectorError(item.value); !why.empty()) {
        if (dialect_ == Dialect::kShipshape) return Error(item_node, item_key, std::move(why));
        Warn(item_node, item_key, fmt::format("{}; ignored", why));
        continue;
      }
      out.push_back(std::move(item));
    }
    return true;
  }

  bool Severities(const YAML::Node& n, const std::string& key,
                  std::map<std::string, Sourced<base::Severity>>& out) {
    if (!n.IsMap()) {
      return Error(n, key, fmt::format("expected a mapping of rule selector to level, got {}",
                                       TypeName(n)));
    }
    return ForEach(n, key, [&](const std::string& selector, const YAML::Node& k,
                               const YAML::Node& v, const std::string& path) {
      if (std::string why = SelectorError(selector); !why.empty()) return Error(k, path, why);
      std::string level;
      if (!Str(v, path, level)) return false;
      const std::optional<base::Severity> sev = ParseLevel(level);
      if (!sev) {
        return Error(v, path,
                     Suggest(fmt::format("unknown level `{}`: expected error, warning, info or "
                                         "style",
                                         level),
                             level, kOverrideKeys));
      }
      out[selector] = {*sev, OriginOf(v)};
      return true;
    });
  }

  bool LabelSchema(const YAML::Node& n, const std::string& key) {
    if (!n.IsMap()) {
      return Error(n, key, fmt::format("expected a mapping of label name to type, got {}",
                                       TypeName(n)));
    }
    return ForEach(n, key, [&](const std::string& name, const YAML::Node&, const YAML::Node& v,
                               const std::string& path) {
      std::string type;
      if (!Str(v, path, type)) return false;
      if (!IsLabelType(type)) {
        return Error(v, path,
                     base::WithSuggestion(
                         fmt::format("unknown label type `{}`: expected one of {}", type,
                                     fmt::join(LabelTypes(), ", ")),
                         type, LabelTypes(), /*case_sensitive=*/false));
      }
      layer_.label_schema.push_back(
          {rules::LabelRequirement{name, type.empty() ? "text" : type}, OriginOf(v)});
      return true;
    });
  }

  template <class E, class P>
  bool Enum(const YAML::Node& n, const std::string& key, P parse, std::string_view expected,
            std::optional<Sourced<E>>& out) {
    std::string s;
    if (!Str(n, key, s)) return false;
    const std::optional<E> e = parse(s);
    if (!e) return Error(n, key, fmt::format("unknown value `{}`: expected {}", s, expected));
    out = Sourced<E>{*e, OriginOf(n)};
    return true;
  }

  bool Formats(const YAML::Node& n, const std::string& key, std::span<const std::string_view> known,
               std::vector<Sourced<std::string>>& out) {
    std::vector<Sourced<std::string>> items;
    if (!StrList(n, key, items, /*scalar_ok=*/true)) return false;
    for (Sourced<std::string>& f : items) {
      if (std::find(known.begin(), known.end(), f.value) == known.end()) {
        return Error(n, key,
                     base::WithSuggestion(fmt::format("unknown format `{}`: expected one of {}",
                                                      f.value, fmt::join(known, ", ")),
                                          f.value, known, /*case_sensitive=*/false));
      }
      out.push_back(std::move(f));
    }
    return true;
  }

  static void SetFormat(Layer& layer, const std::vector<Sourced<std::string>>& formats) {
    if (formats.empty()) return;
    if (!layer.format) layer.format = Sourced<std::vector<std::string>>{{}, formats[0].origin};
    for (const auto& f : formats) layer.format->value.push_back(f.value);
  }

  std::string Path(const std::string& p) const {
    const fs::path path(p);
    if (p.empty() || path.is_absolute() || base_dir_.empty()) return p;
    return (base_dir_ / path).lexically_normal().string();
  }

  // --- .shipshape.yaml ---

  bool Own(const YAML::Node& root) {
    return ForEach(root, "", [&](const std::string& name, const YAML::Node& k,
                                 const YAML::Node& v, const std::string& key) {
      if (name == "select") {
        layer_.select.emplace();
        return Selectors(v, key, *layer_.select);
      }
      if (name == "extend-select") return Selectors(v, key, layer_.extend_select);
      if (name == "ignore") return Selectors(v, key, layer_.ignore);
      if (name == "severity") return Severities(v, key, layer_.severity);
      if (name == "failure-threshold") {
        return Enum(v, key, ParseFailureThreshold, "error, warning, info, style or none",
                    layer_.failure_threshold);
      }
      if (name == "no-fail") return Bool(v, key, layer_.no_fail);
      if (name == "no-color") return Bool(v, key, layer_.no_color);
      if (name == "color") return Enum(v, key, ParseColor, "auto, always or never", layer_.color);
      if (name == "format") {
        std::vector<Sourced<std::string>> formats;
        if (!Formats(v, key, KnownFormats(), formats)) return false;
        SetFormat(layer_, formats);
        return true;
      }
      if (name == "trusted-registries") return StrList(v, key, layer_.trusted_registries);
      if (name == "label-schema") return LabelSchema(v, key);
      if (name == "strict-labels") return Bool(v, key, layer_.strict_labels);
      if (name == "disable-ignore-pragma") return Bool(v, key, layer_.disable_ignore_pragma);
      if (name == "shellcheck") {
        return Enum(v, key, ParseShellCheck, "auto, always or never", layer_.shellcheck);
      }
      if (name == "context" || name == "target") {
        std::string s;
        if (!Str(v, key, s)) return false;
        auto& slot = name == "context" ? layer_.context : layer_.target;
        slot = Sourced<std::string>{name == "context" ? Path(s) : s, OriginOf(v)};
        return true;
      }
      if (name == "baseline") {
        std::string s;
        if (!Str(v, key, s)) return false;
        if (s.empty()) return Error(v, key, "expected a file name, got an empty string");
        layer_.baseline = Sourced<std::string>{Path(s), OriginOf(v)};
        return true;
      }
      if (name == "per-path") return PerPath(v, key);
      std::string message = Suggest(fmt::format("unknown key `{}`", name), name, kOwnKeys);
      if (In(kHadolintKeys, name)) {
        message += "; that is a hadolint key (hadolint's keys are read from .hadolint.yaml)";
      }
      return Error(k, key, std::move(message));
    });
  }

  bool PerPath(const YAML::Node& n, const std::string& key) {
    if (!n.IsSequence()) {
      return Error(n, key, fmt::format("expected a list of {{paths: ..., ignore: [...]}}, got {}",
                                       TypeName(n)));
    }
    std::size_t i = 0;
    for (const YAML::Node& entry : n) {
      const std::string entry_key = fmt::format("{}[{}]", key, i++);
      if (!entry.IsMap()) {
        return Error(entry, entry_key, fmt::format("expected a mapping, got {}", TypeName(entry)));
      }
      PathOverride o;
      o.base_dir = base_dir_;
      o.origin = OriginOf(entry);
      const bool ok = ForEach(entry, entry_key, [&](const std::string& name, const YAML::Node& k,
                                                    const YAML::Node& v, const std::string& path) {
        if (name == "paths") return StrList(v, path, o.paths, /*scalar_ok=*/true);
        if (name == "select") {
          o.select.emplace();
          return Selectors(v, path, *o.select);
        }
        if (name == "extend-select") return Selectors(v, path, o.extend_select);
        if (name == "ignore") return Selectors(v, path, o.ignore);
        if (name == "severity") return Severities(v, path, o.severity);
        return Error(k, path, Suggest(fmt::format("unknown key `{}`", name), name, kPerPathKeys));
      });
      if (!ok) return false;
      if (o.paths.empty()) return Error(entry, entry_key, "`paths` is required (a glob or a list of globs)");
      for (const Sourced<std::string>& p : o.paths) {
        if (p.value.empty()) return Error(entry, entry_key + ".paths", "empty glob");
      }
      layer_.per_path.push_back(std::move(o));
    }
    return true;
  }

  // --- hadolint's files ---

  bool Hadolint(const YAML::Node& root) {
    return ForEach(root, "", [&](const std::string& name, const YAML::Node& k,
                                 const YAML::Node& v, const std::string& key) {
      if (name == "ignored") return Selectors(v, key, layer_.ignore);
      if (name == "override") return Override(v, key);
      if (name == "trustedRegistries" || name == "trusted-registries") {
        // The README documents a bare string too; hadolint's parser wants a list.
        return StrList(v, key, layer_.trusted_registries, /*scalar_ok=*/true);
      }
      if (name == "label-schema") return LabelSchema(v, key);
      if (name == "strict-labels") return Bool(v, key, layer_.strict_labels);
      if (name == "disable-ignore-pragma") return Bool(v, key, layer_.disable_ignore_pragma);
      if (name == "no-fail") return Bool(v, key, layer_.no_fail);
      if (name == "no-color") return Bool(v, key, layer_.no_color);
      if (name == "verbose") {
        std::optional<Sourced<bool>> ignored;  // accepted; shipshape has no verbose mode
        return Bool(v, key, ignored);
      }
      if (name == "format" || name == "formats" || name == "output-format") {
        std::vector<Sourced<std::string>> formats;
        if (!Formats(v, key, kHadolintFormats, formats)) return false;
        SetFormat(layer_, formats);
        return true;
      }
      if (name == "failure-threshold") {
        std::string s;
        if (!Str(v, key, s)) return false;
        std::optional<FailureThreshold> t = ParseFailureThreshold(s);
        // hadolint's `none` and `ignore` are its lowest level: any finding fails.
        if (Lower(s) == "none" || Lower(s) == "ignore") t = FailureThreshold::kStyle;
        if (!t) {
          return Error(v, key,
                       fmt::format("unknown level `{}`: expected error, warning, info, style, "
                                   "ignore or none",
                                   s));
        }
        layer_.failure_threshold = Sourced<FailureThreshold>{*t, OriginOf(v)};
        return true;
      }
      // hadolint ignores unknown keys; a misspelt key silently doing nothing is the usual
      // reason a .hadolint.yaml "does not work", so say so without failing.
      std::string message = Suggest(fmt::format("unknown hadolint key `{}`", name), name,
                                    kHadolintKeys);
      if (In(kOwnKeys, name)) message += " (shipshape's keys belong in .shipshape.yaml)";
      Warn(k, key, message + "; ignored");
      return true;
    });
  }

  bool Override(const YAML::Node& n, const std::string& key) {
    if (!n.IsMap()) {
      return Error(n, key, fmt::format("expected a mapping with error, warning, info or style "
                                       "lists, got {}",
                                       TypeName(n)));
    }
    std::map<std::string, std::vector<Sourced<std::string>>> lists;
    const bool ok = ForEach(n, key, [&](const std::string& name, const YAML::Node& k,
                                        const YAML::Node& v, const std::string& path) {
      if (!In(kOverrideKeys, name)) {
        Warn(k, path, Suggest(fmt::format("unknown override level `{}`", name), name,
                              kOverrideKeys) + "; ignored");
        return true;
      }
      return Selectors(v, path, lists[name]);
    });
    if (!ok) return false;
    // style -> info -> warning -> error: a code in several lists gets the most severe.
    for (std::string_view level : {"style", "info", "warning", "error"}) {
      const base::Severity sev = *base::ParseSeverity(level);
      for (const Sourced<std::string>& code : lists[std::string(level)]) {
        layer_.severity[code.value] = {sev, code.origin};
      }
    }
    return true;
  }

  std::string path_;
  Dialect dialect_;
  fs::path base_dir_;
  Layer layer_;
  std::optional<Problem> error_;
};

/// Splits hadolint's comma-separated values; entries are trimmed and empty ones dropped
/// (hadolint keeps the spaces, which makes ` DL3008` match nothing).
std::vector<std::string> SplitComma(std::string_view s) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t comma = s.find(',');
    const std::string_view item = Trim(s.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

Result<Layer> ParseConfig(std::string_view path, std::string_view text, Dialect dialect,
                          const std::filesystem::path& base_dir) {
  try {
    Result<Layer> layer = Parser(path, dialect, base_dir).Run(text);
    if (layer.ok()) layer.value().hadolint_file = dialect == Dialect::kHadolint;
    return layer;
  } catch (const std::exception& e) {
    // yaml-cpp throws from accessors too (e.g. deep recursion); nothing may escape.
    return Problem{std::string(path), 0, 0, "", fmt::format("cannot read the YAML: {}", e.what())};
  } catch (...) {
    return Problem{std::string(path), 0, 0, "", "cannot read the YAML"};
  }
}

Result<Layer> ReadConfig(const std::filesystem::path& path, Dialect dialect) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Problem{path.string(), 0, 0, "", "is a directory, not a config file"};
  }
  base::ReadResult file = base::ReadFile(path.string());
  if (!file.ok()) return Problem{path.string(), 0, 0, "", file.error};
  return ParseConfig(path.string(), file.text, dialect, path.parent_path());
}

Dialect DialectOf(const std::filesystem::path& path) {
  const std::string name = Lower(path.filename().string());
  const std::string dir = Lower(path.parent_path().filename().string());
  if (name.find("hadolint") != std::string::npos || dir == ".hadolint") return Dialect::kHadolint;
  return Dialect::kShipshape;
}

Layer FromEnvironment(const Env& env) {
  Layer layer;
  const auto get = [&](std::string_view name) -> const std::string* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : &it->second;
  };
  const auto warn = [&](std::string_view name, std::string message) {
    layer.warnings.push_back(Problem{std::string(name), 0, 0, "", std::move(message)});
  };
  const auto boolean = [&](std::string_view name, std::optional<Sourced<bool>>& out) {
    if (const std::string* v = get(name)) {
      out = Sourced<bool>{Truthy(*v), Origin::Environment(std::string(name))};
    }
  };
  const auto codes = [&](std::string_view name, std::vector<Sourced<std::string>>& out) {
    const std::string* v = get(name);
    if (!v) return;
    for (std::string& code : SplitComma(*v)) {
      if (std::string why = SelectorError(code); !why.empty()) {
        warn(name, fmt::format("{}; ignored", why));
        continue;
      }
      out.push_back({std::move(code), Origin::Environment(std::string(name))});
    }
  };
  boolean("HADOLINT_NOFAIL", layer.no_fail);
  boolean("HADOLINT_STRICT_LABELS", layer.strict_labels);
  boolean("HADOLINT_DISABLE_IGNORE_PRAGMA", layer.disable_ignore_pragma);
  // NO_COLOR: set to anything, even empty, means no colour (no-color.org).
  if (get("NO_COLOR")) layer.no_color = Sourced<bool>{true, Origin::Environment("NO_COLOR")};
  if (const std::string* v = get("HADOLINT_FORMAT")) {
    std::vector<std::string> formats;
    for (std::string& f : SplitComma(*v)) {
      if (!In(kHadolintFormats, f)) {
        warn("HADOLINT_FORMAT", Suggest(fmt::format("unknown format `{}`", f), f,
                                        kHadolintFormats) + "; ignored");
        continue;
      }
      formats.push_back(std::move(f));
    }
    if (!formats.empty()) {
      layer.format = Sourced<std::vector<std::string>>{std::move(formats),
                                                       Origin::Environment("HADOLINT_FORMAT")};
    }
  }
  if (const std::string* v = get("HADOLINT_FAILURE_THRESHOLD")) {
    const std::string s = Lower(Trim(*v));
    std::optional<FailureThreshold> t = ParseFailureThreshold(s);
    if (s == "none" || s == "ignore") t = FailureThreshold::kStyle;  // hadolint's meaning
    if (t) {
      layer.failure_threshold =
          Sourced<FailureThreshold>{*t, Origin::Environment("HADOLINT_FAILURE_THRESHOLD")};
    } else {
      warn("HADOLINT_FAILURE_THRESHOLD",
           fmt::format("unknown level `{}`: expected error, warning, info, style, ignore or none; "
                       "ignored",
                       *v));
    }
  }
  // Lowest first, so a code in several lists gets the most severe level.
  const std::pair<std::string_view, base::Severity> overrides[] = {
      {"HADOLINT_OVERRIDE_STYLE", base::Severity::kStyle},
      {"HADOLINT_OVERRIDE_INFO", base::Severity::kInfo},
      {"HADOLINT_OVERRIDE_WARNING", base::Severity::kWarning},
      {"HADOLINT_OVERRIDE_ERROR", base::Severity::kError}};
  for (const auto& [name, level] : overrides) {
    std::vector<Sourced<std::string>> list;
    codes(name, list);
    for (Sourced<std::string>& code : list) layer.severity[code.value] = {level, code.origin};
  }
  codes("HADOLINT_IGNORE", layer.ignore);
  // HADOLINT_ALLOWED_REGISTRIES is the name hadolint used before 2.x.
  for (std::string_view name : {"HADOLINT_TRUSTED_REGISTRIES", "HADOLINT_ALLOWED_REGISTRIES"}) {
    if (const std::string* v = get(name)) {
      for (std::string& r : SplitComma(*v)) {
        layer.trusted_registries.push_back({std::move(r), Origin::Environment(std::string(name))});
      }
    }
  }
  if (const std::string* v = get("HADOLINT_REQUIRE_LABELS")) {
    for (const std::string& spec : SplitComma(*v)) {
      std::optional<rules::LabelRequirement> req = ParseLabelSpec(spec);
      if (!req) {
        warn("HADOLINT_REQUIRE_LABELS",
             fmt::format("`{}`: expected NAME:TYPE with TYPE one of {}; ignored", spec,
                         fmt::join(LabelTypes(), ", ")));
        continue;
      }
      layer.label_schema.push_back(
          {std::move(*req), Origin::Environment("HADOLINT_REQUIRE_LABELS")});
    }
  }
  return layer;
}

}  // namespace shipshape::config
