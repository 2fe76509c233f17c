#include "rules/image/image_context.h"

#include <fmt/format.h>

#include "rules/secrets/secret_util.h"

namespace shipshape::rules {

void ImageContext::ReportAt(std::optional<std::uint32_t> layer, std::string_view path,
                            std::string message, std::optional<base::Severity> severity) {
  base::Diagnostic d;
  d.code = std::string(rule_->code);
  d.severity = severity.value_or(rule_->severity);
  d.message = std::move(message);
  base::ImageLocation where;
  where.image = image_.source;
  if (layer && *layer < image_.layers.size()) {
    where.layer = static_cast<int>(*layer);
    where.created_by = image_.layers[*layer].created_by;
  }
  if (!path.empty()) where.path = fmt::format("/{}", path);
  d.image = std::move(where);
  out_.push_back(std::move(d));
}

std::string HumanBytes(std::uint64_t bytes) {
  if (bytes < 1000) return fmt::format("{} B", bytes);
  const char* units[] = {"kB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes);
  int u = -1;
  while (v >= 1000 && u < 3) {
    v /= 1000;
    ++u;
  }
  return fmt::format("{:.1f} {}", v, units[u]);
}

std::string Masked(std::string_view value) {
  return fmt::format("{}*** ({} chars)", value.substr(0, std::min<std::size_t>(3, value.size() / 4)),
                     value.size());
}

std::optional<std::string> SecretAssignment(std::string_view name, std::string_view value) {
  if (value.empty() || value.find('$') != std::string_view::npos) return std::nullopt;
  const std::vector<SecretMatch> found = FindSecrets(value);
  if (!found.empty()) return std::string(found.front().kind);
  if (LooksSecret(name)) {
    // Placeholders say there is nothing yet.
    std::string lower;
    for (char c : value) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    for (std::string_view p : {"changeme", "change-me", "example", "placeholder", "xxx", "none",
                               "null", "false", "true", "todo"}) {
      if (lower == p) return std::nullopt;
    }
    return std::string("a secret-looking name");
  }
  return std::nullopt;
}

namespace {

bool IsKey(std::string_view k) {
  if (k.empty() || (k[0] >= '0' && k[0] <= '9')) return false;
  for (char c : k) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> HistoryBuildArgs(std::string_view created_by) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string_view s = TrimLeft(created_by);
  if (s.starts_with("RUN ")) s = TrimLeft(s.substr(4));
  if (s.starts_with("ARG ")) {
    // BuildKit records the ARG step with the value it used.
    s = TrimLeft(s.substr(4));
    if (s.ends_with(" # buildkit")) s.remove_suffix(11);
    const std::size_t eq = s.find('=');
    if (eq != std::string_view::npos && IsKey(s.substr(0, eq))) {
      out.emplace_back(std::string(s.substr(0, eq)), std::string(s.substr(eq + 1)));
    }
    return out;
  }
  if (!s.starts_with("|")) return out;
  std::size_t i = 1, n = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < 100000) n = n * 10 + static_cast<std::size_t>(s[i++] - '0');
  if (i == 1 || i >= s.size() || s[i] != ' ') return out;
  s = s.substr(i + 1);
  // Values may hold spaces: a word without `KEY=` continues the value before it.
  while (!s.empty()) {
    const std::size_t sp = s.find(' ');
    const std::string_view word = s.substr(0, sp);
    const std::size_t eq = word.find('=');
    if (eq != std::string_view::npos && IsKey(word.substr(0, eq)) && out.size() < n) {
      out.emplace_back(std::string(word.substr(0, eq)), std::string(word.substr(eq + 1)));
    } else if (out.size() == n || out.empty() || word == "/bin/sh" || word == "cmd") {
      break;
    } else {
      out.back().second += " ";
      out.back().second += word;
    }
    if (sp == std::string_view::npos) break;
    s = s.substr(sp + 1);
  }
  return out;
}

std::pair<std::string, std::string> HistoryInstruction(std::string_view created_by) {
  std::string_view s = TrimLeft(created_by);
  if (s.ends_with(" # buildkit")) s.remove_suffix(11);
  bool run = false;
  if (s.starts_with("RUN ")) {
    run = true;
    s = TrimLeft(s.substr(4));
  }
  if (s.starts_with("|")) {
    // Skip the build arguments up to the shell.
    const std::size_t shell = s.find("/bin/sh -c ");
    s = shell == std::string_view::npos ? std::string_view() : s.substr(shell);
    run = true;
  }
  if (s.starts_with("/bin/sh -c ")) {
    s = TrimLeft(s.substr(11));
    if (s.starts_with("#(nop) ")) {
      s = TrimLeft(s.substr(7));
    } else {
      run = true;
    }
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  if (run) return {"RUN", std::string(s)};
  const std::size_t sp = s.find(' ');
  std::string keyword(s.substr(0, sp));
  for (char& c : keyword) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return {keyword, sp == std::string_view::npos ? std::string() : std::string(TrimLeft(s.substr(sp + 1)))};
}

}  // namespace shipshape::rules
