#include "config/for_file.h"

#include <filesystem>

namespace shipshape::config {

Result<FileSetup> SetupFor(Loader& loader, const Layer& env, const Layer& command_line,
                           std::string_view read_path, std::string_view name,
                           const std::optional<std::string>& context,
                           context::ContextCache& contexts) {
  const bool is_stdin = read_path == "-";
  Result<Settings> s = loader.SettingsFor(is_stdin ? name : read_path, env, command_line);
  if (!s) return s.error();
  FileSetup setup;
  setup.options = OptionsFor(*s, name);
  setup.rule_set = DescribeRuleSet(*s);
  if (context) {
    setup.options.rules.context =
        contexts.Open(*context, is_stdin ? std::string_view() : read_path, false);
  } else if (!is_stdin) {
    const std::string dir = std::filesystem::path(read_path).parent_path().string();
    setup.options.rules.context = contexts.Open(dir, read_path, /*guessed=*/true);
  }
  setup.threshold = s->failure_threshold.value;
  setup.no_fail = s->no_fail.value;
  setup.shellcheck = s->shellcheck.value;
  setup.warnings = std::move(s->warnings);
  return setup;
}

}  // namespace shipshape::config
