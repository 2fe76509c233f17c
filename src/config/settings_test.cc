#include "config/settings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/load.h"

namespace shipshape::config {
namespace {

Layer OwnLayer(std::string_view text) {
  Result<Layer> r = ParseConfig("/repo/.shipshape.yaml", text, Dialect::kShipshape, "/repo");
  EXPECT_TRUE(r) << (r ? "" : r.error().ToString());
  return r ? *r : Layer{};
}

Layer Cli(const Flags& flags) {
  Result<Layer> r = FromFlags(flags);
  EXPECT_TRUE(r) << (r ? "" : r.error().ToString());
  return r ? *r : Layer{};
}

std::vector<std::string> Values(const std::vector<Sourced<std::string>>& v) {
  std::vector<std::string> out;
  for (const auto& s : v) out.push_back(s.value);
  return out;
}

TEST(ConfigResolve, DefaultsWithoutLayers) {
  const Settings s = Resolve({});
  EXPECT_TRUE(s.select.empty());
  EXPECT_EQ(s.failure_threshold.value, FailureThreshold::kInfo);
  EXPECT_EQ(s.failure_threshold.origin.kind, Origin::Kind::kDefault);
  EXPECT_EQ(s.color.value, Color::kAuto);
  EXPECT_EQ(s.format.value, std::vector<std::string>{"tty"});
  EXPECT_EQ(s.shellcheck.value, ShellCheck::kAuto);
  EXPECT_FALSE(s.no_fail.value);
}

TEST(ConfigResolve, AHadolintFileKeepsHadolintsDefaultRuleSet) {
  EXPECT_FALSE(OptionsFor(Resolve({}), "Dockerfile").selection.hadolint_defaults);
  EXPECT_FALSE(
      OptionsFor(Resolve({{OwnLayer("ignore: [DL3008]\n")}}), "Dockerfile").selection
          .hadolint_defaults);
  Result<Layer> hadolint =
      ParseConfig("/repo/.hadolint.yaml", "ignored: [DL3008]\n", Dialect::kHadolint, "/repo");
  ASSERT_TRUE(hadolint);
  EXPECT_TRUE(OptionsFor(Resolve({{*hadolint}}), "Dockerfile").selection.hadolint_defaults);
}

TEST(ConfigResolve, PrecedenceFileThenEnvironmentThenCommandLine) {
  const Layer file = OwnLayer(
      "failure-threshold: error\nno-fail: true\nstrict-labels: true\nselect: [DL3]\n"
      "ignore: [DL3008]\nseverity: {DL3006: error, DL3007: style}\n"
      "label-schema: {a: text, b: url}\ntrusted-registries: [docker.io]\nformat: json\n");
  const Layer env = FromEnvironment({{"HADOLINT_FAILURE_THRESHOLD", "warning"},
                                     {"HADOLINT_IGNORE", "DL3009,dl3008"},
                                     {"HADOLINT_OVERRIDE_INFO", "DL3006"},
                                     {"HADOLINT_REQUIRE_LABELS", "b:semver"},
                                     {"HADOLINT_TRUSTED_REGISTRIES", "quay.io"}});
  Flags flags;
  flags.failure_threshold = "style";
  flags.ignore = {"DL3010"};
  flags.select = std::vector<std::string>{"DL30"};
  flags.warning = {"DL3007"};
  const Layer cli = Cli(flags);
  const Layer layers[] = {file, env, cli};
  const Settings s = Resolve(layers);
  // Scalars: the highest layer wins.
  EXPECT_EQ(s.failure_threshold.value, FailureThreshold::kStyle);
  EXPECT_EQ(s.failure_threshold.origin.Describe(), "command line --failure-threshold");
  EXPECT_TRUE(s.no_fail.value);
  EXPECT_EQ(s.no_fail.origin.Describe(), "/repo/.shipshape.yaml:2:10");
  // select replaces; ignore appends across layers (as hadolint concatenates), no duplicates.
  EXPECT_EQ(Values(s.select), std::vector<std::string>{"DL30"});
  EXPECT_EQ(Values(s.ignore), (std::vector<std::string>{"DL3008", "DL3009", "DL3010"}));
  // Severity and label schema: merged per key, the higher layer winning.
  EXPECT_EQ(s.severity.at("DL3006").value, base::Severity::kInfo);
  EXPECT_EQ(s.severity.at("DL3006").origin.Describe(), "environment HADOLINT_OVERRIDE_INFO");
  EXPECT_EQ(s.severity.at("DL3007").value, base::Severity::kWarning);
  ASSERT_EQ(s.label_schema.size(), 2u);
  EXPECT_EQ(s.label_schema[1].value.type, "semver");
  EXPECT_EQ(Values(s.trusted_registries), (std::vector<std::string>{"docker.io", "quay.io"}));
  EXPECT_EQ(s.format.value, std::vector<std::string>{"json"});
  EXPECT_EQ(s.file, "/repo/.shipshape.yaml");
}

TEST(ConfigResolve, EnvironmentBeatsFileForScalars) {
  const Layer file = OwnLayer("no-fail: true\n");
  const Layer env = FromEnvironment({{"HADOLINT_NOFAIL", "false"}});
  const Layer layers[] = {file, env};
  EXPECT_FALSE(Resolve(layers).no_fail.value);
}

TEST(ConfigResolve, NoColorAndColor) {
  const Layer env = FromEnvironment({{"NO_COLOR", "1"}});
  const Layer only_env[] = {env};
  EXPECT_EQ(Resolve(only_env).color.value, Color::kNever);
  Flags flags;
  flags.color = "always";
  const Layer env_then_cli[] = {env, Cli(flags)};
  EXPECT_EQ(Resolve(env_then_cli).color.value, Color::kAlways);
}

TEST(ConfigFlags, ValidatesAndStampsOrigins) {
  Flags flags;
  flags.error = {"DL3008"};
  flags.style = {"DL3008"};
  flags.require_labels = {"maintainer:", "v:semver"};
  flags.no_fail = true;
  const Layer l = Cli(flags);
  EXPECT_EQ(l.severity.at("DL3008").value, base::Severity::kError);
  EXPECT_EQ(l.severity.at("DL3008").origin.Describe(), "command line --error");
  EXPECT_EQ(l.label_schema[0].value.type, "text");
  EXPECT_TRUE(l.no_fail->value);

  Flags bad;
  bad.ignore = {"DL3080x"};
  Result<Layer> r = FromFlags(bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString().rfind("command line: --ignore: unknown rule selector", 0), 0u)
      << r.error().ToString();
  Flags bad_label;
  bad_label.require_labels = {"x:number"};
  EXPECT_FALSE(FromFlags(bad_label));
  Flags bad_threshold;
  bad_threshold.failure_threshold = "warnign";
  Result<Layer> t = FromFlags(bad_threshold);
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find("did you mean warning?"), std::string::npos);
  Flags bad_format;
  bad_format.format = {"yaml"};
  EXPECT_FALSE(FromFlags(bad_format));
}

TEST(ConfigResolve, BaselineFromFileFlagOrNone) {
  const Layer file = OwnLayer("baseline: ci/baseline.json\n");
  const Layer none[] = {file};
  Settings s = Resolve(none);
  EXPECT_EQ(s.baseline.value, "/repo/ci/baseline.json");
  EXPECT_EQ(s.baseline.origin.Describe(), "/repo/.shipshape.yaml:1:11");
  Flags flag;
  flag.baseline = "other.json";
  const Layer with_flag[] = {file, Cli(flag)};
  s = Resolve(with_flag);
  EXPECT_EQ(s.baseline.value, "other.json");  // relative to the current directory
  EXPECT_EQ(s.baseline.origin.Describe(), "command line --baseline");
  Flags off;
  off.no_baseline = true;
  const Layer with_off[] = {file, Cli(off)};
  s = Resolve(with_off);
  EXPECT_EQ(s.baseline.value, "");
  EXPECT_EQ(s.baseline.origin.Describe(), "command line --no-baseline");
  Flags empty;
  empty.baseline = "";
  Result<Layer> r = FromFlags(empty);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().ToString(), "command line: --baseline: expected a file name");
}

