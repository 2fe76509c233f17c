#include "base/glob.h"

#include <cstddef>
#include <vector>

namespace shipshape::base {
namespace {

/// Matcher state: memoises (pattern offset, text offset) pairs known not to match, so that
/// patterns with many stars stay polynomial.
class Wildmatch {
 public:
  Wildmatch(std::string_view p, std::string_view s) : p_(p), s_(s) {}

  bool Run() { return MatchUncached(0, 0); }

 private:
  bool Match(std::size_t pi, std::size_t si) {
    // Allocated on the first star only: most patterns have none.
    if (failed_.empty()) failed_.assign((p_.size() + 1) * (s_.size() + 1), false);
    const std::size_t key = pi * (s_.size() + 1) + si;
    if (failed_[key]) return false;
    const bool ok = MatchUncached(pi, si);
    if (!ok) failed_[key] = true;
    return ok;
  }

  bool MatchUncached(std::size_t pi, std::size_t si) {
    while (pi < p_.size()) {
      const char c = p_[pi];
      if (c == '*') {
        // Each choice moves either the pattern or the text on, so with the memo every
        // (pattern, text) pair is settled once: O(pattern x text), recursion depth at most
        // their summed lengths.
        const bool component_start = pi == 0 || p_[pi - 1] == '/';
        if (pi + 1 < p_.size() && p_[pi + 1] == '*' && component_start &&
            (pi + 2 == p_.size() || p_[pi + 2] == '/')) {
          if (pi + 2 == p_.size()) return true;  // trailing `**`: everything below
          // `**/`: no more components, or one more and `**/` again.
          if (Match(pi + 3, si)) return true;
          const std::size_t slash = s_.find('/', si);
          return slash != std::string_view::npos && Match(pi, slash + 1);
        }
        std::size_t next = pi;
        while (next < p_.size() && p_[next] == '*') ++next;
        if (Match(next, si)) return true;
        return si < s_.size() && s_[si] != '/' && Match(pi, si + 1);
      }
      if (si >= s_.size()) return false;
      if (c == '?') {
        if (s_[si] == '/') return false;
      } else if (c == '[') {
        std::size_t end = pi;
        bool matched = false;
        if (!Class(pi, s_[si], end, matched)) {
          if (s_[si] != '[') return false;  // an unclosed `[` is literal
        } else {
          if (!matched) return false;
          pi = end;
          ++si;
          continue;
        }
      } else if (c == '\\' && pi + 1 < p_.size()) {
        ++pi;
        if (s_[si] != p_[pi]) return false;
      } else if (s_[si] != c) {
        return false;
      }
      ++pi;
      ++si;
    }
    return si == s_.size();
  }

  /// Reads the class starting at `start` (`[`); `end` is the offset after its `]`. False when
  /// the class is not closed.
  bool Class(std::size_t start, char ch, std::size_t& end, bool& matched) const {
    std::size_t i = start + 1;
    bool negate = false;
    if (i < p_.size() && (p_[i] == '!' || p_[i] == '^')) {
      negate = true;
      ++i;
    }
    bool any = false;
    bool first = true;
    while (i < p_.size() && (p_[i] != ']' || first)) {
      first = false;
      char lo = p_[i];
      if (lo == '\\' && i + 1 < p_.size()) lo = p_[++i];
      char hi = lo;
      if (i + 2 < p_.size() && p_[i + 1] == '-' && p_[i + 2] != ']') {
        hi = p_[i + 2];
        if (hi == '\\' && i + 3 < p_.size()) hi = p_[++i + 2];
        i += 2;
      }
      if (ch >= lo && ch <= hi) any = true;
      ++i;
    }
    if (i >= p_.size()) return false;
    end = i + 1;
    matched = ch != '/' && any != negate;
    return true;
  }

  std::string_view p_, s_;
  std::vector<bool> failed_;
};

}  // namespace

bool GlobMatch(std::string_view glob, std::string_view path) {
  Wildmatch m(glob, path);
  return m.Run();
}

}  // namespace shipshape::base
