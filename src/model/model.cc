#include "model/model.h"

#include <algorithm>
#include <set>

#include "base/utf8.h"
#include "model/mount.h"
#include "model/os.h"

namespace shipshape::model {
namespace {

/// Docker's default PATH, which BuildKit assumes when the base image sets none.
constexpr std::string_view kDefaultPath =
    "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Proxy build args: passed to RUN without declaration, never usable in expansion.
bool IsProxyArg(std::string_view name) {
  for (std::string_view p : {"http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "all_proxy"}) {
    if (base::EqualsIgnoreCase(name, p)) return true;
  }
  return false;
}

void AddUnique(std::vector<std::string>& v, std::string_view s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.emplace_back(s);
}

/// Parses a non-negative decimal stage index.
std::optional<std::size_t> ParseIndex(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  std::size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  return v;
}

}  // namespace

void Scope::Set(Variable v) {
  for (Variable& existing : vars_) {
    if (existing.name == v.name) {
      existing = std::move(v);
      return;
    }
  }
  vars_.push_back(std::move(v));
}

const Variable* Scope::Find(std::string_view name) const {
  for (const Variable& v : vars_) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

void Model::AddLimit(base::Range range, std::string_view message) {
  Limit& limit = limits_.emplace_back();
  limit.range = range;
  limit.message.assign(message);
}

std::size_t Scope::Bytes() const {
  std::size_t bytes = sizeof(Scope);
  for (const Variable& v : vars_) {
    bytes += sizeof(Variable) + v.name.size() + (v.value ? v.value->size() : 0);
  }
  return bytes;
}

std::optional<std::string_view> Scope::Get(std::string_view name) const {
  const Variable* v = Find(name);
  if (!v || !v->value) return std::nullopt;
  return std::string_view(*v->value);
}

std::string Stage::DisplayName() const {
  return name.empty() ? "stage-" + std::to_string(index) : name;
}

Resolved Model::Resolve(const Scope& scope, std::string_view word) const {
  ExpandOptions options;
  options.escape = df_->escape;
  ExpandResult r = Expand(word, scope, options);
  Resolved out;
  out.value = std::move(r.word);
  out.error = std::move(r.error);
  for (const std::string& name : r.matched) {
    const Variable* v = scope.Find(name);
    if (v && (v->source == VariableSource::kPlatform || v->source == VariableSource::kImage)) {
      AddUnique(out.unknown, name);
    }
  }
  for (const std::string& name : r.unmatched) {
    AddUnique(out.unknown, name);
    if (!scope.Find(name) && !IsProxyArg(name)) AddUnique(out.undeclared, name);
  }
  std::sort(out.unknown.begin(), out.unknown.end());
  out.known = out.unknown.empty() && out.error.empty();
  return out;
}

Resolved Model::Resolve(std::size_t index, std::string_view word) const {
  Resolved r = Resolve(ScopeAt(index), word);
  if (scopes_truncated_at_ && index >= *scopes_truncated_at_) r.known = false;
  return r;
}

bool Model::IsWindowsAt(std::size_t index) const {
  if (const std::optional<std::size_t> s = StageOf(index)) return IsWindowsStage(*s);
  return implicit_windows_;
}

std::vector<std::pair<std::size_t, std::size_t>> Model::StageBodies() const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (implicit_) out.push_back(*implicit_);
  for (const Stage& st : stages_) out.emplace_back(st.begin + 1, st.end);
  return out;
}

std::optional<std::size_t> Model::StageOf(std::size_t index) const {
  return index < stage_of_.size() ? stage_of_[index] : std::nullopt;
}

std::optional<std::size_t> Model::FindStage(std::string_view name) const {
  const std::string lower = base::ToLower(name);
  for (std::size_t i = stages_.size(); i-- > 0;) {
    if (!stages_[i].name.empty() && stages_[i].name == lower) return i;
  }
  return std::nullopt;
}

std::vector<std::size_t> Model::ReachableStages() const {
  std::vector<std::size_t> out;
  if (!target_) return out;
  std::vector<bool> seen(stages_.size(), false);
  std::vector<std::size_t> todo = {*target_};
  while (!todo.empty()) {
    const std::size_t s = todo.back();
    todo.pop_back();
    if (s >= stages_.size() || seen[s]) continue;
    seen[s] = true;
    if (stages_[s].base_stage) todo.push_back(*stages_[s].base_stage);
    for (const StageRef& ref : stages_[s].refs) {
      if (ref.stage) todo.push_back(*ref.stage);
    }
  }
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (seen[i]) out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> Model::ShippedStages() const {
  std::vector<std::size_t> out;
  std::vector<bool> seen(stages_.size(), false);
  for (std::optional<std::size_t> s = target_; s && *s < stages_.size() && !seen[*s];
       s = stages_[*s].base_stage) {
    seen[*s] = true;
    out.push_back(*s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Model Model::Build(const syntax::Dockerfile& df, const ModelOptions& options) {
  using syntax::Instruction;
  using syntax::Keyword;
  Model m;
  m.df_ = &df;
  const std::vector<Instruction>& insts = df.instructions;
  m.scope_of_.resize(insts.size());
  m.stage_of_.resize(insts.size());
  // Scopes are snapshots taken only when an ARG or ENV changed them; instructions point at
  // the snapshot in force. (Most instructions change nothing.)
  bool global_changed = true;
  bool stage_changed = true;
  std::size_t at = 0;  // the instruction being walked
  auto snapshot = [&m, &at, &insts](const Scope& scope, bool& changed) {
    if ((changed || m.scopes_.empty()) && !m.scopes_truncated_at_) {
      const std::size_t cost = scope.Bytes();
      if (!m.scopes_.empty() && m.scope_bytes_ + cost > kMaxScopeBytes) {
        m.scopes_truncated_at_ = at;
        m.AddLimit(insts[at].word.range,
                   "the ARG and ENV variables take more than 64 MiB to follow (shipshape's "
                   "limit); from here on their values are treated as unknown");
      } else {
        m.scope_bytes_ += cost;
        m.scopes_.push_back(scope);
      }
      changed = false;
    }
    return m.scopes_.size() - 1;
  };
  // An expansion that passed one of Expand's limits gives no value, and a Limit.
  auto limited = [&m](const Resolved& r, base::Range range) {
    for (std::string_view limit : {kTooLongError, kTooDeepError}) {
      if (std::string_view(r.error).ends_with(limit)) {
        m.AddLimit(range, limit);
        return true;
      }
    }
    return false;
  };

  // The target's name decides TARGETSTAGE, so find it before the walk.
  std::string target_name = base::ToLower(options.target);
  if (target_name.empty()) {
    for (const Instruction& inst : insts) {
      if (inst.keyword != Keyword::kFrom) continue;
      target_name = inst.args.size() == 3 ? base::ToLower(inst.args[2].value) : "";
    }
  }

  // Automatic platform args.
  std::string_view platform = options.platform;
  const std::size_t slash = platform.find('/');
  const std::string_view os = platform.substr(0, slash);
  std::string_view rest = slash == std::string_view::npos ? "" : platform.substr(slash + 1);
  const std::size_t slash2 = rest.find('/');
  const std::string_view arch = rest.substr(0, slash2);
  const std::string_view variant = slash2 == std::string_view::npos ? "" : rest.substr(slash2 + 1);
  auto platform_var = [&](std::string_view name, std::string_view value) {
    std::map<std::string, std::string>::const_iterator it =
        options.build_args.find(std::string(name));
    Variable v;
    v.name = std::string(name);
    v.value = it != options.build_args.end() ? it->second : std::string(value);
    v.source =
        it != options.build_args.end() ? VariableSource::kBuildArg : VariableSource::kPlatform;
    m.global_.Set(std::move(v));
  };
  for (std::string_view prefix : {"BUILD", "TARGET"}) {
    const std::string p(prefix);
    platform_var(p + "PLATFORM", platform);
    platform_var(p + "OS", os);
    platform_var(p + "OSVERSION", "");
    platform_var(p + "ARCH", arch);
    platform_var(p + "VARIANT", variant);
  }
  platform_var("TARGETSTAGE", target_name.empty() ? "default" : target_name);

  /// Applies one ARG instruction to `scope`; `global` for ARGs before the first FROM.
  auto apply_arg = [&](const Instruction& inst, Scope& scope, bool global) {
    const Scope before = scope;
    for (const syntax::Word& w : inst.args) {
      const std::size_t eq = w.value.find('=');
      Variable v;
      v.name = std::string(w.value.substr(0, eq));
      if (v.name.empty()) continue;
      v.defined_by = &inst;
      v.source = global ? VariableSource::kGlobalArg : VariableSource::kArg;
      auto build_arg = options.build_args.find(v.name);
      if (build_arg != options.build_args.end()) {
        v.value = build_arg->second;
        v.source = VariableSource::kBuildArg;
      } else if (eq != std::string_view::npos) {
        // Global defaults see the global ARGs so far, including earlier words of this one.
        Resolved r = m.Resolve(global ? scope : before, w.value.substr(eq + 1));
        if (!limited(r, w.range)) v.value = std::move(r.value);
      } else if (const Variable* g = m.global_.Find(v.name); g && g->value) {
        // Without a default: a stage ARG takes the global value; a global ARG keeps the one
        // already there (an automatic platform arg), as BuildKit's AddOrReplace only runs
        // for a value.
        v.value = g->value;
        v.source = g->source;
      }
      scope.Set(std::move(v));
    }
  };

  // `# hadolint shell=X` / `# shipshape shell=X` pragmas name the shell for what follows: the
  // default of every stage before the first FROM, the current stage's after it.
  std::vector<std::pair<std::uint32_t, std::string>> shell_pragmas;
  for (const syntax::Comment& c : df.comments) {
    for (std::string_view tool : {"hadolint", "shipshape"}) {
      std::string_view t = c.text;
      if (t.substr(0, tool.size()) != tool) continue;
      t = base::TrimLeftSpace(t.substr(tool.size()));
      if (t.substr(0, 6) != "shell=") continue;
      t = t.substr(6);
      t = t.substr(0, t.find_first_of(" \t"));
      if (!t.empty()) shell_pragmas.emplace_back(c.range.begin, std::string(t));
    }
  }
  std::size_t next_pragma = 0;

  std::optional<std::size_t> current;
  // Walking instructions before the first FROM that are not all ARGs (see below).
  bool implicit = false;
  Scope stage_scope;
  std::vector<Scope> final_scopes;
  // The SHELL in force: BuildKit's default, replaced by SHELL, inherited by child stages.
  std::vector<std::string> default_shell = {"/bin/sh", "-c"};
  bool default_shell_set = false;
  std::vector<std::vector<std::string>> final_shells;
  std::vector<bool> final_shell_set;
  std::vector<std::string> stage_shell = default_shell;
  bool stage_shell_set = false;
  m.shells_.push_back(default_shell);
  m.shell_set_.push_back(false);
  m.shell_of_.assign(insts.size(), 0);
  for (std::size_t i = 0; i < insts.size(); ++i) {
    const Instruction& inst = insts[i];
    at = i;
    while (next_pragma < shell_pragmas.size() &&
           shell_pragmas[next_pragma].first < inst.range.begin) {
      std::vector<std::string> pragma_shell = {shell_pragmas[next_pragma].second, "-c"};
      if (current || implicit) {
        stage_shell = std::move(pragma_shell);
        stage_shell_set = true;
      } else {
        default_shell = std::move(pragma_shell);
        default_shell_set = true;
      }
      ++next_pragma;
    }
    if (inst.keyword == Keyword::kFrom) {
      if (m.implicit_ && !current) m.implicit_->second = i;
      if (current) {
        if (m.scopes_truncated_at_) stage_scope = Scope();  // not followed any more
        final_scopes.push_back(stage_scope);
        final_shells.push_back(stage_shell);
        final_shell_set.push_back(stage_shell_set);
      }
      Stage st;
      st.index = m.stages_.size();
      st.from = &inst;
      st.begin = i;
      if (inst.args.size() == 3 && base::EqualsIgnoreCase(inst.args[1].value, "as")) {
        st.name = base::ToLower(inst.args[2].value);
      }
      if (!inst.args.empty()) st.base_text = std::string(inst.args[0].value);
      st.base = m.Resolve(m.global_, st.base_text);
      for (const syntax::Flag& f : inst.flags) {
        if (f.Name() == "platform" && f.Value()) {
          st.platform_text = std::string(*f.Value());
          st.platform = m.Resolve(m.global_, st.platform_text);
        }
      }
      // What the stage is built on: an earlier stage, scratch, or an image.
      const std::string& base = st.base.value;
      for (const Stage& earlier : m.stages_) {
        if (!earlier.name.empty() && earlier.name == base) st.base_stage = earlier.index;
      }
      if (st.base_stage) {
        st.base_kind = BaseKind::kStage;
        st.refs.push_back({StageRef::Kind::kFrom, &inst, base, st.base_stage});
      } else if (base == "scratch") {
        st.base_kind = BaseKind::kScratch;
      } else if (!st.base.error.empty()) {
        st.base_kind = BaseKind::kInvalid;
      } else {
        st.image = ParseNormalizedNamed(base);
        if (st.image.ok()) {
          st.base_kind = BaseKind::kImage;
        } else {
          st.base_kind = st.base.known ? BaseKind::kInvalid : BaseKind::kUnknown;
        }
      }
      // The new stage's variables: its base stage's, or the image's (only PATH is assumed).
      if (st.base_stage) {
        stage_scope = final_scopes[*st.base_stage];
        stage_shell = final_shells[*st.base_stage];
        stage_shell_set = final_shell_set[*st.base_stage];
      } else {
        stage_shell = default_shell;
        stage_shell_set = default_shell_set;
        stage_scope = Scope();
        Variable path;
        path.name = "PATH";
        path.value = std::string(kDefaultPath);
        path.source = VariableSource::kImage;
        stage_scope.Set(std::move(path));
      }
      current = st.index;
      m.stages_.push_back(std::move(st));
      global_changed = true;  // the global snapshot, not the last stage's
      m.scope_of_[i] = snapshot(m.global_, global_changed);
      m.stage_of_[i] = current;
      stage_changed = true;
      continue;
    }
    if (!current && !implicit && inst.keyword != Keyword::kArg) {
      // An instruction before any FROM (a fragment, or a file BuildKit rejects): from here to
      // the first FROM the instructions are read as an implicit stage whose base image is
      // unknown (no Stage: StageOf is nullopt), seeing the ARGs declared so far, their own
      // ARG, ENV and SHELL.
      implicit = true;
      m.implicit_ = {i, insts.size()};
      stage_scope = m.global_;
      if (!stage_scope.Find("PATH")) {
        Variable path;
        path.name = "PATH";
        path.value = std::string(kDefaultPath);
        path.source = VariableSource::kImage;
        stage_scope.Set(std::move(path));
      }
      stage_changed = true;
      stage_shell = default_shell;
      stage_shell_set = default_shell_set;
    }
    if (!current && !implicit) {
      m.scope_of_[i] = snapshot(m.global_, global_changed);
      if (inst.keyword == Keyword::kArg && !m.scopes_truncated_at_) {
        apply_arg(inst, m.global_, true);
        global_changed = true;
      }
      continue;
    }
    m.stage_of_[i] = current;
    m.scope_of_[i] = snapshot(stage_scope, stage_changed);
    if (m.shells_.back() != stage_shell || m.shell_set_.back() != stage_shell_set) {
      m.shells_.push_back(stage_shell);
      m.shell_set_.push_back(stage_shell_set);
    }
    m.shell_of_[i] = m.shells_.size() - 1;
    if (inst.keyword == Keyword::kShell && inst.json && !inst.args.empty()) {
      stage_shell.clear();
      for (const syntax::Word& w : inst.args) stage_shell.emplace_back(w.value);
      stage_shell_set = true;
    }
    if (m.scopes_truncated_at_) continue;
    if (inst.keyword == Keyword::kArg) {
      apply_arg(inst, stage_scope, false);
      stage_changed = true;
    } else if (inst.keyword == Keyword::kEnv) {
      stage_changed = true;
      const Scope& before = m.scopes_[m.scope_of_[i]];
      for (const syntax::KeyValue& kv : inst.pairs) {
        Variable v;
        v.name = m.Resolve(before, kv.key.value).value;
        if (v.name.empty()) continue;
        Resolved r = m.Resolve(before, kv.value.value);
        if (!limited(r, kv.value.range)) v.value = std::move(r.value);
        v.source = VariableSource::kEnv;
        v.defined_by = &inst;
        stage_scope.Set(std::move(v));
      }
    }
  }
  for (Stage& st : m.stages_)
    st.end = st.index + 1 < m.stages_.size() ? m.stages_[st.index + 1].begin : insts.size();

  // References by name see every stage (BuildKit registers all stages first).
  for (Stage& st : m.stages_) {
    for (std::size_t i = st.begin + 1; i < st.end; ++i) {
      const Instruction& inst = insts[i];
      if (inst.keyword == Keyword::kCopy) {
        for (const syntax::Flag& f : inst.flags) {
          if (f.Name() != "from" || !f.Value()) continue;
          StageRef ref{StageRef::Kind::kCopyFrom, &inst, std::string(*f.Value()), std::nullopt};
          if (std::optional<std::size_t> n = ParseIndex(ref.text)) {
            if (*n < m.stages_.size()) ref.stage = *n;
          } else {
            ref.stage = m.FindStage(ref.text);
          }
          st.refs.push_back(std::move(ref));
        }
      } else if (inst.keyword == Keyword::kRun) {
        for (const syntax::Flag& f : inst.flags) {
          if (f.Name() != "mount" || !f.Value()) continue;
          std::vector<std::string> fields;
          std::string error;
          if (!SplitMountFields(*f.Value(), &fields, &error)) continue;
          for (const std::string& field : fields) {
            const std::size_t eq = field.find('=');
            if (eq == std::string::npos || !base::EqualsIgnoreCase(field.substr(0, eq), "from")) {
              continue;
            }
            StageRef ref{StageRef::Kind::kMountFrom, &inst, field.substr(eq + 1), std::nullopt};
            ref.stage = m.FindStage(ref.text);
            st.refs.push_back(std::move(ref));
          }
        }
      }
    }
  }

  if (!m.stages_.empty()) {
    m.target_ = options.target.empty() ? std::optional<std::size_t>(m.stages_.size() - 1)
                                       : m.FindStage(options.target);
  }

  // Windows or Linux, once per stage (model.h, IsWindowsStage).
  auto own_signals = [&](std::size_t first, std::size_t end) {
    for (std::size_t i = first; i < end && i < insts.size(); ++i) {
      const Instruction& inst = insts[i];
      // The shell in force: a SHELL before, or a `# hadolint shell=` pragma.
      if (m.ShellSetAt(i)) {
        if (const Os os = ShellOs(m.ShellAt(i)); os != Os::kUnknown) return os;
      }
      if (inst.keyword == Keyword::kShell && inst.json && !inst.args.empty()) {
        std::vector<std::string> shell;
        for (const syntax::Word& w : inst.args) shell.emplace_back(w.value);
        if (const Os os = ShellOs(shell); os != Os::kUnknown) return os;
      } else if (inst.keyword == Keyword::kWorkdir && !inst.args.empty()) {
        if (IsWindowsPath(inst.args[0].value)) return Os::kWindows;
      } else if ((inst.keyword == Keyword::kCopy || inst.keyword == Keyword::kAdd) &&
                 inst.args.size() >= 2) {
        if (IsWindowsPath(inst.args.back().value)) return Os::kWindows;
      }
    }
    return Os::kUnknown;
  };
  const bool escape_says_windows = df.escape == '`';
  m.windows_.assign(m.stages_.size(), false);
  for (const Stage& st : m.stages_) {
    Os os = st.platform.known ? PlatformOs(st.platform.value) : Os::kUnknown;
    if (os == Os::kUnknown && st.base_stage && *st.base_stage < st.index) {
      os = m.windows_[*st.base_stage] ? Os::kWindows : Os::kLinux;
    }
    if (os == Os::kUnknown && st.base_kind == BaseKind::kImage) os = ImageOs(st.image);
    if (os == Os::kUnknown && st.base_kind == BaseKind::kScratch) os = Os::kLinux;
    if (os == Os::kUnknown) os = own_signals(st.begin + 1, st.end);
    m.windows_[st.index] = os == Os::kUnknown ? escape_says_windows : os == Os::kWindows;
  }
  if (m.implicit_) {
    const Os os = own_signals(m.implicit_->first, m.implicit_->second);
    m.implicit_windows_ = os == Os::kUnknown ? escape_says_windows : os == Os::kWindows;
  } else {
    m.implicit_windows_ = escape_says_windows;
  }
  return m;
}

}  // namespace shipshape::model
