#include "rules/packages/rpm.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <span>

#include "rules/packages/pinning.h"

namespace shipshape::rules {
namespace {

bool OneOf(std::string_view s, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), s) != names.end();
}

/// Whether the comma-separated `list` holds `item`.
bool ListHas(std::string_view list, std::string_view item) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (list.substr(0, comma) == item) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

/// Options that take a value, per tool (from yum(8), dnf(8), dnf5(8), microdnf --help and
/// zypper(8)); every other option is a flag.
struct ValueOptions {
  std::string_view short_before;  ///< before the subcommand
  std::string_view long_before;
  std::string_view short_after;  ///< after it
  std::string_view long_after;
};

constexpr std::string_view kDnfLong =
    "config,debuglevel,errorlevel,exclude,excludepkgs,includepkgs,disableexcludes,"
    "disableexcludepkgs,disablerepo,enablerepo,disable-repo,enable-repo,repo,repoid,from-repo,"
    "repofrompath,installroot,releasever,setopt,setvar,downloaddir,destdir,color,rpmverbosity,"
    "disableplugin,enableplugin,disable-plugin,enable-plugin,forcearch,comment,advisory,"
    "advisories,bz,bzs,cve,cves,sec-severity,secseverity,randomwait,platform-module,"
    "cachedir,logfile";

constexpr ValueOptions kDnfOptions = {"cdexR", kDnfLong, "cdexR", kDnfLong};

constexpr ValueOptions kZypperOptions = {
    "cRDCps",
    "config,root,reposd-dir,cache-dir,raw-cache-dir,solv-cache-dir,pkg-cache-dir,userdata,"
    "plus-repo,plus-content,installroot,table-style",
    "rt",
    "repo,from,type,download,category,severity,date,bugzilla,bz,cve,issues,priority,name,"
    "medium-type,auto-agree-with-product-licenses-for"};

constexpr std::string_view kDnfCaches[] = {"/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5",
                                           "/root/.cache/libdnf5"};
constexpr std::string_view kZypperCaches[] = {"/var/cache/zypp"};

/// Where `tool` keeps its cache (yum 3 and microdnf: /var/cache/yum; dnf 4: /var/cache/dnf;
/// dnf 5: /var/cache/libdnf5; EL8's yum is dnf 4).
std::span<const std::string_view> CacheDirs(RpmTool tool) {
  if (tool == RpmTool::kZypper) return kZypperCaches;
  return kDnfCaches;
}

/// The top-level and-or list whose pipelines hold `node` directly, or nullptr.
const shell::AndOr* TopLevelAndOr(const shell::Analysis& run, const shell::Node* node) {
  for (const shell::AndOr& a : run.tree().root.items) {
    for (const shell::Pipeline& p : a.pipelines) {
      for (const std::unique_ptr<shell::Node>& n : p.commands) {
        if (n.get() == node) return &a;
      }
    }
  }
  return nullptr;
}

/// Appends the shape of `p` (see SpecShape); `literal` is set when it has text of its own.
void AppendShape(const shell::WordPart& p, std::string& out, bool& literal) {
  if (p.kind == shell::WordPart::Kind::kDoubleQuoted) {
    for (const shell::WordPart& q : p.parts) AppendShape(q, out, literal);
  } else if (p.IsExpansion()) {
    out += '$';
  } else {
    out += p.value;
    literal = literal || !p.value.empty();
  }
}

}  // namespace

RpmTool RpmToolOf(std::string_view name) {
  if (name == "yum") return RpmTool::kYum;
  if (name == "dnf" || name == "dnf4" || name == "dnf5") return RpmTool::kDnf;
  if (name == "microdnf") return RpmTool::kMicrodnf;
  if (name == "zypper") return RpmTool::kZypper;
  return RpmTool::kNone;
}

bool RpmCommand::HasOption(std::initializer_list<std::string_view> names) const {
  return FindOption(names) != nullptr;
}

const RpmOption* RpmCommand::FindOption(std::initializer_list<std::string_view> names) const {
  for (const RpmOption& o : options) {
    if (OneOf(o.name, names)) return &o;
  }
  return nullptr;
}

bool RpmCommand::IsSubcommand(std::initializer_list<std::string_view> names) const {
  return subcommand && subcommand->known && OneOf(subcommand->value, names);
}

bool RpmCommand::IsSecond(std::initializer_list<std::string_view> names) const {
  return !args.empty() && args[0]->known && OneOf(args[0]->value, names);
}

bool RpmCommand::AssumesYes() const {
  if (tool == RpmTool::kZypper) {
    // Global `-n`/`--non-interactive`; the subcommands' `-y`/`--no-confirm`.
    return HasOption({"n", "non-interactive", "y", "no-confirm"});
  }
  if (HasOption({"y", "assumeyes"})) return true;
  for (const RpmOption& o : options) {
    if (o.name != "setopt" || !o.value) continue;
    const std::string_view v = *o.value;
    if (v.substr(0, 10) == "assumeyes=") {
      const std::string_view b = v.substr(10);
      if (OneOf(b, {"1", "true", "True", "TRUE", "yes", "Yes", "on", "On"})) return true;
    }
  }
  return false;
}

