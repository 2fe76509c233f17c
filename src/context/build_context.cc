#include "context/build_context.h"

#include <sys/stat.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <system_error>

#include "base/file.h"

namespace shipshape::context {

/// What is known about the files, shared by a context and its WithDockerignore copies (and
/// across threads).
struct BuildContext::Files {
  std::mutex mu;
  /// In memory: every file and the folders they imply.
  std::optional<std::set<std::string, std::less<>>> memory;
  std::map<std::string, bool, std::less<>> exists;
  std::optional<std::vector<std::string>> top_level;
  std::vector<std::string> dockerfiles;
  std::optional<std::vector<std::string>> dockerfile_texts;
  /// The path each of dockerfile_texts was read from (sorted, as the texts are).
  std::vector<std::string> dockerfile_text_paths;
  /// AnyDockerfileText's answers, by key (cleared with dockerfile_texts).
  std::map<std::string, bool, std::less<>> text_answers;
};

namespace {

/// `dir/name` without doubling separators or prefixing `./`.
std::string Join(const std::string& dir, std::string_view name) {
  if (dir.empty() || dir == ".") return std::string(name);
  if (dir.back() == '/') return fmt::format("{}{}", dir, name);
  return fmt::format("{}/{}", dir, name);
}

}  // namespace

std::shared_ptr<const BuildContext> BuildContext::Open(
    std::string dir, std::string_view dockerfile, bool guessed,
    std::map<std::string, std::string>* parents) {
  std::shared_ptr<BuildContext> c(new BuildContext());
  c->dir_ = dir.empty() ? "." : std::move(dir);
  c->files_ = std::make_shared<Files>();
  c->dockerignore_path_ = Join(c->dir_, ".dockerignore");
  if (!dockerfile.empty() && dockerfile != "-") {
    const std::string own = fmt::format("{}.dockerignore", dockerfile);
    std::error_code ec;
    if (std::filesystem::is_regular_file(own, ec)) c->dockerignore_path_ = own;
  }
  base::ReadResult read = base::ReadFile(c->dockerignore_path_);
  if (read.ok()) {
    c->dockerignore_ = Dockerignore::Parse(read.text);
    c->dockerignore_text_ = std::move(read.text);
  } else if (guessed) {
    std::error_code ec;
    std::filesystem::path at = std::filesystem::absolute(c->dir_, ec).lexically_normal();
    if (at.has_relative_path() && at.filename().empty()) at = at.parent_path();  // "a/b/"
    struct stat st;
    std::vector<std::string> searched;
    while (!ec && at.has_relative_path()) {
      if (parents) {
        if (auto it = parents->find(at.string()); it != parents->end()) {
          c->parent_dockerignore_ = it->second;
          break;
        }
        searched.push_back(at.string());
      }
      if (::lstat((at / ".git").c_str(), &st) == 0) break;  // the repository root
      at = at.parent_path();
      if (::stat((at / ".dockerignore").c_str(), &st) == 0) {
        c->parent_dockerignore_ = (at / ".dockerignore").string();
        break;
      }
    }
    for (std::string& d : searched) parents->emplace(std::move(d), c->parent_dockerignore_);
  }
  return c;
}

std::shared_ptr<const BuildContext> BuildContext::InMemory(
    std::vector<std::string> files, std::optional<std::string> dockerignore) {
  std::shared_ptr<BuildContext> c(new BuildContext());
  c->dockerignore_path_ = ".dockerignore";
  c->files_ = std::make_shared<Files>();
  std::set<std::string, std::less<>>& all = c->files_->memory.emplace();
  for (const std::string& f : files) {
    const std::string clean = CleanPath(f);
    for (std::size_t k = clean.find('/'); k != std::string::npos; k = clean.find('/', k + 1)) {
      all.insert(clean.substr(0, k));
    }
    all.insert(clean);
  }
  if (dockerignore) {
    all.insert(".dockerignore");
    c->dockerignore_ = Dockerignore::Parse(*dockerignore);
    c->dockerignore_text_ = std::move(dockerignore);
  }
  return c;
}

bool BuildContext::Exists(std::string_view raw) const {
  std::string path = CleanPath(raw);
  if (const std::size_t start = path.find_first_not_of('/'); start != 0) {
    path = start == std::string::npos ? "" : path.substr(start);
  }
  if (path.empty() || path == ".") return true;
  if (path == ".." || path.starts_with("../")) return false;
  std::lock_guard<std::mutex> lock(files_->mu);
  if (files_->memory) return files_->memory->count(path) > 0;
  auto it = files_->exists.find(path);
  if (it != files_->exists.end()) return it->second;
  struct stat st;
  const bool found = ::lstat(Join(dir_, path).c_str(), &st) == 0;
  files_->exists.emplace(std::move(path), found);
  return found;
}

const std::vector<std::string>& BuildContext::TopLevel() const {
  std::lock_guard<std::mutex> lock(files_->mu);
  if (files_->top_level) return *files_->top_level;
  std::vector<std::string>& out = files_->top_level.emplace();
  if (files_->memory) {
    for (const std::string& f : *files_->memory) {
      if (f.find('/') == std::string::npos) out.push_back(f);
    }
  } else {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir_, ec), end; !ec && it != end;
         it.increment(ec)) {
      out.push_back(it->path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

bool LooksLikeDockerfile(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.starts_with("dockerfile") || lower.starts_with("containerfile") ||
         lower.ends_with(".dockerfile") || lower.ends_with(".containerfile");
}

}  // namespace

void BuildContext::AddDockerfile(std::string path) const {
  std::lock_guard<std::mutex> lock(files_->mu);
  files_->dockerfiles.push_back(std::move(path));
  files_->dockerfile_texts.reset();
  files_->text_answers.clear();
}

bool BuildContext::AnyDockerfileText(std::string_view key,
                                     const std::function<bool(std::string_view)>& test) const {
  {
    std::lock_guard<std::mutex> lock(files_->mu);
    if (auto it = files_->text_answers.find(key); it != files_->text_answers.end())
      return it->second;
  }
  const std::vector<std::string>& texts = DockerfileTexts();
  const bool any = std::any_of(texts.begin(), texts.end(),
                               [&](const std::string& text) { return test(text); });
  std::lock_guard<std::mutex> lock(files_->mu);
  files_->text_answers.emplace(std::string(key), any);
  return any;
}

const std::vector<std::string>& BuildContext::DockerfileTexts() const {
  {
    std::lock_guard<std::mutex> lock(files_->mu);
    if (files_->dockerfile_texts) return *files_->dockerfile_texts;
  }
  std::vector<std::string> paths;
  for (const std::string& name : TopLevel()) {
    if (!files_->memory && LooksLikeDockerfile(name) && !name.ends_with(".dockerignore")) {
      paths.push_back(Join(dir_, name));
    }
  }
  std::lock_guard<std::mutex> lock(files_->mu);
  if (files_->dockerfile_texts) return *files_->dockerfile_texts;
  paths.insert(paths.end(), files_->dockerfiles.begin(), files_->dockerfiles.end());
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  std::vector<std::string>& out = files_->dockerfile_texts.emplace();
  files_->dockerfile_text_paths.clear();
  for (std::string& p : paths) {
    base::ReadResult read = base::ReadFile(p);
    if (read.ok()) {
      out.push_back(std::move(read.text));
      files_->dockerfile_text_paths.push_back(std::move(p));
    }
  }
  return out;
}

std::optional<std::string> BuildContext::ReadDockerfileText(std::string_view path) const {
  std::lock_guard<std::mutex> lock(files_->mu);
  if (!files_->dockerfile_texts) return std::nullopt;
  const std::vector<std::string>& paths = files_->dockerfile_text_paths;
  auto it = std::lower_bound(paths.begin(), paths.end(), path);
  if (it == paths.end() || *it != path) return std::nullopt;
  return (*files_->dockerfile_texts)[static_cast<std::size_t>(it - paths.begin())];
}

std::shared_ptr<const BuildContext> BuildContext::WithDockerignore(std::string text) const {
  std::shared_ptr<BuildContext> c(new BuildContext(*this));
  c->dockerignore_ = Dockerignore::Parse(text);
  c->dockerignore_text_ = std::move(text);
  return c;
}

std::shared_ptr<const BuildContext> ContextCache::Open(const std::string& dir,
                                                       std::string_view dockerfile,
                                                       bool guessed) {
  // The Dockerfile matters only when it has its own `.dockerignore`.
  std::string own;
  if (!dockerfile.empty() && dockerfile != "-") {
    own = fmt::format("{}.dockerignore", dockerfile);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(own, ec)) own.clear();
  }
  const std::string key = fmt::format("{}\n{}\n{}", dir, own, guessed ? 1 : 0);
  std::lock_guard<std::mutex> lock(mu_);
  std::shared_ptr<const BuildContext>& slot = contexts_[key];
  if (!slot) slot = BuildContext::Open(dir, dockerfile, guessed, &parents_);
  if (!dockerfile.empty() && dockerfile != "-") slot->AddDockerfile(std::string(dockerfile));
  return slot;
}

}  // namespace shipshape::context
