// Adds to a command only the options its command line can name. CLI11 builds every option it
// is given (an Option with its std::functions, and a name check against every other option),
// which was a quarter of a small `lint` run's instructions; a run that names three options
// needs three. Help (`-h`, `--help`) and `generate` get every option.
#pragma once

#include <CLI/CLI.hpp>
#include <set>
#include <span>
#include <string>
#include <string_view>

namespace shipshape::cli {

class OptionSet {
 public:
  /// Every option (help, `generate`, or a command whose start-up does not matter).
  explicit OptionSet(CLI::App& command) : command_(command), all_(true) {}
  /// The options `args` (the words after the command's name) can name: `--name`,
  /// `--name=value`, and each letter of `-abc` (a cluster, or a short option with its value
  /// attached: a superset is harmless). Every option when `args` ask for help.
  OptionSet(CLI::App& command, std::span<const std::string> args);

  /// Whether an option named `names` (CLI11's "-c,--config"; a positional without dashes is
  /// always wanted) is to be added.
  bool Wants(std::string_view names) const;

  /// CLI11's add_option / add_flag when `Wants(names)`, else nullptr.
  template <class T>
  CLI::Option* Option(std::string names, T& value, std::string description) {
    return Wants(names) ? command_.add_option(std::move(names), value, std::move(description))
                        : nullptr;
  }
  template <class T>
  CLI::Option* Flag(std::string names, T& value, std::string description) {
    return Wants(names) ? command_.add_flag(std::move(names), value, std::move(description))
                        : nullptr;
  }

  CLI::App& command() const { return command_; }

 private:
  CLI::App& command_;
  bool all_ = false;
  std::set<std::string, std::less<>> long_;
  std::set<char> short_;
};

}  // namespace shipshape::cli
