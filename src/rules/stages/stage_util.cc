#include "rules/stages/stage_util.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "rules/edit_util.h"

namespace shipshape::rules {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool IsQuote(char c) { return c == '"' || c == '\''; }

/// A path's kind once its value is known (`known`: exactly).
ResolvedPath Classify(std::string value, bool known) {
  ResolvedPath out;
  if (value.empty()) return out;
  const char first = value[0];
  out.kind = first == '/' || first == '\\' || HasWindowsDrive(value) ? PathKind::kAbsolute
                                                                     : PathKind::kRelative;
  out.value = std::move(value);
  out.known = known;
  return out;
}

}  // namespace

ResolvedPath ResolvePath(const model::Model& model, std::size_t index, std::string_view word,
                         bool in_onbuild) {
  // Most paths are written out: no expansion (nor its allocations) needed for them.
  if (IsLiteral(word)) return Classify(std::string(word), true);
  if (in_onbuild && word.find('$') != std::string_view::npos) return {};
  model::Resolved r = model.Resolve(index, word);
  if (!r.error.empty()) return {};
  if (!r.known) {
    // `app/$X` is relative whatever X holds; `$X/app` could be anything.
    const std::string_view start = DropQuotes(word);
    if (start.empty() || start[0] == '$') return {};
  }
  return Classify(std::move(r.value), r.known);
}

bool IsLiteral(std::string_view word) {
  return word.find_first_of("$\\'\"`") == std::string_view::npos;
}

bool KnownExceptPlatform(const model::Model& model, const model::Resolved& resolved) {
  if (!resolved.error.empty()) return false;
  for (const std::string& name : resolved.unknown) {
    const model::Variable* v = model.global_scope().Find(name);
    if (!v || v->source != model::VariableSource::kPlatform) return false;
  }
  return true;
}

bool HasWindowsDrive(std::string_view path) {
  return path.size() >= 2 && path[1] == ':' &&
         ((path[0] >= 'a' && path[0] <= 'z') || (path[0] >= 'A' && path[0] <= 'Z'));
}

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

bool WindowsImage(const model::Stage& stage) {
  if (stage.platform.known && Lower(stage.platform.value).starts_with("windows")) return true;
  if (stage.base_kind != model::BaseKind::kImage) return false;
  const std::string name = Lower(stage.image.path);
  const std::string tag = Lower(stage.image.tag);
  return name.starts_with("windows/") || name.find("/windows/") != std::string::npos ||
         name.ends_with("/nanoserver") || name.ends_with("/servercore") ||
         tag.find("windowsservercore") != std::string::npos ||
         tag.find("nanoserver") != std::string::npos;
}

bool WindowsShell(const std::vector<std::string>& shell) {
  if (shell.empty()) return false;
  const std::string exe = Lower(Basename(shell[0]));
  return exe == "cmd" || exe == "cmd.exe" || exe == "powershell" || exe == "powershell.exe";
}

}  // namespace

bool IsWindowsStage(const model::Model& model, std::size_t stage) {
  // Each stage is built on an earlier one; the bound guards against anything else.
  for (std::size_t hops = 0; stage < model.stages().size() && hops <= model.stages().size();
       ++hops) {
    const model::Stage& s = model.stages()[stage];
    if (WindowsImage(s)) return true;
    if (s.end > s.begin && WindowsShell(model.ShellAt(s.end - 1))) return true;
    if (!s.base_stage) return false;
    stage = *s.base_stage;
  }
  return false;
}

bool IsRootUser(std::string_view user) {
  return user == "root" || user == "0" || user.starts_with("root:") || user.starts_with("0:");
}

bool HasArchiveExtension(std::string_view name) {
  static constexpr std::string_view kExtensions[] = {
      ".tar", ".Z",    ".bz2", ".gz",  ".lz",  ".lzma", ".tZ", ".tb2",
      ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz",  ".xz",
  };
  name = DropQuotes(name);
  for (std::string_view ext : kExtensions) {
    if (name.ends_with(ext)) return true;
  }
  return false;
}

