// What the yum, dnf, microdnf and zypper rules share: these tools' command lines split with
// their own option tables, which subcommands change packages, what really cleans their caches,
// and the fix that inserts a flag or a clean-up.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {

/// The RPM package managers, by the cache they keep.
enum class RpmTool : std::uint8_t {
  kNone,
  kYum,       ///< yum (yum 3, or dnf under the yum name on EL8 and later)
  kDnf,       ///< dnf, dnf4, dnf5
  kMicrodnf,  ///< microdnf
  kZypper,    ///< zypper
};

/// The tool `name` (a command's basename) is, or kNone.
RpmTool RpmToolOf(std::string_view name);

/// An option of an RPM tool command line.
struct RpmOption {
  /// Without dashes: `y`, `assumeyes`, `setopt`.
  std::string_view name;
  std::optional<std::string_view> value;
  /// The option word (and its value when separate).
  base::Range range;
};

/// A yum/dnf/microdnf/zypper command split with the tool's own option table (the shared table
/// in shell/tools.cc takes zypper's `-n` and dnf's `--nodocs` as options with a value).
struct RpmCommand {
  RpmTool tool = RpmTool::kNone;
  /// The first positional argument (`install`), if any.
  const shell::Argument* subcommand = nullptr;
  std::vector<RpmOption> options;
  /// Positional arguments after the subcommand, option values excluded.
  std::vector<const shell::Argument*> args;

  bool HasOption(std::initializer_list<std::string_view> names) const;
  const RpmOption* FindOption(std::initializer_list<std::string_view> names) const;
  /// Whether the subcommand is known and one of `names`.
  bool IsSubcommand(std::initializer_list<std::string_view> names) const;
  /// Whether the first positional after the subcommand is known and one of `names`
  /// (`dnf module install`).
  bool IsSecond(std::initializer_list<std::string_view> names) const;
  /// `-y`, `--assumeyes` (and zypper's `-n`, `--non-interactive`, `--no-confirm`), or
  /// `--setopt=assumeyes=1`.
  bool AssumesYes() const;
};

/// Splits `cmd` (whose `tool` is not kNone) into subcommand, options and arguments.
RpmCommand ParseRpm(const shell::Command& cmd, RpmTool tool);

/// From the command word to the subcommand (to `install` in `dnf module install`).
base::Range RpmSpan(const shell::Command& cmd, RpmTool tool);
/// How messages name the command: `yum install`, `dnf module install`.
std::string RpmName(const shell::Command& cmd, RpmTool tool);

/// Whether `cmd` installs or upgrades packages, which fills the tool's cache: install,
/// upgrade, reinstall, ... and their group/module forms (zypper: install, update, patch, ...).
bool RpmInstalls(const RpmCommand& cmd);

/// Whether `cmd` asks for a confirmation before it changes packages: what RpmInstalls covers,
/// and removals (`remove`, `autoremove`, `group remove`, `module reset`, ...).
bool RpmPrompts(const RpmCommand& cmd);

/// Whether a pipe feeds `cmd` the answers (`yes | yum install x`).
bool FedAnswers(const shell::Analysis& run, const shell::Command& cmd);

/// The command hook of DL3030/DL3034/DL3038: a command of `tool` that prompts without
/// `-y` (zypper: `--non-interactive`) is reported, with a fix that adds the flag.
void CheckAssumeYes(Context& ctx, const shell::Command& cmd, RpmTool tool);

/// Whether `later` cleans the cache `tool` fills: the tool's `clean all` (yum and dnf count
/// for each other; zypper needs `clean --all`), or a recursive `rm` of the cache directory.
bool RpmCleans(const shell::Command& later, RpmTool tool);

/// Whether the RUN keeps `tool`'s cache out of the layer with a cache or tmpfs mount.
bool RpmCacheMounted(const shell::Analysis& run, RpmTool tool);

/// The clean-up command that empties `tool`'s cache (`yum clean all`, `zypper clean --all`),
/// spelled with the command name as written (`dnf5`, `microdnf`).
std::string RpmCleanCommand(RpmTool tool, std::string_view name);

/// The instruction hook of DL3032/DL3036/DL3040: for each of `tools`, the first command that
/// installs and is not followed by a clean-up in the same RUN is reported (once per RUN and
/// tool), with a fix that appends the clean-up to the top-level list holding the last such
/// command.
void CheckCacheCleaned(Context& ctx, const syntax::Instruction& inst,
                       std::initializer_list<RpmTool> tools);

/// A fix inserting ` <flag>` right after `word` (a word of `run`), or nullopt for exec-form
/// RUNs, where the text would not be a JSON array any more.
std::optional<base::Fix> InsertFlagFix(const shell::Analysis& run, const shell::Argument& word,
                                       std::string_view flag, std::string title,
                                       base::Applicability applicability);

/// DL3033/DL3041: whether an RPM package spec names a version (`curl-7.76.1`,
/// `curl-7.76.1-26.el9`, `curl >= 7`, a `.rpm` file) or cannot name one (a path, a group).
bool RpmSpecPinned(std::string_view spec);

/// What a package argument is known to look like: its value when known; else its text with
/// each expansion replaced by `$` (`pkg-${VER}` gives `pkg-$`, `${DIR}/*.rpm` gives `$/*.rpm`);
/// nullopt for a word that is nothing but expansions (`$PKGS`), which cannot be judged.
std::optional<std::string> SpecShape(const shell::Argument& arg);

/// The command hook of DL3033/DL3041: each package of `tool`'s `install` (or `in`) that names
/// no version is reported, and each module of `module install` that names no stream. A word
/// whose value the Dockerfile does not fix is judged by its SpecShape.
void CheckRpmPinned(Context& ctx, const shell::Command& cmd, RpmTool tool);

}  // namespace shipshape::rules