RpmCommand ParseRpm(const shell::Command& cmd, RpmTool tool) {
  RpmCommand out;
  out.tool = tool;
  const ValueOptions& table = tool == RpmTool::kZypper ? kZypperOptions : kDnfOptions;
  bool options_done = false;
  const std::vector<shell::Argument>& argv = cmd.argv;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const shell::Argument& a = argv[i];
    const std::string_view v = a.value;
    const bool before = out.subcommand == nullptr;
    if (!options_done && a.known && v == "--") {
      options_done = true;
      continue;
    }
    if (!options_done && a.known && v.size() > 2 && v.substr(0, 2) == "--") {
      RpmOption o;
      o.range = a.range;
      const std::size_t eq = v.find('=');
      o.name = v.substr(2, eq == std::string_view::npos ? std::string_view::npos : eq - 2);
      if (eq != std::string_view::npos) {
        o.value = v.substr(eq + 1);
      } else if (ListHas(before ? table.long_before : table.long_after, o.name) &&
                 i + 1 < argv.size()) {
        o.value = std::string_view(argv[++i].value);
        o.range.end = argv[i].range.end;
      }
      out.options.push_back(o);
      continue;
    }
    if (!options_done && a.known && v.size() > 1 && v[0] == '-') {
      const std::string_view with_value = before ? table.short_before : table.short_after;
      for (std::size_t c = 1; c < v.size(); ++c) {
        RpmOption o;
        o.name = v.substr(c, 1);
        o.range = a.range;
        if (with_value.find(v[c]) != std::string_view::npos) {
          if (c + 1 < v.size()) {
            o.value = v.substr(c + 1);
          } else if (i + 1 < argv.size()) {
            o.value = std::string_view(argv[++i].value);
            o.range.end = argv[i].range.end;
          }
          out.options.push_back(o);
          break;
        }
        out.options.push_back(o);
      }
      continue;
    }
    if (before) {
      out.subcommand = &a;
    } else {
      out.args.push_back(&a);
    }
  }
  return out;
}

bool RpmInstalls(const RpmCommand& cmd) {
  if (cmd.tool == RpmTool::kZypper) {
    return cmd.IsSubcommand({"install", "in", "update", "up", "dist-upgrade", "dup", "patch",
                             "source-install", "si", "install-new-recommends", "inr"});
  }
  if (cmd.IsSubcommand({"install",      "in",
                        "localinstall", "groupinstall",
                        "reinstall",    "rei",
                        "upgrade",      "up",
                        "update",       "upgrade-minimal",
                        "up-min",       "update-minimal",
                        "localupdate",  "groupupdate",
                        "groupupgrade", "downgrade",
                        "dg",           "distro-sync",
                        "dsync",        "distribution-synchronization",
                        "swap"})) {
    return true;
  }
  if (cmd.IsSubcommand({"group", "groups", "grp"})) {
    return cmd.IsSecond({"install", "update", "upgrade"});
  }
  if (cmd.IsSubcommand({"module"})) {
    return cmd.IsSecond({"install", "update", "upgrade", "switch-to"});
  }
  return false;
}

bool RpmPrompts(const RpmCommand& cmd) {
  if (RpmInstalls(cmd)) return true;
  if (cmd.tool == RpmTool::kZypper) {
    return cmd.IsSubcommand({"remove", "rm", "removeptf", "rmptf"});
  }
  if (cmd.IsSubcommand({"remove", "rm", "erase", "autoremove", "groupremove"})) {
    return true;
  }
  if (cmd.IsSubcommand({"group", "groups", "grp"})) return cmd.IsSecond({"remove", "erase"});
  if (cmd.IsSubcommand({"module"})) {
    return cmd.IsSecond({"enable", "disable", "reset", "remove"});
  }
  return false;
}

bool FedAnswers(const shell::Analysis& run, const shell::Command& cmd) {
  if (cmd.context.pipeline_position == 0) return false;
  for (const shell::Command& c : run.commands()) {
    if (c.context.pipeline == cmd.context.pipeline && c.context.pipeline_position == 0) {
      return c.name == "yes" || c.name == "echo" || c.name == "printf";
    }
  }
  return false;
}

