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

bool IsWindowsStage(const model::Model& model, std::size_t stage) {
  return model.IsWindowsStage(stage);
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

namespace {

/// Shell-form text split at blanks (enough to see which program starts: quoting aside, the
/// first words of `exec gosu app "$@"` are plain).
std::vector<std::string> SplitBlanks(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i > start) out.emplace_back(text.substr(start, i - start));
  }
  return out;
}

std::vector<std::string> CommandWords(const syntax::Instruction& inst) {
  std::vector<std::string> out;
  if (inst.json) {
    for (const syntax::Word& w : inst.args) out.emplace_back(w.value);
    return out;
  }
  return SplitBlanks(inst.rest.value);
}

/// Whether `word` appears in `text` as a whole word (not inside a longer name: `gosu` in
/// `/usr/local/bin/gosu` and `gosu-amd64` counts, in `gosuper` it does not).
bool HasWord(std::string_view text, std::string_view word) {
  const auto name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    const bool left = at == 0 || (!name_char(text[at - 1]) && text[at - 1] != '-');
    const std::size_t end = at + word.size();
    const bool right = end == text.size() || !name_char(text[end]);
    if (left && right) return true;
  }
  return false;
}

bool IsEntrypointScript(std::string_view program) {
  const std::string_view base = Basename(program);
  return base.ends_with(".sh") || base.find("entrypoint") != std::string_view::npos;
}

}  // namespace

std::vector<std::string> StartCommand::Program() const {
  std::vector<std::string> words = entrypoint;
  words.insert(words.end(), cmd.begin(), cmd.end());
  // A shell-form command runs as `/bin/sh -c "..."`; exec form may spell that out too.
  std::size_t i = 0;
  if (words.size() >= 3 && (Basename(words[0]) == "sh" || Basename(words[0]) == "bash") &&
      words[1] == "-c") {
    std::vector<std::string> inner = SplitBlanks(words[2]);
    inner.insert(inner.end(), words.begin() + 3, words.end());
    words = std::move(inner);
  }
  while (i < words.size()) {
    const std::string_view base = Basename(words[i]);
    if (base == "tini" || base == "tini-static" || base == "dumb-init" || base == "exec") {
      ++i;
      while (i < words.size() && words[i].starts_with("-")) {
        const bool end = words[i] == "--";
        ++i;
        if (end) break;
      }
      continue;
    }
    break;
  }
  return {words.begin() + static_cast<std::ptrdiff_t>(i), words.end()};
}

StartCommand ImageStartCommand(const syntax::Dockerfile& df, const model::Model& model,
                               const std::vector<std::size_t>& shipped) {
  StartCommand out;
  for (std::size_t s : shipped) {
    const model::Stage& stage = model.stages()[s];
    bool cmd_in_stage = false;
    for (std::size_t i = stage.begin + 1; i < stage.end && i < df.instructions.size(); ++i) {
      const syntax::Instruction& inst = df.instructions[i];
      if (inst.keyword == syntax::Keyword::kCmd) {
        out.cmd = CommandWords(inst);
        out.cmd_set = cmd_in_stage = true;
      } else if (inst.keyword == syntax::Keyword::kEntrypoint) {
        out.entrypoint = CommandWords(inst);
        out.entrypoint_set = true;
        if (!cmd_in_stage) {
          out.cmd.clear();
          out.cmd_set = true;  // cleared: the base image's CMD no longer applies
        }
      }
    }
  }
  return out;
}

bool IsPrivilegeDropTool(std::string_view program) {
  const std::string_view base = Basename(program);
  return base == "gosu" || base == "su-exec" || base == "setpriv" || base == "runuser" ||
         base == "chpst" || base == "s6-setuidgid";
}

