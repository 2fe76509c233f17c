#include "config/load.h"

#include "base/file.h"

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

namespace shipshape::config {
namespace {

Result<Layer> Own(std::string_view text) {
  return ParseConfig("/repo/.shipshape.yaml", text, Dialect::kShipshape, "/repo");
}
Result<Layer> Hado(std::string_view text) {
  return ParseConfig("/repo/.hadolint.yaml", text, Dialect::kHadolint, "/repo");
}
std::string Err(const Result<Layer>& r) { return r ? "(ok)" : r.error().ToString(); }

TEST(ConfigOwnFile, EveryKey) {
  Result<Layer> r = Own(R"(select: [DL3, SP4]
extend-select: [DL1001]
ignore:
  - DL3008
  - latest-tag
severity: {DL3006: error, untagged-image: style}
failure-threshold: warning
no-fail: true
no-color: false
color: always
format: json
trusted-registries: [docker.io, "*.gcr.io"]
label-schema: {maintainer: email, version: semver}
strict-labels: true
disable-ignore-pragma: yes
shellcheck: never
context: build/ctx
target: prod
baseline: ci/shipshape-baseline.json
per-path:
  - paths: "legacy/**"
    ignore: [DL3008]
  - paths: ["*.dev.Dockerfile", "test/**"]
    select: [DL30]
    severity: {DL3007: info}
)");
  ASSERT_TRUE(r) << Err(r);
  const Layer& l = *r;
  ASSERT_TRUE(l.select);
  ASSERT_EQ(l.select->size(), 2u);
  EXPECT_EQ((*l.select)[1].value, "SP4");
  EXPECT_EQ((*l.select)[1].origin.Describe(), "/repo/.shipshape.yaml:1:15");
  ASSERT_EQ(l.extend_select.size(), 1u);
  ASSERT_EQ(l.ignore.size(), 2u);
  EXPECT_EQ(l.ignore[1].value, "latest-tag");
  EXPECT_EQ(l.ignore[1].origin.line, 5);
  EXPECT_EQ(l.ignore[1].origin.column, 5);
  EXPECT_EQ(l.severity.at("DL3006").value, base::Severity::kError);
  EXPECT_EQ(l.severity.at("untagged-image").value, base::Severity::kStyle);
  EXPECT_EQ(l.failure_threshold->value, FailureThreshold::kWarning);
  EXPECT_TRUE(l.no_fail->value);
  EXPECT_FALSE(l.no_color->value);
  EXPECT_EQ(l.color->value, Color::kAlways);
  EXPECT_EQ(l.format->value, std::vector<std::string>{"json"});
  ASSERT_EQ(l.trusted_registries.size(), 2u);
  EXPECT_EQ(l.trusted_registries[1].value, "*.gcr.io");
  ASSERT_EQ(l.label_schema.size(), 2u);
  EXPECT_EQ(l.label_schema[0].value.name, "maintainer");
  EXPECT_EQ(l.label_schema[0].value.type, "email");
  EXPECT_TRUE(l.strict_labels->value);
  EXPECT_TRUE(l.disable_ignore_pragma->value);
  EXPECT_EQ(l.shellcheck->value, ShellCheck::kNever);
  EXPECT_EQ(l.context->value, "/repo/build/ctx");  // relative to the file's directory
  EXPECT_EQ(l.target->value, "prod");
  EXPECT_EQ(l.baseline->value, "/repo/ci/shipshape-baseline.json");  // relative to the file's
  EXPECT_EQ(l.baseline->origin.Describe(), "/repo/.shipshape.yaml:19:11");
  ASSERT_EQ(l.per_path.size(), 2u);
  EXPECT_EQ(l.per_path[0].paths[0].value, "legacy/**");
  EXPECT_EQ(l.per_path[0].base_dir, "/repo");
  ASSERT_EQ(l.per_path[1].paths.size(), 2u);
  ASSERT_TRUE(l.per_path[1].select);
  EXPECT_EQ(l.per_path[1].severity.at("DL3007").value, base::Severity::kInfo);
  EXPECT_TRUE(l.warnings.empty());
}

TEST(ConfigOwnFile, EmptyAndCommentOnlyAndNullValues) {
  for (std::string_view text : {"", "# nothing yet\n", "---\n", "ignore:\nselect:\n"}) {
    Result<Layer> r = Own(text);
    ASSERT_TRUE(r) << text << ": " << Err(r);
    EXPECT_FALSE(r->select);
    EXPECT_TRUE(r->ignore.empty());
  }
}

TEST(ConfigOwnFile, ErrorsNameFileLineColumnAndKey) {
  struct Case {
    std::string_view text;
    std::string_view expected;
  };
  const Case cases[] = {
      {"ignore: [DL3008]\nignroe: [DL3009]\n",
       "/repo/.shipshape.yaml:2:1: ignroe: unknown key `ignroe` (did you mean ignore?)"},
      {"ignore: DL3008\n", "/repo/.shipshape.yaml:1:9: ignore: expected a list, got `DL3008`"},
      {"ignore: [DL3080x]\n", "/repo/.shipshape.yaml:1:10: ignore[0]: unknown rule selector"},
      {"select: [latest-tags]\n", "(did you mean latest-tag?)"},
      {"severity: {DL3008: fatal}\n",
       "/repo/.shipshape.yaml:1:20: severity.DL3008: unknown level `fatal`"},
      {"severity: {DL9999: error}\n", "1:12: severity.DL9999: unknown rule selector"},
      {"severity: [DL3008]\n", "severity: expected a mapping of rule selector to level"},
      {"failure-threshold: high\n", "failure-threshold: unknown value `high`"},
      {"no-fail: maybe\n", "1:10: no-fail: expected true or false, got `maybe`"},
      {"no-fail: \"true\"\n", "no-fail: expected true or false"},
      {"color: blue\n", "color: unknown value `blue`"},
      {"format: jsn\n", "format: unknown format `jsn`"},
      {"label-schema: {a: number}\n", "1:19: label-schema.a: unknown label type `number`"},
      {"label-schema: [a]\n", "label-schema: expected a mapping"},
      {"shellcheck: sometimes\n", "shellcheck: unknown value"},
      {"target: [a]\n", "target: expected a string, got a list"},
      {"baseline: [a.json]\n", "1:11: baseline: expected a string, got a list"},
      {"baseline: \"\"\n", "1:11: baseline: expected a file name, got an empty string"},
      {"baseline-file: b.json\n", "unknown key `baseline-file`"},
      {"per-path: {paths: x}\n", "per-path: expected a list"},
      {"per-path:\n  - ignore: [DL3008]\n", "2:5: per-path[0]: `paths` is required"},
      {"per-path:\n  - paths: x\n    ignroe: [DL3008]\n",
       "3:5: per-path[0].ignroe: unknown key `ignroe` (did you mean ignore?)"},
      {"ignored: [DL3008]\n", "that is a hadolint key"},
      {"ignore: [DL3008]\nignore: [DL3009]\n",
       "/repo/.shipshape.yaml:2:1: ignore: duplicate key (first given on line 1)"},
      {"- DL3008\n", "/repo/.shipshape.yaml:1:1: expected a mapping of settings, got a list"},
      {"just text\n", "expected a mapping of settings"},
      {"ignore: [DL3008\n", "/repo/.shipshape.yaml:2:1: invalid YAML"},
      {"a: 1\n---\nb: 2\n", "3:1: a config file holds one YAML document"},
      {"<<: {ignore: [DL3008]}\n", "unknown key `<<`"},
  };
  for (const Case& c : cases) {
    Result<Layer> r = Own(c.text);
    ASSERT_FALSE(r) << c.text;
    EXPECT_NE(r.error().ToString().find(c.expected), std::string::npos)
        << c.text << "\n got: " << r.error().ToString();
  }
}

TEST(ConfigOwnFile, AliasBombIsRefused) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    text += fmt::format("a{}: &a{} [", i, i);
    for (int j = 0; j < 10; ++j) text += fmt::format("{}*a{}", j ? ", " : "", i - 1);
    text += "]\n";
  }
  Result<Layer> r = Own(text);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("too large once aliases are expanded"), std::string::npos);
  // A self-referencing alias is a cycle; it is refused, not walked forever.
  Result<Layer> cycle = Own("a: &x [*x]\n");
  ASSERT_FALSE(cycle);
  // Harmless aliases are fine.
  Result<Layer> ok = Own("ignore: &i [DL3008]\nper-path:\n  - paths: x\n    ignore: *i\n");
  ASSERT_TRUE(ok) << Err(ok);
  EXPECT_EQ(ok->per_path[0].ignore[0].value, "DL3008");
}

