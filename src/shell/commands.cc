#include "shell/commands.h"

#include <algorithm>
#include <map>

#include "base/utf8.h"
#include "model/mount.h"
#include "shell/parser.h"

namespace shipshape::shell {
namespace {

std::string Basename(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool IsName(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

/// For each byte of a literal word's value, the script offset it came from (plus one entry for
/// the end).
std::vector<std::uint32_t> ValueOffsets(const Word& w, std::string_view text) {
  std::vector<std::uint32_t> out;
  for (const WordPart& p : w.parts) {
    switch (p.kind) {
      case WordPart::Kind::kLiteral:
        for (std::size_t k = 0; k < p.value.size(); ++k)
          out.push_back(p.begin + static_cast<std::uint32_t>(k));
        break;
      case WordPart::Kind::kEscape:
      case WordPart::Kind::kSingleQuoted:
        for (std::size_t k = 0; k < p.value.size(); ++k) {
          out.push_back(p.begin + 1 + static_cast<std::uint32_t>(k));
        }
        break;
      case WordPart::Kind::kDoubleQuoted: {
        // Re-read the quoted text: `\` before $ ` " \ is dropped, a line continuation vanishes.
        std::uint32_t i = p.begin + 1;
        const std::uint32_t end = p.end > p.begin + 1 ? p.end - 1 : p.end;
        while (i < end) {
          if (text[i] == '\\' && i + 1 < end) {
            const char e = text[i + 1];
            if (e == '\n') {
              i += 2;
              continue;
            }
            if (e == '$' || e == '`' || e == '"' || e == '\\') {
              out.push_back(i + 1);
              i += 2;
              continue;
            }
          }
          out.push_back(i);
          ++i;
        }
        break;
      }
      default:
        for (std::size_t k = 0; k < p.value.size(); ++k) out.push_back(p.begin);
        break;
    }
  }
  out.push_back(w.end);
  return out;
}

/// Options after which the wrapped command starts, for each wrapper.
struct Wrapper {
  std::string_view name;
  /// Short options that take a value.
  std::string_view short_with_value;
  /// Long options that take a value (comma-separated).
  std::string_view long_with_value;
  /// Positional arguments before the command (timeout's duration, gosu's user).
  int leading_positionals = 0;
};

constexpr Wrapper kWrappers[] = {
    {"sudo", "ughpCrtDUTR",
     "user,group,host,prompt,close-from,role,type,chdir,other-user,command-timeout,chroot", 0},
    {"doas", "uC", "", 0},
    {"env", "uSC", "unset,split-string,chdir", 0},
    {"xargs", "IiLlnPsdEea",
     "replace,max-lines,max-args,max-procs,max-chars,delimiter,eof,arg-file,process-slot-var", 0},
    {"nice", "n", "adjustment", 0},
    {"nohup", "", "", 0},
    {"time", "fo", "format,output", 0},
    {"exec", "a", "", 0},
    {"command", "", "", 0},
    {"builtin", "", "", 0},
    {"timeout", "sk", "signal,kill-after", 1},
    {"stdbuf", "ioe", "input,output,error", 0},
    {"ionice", "cnp", "class,classdata,pid", 0},
    {"chrt", "", "", 1},
    {"taskset", "", "", 1},
    {"gosu", "", "", 1},
    {"su-exec", "", "", 1},
    {"setpriv", "", "reuid,regid,groups,inh-caps", 0},
    {"tini", "sepg", "", 0},
    {"dumb-init", "r", "rewrite", 0},
    {"catatonit", "", "", 0},
    {"eatmydata", "", "", 0},
    {"fakeroot", "ils", "lib,faked", 0},
};

const Wrapper* FindWrapper(std::string_view name) {
  for (const Wrapper& w : kWrappers) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

bool ListHas(std::string_view list, std::string_view item) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (list.substr(0, comma) == item) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

bool IsShell(std::string_view name) {
  for (std::string_view s : {"sh", "bash", "dash", "ash", "ksh", "mksh", "zsh"}) {
    if (name == s) return true;
  }
  return false;
}

/// Walks the tree and builds the commands.
class Analyzer {
 public:
  Analyzer(const model::Model& model, std::size_t index, Analysis& run, const Script& script,
           std::vector<Command>& out, std::vector<std::unique_ptr<Tree>>& nested,
           std::vector<ShellError>& errors)
      : scope_(model.ScopeAt(index)), script_(script), out_(out), nested_(nested), errors_(errors) {
    (void)run;
    errexit_ = script.errexit;
    pipefail_ = script.pipefail;
  }

  void WalkList(const List& list, Context ctx, int depth) {
    for (const AndOr& a : list.items) {
      const int and_or = next_and_or_++;
      for (std::size_t k = 0; k < a.pipelines.size(); ++k) {
        Context c = ctx;
        c.and_or = and_or;
        c.and_or_position = static_cast<int>(k);
        c.after_or = ctx.after_or || (k > 0 && !a.and_ops[k - 1]);
        c.background = ctx.background || a.background;
        const Pipeline& p = a.pipelines[k];
        c.pipeline = next_pipeline_++;
        c.pipeline_size = static_cast<int>(p.commands.size());
        for (std::size_t i = 0; i < p.commands.size(); ++i) {
          c.pipeline_position = static_cast<int>(i);
          WalkNode(*p.commands[i], c, depth);
        }
      }
    }
  }

 private:
  void WalkNode(const Node& n, Context ctx, int depth) {
    if (depth > kMaxNesting) return;
    for (const Redirect& r : n.redirects) WalkWordSubstitutions(r.target, ctx, depth);
    switch (n.kind) {
      case Node::Kind::kSimple:
        for (const Word& w : n.assignments) WalkWordSubstitutions(w, ctx, depth);
        for (const Word& w : n.words) WalkWordSubstitutions(w, ctx, depth);
        EmitSimple(n, ctx, depth);
        return;
      case Node::Kind::kSubshell:
      case Node::Kind::kGroup: {
        Context c = ctx;
        c.in_subshell = ctx.in_subshell || n.kind == Node::Kind::kSubshell;
        for (const List& l : n.lists) WalkList(l, c, depth + 1);
        return;
      }
      case Node::Kind::kIf: {
        for (std::size_t i = 0; i < n.lists.size(); ++i) {
          const bool is_else = n.has_else && i + 1 == n.lists.size();
          Context c = ctx;
          c.in_condition = ctx.in_condition || (!is_else && i % 2 == 0);
          WalkList(n.lists[i], c, depth + 1);
        }
        return;
      }
      case Node::Kind::kWhile:
      case Node::Kind::kUntil:
        for (std::size_t i = 0; i < n.lists.size(); ++i) {
          Context c = ctx;
          c.in_condition = ctx.in_condition || i == 0;
          WalkList(n.lists[i], c, depth + 1);
        }
        return;
      case Node::Kind::kFor:
      case Node::Kind::kCase:
        for (const Word& w : n.words) WalkWordSubstitutions(w, ctx, depth);
        for (const List& l : n.lists) WalkList(l, ctx, depth + 1);
        return;
      case Node::Kind::kFunction:
        if (n.body) WalkNode(*n.body, ctx, depth + 1);
        return;
      case Node::Kind::kTest: {
        Context c = ctx;
        c.in_condition = true;
        for (const Word& w : n.words) WalkWordSubstitutions(w, c, depth);
        return;
      }
      case Node::Kind::kArith:
        return;
    }
  }

  void WalkWordSubstitutions(const Word& w, Context ctx, int depth) {
    for (const WordPart& p : w.parts) WalkPartSubstitutions(p, ctx, depth);
  }
  void WalkPartSubstitutions(const WordPart& p, Context ctx, int depth) {
    for (const WordPart& q : p.parts) WalkPartSubstitutions(q, ctx, depth);
    if (p.sub) {
      Context c = ctx;
      c.in_substitution = true;
      WalkList(*p.sub, c, depth + 1);
    }
  }

  /// The value of `$name` / `${name...}` when the Dockerfile or the script fixes it.
  std::optional<std::string> Lookup(const WordPart& p) {
    if (!IsName(p.value)) return std::nullopt;
    std::optional<std::string> base;
    if (auto it = shell_vars_.find(p.value); it != shell_vars_.end()) {
      if (!it->second) return std::nullopt;
      base = *it->second;
    } else if (const model::Variable* v = scope_.Find(p.value)) {
      if (!v->value || v->source == model::VariableSource::kPlatform ||
          v->source == model::VariableSource::kImage) {
        return std::nullopt;
      }
      base = *v->value;
    }
    if (p.param_op.empty()) return base;
    // ${V:-x} and friends: BuildKit's expansion has the shell's meaning for these forms.
    if (p.param_op[0] == '[' || p.param_op[0] == '@') return std::nullopt;  // arrays
    model::Environment env;
    if (base) env.Set(p.value, *base);
    const std::string text = "${" + p.value + p.param_op + "}";
    model::ExpandResult r = model::Expand(text, env);
    if (!r.ok() || !r.unmatched.empty()) return std::nullopt;
    return r.word;
  }

  /// Expands a word into the arguments it gives (a known unquoted `$VAR` splits).
  void ExpandWord(const Word& w, std::vector<Argument>& out) {
    const base::Range range = script_.map.ToSource(w.begin, w.end);
    if (w.literal) {
      out.push_back({&w, w.value, true, range});
      return;
    }
    std::vector<std::string> fields(1);
    bool known = true;
    bool field_started = false;
    for (const WordPart& p : w.parts) {
      if (!known) break;
      switch (p.kind) {
        case WordPart::Kind::kParam: {
          std::optional<std::string> v = Lookup(p);
          if (!v) {
            known = false;
            break;
          }
          // Unquoted: split on blanks.
          std::size_t i = 0;
          const std::string& s = *v;
          while (i < s.size()) {
            const bool blank = s[i] == ' ' || s[i] == '\t' || s[i] == '\n';
            if (blank) {
              while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
              if (field_started) {
                fields.emplace_back();
                field_started = false;
              }
              continue;
            }
            fields.back().push_back(s[i]);
            field_started = true;
            ++i;
          }
          break;
        }
        case WordPart::Kind::kDoubleQuoted:
          for (const WordPart& q : p.parts) {
            if (q.kind == WordPart::Kind::kParam) {
              std::optional<std::string> v = Lookup(q);
              if (!v) {
                known = false;
                break;
              }
              fields.back() += *v;
            } else if (q.IsExpansion()) {
              known = false;
              break;
            } else {
              fields.back() += q.value;
            }
          }
          field_started = true;
          break;
        default:
          if (p.IsExpansion()) {
            known = false;
            break;
          }
          fields.back() += p.value;
          field_started = true;
          break;
      }
    }
    if (!known) {
      out.push_back({&w, w.value, false, range});
      return;
    }
    if (!field_started && fields.back().empty()) fields.pop_back();
    for (std::string& f : fields) out.push_back({&w, std::move(f), true, range});
  }

  void TrackAssignment(std::string_view text, bool known_value, std::string_view value) {
    const std::size_t eq = text.find('=');
    std::string name(text.substr(0, eq));
    if (!name.empty() && name.back() == '+') return;  // appends: leave as is
    if (!IsName(name)) return;
    shell_vars_[name] = known_value ? std::optional<std::string>(std::string(value)) : std::nullopt;
  }

  void TrackSet(const std::vector<Argument>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i].value;
      if (a.size() < 2 || (a[0] != '-' && a[0] != '+')) continue;
      const bool on = a[0] == '-';
      for (std::size_t k = 1; k < a.size(); ++k) {
        if (a[k] == 'e') errexit_ = on;
        if (a[k] == 'o' && i + 1 < args.size()) {
          if (args[i + 1].value == "pipefail") pipefail_ = on;
          if (args[i + 1].value == "errexit") errexit_ = on;
        }
      }
    }
  }

  /// Walks `word`'s value as a script of its own (`sh -c`, `su -c`): a new shell, whose
  /// options come only from `options` (the shell's own command line).
  void WalkEmbedded(const Word& word, std::string label, const std::vector<std::string>& local,
                    const std::vector<Argument>& options, Context ctx, int depth) {
    auto tree = std::make_unique<Tree>(ParseEmbedded(word.value, ValueOffsets(word, script_.text)));
    for (const ShellError& e : tree->errors) errors_.push_back(e);
    const Tree* t = tree.get();
    nested_.push_back(std::move(tree));
    const std::size_t saved_stack = wrapper_stack_.size();
    wrapper_stack_.insert(wrapper_stack_.end(), local.begin(), local.end());
    wrapper_stack_.push_back(std::move(label));
    const bool saved_errexit = errexit_, saved_pipefail = pipefail_;
    errexit_ = pipefail_ = false;
    TrackSet(options);
    WalkList(t->root, ctx, depth + 1);
    errexit_ = saved_errexit;
    pipefail_ = saved_pipefail;
    wrapper_stack_.resize(saved_stack);
  }

  void EmitSimple(const Node& n, Context ctx, int depth) {
    ctx.errexit = errexit_;
    ctx.pipefail = pipefail_;
    // Assignments without a command set shell variables for the rest of the script.
    if (n.words.empty()) {
      for (const Word& a : n.assignments) {
        std::vector<Argument> tmp;
        ExpandWord(a, tmp);
        const std::size_t eq = a.value.find('=');
        const bool known = tmp.size() == 1 && tmp[0].known;
        TrackAssignment(a.value, known, known ? std::string_view(tmp[0].value).substr(eq + 1) : "");
      }
      return;
    }
    Command cmd;
    cmd.node = &n;
    cmd.context = ctx;
    cmd.range = script_.map.ToSource(n.begin, n.end);
    for (const Word& a : n.assignments) cmd.assignments.push_back(&a);
    std::vector<Argument> argv;
    argv.reserve(n.words.size());
    for (const Word& w : n.words) ExpandWord(w, argv);
    std::size_t at = 0;
    // Peel wrappers.
    while (at < argv.size()) {
      const std::string name = argv[at].known ? Basename(argv[at].value) : std::string();
      if (IsShell(name)) {
        // sh -c "script" [name args...]: a script of its own.
        std::size_t k = at + 1;
        while (k < argv.size() && argv[k].known && argv[k].value.size() > 1 &&
               argv[k].value[0] == '-' && argv[k].value != "-c" &&
               !(argv[k].value[1] != '-' && argv[k].value.find('c') != std::string::npos)) {
          if (argv[k].value == "-o" || argv[k].value == "+o") ++k;
          ++k;
        }
        if (k < argv.size() && argv[k].known && argv[k].value.size() > 1 &&
            argv[k].value[0] == '-' && argv[k].value.find('c') != std::string::npos &&
            k + 1 < argv.size()) {
          const Argument& body = argv[k + 1];
          if (body.known && body.word && body.word->literal) {
            WalkEmbedded(*body.word, name + " -c", cmd.wrappers,
                         std::vector<Argument>(argv.begin() + static_cast<std::ptrdiff_t>(at) + 1,
                                               argv.begin() + static_cast<std::ptrdiff_t>(k) + 1),
                         ctx, depth);
            return;
          }
        }
        break;
      }
      if (name == "su") {
        // su [user] -c "script" / su -c "script" [user]
        for (std::size_t k = at + 1; k + 1 < argv.size(); ++k) {
          if ((argv[k].value == "-c" || argv[k].value == "--command") && argv[k + 1].known &&
              argv[k + 1].word && argv[k + 1].word->literal) {
            WalkEmbedded(*argv[k + 1].word, "su -c", cmd.wrappers, {}, ctx, depth);
            return;
          }
        }
        break;
      }
      const Wrapper* wrapper = FindWrapper(name);
      if (!wrapper) break;
      if (name == "command" && at + 1 < argv.size() &&
          (argv[at + 1].value == "-v" || argv[at + 1].value == "-V")) {
        break;  // `command -v x` asks about x; it does not run it
      }
      std::size_t k = at + 1;
      while (k < argv.size()) {
        const std::string& a = argv[k].value;
        if (a == "--") {
          ++k;
          break;
        }
        if (name == "env" && a.find('=') != std::string::npos && a[0] != '-') {
          if (argv[k].word) cmd.assignments.push_back(argv[k].word);
          ++k;
          continue;
        }
        if (a.size() < 2 || a[0] != '-') break;
        if (a[1] == '-') {
          const std::string opt =
              a.substr(2, a.find('=') == std::string::npos ? std::string::npos : a.find('=') - 2);
          k += (a.find('=') == std::string::npos && ListHas(wrapper->long_with_value, opt)) ? 2 : 1;
          continue;
        }
        // A short bundle: a value-taking letter takes the rest or the next argument.
        bool takes_next = false;
        for (std::size_t c = 1; c < a.size(); ++c) {
          if (wrapper->short_with_value.find(a[c]) != std::string_view::npos) {
            takes_next = c + 1 == a.size();
            break;
          }
        }
        k += takes_next ? 2 : 1;
      }
      k += static_cast<std::size_t>(wrapper->leading_positionals);
      if (k >= argv.size()) break;  // nothing wrapped: it is the command itself
      cmd.wrappers.push_back(std::string(wrapper->name));
      at = k;
    }
    // Scripts this one runs inside (`sh -c "..."`) wrap it too, outermost first.
    cmd.wrappers.insert(cmd.wrappers.begin(), wrapper_stack_.begin(), wrapper_stack_.end());
    if (at >= argv.size()) at = argv.size() - 1;
    cmd.command = std::move(argv[at]);
    cmd.name = cmd.command.known ? Basename(cmd.command.value) : std::string();
    cmd.argv.assign(std::make_move_iterator(argv.begin() + static_cast<std::ptrdiff_t>(at) + 1),
                    std::make_move_iterator(argv.end()));
    SplitOptions(cmd);
    if (cmd.name == "set") TrackSet(cmd.argv);
    if (cmd.name == "export" || cmd.name == "declare" || cmd.name == "typeset" ||
        cmd.name == "local" || cmd.name == "readonly") {
      for (const Argument& a : cmd.argv) {
        if (a.value.find('=') != std::string::npos && a.value[0] != '-') {
          TrackAssignment(a.value, a.known,
                          std::string_view(a.value).substr(a.value.find('=') + 1));
        }
      }
    }
    if (cmd.name == "unset") {
      for (const Argument& a : cmd.argv) shell_vars_[a.value] = std::nullopt;
    }
    cmd.index = out_.size();
    out_.push_back(std::move(cmd));
  }

  /// Splits argv into subcommand, options and positional arguments per the tool's spec.
  static void SplitOptions(Command& cmd) {
    const ToolSpec* spec = FindTool(cmd.name);
    bool options_done = false;
    for (std::size_t i = 0; i < cmd.argv.size(); ++i) {
      const Argument& a = cmd.argv[i];
      const std::string& v = a.value;
      if (!options_done && a.known && v == "--") {
        options_done = true;
        continue;
      }
      if (!options_done && a.known && v.size() > 2 && v[0] == '-' && v[1] == '-') {
        Option o;
        o.long_form = true;
        o.range = a.range;
        const std::size_t eq = v.find('=');
        o.name = v.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
        if (eq != std::string::npos) {
          o.value = v.substr(eq + 1);
        } else if (spec && spec->LongTakesValue(o.name) && i + 1 < cmd.argv.size()) {
          o.value = cmd.argv[++i].value;
          o.range.end = cmd.argv[i].range.end;
        }
        cmd.options.push_back(std::move(o));
        continue;
      }
      if (!options_done && a.known && v.size() > 1 && v[0] == '-' &&
          !std::isdigit(static_cast<unsigned char>(v[1]))) {
        if (spec && ListHas(spec->single_dash_words, std::string_view(v).substr(1))) {
          Option o;
          o.name = v.substr(1);
          o.range = a.range;
          cmd.options.push_back(std::move(o));
          continue;
        }
        for (std::size_t c = 1; c < v.size(); ++c) {
          Option o;
          o.name = std::string(1, v[c]);
          o.range = a.range;
          if (spec && spec->short_with_value.find(v[c]) != std::string_view::npos) {
            if (c + 1 < v.size()) {
              o.value = v.substr(c + 1);
            } else if (i + 1 < cmd.argv.size()) {
              o.value = cmd.argv[++i].value;
              o.range.end = cmd.argv[i].range.end;
            }
            cmd.options.push_back(std::move(o));
            break;
          }
          cmd.options.push_back(std::move(o));
        }
        continue;
      }
      if (spec && spec->has_subcommand && !cmd.subcommand) {
        cmd.subcommand = a;
        continue;
      }
      cmd.args.push_back(a);
    }
  }

  const model::Scope& scope_;
  const Script& script_;
  std::vector<Command>& out_;
  std::vector<std::unique_ptr<Tree>>& nested_;
  std::vector<ShellError>& errors_;
  std::map<std::string, std::optional<std::string>> shell_vars_;
  std::vector<std::string> wrapper_stack_;
  bool errexit_ = false;
  bool pipefail_ = false;
  int next_pipeline_ = 0;
  int next_and_or_ = 0;
};

}  // namespace

bool ToolSpec::LongTakesValue(std::string_view option) const {
  return ListHas(long_with_value, option);
}

bool Command::HasOption(std::initializer_list<std::string_view> names) const {
  return FindOption(names) != nullptr;
}

const Option* Command::FindOption(std::initializer_list<std::string_view> names) const {
  for (const Option& o : options) {
    for (std::string_view n : names) {
      if (o.name == n) return &o;
    }
  }
  return nullptr;
}

bool Command::IsSubcommand(std::initializer_list<std::string_view> names) const {
  if (!subcommand || !subcommand->known) return false;
  for (std::string_view n : names) {
    if (subcommand->value == n) return true;
  }
  return false;
}

Script ScriptOf(const model::Model& model, std::size_t index) {
  const syntax::Dockerfile& df = model.dockerfile();
  const syntax::Instruction& inst = df.instructions.at(index);
  // A Windows stage without a SHELL of its own runs `cmd /S /C` (the model's one decision).
  return BuildScript(df, inst, model.ShellAt(index),
                     model.IsWindowsAt(index) && !model.ShellSetAt(index));
}

Analysis Analysis::Analyze(const model::Model& model, std::size_t index) {
  Analysis run;
  const syntax::Dockerfile& df = model.dockerfile();
  const syntax::Instruction& inst = df.instructions.at(index);
  run.script_ = ScriptOf(model, index);
  if (run.script_.interpreter == Interpreter::kExec) {
    run.tree_ = std::make_unique<Tree>(ExecCommand(df, inst, run.script_));
  } else if (run.script_.interpreter == Interpreter::kPosix) {
    run.tree_ = std::make_unique<Tree>(Parse(run.script_.text));
  } else {
    run.tree_ = std::make_unique<Tree>();
  }
  std::vector<ShellError> errors = run.tree_->errors;
  Analyzer analyzer(model, index, run, run.script_, run.commands_, run.nested_, errors);
  analyzer.WalkList(run.tree_->root, Context{}, 0);
  for (ShellError& e : errors) {
    const base::Range r = run.script_.map.ToSource(e.begin, e.end);
    run.errors_.push_back({r.begin, r.end, std::move(e.message)});
  }
  const syntax::Instruction& target =
      inst.keyword == syntax::Keyword::kOnbuild && inst.trigger ? *inst.trigger : inst;
  for (const syntax::Flag& f : target.flags) {
    if (f.Name() != "mount" || !f.Value()) continue;
    model::MountResult m = model::ParseMount(*f.Value());
    if (m.ok()) run.mounts_.emplace_back(m.mount.type, m.mount.target);
  }
  return run;
}

std::vector<const Command*> Analysis::Named(std::string_view name) const {
  std::vector<const Command*> out;
  for (const Command& c : commands_) {
    if (c.name == name) out.push_back(&c);
  }
  return out;
}

std::vector<const Command*> Analysis::Named(
    std::string_view name, std::initializer_list<std::string_view> subcommands) const {
  std::vector<const Command*> out;
  for (const Command& c : commands_) {
    if (c.name == name && c.IsSubcommand(subcommands)) out.push_back(&c);
  }
  return out;
}

bool PathCovers(std::string_view pattern, std::string_view path) {
  auto strip = [](std::string_view s) {
    while (s.size() > 1 && s.back() == '/') s.remove_suffix(1);
    return s;
  };
  pattern = strip(pattern);
  path = strip(path);
  if (pattern == path) return true;
  // A glob in the last component (`dir/*`, `dir/*.deb`) removes what is in `dir`.
  const std::size_t slash = pattern.find_last_of('/');
  if (slash != std::string_view::npos &&
      pattern.find_first_of("*?[", slash) != std::string_view::npos) {
    const std::string_view dir = pattern.substr(0, slash == 0 ? 1 : slash);
    if (dir == path) return true;
    if (path.size() > dir.size() && path.substr(0, dir.size()) == dir && path[dir.size()] == '/') {
      return pattern.substr(slash + 1) == "*";
    }
  }
  // A parent directory removes everything below it.
  return path.size() > pattern.size() && path.substr(0, pattern.size()) == pattern &&
         (pattern == "/" || path[pattern.size()] == '/');
}

bool Analysis::RemovedLater(const Command& after, std::string_view path) const {
  for (std::size_t i = after.index + 1; i < commands_.size(); ++i) {
    const Command& c = commands_[i];
    if (c.name != "rm") continue;
    for (const Argument& a : c.args) {
      if (a.known && PathCovers(a.value, path)) return true;
    }
  }
  return false;
}

std::vector<Argument> Analysis::Packages(const Command& c) const {
  std::vector<Argument> out;
  const std::string& n = c.name;
  const bool install =
      ((n == "apt-get" || n == "apt" || n == "aptitude") && c.IsSubcommand({"install"})) ||
      (n == "apk" && c.IsSubcommand({"add"})) ||
      ((n == "yum" || n == "dnf" || n == "microdnf" || n == "tdnf") &&
       c.IsSubcommand({"install"})) ||
      (n == "zypper" && c.IsSubcommand({"install", "in"})) ||
      ((n == "pip" || n == "pip3" || n == "pipx") && c.IsSubcommand({"install"})) ||
      ((n == "npm" || n == "pnpm") && c.IsSubcommand({"install", "i", "add"})) ||
      ((n == "yarn") && c.IsSubcommand({"add"})) || (n == "gem" && c.IsSubcommand({"install"})) ||
      (n == "go" && c.IsSubcommand({"install", "get"})) ||
      (n == "cargo" && c.IsSubcommand({"install"})) ||
      (n == "conda" && c.IsSubcommand({"install"}));
  if (!install) return out;
  for (const Argument& a : c.args) out.push_back(a);
  return out;
}

bool Analysis::HasMount(std::string_view type, std::string_view target) const {
  for (const auto& [t, dst] : mounts_) {
    if (t != type) continue;
    if (target.empty() || PathCovers(dst, target)) return true;
  }
  return false;
}

}  // namespace shipshape::shell
