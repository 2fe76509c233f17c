#include "cli/generate.h"

#include <CLI/App.hpp>  // not CLI.hpp: a third less to compile
#include <cstdio>
#include <fstream>

#include <fmt/format.h>

#include "rules/registry.h"

namespace shipshape::cli {
namespace {

/// The placeholder of an option's value: CLI11's type name without the validators' part
/// ("UINT:INT in [1 - 1024]" is "UINT"), as `--help` shows it.
std::string Placeholder(const CLI::Option& o) {
  std::string name = o.get_type_name();
  if (const std::size_t colon = name.find(':'); colon != std::string::npos) name.resize(colon);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name.empty() ? "VALUE" : name;
}

FlagDoc DescribeOption(const CLI::Option& o, bool exclusive) {
  FlagDoc f;
  f.shorts = o.get_snames();
  f.longs = o.get_lnames();
  if (!o.nonpositional()) f.positional = o.get_single_name();
  // A flag expects no value; an option or a positional one or more.
  if (o.get_type_size_max() > 0 && o.get_expected_max() > 0) f.value = Placeholder(o);
  f.description = o.get_description();
  f.required = o.get_required();
  f.repeatable = !f.value.empty() && o.get_items_expected_max() > 1;
  // Comma-separated lists take rule selectors (--select, --ignore, the severity overrides);
  // so does `rule`'s argument.
  f.rule_codes = !f.value.empty() && (o.get_delimiter() == ',' || f.positional == "code");
  f.exclusive = exclusive;
  return f;
}

}  // namespace

CommandDoc Describe(const CLI::App& app) {
  CommandDoc doc;
  doc.name = app.get_name();
  doc.description = app.get_description();
  doc.footer = app.get_footer();
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_group().empty()) continue;  // hidden
    const bool exclusive = o == app.get_help_ptr() || o == app.get_version_ptr() ||
                           o == app.get_help_all_ptr();
    FlagDoc f = DescribeOption(*o, exclusive);
    (f.positional.empty() ? doc.options : doc.positionals).push_back(std::move(f));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;  // hidden
    doc.subcommands.push_back(Describe(*sub));
  }
  return doc;
}

std::vector<std::string> RuleCodes() {
  std::vector<std::string> codes;
  for (const rules::Rule* r : rules::AllRules()) codes.emplace_back(r->code);
  return codes;
}

CLI::App* AddGenerateCommand(CLI::App& app, GenerateFlags& flags, bool options) {
  CLI::App* cmd = app.add_subcommand(
      "generate", "Write the man page or a shell completion script (the build runs it)");
  cmd->group("");  // hidden: not in --help, the man page or the completions
  if (!options) return cmd;
  cmd->add_option("kind", flags.kind, "man, bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"man", "bash", "zsh", "fish"}));
  cmd->add_option("-o,--output", flags.output, "Write to this file (default: standard output)");
  return cmd;
}

int RunGenerate(const CLI::App& app, const GenerateFlags& flags) {
  const CommandDoc program = Describe(app);
  std::string text;
  if (flags.kind == "man") {
    text = ManPage(program, SHIPSHAPE_VERSION);
  } else if (flags.kind == "bash") {
    text = BashCompletion(program, RuleCodes());
  } else if (flags.kind == "zsh") {
    text = ZshCompletion(program, RuleCodes());
  } else {
    text = FishCompletion(program, RuleCodes());
  }
  if (flags.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 2;
  }
  std::ofstream out(flags.output, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::fputs(fmt::format("shipshape: error: {}: cannot write the {} file\n", flags.output,
                           flags.kind)
                   .c_str(),
               stderr);
    return 2;
  }
  return 0;
}

}  // namespace shipshape::cli
