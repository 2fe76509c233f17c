#include "lint/fingerprint.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "base/utf8.h"

namespace shipshape::lint {

std::string HashHex(const std::vector<std::string_view>& parts) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ull;
  };
  for (std::string_view part : parts) {
    for (char c : part) mix(static_cast<unsigned char>(c));
    mix(0);
  }
  return fmt::format("{:016x}", h);
}

std::string_view LineText(const syntax::Dockerfile& df, std::uint32_t line) {
  const std::string_view text = df.text();
  const std::uint32_t start =
      std::min<std::uint32_t>(df.lines().LineStart(line), static_cast<std::uint32_t>(text.size()));
  std::string_view rest = text.substr(start);
  std::string_view out = rest.substr(0, rest.find('\n'));
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

std::vector<std::string> Fingerprints(const syntax::Dockerfile& df,
                                      std::span<const base::Diagnostic> diagnostics,
                                      std::string_view path) {
  std::vector<std::string> out;
  out.reserve(diagnostics.size());
  std::map<std::pair<std::string_view, std::string_view>, int> seen;
  for (const base::Diagnostic& d : diagnostics) {
    const std::string_view code = d.code.empty() ? kSyntaxErrorCode : std::string_view(d.code);
    const std::uint32_t line = df.lines().PositionOf(d.range.begin).line;
    const std::string_view text = base::TrimSpace(LineText(df, line));
    const int occurrence = ++seen[{code, text}];
    out.push_back(fmt::format("{}:{}", HashHex({code, path, text}), occurrence));
  }
  return out;
}

}  // namespace shipshape::lint
