// The man page and shell completions, generated from the CLI11 definition `Main` builds, so
// they list exactly the commands and flags `--help` lists (`shipshape generate KIND`, hidden;
// the build runs it, see docs/ARCHITECTURE.md, "Packaging").
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace shipshape::cli {

/// One flag or positional argument, as the generators need it.
struct FlagDoc {
  std::vector<std::string> shorts;  ///< without the dash: "c"
  std::vector<std::string> longs;   ///< without the dashes: "config"
  std::string positional;           ///< the name of a positional argument, else empty
  std::string value;                ///< the value's placeholder (CLI11's type name); empty: a flag
  std::string description;
  bool required = false;
  bool repeatable = false;  ///< may be given more than once (or takes several values)
  /// Its values are rule selectors (codes): a comma-separated list option, or `rule`'s `code`.
  bool rule_codes = false;
  /// Exits at once (--help, --version): nothing else goes with it.
  bool exclusive = false;
};

/// A command: the program itself or a subcommand, hidden ones left out.
struct CommandDoc {
  std::string name;
  std::string description;
  std::string footer;
  std::vector<FlagDoc> options;      ///< in definition order, --help first
  std::vector<FlagDoc> positionals;  ///< in order
  std::vector<CommandDoc> subcommands;
};

/// What the generators read of `app`. Hidden options and subcommands (empty group) are left out.
CommandDoc Describe(const CLI::App& app);

/// Every rule code, sorted: what completes a rule selector.
std::vector<std::string> RuleCodes();

/// shipshape(1) in roff (man(7) macros). `version` goes in the page footer.
std::string ManPage(const CommandDoc& program, const std::string& version);
/// A bash completion script (`complete -F`), for /usr/share/bash-completion/completions.
std::string BashCompletion(const CommandDoc& program, const std::vector<std::string>& codes);
/// A zsh completion function (`#compdef`), for a directory on `fpath`.
std::string ZshCompletion(const CommandDoc& program, const std::vector<std::string>& codes);
/// fish `complete` commands, for fish's vendor_completions.d.
std::string FishCompletion(const CommandDoc& program, const std::vector<std::string>& codes);

/// The hidden `generate` command's arguments.
struct GenerateFlags {
  std::string kind;    ///< man, bash, zsh or fish
  std::string output;  ///< a file to write; empty: standard output
};

/// Adds the hidden `generate KIND [-o FILE]` command to `app`, writing into `flags`.
/// `options` false: the command's name and description only (start-up builds in full only
/// the command that runs).
CLI::App* AddGenerateCommand(CLI::App& app, GenerateFlags& flags, bool options = true);

/// Writes what `flags` asks for, generated from `app`; returns the exit code (2: cannot write).
int RunGenerate(const CLI::App& app, const GenerateFlags& flags);

}  // namespace shipshape::cli
