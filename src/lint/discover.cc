#include "lint/discover.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "base/file.h"
#include "base/glob.h"

namespace shipshape::lint {
namespace fs = std::filesystem;
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

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
    if (base::GlobMatch(p.glob, p.anchored ? rel : Basename(rel))) ignored = !p.negate;
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
      // The entry's type from the directory listing: no stat per file (a link is followed).
      if (!IsDockerfileName(name) || !entry.is_regular_file(sec)) continue;
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