std::string DropsPrivilegesAtStart(const syntax::Dockerfile& df, const model::Model& model,
                                   const std::vector<std::size_t>& shipped) {
  const std::vector<std::string> program = ImageStartCommand(df, model, shipped).Program();
  if (program.empty()) return {};
  if (IsPrivilegeDropTool(program[0])) return std::string(Basename(program[0]));
  if (!IsEntrypointScript(program[0])) return {};
  // setpriv and runuser come with util-linux everywhere, so only an installed tool tells that
  // the script is the official images' `exec gosu user "$@"` kind.
  for (std::size_t s : shipped) {
    const model::Stage& stage = model.stages()[s];
    for (std::size_t i = stage.begin + 1; i < stage.end && i < df.instructions.size(); ++i) {
      const syntax::Instruction& inst = df.instructions[i];
      if (inst.keyword != syntax::Keyword::kRun && inst.keyword != syntax::Keyword::kCopy &&
          inst.keyword != syntax::Keyword::kAdd) {
        continue;
      }
      for (std::string_view tool : {"gosu", "su-exec", "chpst", "s6-setuidgid"}) {
        if (HasWord(inst.original, tool)) return std::string(tool);
      }
    }
  }
  return {};
}

std::string ServiceEvidence(const syntax::Dockerfile& df, const model::Model& model,
                            const std::vector<std::size_t>& shipped) {
  for (std::size_t s : shipped) {
    const model::Stage& stage = model.stages()[s];
    for (std::size_t i = stage.begin + 1; i < stage.end && i < df.instructions.size(); ++i) {
      if (df.instructions[i].keyword == syntax::Keyword::kExpose) return "it exposes a port";
    }
  }
  const StartCommand start = ImageStartCommand(df, model, shipped);
  const std::vector<std::string> program = start.Program();
  // Servers by program name, then `tool subcommand` forms.
  static constexpr std::string_view kServers[] = {
      "apache2-foreground", "apache2ctl", "caddy", "daphne", "envoy", "gunicorn", "haproxy",
      "httpd", "httpd-foreground", "hypercorn", "lighttpd", "memcached", "mongod", "mysqld",
      "mariadbd", "nginx", "php-fpm", "postgres", "puma", "rabbitmq-server", "redis-server",
      "sshd", "supervisord", "traefik", "unicorn", "uvicorn", "uwsgi", "valkey-server",
      "waitress-serve", "catalina.sh", "http-server", "grafana-server"};
  if (!program.empty()) {
    const std::string_view base = Basename(program[0]);
    for (std::string_view server : kServers) {
      if (base == server || (server == "php-fpm" && base.starts_with("php-fpm"))) {
        return fmt::format("it starts `{}`", base);
      }
    }
    for (std::size_t i = 1; i < program.size() && i < 3; ++i) {
      const std::string_view w = program[i];
      const std::string_view prev = Basename(program[i - 1]);
      if ((w == "runserver" && prev == "manage.py") || (w == "run" && prev == "flask") ||
          ((w == "server" || w == "s") && prev == "rails") || (w == "serve" && prev == "artisan") ||
          (w == "start" && prev == "next")) {
        return fmt::format("it starts `{} {}`", prev, w);
      }
    }
    return {};
  }
  if (start.entrypoint_set || start.cmd_set) return {};
  // No start command of its own: the base image's, when that is a well-known server image.
  const model::Stage& root = model.stages()[shipped.front()];
  if (root.base_kind != model::BaseKind::kImage) return {};
  static constexpr std::string_view kServerImages[] = {
      "docker.io/library/nginx",    "docker.io/library/httpd",     "docker.io/library/caddy",
      "docker.io/library/traefik",  "docker.io/library/haproxy",   "docker.io/library/postgres",
      "docker.io/library/mysql",    "docker.io/library/mariadb",   "docker.io/library/redis",
      "docker.io/library/mongo",    "docker.io/library/rabbitmq",  "docker.io/library/memcached",
      "docker.io/library/tomcat",   "docker.io/library/jetty",     "docker.io/nginxinc/nginx-unprivileged",
      "docker.io/library/php"};
  for (std::string_view image : kServerImages) {
    if (root.image.name != image) continue;
    // php's server variants only (`php:8.3-fpm`, `php:8.3-apache`).
    if (image == "docker.io/library/php" && root.image.tag.find("fpm") == std::string::npos &&
        root.image.tag.find("apache") == std::string::npos) {
      continue;
    }
    return fmt::format("its base image `{}` runs a server", root.image.familiar);
  }
  return {};
}

}  // namespace shipshape::rules
