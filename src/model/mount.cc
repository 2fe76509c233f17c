#include "model/mount.h"

#include <fmt/format.h>

#include <array>
#include <string>
#include <vector>

#include "base/go_quote.h"
#include "base/go_strconv.h"
#include "base/suggest.h"
#include "base/utf8.h"

namespace shipshape::model {
namespace {

// Candidate orders for suggestions. BuildKit builds the type and sharing lists from Go maps, so
// its choice between two equally close candidates is random; ours is this fixed order.
constexpr std::array<std::string_view, 5> kMountTypes = {
    kMountTypeBind, kMountTypeCache, kMountTypeTmpfs, kMountTypeSecret, kMountTypeSsh};
constexpr std::array<std::string_view, 3> kSharingModes = {"shared", "private", "locked"};
// The key list is a Go slice literal, so its order is BuildKit's own.
constexpr std::array<std::string_view, 19> kMountKeys = {
    "type", "from", "source", "target", "readonly",    "id", "sharing", "required",  "size", "mode",
    "uid",  "gid",  "src",    "dst",    "destination", "ro", "rw",      "readwrite", "env"};

// encoding/csv's ParseError text for a one-line record.
std::string CsvError(std::size_t column, std::string_view what) {
  return fmt::format("failed to parse csv mounts: parse error on line 1, column {}: {}", column,
                     what);
}

constexpr char kErrBareQuote[] = "bare \" in non-quoted-field";
constexpr char kErrQuote[] = "extraneous or missing \" in quoted-field";

// Go's path.Clean.
std::string CleanPath(std::string_view p) {
  if (p.empty()) return ".";
  const bool rooted = p[0] == '/';
  std::vector<std::string_view> kept;
  while (!p.empty()) {
    const std::size_t slash = p.find('/');
    const std::string_view part = p.substr(0, slash);
    p.remove_prefix(slash == std::string_view::npos ? p.size() : slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!kept.empty() && kept.back() != "..") {
        kept.pop_back();
      } else if (!rooted) {
        kept.push_back(part);
      }
      continue;
    }
    kept.push_back(part);
  }
  std::string out = rooted ? "/" : "";
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (i > 0) out.push_back('/');
    out.append(kept[i]);
  }
  return out.empty() ? "." : out;
}

// Go's path.Base.
std::string BasePath(std::string_view p) {
  if (p.empty()) return ".";
  while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
  if (p == "/") return "/";
  const std::size_t slash = p.rfind('/');
  return std::string(slash == std::string_view::npos ? p : p.substr(slash + 1));
}

bool IsSecretOrSsh(std::string_view type) {
  return type == kMountTypeSecret || type == kMountTypeSsh;
}

std::string UnexpectedKeyForType(std::string_view key, std::string_view type) {
  return fmt::format("unexpected key '{}' for mount type '{}'", key, type);
}

}  // namespace

bool SplitMountFields(std::string_view line, std::vector<std::string>* fields, std::string* error) {
  fields->clear();
  // A trailing newline (or CRLF) is tolerated, as in csvvalue.
  if (!line.empty() && line.back() == '\n') {
    line.remove_suffix(line.size() > 1 && line[line.size() - 2] == '\r' ? 2 : 1);
  }
  if (line.empty()) {
    *error = "failed to parse csv mounts: EOF";
    return false;
  }
  std::size_t pos = 0;  // Byte offset of `line` in the original value, for error columns.
  while (true) {
    if (line.empty() || line[0] != '"') {
      const std::size_t comma = line.find(',');
      const std::string_view field = line.substr(0, comma);
      if (const std::size_t quote = field.find('"'); quote != std::string_view::npos) {
        *error = CsvError(pos + quote + 1, kErrBareQuote);
        return false;
      }
      fields->emplace_back(field);
      if (comma == std::string_view::npos) return true;
      line.remove_prefix(comma + 1);
      pos += comma + 1;
      continue;
    }
    // Quoted field: runs to a closing quote followed by a comma or the end; `""` is a quote.
    line.remove_prefix(1);
    pos += 1;
    bool half_open = false;
    while (true) {
      const std::size_t quote = line.find('"');
      if (quote == std::string_view::npos) {
        *error = CsvError(pos + 1, kErrQuote);
        return false;
      }
      if (half_open) {
        fields->back().append(line.substr(0, quote));
      } else {
        fields->emplace_back(line.substr(0, quote));
      }
      half_open = false;
      line.remove_prefix(quote + 1);
      pos += quote + 1;
      if (!line.empty() && line[0] == '"') {
        fields->back().push_back('"');
        line.remove_prefix(1);
        pos += 1;
        half_open = true;
      } else if (!line.empty() && line[0] == ',') {
        line.remove_prefix(1);
        pos += 1;
        break;
      } else if (line.empty()) {
        return true;
      } else {
        *error = CsvError(pos, kErrQuote);
        return false;
      }
    }
  }
}