TEST(ConfigOptionsFor, BuildsLintOptions) {
  const Layer file = OwnLayer(
      "select: [DL3]\nextend-select: [DL1001]\nignore: [DL3008]\nseverity: {DL3006: error}\n"
      "trusted-registries: [docker.io]\nlabel-schema: {a: url}\nstrict-labels: true\n"
      "disable-ignore-pragma: true\ntarget: prod\n");
  const Layer layers[] = {file};
  const lint::LintOptions o = OptionsFor(Resolve(layers), "/repo/Dockerfile");
  EXPECT_EQ(o.selection.select, std::vector<std::string>{"DL3"});
  EXPECT_EQ(o.selection.extend_select, std::vector<std::string>{"DL1001"});
  EXPECT_EQ(o.selection.ignore, std::vector<std::string>{"DL3008"});
  EXPECT_EQ(o.selection.severity.at("DL3006"), base::Severity::kError);
  EXPECT_EQ(o.rules.trusted_registries, std::vector<std::string>{"docker.io"});
  ASSERT_EQ(o.rules.label_schema.size(), 1u);
  EXPECT_EQ(o.rules.label_schema[0].type, "url");
  EXPECT_TRUE(o.rules.strict_labels);
  EXPECT_EQ(o.rules.target, "prod");
  EXPECT_TRUE(o.disable_ignore_pragma);
}