void CheckAssumeYes(Context& ctx, const shell::Command& cmd, RpmTool tool) {
  if (RpmToolOf(cmd.name) != tool) return;
  const RpmCommand c = ParseRpm(cmd, tool);
  if (!RpmPrompts(c) || c.AssumesYes() || FedAnswers(ctx.run(), cmd)) return;
  // microdnf asks only in its recent releases (EL9); the EL8 one does not, and the oldest reject
  // `-y`. Only its installs are checked, as hadolint does.
  if (tool == RpmTool::kMicrodnf && !c.IsSubcommand({"install", "groupinstall", "localinstall"})) {
    return;
  }
  const bool zypper = tool == RpmTool::kZypper;
  const std::string_view flag = zypper ? "--non-interactive" : "-y";
  // zypper's `--non-interactive` is global: it goes before the subcommand. yum and dnf take
  // `-y` anywhere; it goes after the word that names the action.
  const shell::Argument* after = &cmd.command;
  if (!zypper) {
    after = c.subcommand;
    if (c.IsSubcommand({"group", "groups", "grp", "module"}) && !c.args.empty()) {
      after = c.args[0];
    }
  }
  // Answering yes to an install is what the build means; to a removal, it may take away more
  // than the packages named (their dependents). The oldest microdnf releases do not know `-y`.
  const base::Applicability applicability = RpmInstalls(c) && tool != RpmTool::kMicrodnf
                                                ? base::Applicability::kSafe
                                                : base::Applicability::kUnsafe;
  const std::string name = RpmName(cmd, tool);
  ctx.Report(
      RpmSpan(cmd, tool),
      fmt::format("`{}` without `{}` waits for a confirmation the build cannot give", name, flag),
      InsertFlagFix(ctx.run(), *after, flag, fmt::format("Add `{}`", flag), applicability));
}

bool RpmCleans(const shell::Command& later, RpmTool tool) {
  if (later.name == "rm") {
    if (!later.HasOption({"r", "R", "recursive"})) return false;
    for (const shell::Argument& a : later.args) {
      if (!a.known) continue;
      for (std::string_view d : CacheDirs(tool)) {
        if (shell::PathCovers(a.value, d)) return true;
      }
    }
    return false;
  }
  const RpmTool other = RpmToolOf(later.name);
  if (other == RpmTool::kNone) return false;
  // yum is dnf on EL8 and later, and both keep their cache under /var/cache/{yum,dnf}: either's
  // `clean all` counts for the other. microdnf and zypper only clean their own.
  const auto family = [](RpmTool t) { return t == RpmTool::kYum ? RpmTool::kDnf : t; };
  if (family(other) != family(tool)) return false;
  const RpmCommand c = ParseRpm(later, other);
  if (!c.IsSubcommand({"clean", "cc"})) return false;
  if (tool == RpmTool::kZypper) {
    // Plain `zypper clean` only empties the package cache, which zypper keeps empty anyway;
    // the repository metadata stays.
    return c.HasOption({"a", "all"}) ||
           (c.HasOption({"m", "metadata"}) && c.HasOption({"M", "raw-metadata"}));
  }
  for (const shell::Argument* a : c.args) {
    if (a->known && a->value == "all") return true;
  }
  return false;
}

bool RpmCacheMounted(const shell::Analysis& run, RpmTool tool) {
  for (std::string_view type : {"cache", "tmpfs"}) {
    for (std::string_view d : CacheDirs(tool)) {
      if (run.HasMount(type, d)) return true;
    }
  }
  return false;
}

std::string RpmCleanCommand(RpmTool tool, std::string_view name) {
  if (tool == RpmTool::kZypper) return "zypper clean --all";
  return fmt::format("{} clean all", name);
}

base::Range RpmSpan(const shell::Command& cmd, RpmTool tool) {
  const RpmCommand c = ParseRpm(cmd, tool);
  base::Range r = cmd.command.range;
  const shell::Argument* end = c.subcommand;
  if (c.IsSubcommand({"group", "groups", "grp", "module"}) && !c.args.empty()) end = c.args[0];
  if (end && end->range.end > r.end) r.end = end->range.end;
  return r;
}

std::string RpmName(const shell::Command& cmd, RpmTool tool) {
  const RpmCommand c = ParseRpm(cmd, tool);
  std::string out = cmd.name;
  if (c.subcommand) out += " " + c.subcommand->value;
  if (c.IsSubcommand({"group", "groups", "grp", "module"}) && !c.args.empty()) {
    out += " " + c.args[0]->value;
  }
  return out;
}

