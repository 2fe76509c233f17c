// What the package rules share: reading a package manager's command line with that tool's own
// option table (which options take a value), finding `pip install` in its many spellings, and
// the edits their fixes make.
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "shell/commands.h"
#include "syntax/ast.h"

namespace shipshape::rules {

/// How a tool spells its options, where the rule needs more than the shared tools table.
struct ArgSpec {
  /// Short options that take a value (`t` for `apk add -t .deps`).
  std::string_view short_with_value;
  /// Long options that take a value, comma-separated (`virtual,repository`).
  std::string_view long_with_value;
  /// Go-style flags: `-tags x` is one option with a value, not the letters t, a, g, s.
  bool single_dash_long = false;
  /// What follows `--` is for something else (gem passes it to the extension's build).
  bool stop_at_double_dash = false;
};

/// One option as an ArgSpec reads it.
struct ParsedOption {
  /// Without dashes and without `=value`; one letter for each letter of a short bundle.
  std::string_view name;
  std::optional<std::string_view> value;
  /// The word that holds the option.
  const shell::Argument* arg = nullptr;
};

/// A command line read with an ArgSpec.
struct ParsedArgs {
  std::vector<ParsedOption> options;
  /// Everything that is neither an option nor an option's value, in order.
  std::vector<const shell::Argument*> positionals;

  /// The option named one of `names`, if given.
  const ParsedOption* Find(std::initializer_list<std::string_view> names) const;
  bool Has(std::initializer_list<std::string_view> names) const { return Find(names) != nullptr; }
};

/// Reads `argv` (a command's arguments after its name) with `spec`. Words whose value is not
/// known are read as written (`--root=$DIR` is still an option).
ParsedArgs ParseArgs(std::span<const shell::Argument> argv, const ArgSpec& spec);

/// Which tool a `pip install` goes through.
enum class PipTool : unsigned char { kPip, kPipx, kUv };

/// A `pip install` as `pip`, `pip3.12`, `python3 -m pip`, `pipx` or `uv pip` spell it.
struct PipInstall {
  PipTool tool = PipTool::kPip;
  /// The `install` word.
  const shell::Argument* install = nullptr;
  /// The options (also those before `install`) and the positionals after `install`.
  ParsedArgs args;
  std::vector<const shell::Argument*> packages;
};

/// The `pip install` `cmd` runs, if it runs one. `pipenv` is not pip: it installs from its
/// Pipfile.
std::optional<PipInstall> FindPipInstall(const shell::Command& cmd);

/// `pip install`, `pipx install` or `uv pip install`, for messages.
std::string_view PipInstallText(PipTool tool);

/// Whether `stage` ends up in the image the build produces (the target and the stages it is
/// built FROM); true before the first FROM.
bool InShippedStage(std::optional<std::size_t> stage, const model::Model& model);

/// Whether a command after `after` in the RUN deletes `path`: `rm` of it, of a parent or of a
/// glob over its contents (shell::Analysis::RemovedLater), or `find <path> ... -delete` (or
/// `-exec rm`) started at the path or inside it.
bool RemovedAfter(const shell::Analysis& run, const shell::Command& after, std::string_view path);

/// An edit that inserts `flag` right after the word at `word` (`apt-get install -y`), spelled
/// as the RUN's form needs it (`, "-y"` between exec-form elements).
base::Edit InsertAfter(const shell::Analysis& run, base::Range word, std::string_view flag);

/// InsertAfter `cmd`'s subcommand word (its command word when it has none).
base::Edit InsertAfterSubcommand(const shell::Analysis& run, const shell::Command& cmd,
                                 std::string_view flag);

/// Whether `cmd` runs as another user (`sudo`, `su -c`, `gosu`, ...): a command appended to
/// the RUN would not run as that user.
bool ChangesUser(const shell::Command& cmd);

/// An edit that runs `command` after everything else in the RUN (` && command` after its last
/// command), or nullopt when there is no plain place for it: exec form, here-documents, a last
/// command run in the background, a script with syntax errors.
std::optional<base::Edit> AppendToRun(const syntax::Instruction& inst, const shell::Analysis& run,
                                      std::string_view command);

/// The range from `cmd`'s command word to the end of its subcommand word (`apt-get -q install`);
/// the command word alone when it has no subcommand.
base::Range CommandRange(const shell::Command& cmd);

}  // namespace shipshape::rules
