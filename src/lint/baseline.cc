#include "lint/baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <system_error>
#include <tuple>

#include "base/file.h"
#include "base/suggest.h"
#include "base/utf8.h"
#include "lint/fingerprint.h"

namespace shipshape::lint {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr std::string_view kTool = "shipshape";
constexpr std::string_view kTopKeys[] = {"version", "tool", "findings"};
constexpr std::string_view kEntryKeys[] = {"path", "code", "fingerprint", "line", "message"};

/// `path` made absolute (against the current directory) and normalised, its folders resolved
/// through symbolic links where they exist.
fs::path Resolved(const fs::path& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) abs = path;
  abs = abs.lexically_normal();
  fs::path parent = abs.parent_path();
  fs::path real = fs::weakly_canonical(parent, ec);
  if (ec || real.empty()) real = parent;
  return abs.has_filename() ? real / abs.filename() : real;
}

/// One step into a JSON document: an object key or an array index.
struct Step {
  bool is_key = true;
  std::string_view key;
  std::size_t index = 0;
};

/// Finds where a value sits in valid JSON text (nlohmann 3.11 keeps no positions), so that an
/// error in a baseline's structure can name a line and column too.
class Locator {
 public:
  explicit Locator(std::string_view text) : t_(text) {}

  /// Offset of the value at `steps`; nullopt when not found (or a key is written with escapes).
  std::optional<std::size_t> Find(std::span<const Step> steps) const {
    std::size_t p = Ws(0);
    for (const Step& step : steps) {
      if (p >= t_.size()) return std::nullopt;
      if (step.is_key) {
        if (t_[p] != '{') return std::nullopt;
        std::optional<std::size_t> found;  // the last one wins, as in nlohmann
        p = Ws(p + 1);
        while (p < t_.size() && t_[p] == '"') {
          const std::size_t key_end = StringEnd(p);
          const std::string_view raw = t_.substr(p + 1, key_end - p - 2);
          const std::size_t value = Ws(Ws(key_end) + 1);  // past the `:`
          if (raw == step.key) found = value;
          p = Ws(ValueEnd(value));
          if (p >= t_.size() || t_[p] != ',') break;
          p = Ws(p + 1);
        }
        if (!found) return std::nullopt;
        p = *found;
      } else {
        if (t_[p] != '[') return std::nullopt;
        p = Ws(p + 1);
        for (std::size_t k = 0; k < step.index; ++k) {
          p = Ws(ValueEnd(p));
          if (p >= t_.size() || t_[p] != ',') return std::nullopt;
          p = Ws(p + 1);
        }
        if (p >= t_.size() || t_[p] == ']') return std::nullopt;
      }
    }
    return p;
  }

 private:
  std::size_t Ws(std::size_t p) const {
    while (p < t_.size() && (t_[p] == ' ' || t_[p] == '\t' || t_[p] == '\n' || t_[p] == '\r')) {
      ++p;
    }
    return p;
  }
  /// Past the closing quote of the string starting at `p`.
  std::size_t StringEnd(std::size_t p) const {
    for (++p; p < t_.size() && t_[p] != '"'; ++p) {
      if (t_[p] == '\\') ++p;
    }
    return std::min(p + 1, t_.size());
  }
  std::size_t ValueEnd(std::size_t p) const {
    if (p >= t_.size()) return p;
    if (t_[p] == '"') return StringEnd(p);
    if (t_[p] == '{' || t_[p] == '[') {
      int depth = 0;
      while (p < t_.size()) {
        const char c = t_[p];
        if (c == '"') {
          p = StringEnd(p);
          continue;
        }
        if (c == '{' || c == '[') ++depth;
        if ((c == '}' || c == ']') && --depth == 0) return p + 1;
        ++p;
      }
      return p;
    }
    while (p < t_.size() && std::string_view(",}] \t\r\n").find(t_[p]) == std::string_view::npos) {
      ++p;
    }
    return p;
  }

  std::string_view t_;
};

std::string TypeName(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return j.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return fmt::format("the number {}", j.dump());
    default:
      return "something else";
  }
}

