#include "fix/diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace shipshape::fix {
namespace {

/// Lines with their endings.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t nl = text.find('\n', at);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back(text.substr(at, end - at));
    at = end;
  }
  return out;
}

struct Op {
  char kind;  // ' ', '-', '+'
  std::string_view line;
};

/// The edit script between a[ab, ae) and b[bb, be): a longest common subsequence of lines when
/// the region is small enough, else everything removed then added (still a correct diff).
void Middle(const std::vector<std::string_view>& a, std::size_t ab, std::size_t ae,
            const std::vector<std::string_view>& b, std::size_t bb, std::size_t be,
            std::vector<Op>& out) {
  const std::size_t n = ae - ab, m = be - bb;
  if (n == 0 || m == 0 || n * m > 4'000'000) {
    for (std::size_t i = ab; i < ae; ++i) out.push_back({'-', a[i]});
    for (std::size_t j = bb; j < be; ++j) out.push_back({'+', b[j]});
    return;
  }
  // lcs[i][j]: LCS length of a[ab+i..ae) and b[bb+j..be).
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = a[ab + i] == b[bb + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a[ab + i] == b[bb + j]) {
      out.push_back({' ', a[ab + i]});
      ++i;
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      out.push_back({'-', a[ab + i++]});
    } else {
      out.push_back({'+', b[bb + j++]});
    }
  }
  for (; i < n; ++i) out.push_back({'-', a[ab + i]});
  for (; j < m; ++j) out.push_back({'+', b[bb + j]});
}

void AppendLine(std::string& out, char kind, std::string_view line) {
  out += kind;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after,
                        bool created) {
  if (before == after) return {};
  const std::vector<std::string_view> a = Lines(before), b = Lines(after);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Op> ops;
  for (std::size_t i = 0; i < prefix; ++i) ops.push_back({' ', a[i]});
  Middle(a, prefix, a.size() - suffix, b, prefix, b.size() - suffix, ops);
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) ops.push_back({' ', a[i]});

  constexpr std::size_t kContext = 3;
  std::string out = created ? fmt::format("--- /dev/null\n+++ b/{}\n", path)
                            : fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  // Hunks: runs of changes with up to 2 * kContext unchanged lines between them.
  std::size_t k = 0;
  std::size_t a_line = 0, b_line = 0;  // lines consumed before ops[k]
  while (k < ops.size()) {
    if (ops[k].kind == ' ') {
      ++a_line;
      ++b_line;
      ++k;
      continue;
    }
    // A change at k: the hunk starts up to kContext lines before it.
    std::size_t start = k;
    std::size_t back = 0;
    while (start > 0 && ops[start - 1].kind == ' ' && back < kContext) {
      --start;
      ++back;
    }
    std::size_t end = k;  // one past the hunk's last op
    std::size_t last_change = k;
    while (end < ops.size()) {
      if (ops[end].kind != ' ') {
        last_change = end;
        ++end;
        continue;
      }
      // Unchanged lines: does another change come within 2 * kContext?
      std::size_t run = end;
      while (run < ops.size() && ops[run].kind == ' ') ++run;
      if (run < ops.size() && run - end <= 2 * kContext) {
        end = run;
        continue;
      }
      end = std::min(last_change + 1 + kContext, run);
      break;
    }
    std::size_t a_count = 0, b_count = 0;
    for (std::size_t i = start; i < end; ++i) {
      if (ops[i].kind != '+') ++a_count;
      if (ops[i].kind != '-') ++b_count;
    }
    const std::size_t a_start = a_line - back, b_start = b_line - back;
    out += fmt::format("@@ -{},{} +{},{} @@\n", a_count ? a_start + 1 : a_start, a_count,
                       b_count ? b_start + 1 : b_start, b_count);
    for (std::size_t i = start; i < end; ++i) AppendLine(out, ops[i].kind, ops[i].line);
    for (std::size_t i = k; i < end; ++i) {
      if (ops[i].kind != '+') ++a_line;
      if (ops[i].kind != '-') ++b_line;
    }
    k = end;
  }
  return out;
}

}  // namespace shipshape::fix