std::string CheckMountAtParseTime(std::string_view value) {
  std::vector<std::string> fields;
  std::string error;
  if (!SplitMountFields(value, &fields, &error)) return error;
  for (const std::string& field : fields) {
    const std::size_t eq = field.find('=');
    if (eq == std::string::npos) continue;  // Bare keys are judged at conversion.
    if (base::ToLower(std::string_view(field).substr(0, eq)) != "from") continue;
    const std::string_view from = std::string_view(field).substr(eq + 1);
    const std::size_t dollar = from.find('$');
    // BuildKit's test is the regexp `\$.`: a `$` followed by any character.
    if (dollar != std::string_view::npos && dollar != from.size() - 1) {
      return "'from' doesn't support variable expansion, define alias stage instead";
    }
  }
  return {};
}

MountResult ParseMount(std::string_view value, const MountExpander& expand) {
  MountResult result;
  Mount& m = result.mount;
  std::vector<std::string> fields;
  if (!SplitMountFields(value, &fields, &result.error)) return result;

  bool readonly_auto = true;
  for (const std::string& field : fields) {
    const std::size_t eq = field.find('=');
    const std::string key = base::ToLower(std::string_view(field).substr(0, eq));
    if (eq == std::string::npos) {
      if (key == "readonly" || key == "ro") {
        m.readonly = true;
        readonly_auto = false;
      } else if (key == "readwrite" || key == "rw") {
        m.readonly = false;
        readonly_auto = false;
      } else if (key == "required") {
        if (!IsSecretOrSsh(m.type)) {
          result.error = UnexpectedKeyForType(key, m.type);
          return result;
        }
        m.required = true;
      } else {
        result.error = fmt::format("invalid field '{}' must be a key=value pair", field);
        return result;
      }
      continue;
    }

    std::string v = field.substr(eq + 1);
    if (expand) {
      std::string expand_error;
      std::optional<std::string> expanded = expand(v, &expand_error);
      if (!expanded) {
        result.error = std::move(expand_error);
        return result;
      }
      v = std::move(*expanded);
    }

    const auto invalid_value = [&]() {
      result.error = fmt::format("invalid value for {}: {}", key, v);
      return result;
    };
    if (key == "type") {
      const std::string lower = base::ToLower(v);
      bool known = false;
      for (std::string_view type : kMountTypes) known = known || lower == type;
      if (!known) {
        result.error =
            base::WithSuggestion(fmt::format("unsupported mount type {}", base::GoQuote(v)), v,
                                 kMountTypes, /*case_sensitive=*/true);
        return result;
      }
      m.type = lower;
    } else if (key == "from") {
      m.from = v;
    } else if (key == "source" || key == "src") {
      m.source = v;
    } else if (key == "target" || key == "dst" || key == "destination") {
      m.target = v;
    } else if (key == "readonly" || key == "ro") {
      const base::GoResult<bool> b = base::ParseBool(v);
      if (!b.ok()) return invalid_value();
      m.readonly = b.value;
      readonly_auto = false;
    } else if (key == "readwrite" || key == "rw") {
      const base::GoResult<bool> b = base::ParseBool(v);
      if (!b.ok()) return invalid_value();
      m.readonly = !b.value;
      readonly_auto = false;
    } else if (key == "required") {
      if (!IsSecretOrSsh(m.type)) {
        result.error = UnexpectedKeyForType(key, m.type);
        return result;
      }
      const base::GoResult<bool> b = base::ParseBool(v);
      if (!b.ok()) return invalid_value();
      m.required = b.value;
    } else if (key == "size") {
      if (m.type != kMountTypeTmpfs) {
        result.error = UnexpectedKeyForType(key, m.type);
        return result;
      }
      const base::GoResult<std::int64_t> size = base::RAMInBytes(v);
      if (!size.ok()) return invalid_value();
      m.size = size.value;
    } else if (key == "id") {
      m.id = v;
    } else if (key == "sharing") {
      const std::string lower = base::ToLower(v);
      bool known = false;
      for (std::string_view mode : kSharingModes) known = known || lower == mode;
      if (!known) {
        result.error = base::WithSuggestion(
            fmt::format("unsupported sharing value {}", base::GoQuote(v)), v, kSharingModes,
            /*case_sensitive=*/true);
        return result;
      }
      m.sharing = lower;
    } else if (key == "mode" || key == "uid" || key == "gid") {
      const bool is_mode = key == "mode";
      const base::GoResult<std::uint64_t> n = base::ParseUint(v, is_mode ? 8 : 10, 32);
      if (!n.ok()) {
        result.error = fmt::format("invalid value {} for {}", v, key);
        return result;
      }
      (is_mode ? m.mode : key == "uid" ? m.uid : m.gid) = n.value;
    } else if (key == "env") {
      m.env = v;
    } else {
      result.error = base::WithSuggestion(fmt::format("unexpected key '{}' in '{}'", key, field),
                                          key, kMountKeys, /*case_sensitive=*/true);
      return result;
    }
  }

  // Checks on the whole mount, in BuildKit's order.
  const bool file_info_allowed =
      m.type == kMountTypeSecret || m.type == kMountTypeSsh || m.type == kMountTypeCache;
  if (!file_info_allowed) {
    for (const auto& [name, set] :
         {std::pair{"mode", m.mode.has_value()}, std::pair{"uid", m.uid.has_value()},
          std::pair{"gid", m.gid.has_value()}}) {
      if (set) {
        result.error =
            fmt::format("{} not allowed for {} type mounts", name, base::GoQuote(m.type));
        return result;
      }
    }
  }
  if (readonly_auto) {
    m.readonly = !(m.type == kMountTypeCache || m.type == kMountTypeTmpfs);
  }
  if (m.type == kMountTypeSecret) {
    if (!m.from.empty()) {
      result.error = "secret mount should not have a from";
      return result;
    }
    if (!m.sharing.empty()) {
      result.error = "secret mount should not define sharing";
      return result;
    }
    if (m.source.empty() && m.target.empty() && m.id.empty()) {
      result.error = "invalid secret mount. one of source, target required";
      return result;
    }
    if (!m.source.empty() && !m.id.empty()) {
      result.error = "both source and id can't be set";
      return result;
    }
  }
  if (!m.sharing.empty() && m.type != kMountTypeCache) {
    result.error = fmt::format("invalid cache sharing set for {} mount", m.type);
    return result;
  }
  return result;
}