/// `hash:occurrence` as lint::Fingerprints writes it: 16 lower-case hex digits, a colon, a
/// positive number.
bool IsFingerprint(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon != 16) return false;
  for (char c : s.substr(0, 16)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  const std::string_view n = s.substr(17);
  if (n.empty() || n.size() > 9 || n[0] == '0') return false;
  return std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Checks a parsed baseline's structure; errors carry the position of the value at fault.
class Validator {
 public:
  Validator(std::string_view text, const std::string& file)
      : locator_(text), text_(text), file_(file) {}

  std::optional<BaselineError> Check(const Json& root, std::vector<BaselineEntry>& entries) {
    if (!root.is_object()) {
      return Error({}, "",
                   fmt::format("expected an object with `version`, `tool` and "
                               "`findings` (a shipshape baseline), got {}",
                               TypeName(root)));
    }
    // The version first: another version may have any other shape.
    const auto version = root.find("version");
    if (version == root.end()) {
      return Error({}, "", "missing key `version`: not a shipshape baseline");
    }
    const Step version_step{true, "version"};
    if (!version->is_number_integer()) {
      return Error(
          {&version_step, 1}, "version",
          fmt::format("expected the number {}, got {}", kBaselineVersion, TypeName(*version)));
    }
    if (const auto v = version->get<std::int64_t>(); v != kBaselineVersion) {
      return Error({&version_step, 1}, "version",
                   v > kBaselineVersion
                       ? fmt::format("version {} is written by a newer shipshape; this one reads "
                                     "version {} (upgrade shipshape, or write the baseline "
                                     "again with this one)",
                                     v, kBaselineVersion)
                       : fmt::format("unknown version {}; this shipshape reads version {}", v,
                                     kBaselineVersion));
    }
    for (const auto& [key, value] : root.items()) {
      if (std::find(std::begin(kTopKeys), std::end(kTopKeys), key) != std::end(kTopKeys)) {
        continue;
      }
      const Step step{true, key};
      return Error({&step, 1}, key,
                   base::WithSuggestion(fmt::format("unknown key `{}`", key), key, kTopKeys,
                                        /*case_sensitive=*/true));
    }
    const auto tool = root.find("tool");
    if (tool == root.end()) return Error({}, "", "missing key `tool`: not a shipshape baseline");
    const Step tool_step{true, "tool"};
    if (!tool->is_string() || tool->get<std::string>() != kTool) {
      return Error({&tool_step, 1}, "tool",
                   fmt::format("expected \"{}\", got {}", kTool,
                               tool->is_string() ? tool->dump() : TypeName(*tool)));
    }
    const auto findings = root.find("findings");
    if (findings == root.end()) return Error({}, "", "missing key `findings`");
    const Step findings_step{true, "findings"};
    if (!findings->is_array()) {
      return Error({&findings_step, 1}, "findings",
                   fmt::format("expected an array, got {}", TypeName(*findings)));
    }
    entries.reserve(findings->size());
    for (std::size_t i = 0; i < findings->size(); ++i) {
      BaselineEntry entry;
      if (auto e = Entry((*findings)[i], i, entry)) return e;
      entries.push_back(std::move(entry));
    }
    return std::nullopt;
  }

 private:
  std::optional<BaselineError> Entry(const Json& j, std::size_t i, BaselineEntry& entry) {
    const std::string name = fmt::format("findings[{}]", i);
    const Step at[] = {{true, "findings"}, {false, {}, i}};
    const std::span<const Step> here(at);
    if (!j.is_object()) {
      return Error(here, name, fmt::format("expected an object, got {}", TypeName(j)));
    }
    for (const auto& [key, value] : j.items()) {
      if (std::find(std::begin(kEntryKeys), std::end(kEntryKeys), key) != std::end(kEntryKeys)) {
        continue;
      }
      const Step steps[] = {at[0], at[1], {true, key}};
      return Error(steps, fmt::format("{}.{}", name, key),
                   base::WithSuggestion(fmt::format("unknown key `{}`", key), key, kEntryKeys,
                                        /*case_sensitive=*/true));
    }
    // Required strings, then the optional line and message.
    for (std::string_view key : {"path", "code", "fingerprint"}) {
      const auto it = j.find(std::string(key));
      if (it == j.end()) return Error(here, name, fmt::format("missing key `{}`", key));
      const Step steps[] = {at[0], at[1], {true, key}};
      const std::string where = fmt::format("{}.{}", name, key);
      if (!it->is_string()) {
        return Error(steps, where, fmt::format("expected a string, got {}", TypeName(*it)));
      }
      std::string value = it->get<std::string>();
      if (value.empty()) return Error(steps, where, "must not be empty");
      if (key == "fingerprint" && !IsFingerprint(value)) {
        return Error(steps, where,
                     fmt::format("`{}` is not a fingerprint (16 hex digits, `:`, a count)", value));
      }
      (key == "path"   ? entry.path
       : key == "code" ? entry.code
                       : entry.fingerprint) = std::move(value);
    }
    if (const auto line = j.find("line"); line != j.end()) {
      const Step steps[] = {at[0], at[1], {true, "line"}};
      if (!line->is_number_unsigned() || line->get<std::uint64_t>() == 0 ||
          line->get<std::uint64_t>() > UINT32_MAX) {
        return Error(steps, name + ".line",
                     fmt::format("expected a line number, got {}", TypeName(*line)));
      }
      entry.line = static_cast<std::uint32_t>(line->get<std::uint64_t>());
    }
    if (const auto message = j.find("message"); message != j.end()) {
      const Step steps[] = {at[0], at[1], {true, "message"}};
      if (!message->is_string()) {
        return Error(steps, name + ".message",
                     fmt::format("expected a string, got {}", TypeName(*message)));
      }
      entry.message = message->get<std::string>();
    }
    return std::nullopt;
  }

  BaselineError Error(std::span<const Step> steps, std::string_view key, std::string message) {
    BaselineError e{file_, 0, 0,
                    key.empty() ? std::move(message) : fmt::format("{}: {}", key, message)};
    if (const std::optional<std::size_t> at = locator_.Find(steps)) {
      const std::string_view before = text_.substr(0, *at);
      const std::size_t line_start = before.rfind('\n');
      e.line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
      e.column =
          1 + static_cast<int>(base::CountRunes(
                  line_start == std::string_view::npos ? before : before.substr(line_start + 1)));
    }
    return e;
  }

  Locator locator_;
  std::string_view text_;
  const std::string& file_;
};

}  // namespace

