// Conformance of model::Expand with BuildKit's shell lexer: the upstream data files
// (shell/envVarTest, shell/wordsTest), the cases transcribed from lex_test.go
// (shell-cases.json) and the cases recorded from the upstream code (generated-shell-cases.json).

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/go_quote.h"
#include "base/utf8.h"
#include "model/expand.h"
#include "test_data.h"

namespace shipshape::model {
namespace {

using nlohmann::json;
using shipshape::testing::ReadFileOrFail;
using shipshape::testing::SharedPath;

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  for (;;) {
    const std::size_t at = text.find(sep);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

std::string Describe(std::string_view input) { return "input " + base::GoQuote(input); }

std::string Describe(const std::vector<std::string>& words) {
  std::string out = "[";
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += ", ";
    out += base::GoQuote(words[i]);
  }
  return out + "]";
}

/// The expected error prefix: Go's `failed to process %q`.
std::string ErrorPrefix(std::string_view input) {
  return "failed to process " + base::GoQuote(input) + ": ";
}

json ReadJson(const std::string& relative) {
  const std::string text = ReadFileOrFail(SharedPath(relative));
  json data = json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(data.is_discarded()) << relative << " is not valid JSON";
  return data;
}

Environment EnvFromObject(const json& object) {
  Environment env;
  for (const auto& [name, value] : object.items()) env.Set(name, value.get<std::string>());
  return env;
}

std::vector<std::string> Strings(const json& array) {
  std::vector<std::string> out;
  if (array.is_null()) return out;
  for (const json& item : array) out.push_back(item.get<std::string>());
  return out;
}

TEST(ShellConformance, EnvVarTest) {
  const std::string text = ReadFileOrFail(SharedPath("conformance/buildkit/shell/envVarTest"));
  ASSERT_FALSE(text.empty());
  const Environment env =
      Environment::FromList({"PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL="});
  int checked = 0;
  int expected_errors = 0;
  int windows_only = 0;
  for (const std::string_view raw_line : SplitLines(text)) {
    const std::string_view line = base::TrimSpace(raw_line);
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string_view> fields = Split(line, '|');
    ASSERT_EQ(fields.size(), 3u) << "malformed line " << base::GoQuote(line);
    const std::string_view platform = base::TrimSpace(fields[0]);
    const std::string_view source = base::TrimSpace(fields[1]);
    const std::string_view expected = base::TrimSpace(fields[2]);
    // `W` lines exercise Windows' case-insensitive names; we expand for Linux.
    if (platform == "W") {
      ++windows_only;
      continue;
    }
    ASSERT_TRUE(platform == "A" || platform == "U") << "unknown platform in " << line;
    ++checked;
    const ExpandResult result = Expand(source, env);
    if (expected == "error") {
      ++expected_errors;
      EXPECT_FALSE(result.ok()) << Describe(source) << " expanded to " << base::GoQuote(result.word)
                                << " instead of failing";
      EXPECT_EQ(result.error.rfind(ErrorPrefix(source), 0), 0u)
          << Describe(source) << ": " << result.error;
    } else {
      EXPECT_TRUE(result.ok()) << Describe(source) << ": " << result.error;
      EXPECT_EQ(result.word, expected) << Describe(source);
    }
  }
  EXPECT_EQ(checked, 228);
  EXPECT_EQ(expected_errors, 36);
  EXPECT_EQ(windows_only, 2);
}

TEST(ShellConformance, WordsTest) {
  const std::string text = ReadFileOrFail(SharedPath("conformance/buildkit/shell/wordsTest"));
  ASSERT_FALSE(text.empty());
  std::vector<std::string> entries;
  int checked = 0;
  for (const std::string_view line : SplitLines(text)) {
    if (!line.empty() && line[0] == '#') continue;
    if (line.rfind("ENV ", 0) == 0) {
      std::string_view entry = line.substr(3);
      while (!entry.empty() && entry[0] == ' ') entry.remove_prefix(1);
      entries.emplace_back(entry);
      continue;
    }
    const std::vector<std::string_view> parts = Split(line, '|');
    ASSERT_EQ(parts.size(), 2u) << "malformed line " << base::GoQuote(line);
    const std::string_view input = base::TrimSpace(parts[0]);
    std::string_view expected_text = parts[1];
    while (!expected_text.empty() && expected_text[0] == ' ') expected_text.remove_prefix(1);
    std::vector<std::string> expected;
    for (const std::string_view word : Split(expected_text, ',')) expected.emplace_back(word);

    ++checked;
    const ExpandResult result = Expand(input, Environment::FromList(entries));
    const std::vector<std::string> words =
        result.ok() ? result.words : std::vector<std::string>{"error"};
    EXPECT_EQ(words, expected) << Describe(input) << " gave " << Describe(words)
                               << (result.ok() ? "" : " (" + result.error + ")");
  }
  EXPECT_EQ(checked, 24);
  EXPECT_EQ(entries.size(), 4u);
}

TEST(ShellConformance, ProcessWithMatches) {
  const json data = ReadJson("conformance/buildkit/shell-cases.json");
  const json& cases = data["process_with_matches"]["cases"];
  ASSERT_EQ(cases.size(), 47u);
  int errors = 0;
  for (const json& c : cases) {
    const std::string input = c["input"].get<std::string>();
    const ExpandResult result = Expand(input, EnvFromObject(c["envs"]));
    if (c.value("expected_error", false)) {
      ++errors;
      EXPECT_FALSE(result.ok()) << Describe(input) << " expanded to " << base::GoQuote(result.word)
                                << " instead of failing";
      EXPECT_EQ(result.error.rfind(ErrorPrefix(input), 0), 0u)
          << Describe(input) << ": " << result.error;
      continue;
    }
    EXPECT_TRUE(result.ok()) << Describe(input) << ": " << result.error;
    EXPECT_EQ(result.word, c["expected"].get<std::string>()) << Describe(input);
    EXPECT_EQ(result.matched, Strings(c["matches"])) << Describe(input) << " (matched)";
    EXPECT_EQ(result.unmatched, Strings(c["unmatched"])) << Describe(input) << " (unmatched)";
  }
  EXPECT_EQ(errors, 13);
}

TEST(ShellConformance, MandatoryEnvVars) {
  const json data = ReadJson("conformance/buildkit/shell-cases.json");
  const json& cases = data["mandatory_env_vars"]["cases"];
  ASSERT_EQ(cases.size(), 6u);
  for (const json& c : cases) {
    const std::string input = c["input"].get<std::string>();
    const std::vector<std::string> env = Strings(c["env"]);
    const std::string context = Describe(input) + " with env " + Describe(env);
    const ExpandResult result = Expand(input, Environment::FromList(env));
    if (c.contains("expected_error_contains")) {
      const std::string needle = c["expected_error_contains"].get<std::string>();
      EXPECT_FALSE(result.ok()) << context;
      EXPECT_NE(result.error.find(needle), std::string::npos) << context << ": " << result.error;
    } else {
      EXPECT_TRUE(result.ok()) << context << ": " << result.error;
      EXPECT_EQ(result.word, c["expected"].get<std::string>()) << context;
    }
  }
}

TEST(ShellConformance, PlatformPattern) {
  const json data = ReadJson("conformance/buildkit/shell-cases.json");
  const json& cases = data["platform_pattern"]["cases"];
  ASSERT_EQ(cases.size(), 3u);
  for (const json& c : cases) {
    const std::string input = c["input"].get<std::string>();
    const ExpandResult result = Expand(input, EnvFromObject(c["envs"]));
    EXPECT_TRUE(result.ok()) << Describe(input) << ": " << result.error;
    EXPECT_EQ(result.word, c["expected"].get<std::string>())
        << Describe(input) << " with envs " << c["envs"].dump();
  }
}

TEST(ShellConformance, GetEnv) {
  const json data = ReadJson("conformance/buildkit/shell-cases.json");
  const json& cases = data["get_env"]["cases"];
  ASSERT_EQ(cases.size(), 6u);
  for (const json& c : cases) {
    const std::vector<std::string> entries = Strings(c["env"]);
    const std::string key = c["key"].get<std::string>();
    const Environment env = Environment::FromList(entries);
    EXPECT_EQ(env.Get(key).value_or(""), c["expected"].get<std::string>())
        << "key " << key << " in " << Describe(entries);
  }
}

TEST(ShellConformance, GeneratedCases) {
  const json data = ReadJson("conformance/buildkit/generated-shell-cases.json");
  const Environment env = Environment::FromList(Strings(data["env"]));
  const json& cases = data["cases"];
  ASSERT_EQ(cases.size(), 46u);
  for (const json& c : cases) {
    const std::string input = c["input"].get<std::string>();
    const std::string mode = c["mode"].get<std::string>();
    const std::string escape = c["escape"].get<std::string>();
    ASSERT_EQ(escape.size(), 1u) << Describe(input);
    ASSERT_TRUE(mode == "word" || mode == "words" || mode == "raw") << Describe(input);
    const std::string context = Describe(input) + " (mode " + mode + ", escape " + escape + ")";

    ExpandOptions options;
    options.escape = escape[0];
    options.skip_process_quotes = mode == "raw";
    const ExpandResult result = Expand(input, env, options);
    if (c.contains("expected_error")) {
      EXPECT_EQ(result.error, c["expected_error"].get<std::string>()) << context;
      continue;
    }
    EXPECT_TRUE(result.ok()) << context << ": " << result.error;
    if (mode == "words") {
      EXPECT_EQ(result.words, Strings(c["expected"]))
          << context << " gave " << Describe(result.words);
    } else {
      EXPECT_EQ(result.word, c["expected"].get<std::string>()) << context;
    }
    if (c.contains("unmatched")) {
      EXPECT_EQ(result.unmatched, Strings(c["unmatched"])) << context << " (unmatched)";
    }
  }
}

}  // namespace
}  // namespace shipshape::model
