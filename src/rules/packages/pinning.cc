#include "rules/packages/pinning.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace shipshape::rules {
namespace {

bool ListHas(std::string_view list, std::string_view item) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (list.substr(0, comma) == item) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

/// `pip`, `pip3`, `pip3.12` (and `python`, `python3.12` with stem "python").
bool IsVersioned(std::string_view name, std::string_view stem) {
  if (name.substr(0, stem.size()) != stem) return false;
  return name.find_first_not_of("0123456789.", stem.size()) == std::string_view::npos;
}

// pip's own options that take a value, `install`'s and the general ones (pip 25), plus `b`
// (the old `--build`), whose value hadolint also drops.
constexpr ArgSpec kPipSpec = {
    "rceitfbC",
    "requirement,constraint,editable,index-url,extra-index-url,trusted-host,find-links,target,"
    "prefix,root,src,cache-dir,log,log-file,proxy,timeout,retries,resume-retries,python-version,"
    "platform,implementation,abi,upgrade-strategy,progress-bar,only-binary,no-binary,"
    "exists-action,cert,client-cert,global-option,install-option,config-settings,report,"
    "root-user-action,use-feature,use-deprecated,keyring-provider,python,build,group",
};

constexpr ArgSpec kPipxSpec = {
    "",
    "python,pip-args,index-url,suffix,spec,preinstall,backend",
};

constexpr ArgSpec kUvSpec = {
    "rceifpCPt",
    "requirement,constraint,override,build-constraint,editable,index-url,extra-index-url,"
    "find-links,index,default-index,index-strategy,keyring-provider,resolution,prerelease,python,"
    "python-version,python-platform,target,prefix,cache-dir,config-file,directory,project,color,"
    "exclude-newer,link-mode,reinstall-package,upgrade-package,no-binary,only-binary,"
    "config-setting,extra,group,torch-backend,refresh-package,no-build-isolation-package,"
    "allow-insecure-host,trusted-host,no-build-package,no-binary-package,fork-strategy",
};

/// The arguments of the pip `python -m pip ...` runs (after `pip`), if it runs pip.
std::optional<std::span<const shell::Argument>> PythonDashM(std::span<const shell::Argument> argv,
                                                            PipTool* tool) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    std::string_view a = argv[i].value;
    if (a.size() < 2 || a[0] != '-') return std::nullopt;  // a script: not `-m`
    if (a == "-c") return std::nullopt;
    if (a == "-X" || a == "-W") {
      ++i;
      continue;
    }
    if (a.substr(0, 2) != "-m") continue;
    std::string_view module;
    std::size_t rest = i + 1;
    if (a.size() > 2) {
      module = a.substr(2);
    } else if (i + 1 < argv.size()) {
      module = argv[i + 1].value;
      rest = i + 2;
    }
    if (IsVersioned(module, "pip")) {
      *tool = PipTool::kPip;
    } else if (module == "pipx") {
      *tool = PipTool::kPipx;
    } else {
      return std::nullopt;
    }
    return argv.subspan(std::min(rest, argv.size()));
  }
  return std::nullopt;
}

}  // namespace

const ParsedOption* ParsedArgs::Find(std::initializer_list<std::string_view> names) const {
  for (const ParsedOption& o : options) {
    for (std::string_view n : names) {
      if (o.name == n) return &o;
    }
  }
  return nullptr;
}

ParsedArgs ParseArgs(std::span<const shell::Argument> argv, const ArgSpec& spec) {
  ParsedArgs out;
  bool options_done = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const shell::Argument& a = argv[i];
    const std::string_view v = a.value;
    if (!options_done && v == "--") {
      if (spec.stop_at_double_dash) break;
      options_done = true;
      continue;
    }
    const bool dash = v.size() > 1 && v[0] == '-';
    if (options_done || !dash || std::isdigit(static_cast<unsigned char>(v[1]))) {
      out.positionals.push_back(&a);
      continue;
    }
    const bool long_form = v[1] == '-';
    if (long_form || spec.single_dash_long) {
      std::string_view name = v.substr(long_form ? 2 : 1);
      std::optional<std::string_view> value;
      if (const std::size_t eq = name.find('='); eq != std::string_view::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
      } else if (i + 1 < argv.size() &&
                 (ListHas(spec.long_with_value, name) ||
                  (name.size() == 1 && spec.short_with_value.find(name[0]) != std::string_view::npos))) {
        value = argv[++i].value;
      }
      out.options.push_back({name, value, &a});
      continue;
    }
    // A bundle of short options; a value-taking letter takes the rest or the next word.
    for (std::size_t c = 1; c < v.size(); ++c) {
      const std::string_view name = v.substr(c, 1);
      if (spec.short_with_value.find(v[c]) == std::string_view::npos) {
        out.options.push_back({name, std::nullopt, &a});
        continue;
      }
      std::optional<std::string_view> value;
      if (c + 1 < v.size()) {
        value = v.substr(c + 1);
      } else if (i + 1 < argv.size()) {
        value = argv[++i].value;
      }
      out.options.push_back({name, value, &a});
      break;
    }
  }
  return out;
}