std::string BaselineError::ToString() const {
  if (line == 0) return fmt::format("{}: {}", file, message);
  if (column == 0) return fmt::format("{}:{}: {}", file, line, message);
  return fmt::format("{}:{}:{}: {}", file, line, column, message);
}

Baseline::Baseline(std::filesystem::path dir, std::vector<BaselineEntry> entries)
    : dir_(std::move(dir)), entries_(std::move(entries)) {
  for (const BaselineEntry& e : entries_) ++index_[e.path][{e.code, e.fingerprint}];
}

std::size_t Baseline::CountFor(std::string_view path) const {
  const auto it = index_.find(path);
  if (it == index_.end()) return 0;
  std::size_t n = 0;
  for (const auto& [key, count] : it->second) n += static_cast<std::size_t>(count);
  return n;
}

std::size_t Baseline::Filter(std::string_view path, const syntax::Dockerfile& df,
                             std::vector<base::Diagnostic>& diagnostics) const {
  const auto it = index_.find(path);
  if (it == index_.end() || diagnostics.empty()) return 0;
  std::map<std::pair<std::string, std::string>, int> left = it->second;
  const std::vector<std::string> fingerprints = Fingerprints(df, diagnostics, path);
  std::vector<base::Diagnostic> kept;
  kept.reserve(diagnostics.size());
  std::size_t removed = 0;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (!diagnostics[i].code.empty()) {
      const auto match = left.find({diagnostics[i].code, fingerprints[i]});
      if (match != left.end() && match->second > 0) {
        --match->second;
        ++removed;
        continue;
      }
    }
    kept.push_back(std::move(diagnostics[i]));
  }
  diagnostics = std::move(kept);
  return removed;
}

fs::path BaselineDir(const std::string& file) { return Resolved(file).parent_path(); }

std::string BaselinePath(const fs::path& dir, std::string_view file) {
  if (file == "-") return "-";
  const fs::path abs = Resolved(fs::path(std::string(file)));
  const fs::path rel = abs.lexically_relative(dir);
  return rel.empty() ? abs.generic_string() : rel.generic_string();
}

