#include "rules/context/context_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "context/dockerignore.h"

namespace shipshape::rules {
namespace {

/// Whether `word` is a source BuildKit fetches rather than reads from the context.
bool IsRemote(std::string_view word) {
  return word.starts_with("http://") || word.starts_with("https://") ||
         word.starts_with("git@") || word.starts_with("git://") ||
         word.starts_with("ssh://");
}

/// Files and folders that are secrets, or bulk with no place in an image, by exact name.
constexpr std::string_view kSensitiveNames[] = {
    ".git",   ".env",      "node_modules", ".npmrc",   ".pypirc", ".netrc",     ".aws",
    ".ssh",   ".gnupg",    ".htpasswd",    "id_rsa",   "id_dsa",  "id_ecdsa",   "id_ed25519",
};
/// Private keys and key stores, by extension.
constexpr std::string_view kKeyExtensions[] = {".pem", ".key", ".p12", ".pfx"};
/// `.env.<suffix>` files meant to be shared, not secrets.
constexpr std::string_view kEnvTemplates[] = {"example", "sample", "template", "dist", "defaults"};

bool IsSensitive(std::string_view name) {
  if (std::find(std::begin(kSensitiveNames), std::end(kSensitiveNames), name) !=
      std::end(kSensitiveNames)) {
    return true;
  }
  if (name.starts_with(".env.")) {
    const std::string_view suffix = name.substr(5);
    return !suffix.empty() && std::find(std::begin(kEnvTemplates), std::end(kEnvTemplates),
                                        suffix) == std::end(kEnvTemplates);
  }
  for (std::string_view ext : kKeyExtensions) {
    if (name.size() > ext.size() && name.ends_with(ext)) return true;
  }
  return false;
}

}  // namespace

std::vector<ContextSource> ContextSources(const Context& ctx, std::size_t index,
                                          const syntax::Instruction& inst) {
  std::vector<ContextSource> out;
  const bool add = inst.keyword == syntax::Keyword::kAdd;
  if ((!add && inst.keyword != syntax::Keyword::kCopy) || inst.args.size() < 2) return out;
  for (const syntax::Flag& flag : inst.flags) {
    if (flag.Name() == "from") return out;
  }
  for (std::size_t i = 0; i + 1 < inst.args.size(); ++i) {
    const syntax::Word& word = inst.args[i];
    if (!inst.heredocs.empty() && word.value.starts_with("<<")) continue;
    if (IsRemote(word.value)) continue;
    ContextSource source;
    source.word = &word;
    if (word.value.find_first_of("$'\"\\`") == std::string_view::npos) {
      source.value = std::string(word.value);
    } else {
      model::Resolved r = ctx.model().Resolve(index, word.value);
      if (r.known && r.error.empty()) source.value = std::move(r.value);
    }
    if (source.value && IsRemote(*source.value)) continue;
    out.push_back(std::move(source));
  }
  return out;
}

std::optional<WholeContextCopy> FirstWholeContextCopy(const Context& ctx) {
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  for (std::size_t i = 0; i < insts.size(); ++i) {
    if (insts[i].has_parse_error) continue;
    for (const ContextSource& s : ContextSources(ctx, i, insts[i])) {
      if (!s.value) continue;
      const std::string clean = context::CleanPath(*s.value);
      if (clean == "." || clean == "/") {
        return WholeContextCopy{&insts[i], s.word,
                                fmt::format("{} {}", insts[i].word.value, s.word->value)};
      }
    }
  }
  return std::nullopt;
}

std::vector<std::string> SensitiveEntries(const Context& ctx,
                                          const context::BuildContext& build) {
  std::vector<std::string> out;
  for (const std::string& name : build.TopLevel()) {
    if (IsSensitive(name) && !Referenced(ctx, name)) out.push_back(name);
  }
  return out;
}

/// Whether `text` runs `git` (the word `git` followed by a blank), roughly.
bool MentionsGit(std::string_view text) {
  for (std::size_t k = text.find("git"); k != std::string_view::npos; k = text.find("git", k + 1)) {
    const bool starts = k == 0 || !std::isalnum(static_cast<unsigned char>(text[k - 1]));
    const bool ends = k + 3 == text.size() || text[k + 3] == ' ' || text[k + 3] == '\t';
    if (starts && ends) return true;
  }
  return false;
}

bool Referenced(const Context& ctx, std::string_view name) {
  // The other Dockerfiles built with this context need what they name too (read as plain text:
  // a mention anywhere counts).
  if (const context::BuildContext* build = ctx.options().context.get()) {
    if (build->AnyDockerfileText(name, [&](std::string_view text) {
          return text.find(name) != std::string_view::npos ||
                 (name == ".git" && MentionsGit(text));
        })) {
      return true;
    }
  }
  for (const syntax::Instruction& inst : ctx.dockerfile().instructions) {
    const std::string_view text = inst.original;
    if (text.find(name) != std::string_view::npos) return true;
    // Git reads `.git` without naming it.
    if (name == ".git" && IsRun(inst) && MentionsGit(text)) return true;
  }
  return false;
}

std::vector<std::string> Unexcluded(const Context& ctx, const context::BuildContext& build) {
  std::vector<std::string> out;
  const context::Dockerignore* ignore = build.dockerignore();
  for (std::string& name : SensitiveEntries(ctx, build)) {
    if (ignore) {
      // Excluded already (itself, or everything in it), or taken back on purpose by a `!`.
      if (ignore->Excludes(name) || ignore->Excludes(fmt::format("{}/x", name))) continue;
      const auto& patterns = ignore->patterns();
      if (std::any_of(patterns.begin(), patterns.end(), [&](const context::IgnorePattern& p) {
            return p.exclusion && (p.Matches(name) || name.starts_with(fmt::format("{}/", p.cleaned)));
          })) {
        continue;
      }
    }
    out.push_back(std::move(name));
  }
  return out;
}

std::string NameList(const std::vector<std::string>& names) {
  constexpr std::size_t kShown = 4;
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kShown; ++i) {
    out += fmt::format("{}`{}`", i ? ", " : "", names[i]);
  }
  if (names.size() > kShown) out += fmt::format(" and {} more", names.size() - kShown);
  return out;
}

}  // namespace shipshape::rules