std::string_view Basename(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view LiteralTail(std::string_view word) {
  std::size_t tail = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '\\') {
      ++i;
      continue;
    }
    if (word[i] != '$' || i + 1 >= word.size()) continue;
    if (word[i + 1] == '{') {
      int depth = 0;
      std::size_t j = i + 1;
      for (; j < word.size(); ++j) {
        if (word[j] == '{') ++depth;
        if (word[j] == '}' && --depth == 0) break;
      }
      i = j;
      tail = std::min(j + 1, word.size());
    } else if (IsNameChar(word[i + 1])) {
      std::size_t j = i + 1;
      while (j < word.size() && IsNameChar(word[j])) ++j;
      i = j - 1;
      tail = j;
    }
  }
  return word.substr(tail);
}

std::optional<std::size_t> StageIndex(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  std::size_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

std::string_view DropQuotes(std::string_view text) {
  while (!text.empty() && IsQuote(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsQuote(text.back())) text.remove_suffix(1);
  return text;
}

namespace {

/// Whether `name` can be written after `USER` as is and names a user, not a number or group.
bool PlainUserName(std::string_view name) {
  if (name.empty() || name.size() > 32 || name[0] == '-') return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

/// The last unprivileged user the shipped stages are known to have: one an earlier `USER`
/// switched to, or one a RUN created with `useradd NAME` / `adduser NAME`. Empty if none.
std::string KnownUser(Context& ctx, const std::vector<std::size_t>& shipped) {
  const model::Model& model = ctx.model();
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  std::string user;
  for (std::size_t s : shipped) {
    const model::Stage& stage = model.stages()[s];
    for (std::size_t i = stage.begin + 1; i < stage.end; ++i) {
      const syntax::Instruction& inst = insts[i];
      if (inst.keyword == syntax::Keyword::kUser && !inst.args.empty()) {
        const model::Resolved u = model.Resolve(i, inst.args[0].value);
        if (u.known && PlainUserName(u.value) && !IsRootUser(u.value)) user = u.value;
      } else if (inst.keyword == syntax::Keyword::kRun) {
        for (const shell::Command& c : ctx.Shell(i).commands()) {
          if ((c.name != "useradd" && c.name != "adduser") || c.args.empty()) continue;
          // `adduser USER GROUP` adds an existing user to a group.
          const shell::Argument& name =
              c.name == "adduser" && c.args.size() == 2 ? c.args[0] : c.args.back();
          if (name.known && PlainUserName(name.value) && !IsRootUser(name.value)) {
            user = name.value;
          }
        }
      }
    }
  }
  return user;
}

}  // namespace

std::optional<base::Fix> AppendUserFix(Context& ctx, const std::vector<std::size_t>& shipped) {
  const syntax::Dockerfile& df = ctx.dockerfile();
  const model::Stage& target = ctx.model().stages()[shipped.back()];
  const syntax::Instruction& last = df.instructions[target.end - 1];
  // An unterminated heredoc runs to the end of the file (found by the fix fuzz target: each
  // pass appended another USER to the heredoc's body).
  const syntax::Instruction* const own_and_trigger[] = {&last, last.trigger.get()};
  for (const syntax::Instruction* inst : own_and_trigger) {
    if (!inst) continue;
    for (const syntax::Heredoc& h : inst->heredocs) {
      if (!h.terminated) return std::nullopt;
    }
  }
  const std::uint32_t end = last.range.end;
  const std::string user = KnownUser(ctx, shipped);
  const std::string line = fmt::format("{}{}USER {}", LineBreakAt(df.text(), end),
                                       IndentAt(df.text(), last.range.begin),
                                       user.empty() ? "nobody" : user);
  if (user.empty()) {
    return base::Fix{"Add `USER nobody` at the end of the image's stage (better: create a user "
                     "for the application)",
                     base::Applicability::kDisplayOnly,
                     {{{end, end}, line}}};
  }
  return base::Fix{fmt::format("Add `USER {}` at the end of the image's stage", user),
                   base::Applicability::kUnsafe,
                   {{{end, end}, line}}};
}

}  // namespace shipshape::rules