void CheckCacheCleaned(Context& ctx, const syntax::Instruction& inst,
                       std::initializer_list<RpmTool> tools) {
  if (inst.keyword != syntax::Keyword::kRun) return;
  // A cache left in a builder stage that only feeds `COPY --from` never reaches the image.
  if (!InShippedStage(ctx.stage(), ctx.model())) return;
  const shell::Analysis& run = ctx.Shell(ctx.index());
  const std::vector<shell::Command>& commands = run.commands();
  for (const RpmTool tool : tools) {
    const shell::Command* first = nullptr;  // the first install no clean-up follows
    const shell::Command* last = nullptr;   // the last one
    // Backwards, so that whether a clean-up comes later is known in one pass.
    bool cleaned_later = false;
    for (auto c = commands.rbegin(); c != commands.rend(); ++c) {
      if (RpmCleans(*c, tool)) {
        cleaned_later = true;
        continue;
      }
      if (cleaned_later || RpmToolOf(c->name) != tool || !RpmInstalls(ParseRpm(*c, tool))) {
        continue;
      }
      first = &*c;
      if (!last) last = &*c;
    }
    if (!first || RpmCacheMounted(run, tool)) continue;
    // The fix appends the clean-up to the list holding the last such install when that list is
    // a plain top-level one (not in a loop, a condition, a subshell or an `sh -c` string), in a
    // script without syntax errors: after an unclosed quote the appended text is more of the
    // string, the finding stays and every pass appended another clean-up (found by fuzzing).
    std::optional<base::Fix> fix;
    const shell::AndOr* list = TopLevelAndOr(run, last->node);
    if (list && !list->background && list->end > 0 && last->wrappers.empty() &&
        run.script().interpreter == shell::Interpreter::kPosix && run.errors().empty()) {
      const std::string clean = RpmCleanCommand(tool, last->name);
      const std::uint32_t at = run.SourceRange(list->end - 1, list->end).end;
      fix = base::Fix{fmt::format("Add `{}` after `{}`", clean, RpmName(*last, tool)),
                      base::Applicability::kUnsafe,
                      {{{at, at}, fmt::format(" && {}", clean)}}};
    }
    ctx.Report(RpmSpan(*first, tool),
               fmt::format("`{}` leaves its cache in the layer; run `{}` after it in the "
                           "same RUN",
                           RpmName(*first, tool), RpmCleanCommand(tool, first->name)),
               std::move(fix));
  }
}

std::optional<base::Fix> InsertFlagFix(const shell::Analysis& run, const shell::Argument& word,
                                       std::string_view flag, std::string title,
                                       base::Applicability applicability) {
  if (run.script().interpreter != shell::Interpreter::kPosix) return std::nullopt;
  return base::Fix{std::move(title),
                   applicability,
                   {{{word.range.end, word.range.end}, fmt::format(" {}", flag)}}};
}

bool RpmSpecPinned(std::string_view spec) {
  if (spec.empty()) return true;
  // A file, a URL or a file provide (`/usr/bin/python3`) either is a version or cannot have one.
  if (spec.size() > 4 && spec.substr(spec.size() - 4) == ".rpm") return true;
  if (spec.find('/') != std::string_view::npos) return true;
  // A group (`@development-tools`) has no version; a module stream (`@nodejs:20`) is one.
  if (spec[0] == '@') return true;
  // A relational spec: `curl >= 7.76` given as one word.
  if (spec.find_first_of("=<>") != std::string_view::npos) return true;
  // name-version or name-version-release: the last dash-separated part starts with a digit
  // (the version, or the release that follows it, maybe after an epoch), or, in the shape of a
  // word the Dockerfile does not fix, with an expansion (`httpd-$`).
  const std::size_t dash = spec.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == spec.size()) return false;
  return std::isdigit(static_cast<unsigned char>(spec[dash + 1])) != 0 || spec[dash + 1] == '$';
}

std::optional<std::string> SpecShape(const shell::Argument& arg) {
  if (arg.known || !arg.word) return arg.value;
  std::string out;
  bool literal = false;
  for (const shell::WordPart& p : arg.word->parts) AppendShape(p, out, literal);
  if (!literal) return std::nullopt;
  return out;
}

void CheckRpmPinned(Context& ctx, const shell::Command& cmd, RpmTool tool) {
  if (RpmToolOf(cmd.name) != tool) return;
  const RpmCommand c = ParseRpm(cmd, tool);
  const bool module = c.IsSubcommand({"module"}) && c.IsSecond({"install"});
  if (!module && !c.IsSubcommand({"install", "in"})) return;
  for (std::size_t i = module ? 1 : 0; i < c.args.size(); ++i) {
    const shell::Argument& a = *c.args[i];
    const std::optional<std::string> shape = SpecShape(a);
    if (!shape || shape->empty()) continue;
    if (module) {
      // `nodejs:20`, `nodejs:20/minimal`: the stream is the version a module has.
      if (shape->find(':') != std::string::npos) continue;
      ctx.Report(a.range, fmt::format("Pin the stream of module `{}` (`{} module install {}:"
                                      "<stream>`)",
                                      a.value, cmd.name, a.value));
      continue;
    }
    if (RpmSpecPinned(*shape)) continue;
    ctx.Report(a.range, fmt::format("Pin the version of `{}` (`{} install {}-<version>`)", a.value,
                                    cmd.name, a.value));
  }
}

}  // namespace shipshape::rules
