// The commands a RUN instruction runs, seen the way rules ask about them: through wrappers
// (`sudo`, `env`, `xargs`, `sh -c "..."`), with subcommands, flags and arguments split per
// tool, values of `$VARS` known from the Dockerfile, the shell options in effect, and byte
// ranges in the Dockerfile for every piece.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/range.h"
#include "model/model.h"
#include "shell/ast.h"
#include "shell/script.h"

namespace shipshape::shell {

/// One argument as the command receives it.
struct Argument {
  /// The word it comes from (several arguments share a word when `$VAR` splits).
  const Word* word = nullptr;
  /// The value: the literal, or what the Dockerfile's ARG/ENV (or an earlier assignment in the
  /// script) gives the word; when not `known`, the word's text with its expansions as written.
  std::string value;
  /// `value` is exactly what the command receives.
  bool known = true;
  /// Where the word is in the Dockerfile.
  base::Range range;
};

/// An option: `-y` (name "y"), `--yes` ("yes"), `-o Dpkg::Options=x` ("o" with a value).
struct Option {
  std::string name;
  bool long_form = false;
  std::optional<std::string> value;
  base::Range range;
};

/// Where a command sits in the script.
struct Context {
  /// Ids (unique within the RUN) of the pipeline and of the `&&`/`||` list it is in.
  int pipeline = 0;
  int and_or = 0;
  /// Position in its pipeline and the pipeline's length.
  int pipeline_position = 0;
  int pipeline_size = 1;
  /// Position of its pipeline in the and-or list; whether `||` precedes it there.
  int and_or_position = 0;
  bool after_or = false;
  /// In an `if`/`while`/`until` condition or a `[[ ]]`.
  bool in_condition = false;
  /// Inside `$(...)`, backquotes or a process substitution.
  bool in_substitution = false;
  /// Inside `( ... )`.
  bool in_subshell = false;
  /// Run in the background with `&`.
  bool background = false;
  /// Shell options in effect when it runs (from SHELL and earlier `set` commands).
  bool errexit = false;
  bool pipefail = false;
};

/// A simple command with its wrappers peeled off.
struct Command {
  /// Position in Run::commands (execution order as written).
  std::size_t index = 0;
  const Node* node = nullptr;
  Context context;
  /// Wrappers it ran through, outermost first (`sudo`, `env`, `sh -c`, ...).
  std::vector<std::string> wrappers;
  /// `NAME=value` before the command (and `env NAME=value`).
  std::vector<const Word*> assignments;
  /// The command word; `name` is its basename (`/usr/bin/apt-get` -> `apt-get`), empty when
  /// the command word is not known.
  Argument command;
  std::string name;
  /// For tools with subcommands (`apt-get install`, `pip install`): the first positional.
  std::optional<Argument> subcommand;
  std::vector<Option> options;
  /// Positional arguments after the subcommand (option values excluded).
  std::vector<Argument> args;
  /// Every argument after the command word, in order, as received.
  std::vector<Argument> argv;
  /// Where the whole simple command is in the Dockerfile.
  base::Range range;

  /// Whether any of `names` was given as an option (`HasOption({"y", "yes", "assume-yes"})`).
  bool HasOption(std::initializer_list<std::string_view> names) const;
  /// The option named one of `names`, if given.
  const Option* FindOption(std::initializer_list<std::string_view> names) const;
  /// Whether the subcommand is one of `names`.
  bool IsSubcommand(std::initializer_list<std::string_view> names) const;
};

/// The script instruction `index` of `model`'s Dockerfile runs (RUN, or ONBUILD RUN), with the
/// SHELL in force, or cmd in a file that targets Windows and sets no SHELL.
Script ScriptOf(const model::Model& model, std::size_t index);

/// A RUN instruction's script, parsed and analysed.
class Analysis {
 public:
  /// Analyses instruction `index` of `model`'s Dockerfile (RUN, or ONBUILD RUN).
  static Analysis Analyze(const model::Model& model, std::size_t index);

  const Script& script() const { return script_; }
  const Tree& tree() const { return *tree_; }
  /// The commands in the order they are written (pipelines left to right, bodies in place).
  const std::vector<Command>& commands() const { return commands_; }
  /// Shell syntax errors, with ranges in the Dockerfile.
  const std::vector<ShellError>& errors() const { return errors_; }
  /// False for PowerShell, cmd, other interpreters and exec form without a shell: shell rules
  /// should stay silent then.
  bool posix() const { return script_.interpreter == Interpreter::kPosix; }

  /// The Dockerfile bytes of script bytes [begin, end).
  base::Range SourceRange(std::uint32_t begin, std::uint32_t end) const {
    return script_.map.ToSource(begin, end);
  }

  /// Commands named `name` (basename), in order.
  std::vector<const Command*> Named(std::string_view name) const;
  /// Commands named `name` with subcommand one of `subcommands`.
  std::vector<const Command*> Named(std::string_view name,
                                    std::initializer_list<std::string_view> subcommands) const;
  /// Whether an `rm` after `after` (in the same RUN) removes `path`: of the path, of a parent,
  /// or of a glob that covers it (`/var/lib/apt/lists/*`). Flags are not looked at: an `rm`
  /// without `-r` of a directory fails the build, which the user sees at once.
  bool RemovedLater(const Command& after, std::string_view path) const;
  /// The packages an install command installs (`apt-get install`, `apk add`, `pip install`,
  /// `npm install`, `gem install`, `yum/dnf/microdnf/zypper install`, `yarn add`, ...);
  /// empty for other commands.
  std::vector<Argument> Packages(const Command& command) const;
  /// Whether the RUN mounts a `type` mount (cache, tmpfs, secret, bind, ssh) at `target`
  /// (or, with an empty target, anywhere).
  bool HasMount(std::string_view type, std::string_view target) const;

 private:
  Script script_;
  std::unique_ptr<Tree> tree_;
  std::vector<std::unique_ptr<Tree>> nested_;
  std::vector<Command> commands_;
  std::vector<ShellError> errors_;
  std::vector<std::pair<std::string, std::string>> mounts_;  // (type, target)
};

/// Whether `pattern` (a path, maybe ending in a glob such as `/var/cache/apt/*`) removes
/// `path`: the same path, a parent of it, or a glob whose directory is it.
bool PathCovers(std::string_view pattern, std::string_view path);

/// How a tool's options are spelled: which take a value, whether it has subcommands.
struct ToolSpec {
  std::string_view name;
  bool has_subcommand = false;
  /// Short options that take a value (`o` for `apt-get -o X`).
  std::string_view short_with_value;
  /// Long options (without dashes, comma-separated) that take a value when not given as
  /// `--name=value`, e.g. "option,target-release".
  std::string_view long_with_value;
  /// Words spelled with one dash that are one option, not a cluster of letters
  /// (comma-separated, without the dash): wget's "nv" for `-nv`.
  std::string_view single_dash_words = {};

  bool LongTakesValue(std::string_view option) const;
};

/// The spec of `name`, or nullptr for tools without one (their options take no value).
const ToolSpec* FindTool(std::string_view name);

}  // namespace shipshape::shell