TEST(ConfigOwnFile, DeepNestingIsRefused) {
  std::string text = "a: " + std::string(100, '[') + std::string(100, ']') + "\n";
  Result<Layer> r = Own(text);
  ASSERT_FALSE(r);
}

TEST(ConfigOwnFile, StrayCommaIsAnErrorNotAHang) {
  // yaml-cpp 0.7's LoadAll never returned on these (a stray `,`): found by the config fuzz
  // target (tests/regressions/config/).
  EXPECT_FALSE(Own(","));
  EXPECT_FALSE(Hado(",rules:\n **/*.Dockerfilea\n"));
  EXPECT_FALSE(Own("\"x\",\n b\n"));
}

TEST(ConfigHadolintFile, HadolintKeysWithHadolintMeaning) {
  Result<Layer> r = Hado(R"(failure-threshold: none
format: json
ignored: [DL3008, SC2086]
override:
  error: [DL3006]
  warning: [DL3007, DL3006]
  style: [DL3007]
trustedRegistries: [docker.io, my-company.com]
label-schema:
  author: text
  version: semver
strict-labels: true
disable-ignore-pragma: true
no-fail: false
no-color: true
verbose: true
)");
  ASSERT_TRUE(r) << Err(r);
  const Layer& l = *r;
  EXPECT_TRUE(l.warnings.empty());
  // hadolint's `none` is its lowest level: any finding fails.
  EXPECT_EQ(l.failure_threshold->value, FailureThreshold::kStyle);
  EXPECT_EQ(l.format->value, std::vector<std::string>{"json"});
  ASSERT_EQ(l.ignore.size(), 2u);
  EXPECT_EQ(l.ignore[1].value, "SC2086");
  // In several lists, the most severe wins.
  EXPECT_EQ(l.severity.at("DL3006").value, base::Severity::kError);
  EXPECT_EQ(l.severity.at("DL3007").value, base::Severity::kWarning);
  EXPECT_EQ(l.trusted_registries.size(), 2u);
  EXPECT_EQ(l.label_schema.size(), 2u);
  EXPECT_TRUE(l.strict_labels->value);
  EXPECT_TRUE(l.disable_ignore_pragma->value);
  EXPECT_FALSE(l.no_fail->value);
  EXPECT_TRUE(l.no_color->value);
  EXPECT_EQ(l.ignore[0].origin.Describe(), "/repo/.hadolint.yaml:3:11");
}