BaselineRead ParseBaseline(std::string_view text, const std::string& file, fs::path dir) {
  BaselineRead out;
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    const std::string what = e.what();
    BaselineError error{file, 0, 0, ""};
    std::string detail = what.substr(std::min(what.find("] ") + 2, what.size()));
    int line = 0, column = 0, consumed = 0;
    if (std::sscanf(detail.c_str(), "parse error at line %d, column %d: %n", &line, &column,
                    &consumed) == 2 &&
        consumed > 0) {
      error.line = line;
      error.column = column;
      detail = detail.substr(static_cast<std::size_t>(consumed));
    }
    error.message = fmt::format("not valid JSON: {}", detail);
    out.error = std::move(error);
    return out;
  } catch (const Json::exception& e) {
    // Not a parse_error and without a position: a number too large for a double (`1e400`,
    // out_of_range.406).
    const std::string what = e.what();
    out.error = BaselineError{
        file, 0, 0,
        fmt::format("not valid JSON: {}", what.substr(std::min(what.find("] ") + 2, what.size())))};
    return out;
  }
  std::vector<BaselineEntry> entries;
  Validator validator(text, file);
  if (std::optional<BaselineError> e = validator.Check(root, entries)) {
    out.error = std::move(e);
    return out;
  }
  out.baseline = Baseline(std::move(dir), std::move(entries));
  return out;
}

BaselineRead ReadBaseline(const std::string& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    BaselineRead out;
    out.error = BaselineError{
        file, 0, 0,
        fmt::format("the baseline does not exist; record the current findings in it with "
                    "`shipshape lint --write-baseline {} ...`",
                    file)};
    return out;
  }
  base::ReadResult read = base::ReadFile(file);
  if (!read.ok()) {
    BaselineRead out;
    out.error = BaselineError{file, 0, 0, fmt::format("cannot read the baseline: {}", read.error)};
    return out;
  }
  return ParseBaseline(read.text, file, BaselineDir(file));
}

std::vector<BaselineEntry> Record(std::string_view path, const syntax::Dockerfile& df,
                                  std::span<const base::Diagnostic> diagnostics) {
  const std::vector<std::string> fingerprints = Fingerprints(df, diagnostics, path);
  std::vector<BaselineEntry> out;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const base::Diagnostic& d = diagnostics[i];
    if (d.code.empty()) continue;
    out.push_back({std::string(path), d.code, fingerprints[i],
                   df.lines().PositionOf(d.range.begin).line, d.message});
  }
  return out;
}

std::string FormatBaseline(std::vector<BaselineEntry> entries) {
  std::sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.path, a.line, a.code, a.fingerprint, a.message) <
           std::tie(b.path, b.line, b.code, b.fingerprint, b.message);
  });
  const auto str = [](std::string_view s) {
    // Invalid UTF-8 (in a path or a message quoting the file) becomes U+FFFD.
    return Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
  };
  std::string out = fmt::format("{{\n  \"version\": {},\n  \"tool\": \"{}\",\n  \"findings\": [",
                                kBaselineVersion, kTool);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const BaselineEntry& e = entries[i];
    // An entry read without its (optional) line is written without one.
    fmt::format_to(std::back_inserter(out),
                   "{}\n    {{\"path\": {}, \"code\": {}, {}\"fingerprint\": {}, \"message\": {}}}",
                   i == 0 ? "" : ",", str(e.path), str(e.code),
                   e.line ? fmt::format("\"line\": {}, ", e.line) : "", str(e.fingerprint),
                   str(e.message));
  }
  out += entries.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

void BaselineScope::AddDirectory(std::string_view directory) {
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(std::string(directory)), ec);
  if (ec) abs = fs::path(std::string(directory));
  fs::path real = fs::weakly_canonical(abs.lexically_normal(), ec);
  if (ec || real.empty()) real = abs.lexically_normal();
  std::string s = real.generic_string();
  if (s.empty() || s.back() != '/') s += '/';
  directories_.push_back(std::move(s));
}

bool BaselineScope::Contains(std::string_view path) const {
  if (files_.find(path) != files_.end()) return true;
  if (path == "-") return false;
  const std::string abs = (dir_ / fs::path(std::string(path))).lexically_normal().generic_string();
  return std::any_of(directories_.begin(), directories_.end(),
                     [&](const std::string& d) { return abs.starts_with(d); });
}

}  // namespace shipshape::lint