TEST(ConfigOptionsFor, PerPathOverrides) {
  const Layer file = OwnLayer(R"(ignore: [DL3006]
per-path:
  - paths: "legacy/**"
    ignore: [DL3008]
  - paths: ["*.dev.Dockerfile"]
    select: [DL30]
    severity: {DL3007: info}
  - paths: "/abs/**/Dockerfile"
    extend-select: [DL1001]
)");
  const Layer layers[] = {file};
  Settings s = Resolve(layers);
  s.cwd = "/repo/sub";

  lint::LintOptions plain = OptionsFor(s, "/repo/Dockerfile");
  EXPECT_EQ(plain.selection.ignore, std::vector<std::string>{"DL3006"});

  lint::LintOptions legacy = OptionsFor(s, "/repo/legacy/a/Dockerfile");
  EXPECT_EQ(legacy.selection.ignore, (std::vector<std::string>{"DL3006", "DL3008"}));
  // Relative paths are taken from the settings' cwd; `..` is normalised away.
  EXPECT_EQ(OptionsFor(s, "../legacy/Dockerfile").selection.ignore.size(), 2u);
  EXPECT_EQ(OptionsFor(s, "legacy/Dockerfile").selection.ignore.size(), 1u);  // /repo/sub/legacy
  // A glob with a slash is relative to the config file's directory: not matched outside it.
  EXPECT_EQ(OptionsFor(s, "/elsewhere/legacy/Dockerfile").selection.ignore.size(), 1u);

  // A glob without a slash matches the file name at any depth.
  lint::LintOptions dev = OptionsFor(s, "/repo/x/y/app.dev.Dockerfile");
  EXPECT_EQ(dev.selection.select, std::vector<std::string>{"DL30"});
  EXPECT_EQ(dev.selection.severity.at("DL3007"), base::Severity::kInfo);

  EXPECT_EQ(OptionsFor(s, "/abs/q/Dockerfile").selection.extend_select,
            std::vector<std::string>{"DL1001"});
  EXPECT_TRUE(OptionsFor(s, "-").selection.extend_select.empty());
}

TEST(ConfigShow, EverySettingWithItsOrigin) {
  const Layer file = OwnLayer("ignore: [DL3008]\nper-path:\n  - paths: legacy/**\n    ignore: [DL3007]\n");
  const Layer env = FromEnvironment({{"HADOLINT_NOFAIL", "1"}});
  Flags flags;
  flags.error = {"DL3006"};
  const Layer layers[] = {file, env, Cli(flags)};
  const std::string shown = Show(Resolve(layers));
  EXPECT_EQ(shown,
            "config-file = /repo/.shipshape.yaml\n"
            "select = (default rule set)  # default\n"
            "extend-select = []  # default\n"
            "ignore = DL3008  # /repo/.shipshape.yaml:1:10\n"
            "severity.DL3006 = error  # command line --error\n"
            "failure-threshold = info  # default\n"
            "no-fail = true  # environment HADOLINT_NOFAIL\n"
            "no-color = false  # default\n"
            "color = auto  # default\n"
            "format = tty  # default\n"
            "trusted-registries = []  # default\n"
            "label-schema = {}  # default\n"
            "strict-labels = false  # default\n"
            "disable-ignore-pragma = false  # default\n"
            "shellcheck = auto  # default\n"
            "context = \"\"  # default\n"
            "target = \"\"  # default\n"
            "baseline = \"\"  # default\n"
            "per-path[0].paths = legacy/**  # /repo/.shipshape.yaml:3:12\n"
            "per-path[0].ignore = DL3007  # /repo/.shipshape.yaml:4:14\n");
}

}  // namespace
}  // namespace shipshape::config