TEST(ConfigHadolintFile, SpellingVariants) {
  Result<Layer> r = Hado("trusted-registries: quay.io\nformats: [sarif, json]\n");
  ASSERT_TRUE(r) << Err(r);
  ASSERT_EQ(r->trusted_registries.size(), 1u);
  EXPECT_EQ(r->trusted_registries[0].value, "quay.io");
  EXPECT_EQ(r->format->value, (std::vector<std::string>{"sarif", "json"}));
  Result<Layer> both = Hado("format: tty\nformats: [json]\n");
  ASSERT_TRUE(both) << Err(both);
  EXPECT_EQ(both->format->value, (std::vector<std::string>{"tty", "json"}));
  Result<Layer> old = Hado("output-format: checkstyle\n");
  ASSERT_TRUE(old) << Err(old);
  EXPECT_EQ(old->format->value, std::vector<std::string>{"checkstyle"});
}

TEST(ConfigHadolintFile, UnknownKeysAndCodesAreWarningsNotErrors) {
  Result<Layer> r = Hado("ignore: [DL3008]\nignored: [DL9999, DL3007]\noverride:\n  errors: [DL3006]\n");
  ASSERT_TRUE(r) << Err(r);
  ASSERT_EQ(r->warnings.size(), 3u);
  EXPECT_EQ(r->warnings[0].ToString(),
            "/repo/.hadolint.yaml:1:1: ignore: unknown hadolint key `ignore` (did you mean "
            "ignored?) (shipshape's keys belong in .shipshape.yaml); ignored");
  EXPECT_NE(r->warnings[1].ToString().find("2:11: ignored[0]: unknown rule selector `DL9999`"),
            std::string::npos)
      << r->warnings[1].ToString();
  EXPECT_NE(r->warnings[2].ToString().find("override.errors: unknown override level `errors` "
                                           "(did you mean error?)"),
            std::string::npos)
      << r->warnings[2].ToString();
  ASSERT_EQ(r->ignore.size(), 1u);
  EXPECT_EQ(r->ignore[0].value, "DL3007");
  // hadolint has no baseline: the key is one of shipshape's, ignored with a warning.
  Result<Layer> b = Hado("baseline: b.json\n");
  ASSERT_TRUE(b) << Err(b);
  EXPECT_FALSE(b->baseline);
  ASSERT_EQ(b->warnings.size(), 1u);
  EXPECT_NE(b->warnings[0].ToString().find("unknown hadolint key `baseline`"), std::string::npos)
      << b->warnings[0].ToString();
}