std::optional<PipInstall> FindPipInstall(const shell::Command& cmd) {
  PipInstall pip;
  std::span<const shell::Argument> argv = cmd.argv;
  const ArgSpec* spec = &kPipSpec;
  std::size_t install_at = 0;  // position of `install` among the positionals
  if (IsVersioned(cmd.name, "pip")) {
    pip.tool = PipTool::kPip;
  } else if (cmd.name == "pipx") {
    pip.tool = PipTool::kPipx;
  } else if (cmd.name == "uv") {
    pip.tool = PipTool::kUv;
    install_at = 1;
  } else if (IsVersioned(cmd.name, "python")) {
    std::optional<std::span<const shell::Argument>> rest = PythonDashM(argv, &pip.tool);
    if (!rest) return std::nullopt;
    argv = *rest;
  } else {
    return std::nullopt;
  }
  if (pip.tool == PipTool::kPipx) spec = &kPipxSpec;
  if (pip.tool == PipTool::kUv) spec = &kUvSpec;
  pip.args = ParseArgs(argv, *spec);
  const std::vector<const shell::Argument*>& pos = pip.args.positionals;
  if (pos.size() <= install_at || pos[install_at]->value != "install") return std::nullopt;
  if (pip.tool == PipTool::kUv && pos[0]->value != "pip") return std::nullopt;
  pip.install = pos[install_at];
  pip.packages.assign(pos.begin() + static_cast<std::ptrdiff_t>(install_at) + 1, pos.end());
  return pip;
}

std::string_view PipInstallText(PipTool tool) {
  switch (tool) {
    case PipTool::kPip:
      return "pip install";
    case PipTool::kPipx:
      return "pipx install";
    case PipTool::kUv:
      return "uv pip install";
  }
  return "pip install";
}

bool InShippedStage(std::optional<std::size_t> stage, const model::Model& model) {
  if (!stage) return true;
  const std::vector<std::size_t> shipped = model.ShippedStages();
  return std::binary_search(shipped.begin(), shipped.end(), *stage);
}

bool RemovedAfter(const shell::Analysis& run, const shell::Command& after, std::string_view path) {
  if (run.RemovedLater(after, path)) return true;
  const std::vector<shell::Command>& all = run.commands();
  for (std::size_t i = after.index + 1; i < all.size(); ++i) {
    const shell::Command& c = all[i];
    if (c.name != "find") continue;
    // The starting points come first, the expression after them.
    bool covers = false;
    bool deletes = false;
    bool in_expression = false;
    for (std::size_t k = 0; k < c.argv.size(); ++k) {
      const std::string_view a = c.argv[k].value;
      if (!in_expression && (a.starts_with('-') || a == "(" || a == "!")) in_expression = true;
      if (!in_expression) {
        // Only a search from the directory itself (or inside it) empties it: `find / -name x
        // -delete` deletes what matches, not everything.
        covers = covers || (c.argv[k].known && shell::PathCovers(path, a));
      } else if (a == "-delete" ||
                 ((a == "-exec" || a == "-execdir") && k + 1 < c.argv.size() &&
                  c.argv[k + 1].value == "rm")) {
        deletes = true;
      }
    }
    if (covers && deletes) return true;
  }
  return false;
}

base::Edit InsertAfterSubcommand(const shell::Analysis& run, const shell::Command& cmd,
                                 std::string_view flag) {
  return InsertAfter(run, cmd.subcommand ? cmd.subcommand->range : cmd.command.range, flag);
}

base::Edit InsertAfter(const shell::Analysis& run, base::Range word, std::string_view flag) {
  const bool exec = run.script().interpreter == shell::Interpreter::kExec;
  return {{word.end, word.end},
          exec ? fmt::format(", \"{}\"", flag) : fmt::format(" {}", flag)};
}

bool ChangesUser(const shell::Command& cmd) {
  for (const std::string& w : cmd.wrappers) {
    for (std::string_view u : {"sudo", "su -c", "doas", "gosu", "su-exec", "setpriv"}) {
      if (w == u) return true;
    }
  }
  return false;
}

std::optional<base::Edit> AppendToRun(const syntax::Instruction& inst, const shell::Analysis& run,
                                      std::string_view command) {
  const syntax::Instruction& target = inst.trigger ? *inst.trigger : inst;
  if (!target.heredocs.empty() || !run.posix() || !run.errors().empty()) return std::nullopt;
  const std::vector<shell::AndOr>& items = run.tree().root.items;
  if (items.empty() || items.back().background || items.back().end == 0) return std::nullopt;
  const std::uint32_t end = run.SourceRange(items.back().end - 1, items.back().end).end;
  return base::Edit{{end, end}, fmt::format(" && {}", command)};
}

base::Range CommandRange(const shell::Command& cmd) {
  base::Range r = cmd.command.range;
  if (cmd.subcommand && cmd.subcommand->range.end > r.end) r.end = cmd.subcommand->range.end;
  return r;
}

}  // namespace shipshape::rules