ResolvedMount ResolveMount(const Mount& mount, std::string_view workdir) {
  ResolvedMount resolved;
  if (mount.type == kMountTypeSecret) {
    resolved.id = !mount.source.empty() ? mount.source : mount.id;
    if (resolved.id.empty()) resolved.id = BasePath(mount.target);
    resolved.target = mount.target;
    // A secret exposed only as an environment variable gets no file.
    if (!mount.env && resolved.target.empty())
      resolved.target = "/run/secrets/" + BasePath(resolved.id);
    return resolved;
  }
  if (mount.type == kMountTypeSsh) {
    if (!mount.source.empty()) {
      resolved.error = "ssh does not support source";
      return resolved;
    }
    resolved.id = mount.id.empty() ? "default" : mount.id;
    resolved.target = mount.target;
    return resolved;
  }
  if (mount.type == kMountTypeCache) {
    resolved.id = mount.id.empty() ? CleanPath(mount.target) : mount.id;
  }
  // An absolute target is used as written; only relative ones are joined (and cleaned).
  resolved.target = mount.target;
  if (!CleanPath(mount.target).starts_with('/')) {
    std::string joined(1, '/');  // (built in steps: GCC 12 warns falsely on `"/" + ...`)
    joined += workdir;
    joined += '/';
    joined += mount.target;
    resolved.target = CleanPath(joined);
  }
  if (resolved.target == "/") resolved.error = "invalid mount target \"/\"";
  return resolved;
}

}  // namespace shipshape::model
