#include "lint/discover.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "base/file.h"

namespace shipshape::lint {
namespace fs = std::filesystem;
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

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

std::string_view Basename(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string JoinRel(std::string_view base, std::string_view name) {
  if (base.empty()) return std::string(name);
  std::string out(base);
  out += '/';
  out += name;
  return out;
}

/// `dir` joined with a relative path as the user will see it (`./x` as `x`).
std::string Display(const std::string& dir, std::string_view rel) {
  if (dir == "." || dir == "./") return std::string(rel);
  std::string out = dir;
  if (!out.empty() && out.back() != '/') out += '/';
  out += rel;
  return out;
}

}  // namespace

bool IsDockerfileName(std::string_view name) {
  if (EndsWith(name, ".dockerignore")) return false;
  if (name == "Dockerfile" || name == "Containerfile") return true;
  if (name.starts_with("Dockerfile.")) return name.size() > 11;
  if (name.starts_with("Containerfile.")) return name.size() > 14;
  return EndsWith(name, ".Dockerfile") || EndsWith(name, ".dockerfile") ||
         EndsWith(name, ".containerfile") || EndsWith(name, ".Containerfile");
}

bool GlobMatch(std::string_view glob, std::string_view path) {
  Wildmatch m(glob, path);
  return m.Run();
}

void GitIgnore::Add(std::string_view base, std::string_view text) {
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Trailing spaces are dropped unless escaped.
    while (!line.empty() && line.back() == ' ' &&
           !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
      line.pop_back();
    }
    if (line.empty() || line[0] == '#') continue;
    Pattern p;
    p.base = std::string(base);
    if (line[0] == '!') {
      p.negate = true;
      line.erase(0, 1);
    } else if (line.size() >= 2 && line[0] == '\\' && (line[1] == '!' || line[1] == '#')) {
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      p.dir_only = true;
      line.pop_back();
    }
    if (line.empty()) continue;
    p.anchored = line.find('/') != std::string::npos;
    if (line[0] == '/') line.erase(0, 1);
    if (line.empty()) continue;
    p.glob = std::move(line);
    patterns_.push_back(std::move(p));
  }
}

bool GitIgnore::Ignored(std::string_view path, bool is_dir) const {
  bool ignored = false;
  for (const Pattern& p : patterns_) {
    // The last match decides: only a pattern that would change the verdict needs matching.
    if (p.negate != ignored) continue;
    if (p.dir_only && !is_dir) continue;
    std::string_view rel = path;
    if (!p.base.empty()) {
      if (rel.size() <= p.base.size() || !rel.starts_with(p.base) || rel[p.base.size()] != '/') {
        continue;
      }
      rel.remove_prefix(p.base.size() + 1);
    }
    if (GlobMatch(p.glob, p.anchored ? rel : Basename(rel))) ignored = !p.negate;
  }
  return ignored;
}

DiscoverResult Discover(const std::string& dir, bool respect_gitignore) {
  DiscoverResult result;
  std::error_code ec;
  const fs::path root = fs::absolute(dir, ec);
  GitIgnore ignore;
  // Paths are matched relative to the repository root, so that the .gitignore files of the
  // parent directories apply too.
  std::string prefix;
  if (respect_gitignore && !ec) {
    fs::path repo = root.lexically_normal();
    std::vector<fs::path> chain;
    for (fs::path p = repo;; p = p.parent_path()) {
      chain.push_back(p);
      if (fs::exists(p / ".git", ec)) break;
      if (p == p.parent_path()) {
        chain.assign(1, repo);  // not in a repository: only the tree's own files
        break;
      }
    }
    std::reverse(chain.begin(), chain.end());
    const fs::path top = chain.front();
    prefix = repo == top ? "" : repo.lexically_relative(top).generic_string();
    if (prefix == ".") prefix.clear();
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
      base::ReadResult r = base::ReadFile((chain[i] / ".gitignore").string());
      if (!r.ok()) continue;
      std::string base = chain[i].lexically_relative(top).generic_string();
      if (base == ".") base.clear();
      ignore.Add(base, r.text);
    }
  }

  // Depth-first, parents before children, so deeper .gitignore patterns come later and win.
  struct Pending {
    fs::path path;
    std::string rel;  // relative to `dir`
  };
  std::vector<Pending> stack = {{root, ""}};
  while (!stack.empty()) {
    Pending cur = std::move(stack.back());
    stack.pop_back();
    const std::string repo_rel = JoinRel(prefix, cur.rel);
    if (respect_gitignore) {
      base::ReadResult r = base::ReadFile((cur.path / ".gitignore").string());
      if (r.ok()) ignore.Add(repo_rel, r.text);
    }
    fs::directory_iterator it(cur.path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      result.errors.push_back(fmt::format("{}: {}", cur.rel.empty() ? dir : Display(dir, cur.rel),
                                          ec.message()));
      continue;
    }
    std::vector<Pending> children;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::directory_entry& entry = *it;
      const std::string name = entry.path().filename().string();
      const std::string rel = JoinRel(cur.rel, name);
      const std::string rrel = JoinRel(prefix, rel);
      std::error_code sec;
      if (entry.is_symlink(sec)) {
        // A link to a directory is not followed; a link to a Dockerfile is linted.
        if (fs::is_directory(entry.path(), sec)) continue;
      } else if (entry.is_directory(sec)) {
        if (name == ".git" || name == "node_modules") continue;
        if (respect_gitignore && ignore.Ignored(rrel, true)) continue;
        children.push_back({entry.path(), rel});
        continue;
      }
      if (!IsDockerfileName(name) || !fs::is_regular_file(entry.path(), sec)) continue;
      if (respect_gitignore && ignore.Ignored(rrel, false)) continue;
      result.files.push_back(Display(dir, rel));
    }
    std::sort(children.begin(), children.end(),
              [](const Pending& a, const Pending& b) { return a.rel > b.rel; });
    for (Pending& c : children) stack.push_back(std::move(c));
  }
  std::sort(result.files.begin(), result.files.end());
  return result;
}

}  // namespace shipshape::lint
