#include "cli/option_set.h"

namespace shipshape::cli {

OptionSet::OptionSet(CLI::App& command, std::span<const std::string> args) : command_(command) {
  for (const std::string& arg : args) {
    if (arg == "--") break;  // the rest are positionals
    if (arg.starts_with("--")) {
      const std::size_t eq = arg.find('=');
      long_.emplace(arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2));
    } else if (arg.size() > 1 && arg[0] == '-') {
      for (std::size_t i = 1; i < arg.size(); ++i) short_.insert(arg[i]);
    }
  }
  all_ = long_.contains("help") || short_.contains('h');
}

bool OptionSet::Wants(std::string_view names) const {
  if (all_) return true;
  while (!names.empty()) {
    const std::size_t comma = names.find(',');
    const std::string_view name = names.substr(0, comma);
    names = comma == std::string_view::npos ? std::string_view() : names.substr(comma + 1);
    if (name.starts_with("--")) {
      if (long_.contains(name.substr(2))) return true;
    } else if (name.starts_with("-")) {
      if (name.size() == 2 && short_.contains(name[1])) return true;
    } else {
      return true;
    }
  }
  return false;
}

}  // namespace shipshape::cli