TEST(ConfigHadolintFile, RealErrorsAreStillErrors) {
  // hadolint prints these and lints with an empty config; shipshape refuses to guess.
  EXPECT_FALSE(Hado("ignored: [DL3008\n"));
  EXPECT_FALSE(Hado("ignored: DL3008\n"));
  EXPECT_FALSE(Hado("failure-threshold: high\n"));
  EXPECT_FALSE(Hado("format: yaml\n"));
  EXPECT_FALSE(Hado("label-schema: {a: number}\n"));
  EXPECT_FALSE(Hado("override: [DL3008]\n"));
  EXPECT_FALSE(Hado("no-fail: perhaps\n"));
  Result<Layer> dup = Hado("ignored: [a]\nignored: [b]\n");
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().key, "ignored");
  EXPECT_TRUE(Hado(""));  // empty: an empty config (hadolint: "empty YAML stream")
}

TEST(ConfigReadFile, DirectoryAndMissingFileAreErrors) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / fmt::format("shipshape-cfg-read-{}", ::getpid());
  std::filesystem::create_directories(dir / ".shipshape.yaml");
  Result<Layer> r = ReadConfig(dir / ".shipshape.yaml", Dialect::kShipshape);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().ToString().find("is a directory"), std::string::npos);
  Result<Layer> missing = ReadConfig(dir / "nope.yaml", Dialect::kShipshape);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().ToString().find("nope.yaml"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(ConfigDialect, ByFileName) {
  EXPECT_EQ(DialectOf("/x/.hadolint.yaml"), Dialect::kHadolint);
  EXPECT_EQ(DialectOf("/home/u/.hadolint/config.yml"), Dialect::kHadolint);
  EXPECT_EQ(DialectOf("ci/hadolint.yml"), Dialect::kHadolint);
  EXPECT_EQ(DialectOf("/x/.shipshape.yaml"), Dialect::kShipshape);
  EXPECT_EQ(DialectOf("lint.yaml"), Dialect::kShipshape);
}

TEST(ConfigEnv, HadolintVariables) {
  const Env env = {
      {"HADOLINT_NOFAIL", "YES"},
      {"HADOLINT_STRICT_LABELS", "nope"},
      {"HADOLINT_DISABLE_IGNORE_PRAGMA", "1"},
      {"NO_COLOR", ""},
      {"HADOLINT_FORMAT", "json,bogus"},
      {"HADOLINT_FAILURE_THRESHOLD", "error"},
      {"HADOLINT_OVERRIDE_ERROR", "DL3006"},
      {"HADOLINT_OVERRIDE_STYLE", "DL3006,DL3007"},
      {"HADOLINT_IGNORE", "DL3008, SC2086,,DL9999"},
      {"HADOLINT_TRUSTED_REGISTRIES", "docker.io,quay.io"},
      {"HADOLINT_REQUIRE_LABELS", "maintainer:email,version,bad:number"},
      {"UNRELATED", "x"},
  };
  const Layer l = FromEnvironment(env);
  EXPECT_TRUE(l.no_fail->value);
  EXPECT_EQ(l.no_fail->origin.Describe(), "environment HADOLINT_NOFAIL");
  ASSERT_TRUE(l.strict_labels);
  EXPECT_FALSE(l.strict_labels->value);  // any other value is an explicit false
  EXPECT_TRUE(l.disable_ignore_pragma->value);
  EXPECT_TRUE(l.no_color->value);
  EXPECT_EQ(l.format->value, std::vector<std::string>{"json"});
  EXPECT_EQ(l.failure_threshold->value, FailureThreshold::kError);
  EXPECT_EQ(l.severity.at("DL3006").value, base::Severity::kError);
  EXPECT_EQ(l.severity.at("DL3007").value, base::Severity::kStyle);
  ASSERT_EQ(l.ignore.size(), 2u);
  EXPECT_EQ(l.ignore[1].value, "SC2086");
  EXPECT_EQ(l.trusted_registries.size(), 2u);
  ASSERT_EQ(l.label_schema.size(), 2u);
  EXPECT_EQ(l.label_schema[1].value.name, "version");
  EXPECT_EQ(l.label_schema[1].value.type, "text");
  // What hadolint drops silently is dropped with a warning.
  ASSERT_EQ(l.warnings.size(), 3u);
  EXPECT_EQ(l.warnings[0].source, "HADOLINT_FORMAT");
  EXPECT_EQ(l.warnings[1].source, "HADOLINT_IGNORE");
  EXPECT_EQ(l.warnings[2].source, "HADOLINT_REQUIRE_LABELS");
}

TEST(ConfigEnv, EmptyEnvironmentSetsNothing) {
  const Layer l = FromEnvironment({});
  EXPECT_FALSE(l.no_fail || l.no_color || l.format || l.failure_threshold || l.strict_labels);
  EXPECT_TRUE(l.ignore.empty() && l.severity.empty() && l.warnings.empty());
}

TEST(ConfigEnv, ThresholdNoneAndInvalid) {
  EXPECT_EQ(FromEnvironment({{"HADOLINT_FAILURE_THRESHOLD", "none"}}).failure_threshold->value,
            FailureThreshold::kStyle);
  const Layer bad = FromEnvironment({{"HADOLINT_FAILURE_THRESHOLD", "loud"}});
  EXPECT_FALSE(bad.failure_threshold);
  ASSERT_EQ(bad.warnings.size(), 1u);
  EXPECT_NE(bad.warnings[0].ToString().find("HADOLINT_FAILURE_THRESHOLD: unknown level `loud`"),
            std::string::npos);
  EXPECT_EQ(FromEnvironment({{"HADOLINT_ALLOWED_REGISTRIES", "a.io"}}).trusted_registries.size(),
            1u);
}

TEST(ConfigDocs, ExamplesParse) {
  // docs/configuration.md: the presets snippet, the `.shipshape.yaml` example and hadolint's
  // example must load.
  base::ReadResult doc = base::ReadFile(SHIPSHAPE_SOURCE_DIR "/docs/configuration.md");
  ASSERT_TRUE(doc.ok()) << doc.error;
  std::vector<std::string> blocks;
  for (std::size_t at = doc.text.find("```yaml\n"); at != std::string::npos;
       at = doc.text.find("```yaml\n", at + 1)) {
    const std::size_t start = at + 8;
    blocks.push_back(doc.text.substr(start, doc.text.find("```", start) - start));
  }
  ASSERT_EQ(blocks.size(), 3u);
  // The presets snippet.
  Result<Layer> presets = Own(blocks[0]);
  ASSERT_TRUE(presets) << Err(presets);
  ASSERT_EQ(presets->extend_select.size(), 1u);
  EXPECT_EQ(presets->extend_select[0].value, "hardened");
  ASSERT_EQ(presets->ignore.size(), 1u);
  EXPECT_EQ(presets->ignore[0].value, "SP508");
  Result<Layer> own = Own(blocks[1]);
  ASSERT_TRUE(own) << Err(own);
  EXPECT_EQ(own->per_path.size(), 2u);
  Result<Layer> hado = Hado(blocks[2]);
  ASSERT_TRUE(hado) << Err(hado);
  EXPECT_TRUE(hado->warnings.empty()) << hado->warnings[0].ToString();
  EXPECT_EQ(hado->severity.size(), 4u);
}

}  // namespace
}  // namespace shipshape::config
