// BuildKit's parser test data (../shared/conformance/buildkit): testfiles dumps, negative
// files, line numbers, parser-cases.json and generated-parser-cases.json.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "syntax/check_directive.h"
#include "syntax/dump.h"
#include "syntax/instructions.h"
#include "syntax/line_parsers.h"
#include "syntax/parser.h"
#include "test_data.h"

namespace shipshape::syntax {
namespace {

using nlohmann::json;
using testing::ReadFileOrFail;
using testing::SharedPath;

json LoadJson(const std::string& name) {
  const std::string text = ReadFileOrFail(SharedPath("conformance/buildkit/" + name));
  return json::parse(text, nullptr, /*allow_exceptions=*/false);
}

TEST(ParserConformance, Testfiles) {
  const std::filesystem::path dir = SharedPath("conformance/buildkit/parser/testfiles");
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename();
    const std::string text = ReadFileOrFail(entry.path() / "Dockerfile");
    const std::string expected = ReadFileOrFail(entry.path() / "result");
    const Dockerfile df = Parse(name, text);
    // BuildKit's TestParseCases runs the parser alone (some files have no FROM).
    const SyntaxError* error = df.FirstBuildKitError();
    const bool parser_error = error && error->layer == SyntaxError::Layer::kParser;
    EXPECT_FALSE(parser_error) << name << ": " << (error ? error->BuildKitText() : "");
    EXPECT_EQ(Dump(df) + "\n", expected) << name;
    ++count;
  }
  EXPECT_EQ(count, 33u);
}

TEST(ParserConformance, NegativeTestfiles) {
  const std::map<std::string, std::string> expected = {
      {"empty_dockerfile", "file with no instructions"},
      {"env_no_value", "ENV must have two arguments"},
      {"only_comments", "file with no instructions"},
      {"shykes-nested-json",
       "when using JSON array syntax, arrays must be comprised of strings only"},
  };
  const std::filesystem::path dir = SharedPath("conformance/buildkit/parser/testfiles-negative");
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename();
    const Dockerfile df = Parse(name, ReadFileOrFail(entry.path() / "Dockerfile"));
    const SyntaxError* error = df.FirstBuildKitError();
    ASSERT_NE(error, nullptr) << name;
    EXPECT_EQ(error->layer, SyntaxError::Layer::kParser) << name;
    ASSERT_TRUE(expected.count(name)) << name;
    EXPECT_EQ(error->BuildKitText(), expected.at(name)) << name;
    ++count;
  }
  EXPECT_EQ(count, 4u);
}

TEST(ParserConformance, LineNumbers) {
  const json cases = LoadJson("parser-cases.json");
  const json& c = cases["line_numbers"];
  const Dockerfile df = Parse(
      "line", ReadFileOrFail(SharedPath("conformance/buildkit/parser/testfile-line/Dockerfile")));
  ASSERT_EQ(df.FirstBuildKitError(), nullptr);
  ASSERT_EQ(df.instructions.size(), c["children_start_end"].size());
  EXPECT_EQ(df.instructions.front().start_line, c["root_start_line"].get<std::uint32_t>());
  EXPECT_EQ(df.instructions.back().end_line, c["root_end_line"].get<std::uint32_t>());
  for (std::size_t i = 0; i < df.instructions.size(); ++i) {
    EXPECT_EQ(df.instructions[i].start_line, c["children_start_end"][i][0].get<std::uint32_t>());
    EXPECT_EQ(df.instructions[i].end_line, c["children_start_end"][i][1].get<std::uint32_t>());
  }
}

void ExpectHeredocs(const Dockerfile& df, const Instruction& inst, const json& expected,
                    const std::string& label) {
  if (expected.is_null()) {
    EXPECT_TRUE(inst.heredocs.empty()) << label;
    return;
  }
  ASSERT_EQ(inst.heredocs.size(), expected.size()) << label;
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const Heredoc& h = inst.heredocs[k];
    EXPECT_EQ(h.name, expected[k]["name"].get<std::string>()) << label;
    EXPECT_EQ(base::Slice(df.text(), h.body), expected[k]["content"].get<std::string>()) << label;
    EXPECT_EQ(h.expand, expected[k]["expand"].get<bool>()) << label;
    EXPECT_EQ(h.chomp, expected[k]["chomp"].get<bool>()) << label;
    if (expected[k].contains("fd")) {
      EXPECT_EQ(h.fd, expected[k]["fd"].get<std::uint32_t>()) << label;
    }
  }
}

TEST(ParserConformance, ParserCasesHeredocs) {
  const json cases = LoadJson("parser-cases.json");
  {
    const json& c = cases["heredoc_extraction"];
    const Dockerfile df = Parse("x", c["dockerfile"].get<std::string>());
    for (const SyntaxError& e : df.errors) {
      EXPECT_NE(e.layer, SyntaxError::Layer::kParser) << e.message;
    }
    for (const json& e : c["expected"]) {
      const std::size_t i = e["child_index"].get<std::size_t>();
      ASSERT_LT(i, df.instructions.size());
      ExpectHeredocs(df, df.instructions[i], e["heredocs"], "child " + std::to_string(i));
    }
  }
  {
    const json& c = cases["heredoc_json_form"];
    const Dockerfile df = Parse("x", c["dockerfile"].get<std::string>());
    for (const json& i : c["children_without_heredocs"]) {
      EXPECT_TRUE(df.instructions.at(i.get<std::size_t>()).heredocs.empty()) << i;
    }
  }
  for (const json& c : cases["heredoc_chomp"]["cases"]) {
    EXPECT_EQ(ChompHeredocContent(c["input"].get<std::string>()), c["expected"].get<std::string>());
  }
  const json& word = cases["heredoc_word"];
  for (const json& w : word["valid"]) {
    std::string error;
    auto h = ParseHeredocWord(w.get<std::string>(), &error);
    ASSERT_TRUE(h.has_value()) << w;
    EXPECT_EQ(h->name, "EOF") << w;
    EXPECT_EQ(error, "") << w;
  }
  for (const json& w : word["invalid"]) {
    std::string error;
    auto h = ParseHeredocWord(w.get<std::string>(), &error);
    EXPECT_FALSE(h.has_value()) << w;
    EXPECT_NE(error, "") << w;
  }
  for (const json& w : word["not_heredoc"]) {
    std::string error;
    auto h = ParseHeredocWord(w.get<std::string>(), &error);
    EXPECT_FALSE(h.has_value()) << w;
    EXPECT_EQ(error, "") << w;
  }
  for (const json& c : cases["heredocs_from_line"]["cases"]) {
    // A whole instruction line: the heredocs the parser attaches to it.
    const std::string line = c["line"].get<std::string>();
    std::string text = "FROM a\n" + line + "\n";
    for (const json& n : c["actual_names"]) text += n.get<std::string>() + "\n";
    const Dockerfile df = Parse("x", text);
    ASSERT_EQ(df.instructions.size(), 2u) << line;
    std::vector<std::string> names;
    for (const Heredoc& h : df.instructions[1].heredocs) names.emplace_back(h.name);
    EXPECT_EQ(names, c["actual_names"].get<std::vector<std::string>>()) << line;
  }
}

TEST(ParserConformance, ParserCasesWordsAndJson) {
  const json cases = LoadJson("parser-cases.json");
  for (const json& c : cases["parse_words"]["cases"]) {
    const std::string input = c["input"].get<std::string>();
    std::vector<LexedWord> words;
    ParseWords(input, '\\', words);
    std::vector<std::string> got;
    for (const LexedWord& w : words) got.emplace_back(w.Value(input));
    EXPECT_EQ(got, c["expected"].get<std::vector<std::string>>()) << input;
  }
  for (const json& c : cases["json_arrays"]["valid"]) {
    const std::string input = c["input"].get<std::string>();
    std::vector<LexedWord> words;
    ASSERT_EQ(ParseJsonArray(input, words), JsonArray::kStrings) << input;
    std::vector<std::string> got;
    for (const LexedWord& w : words) got.emplace_back(w.Value(input));
    EXPECT_EQ(got, c["expected"].get<std::vector<std::string>>()) << input;
  }
  for (const json& c : cases["json_arrays"]["invalid_not_string_array"]) {
    std::vector<LexedWord> words;
    EXPECT_EQ(ParseJsonArray(c.get<std::string>(), words), JsonArray::kNotStrings) << c;
    // And the parser turns it into BuildKit's error.
    const Dockerfile df = Parse("x", "FROM a\nCMD " + c.get<std::string>() + "\n");
    ASSERT_NE(df.FirstBuildKitError(), nullptr) << c;
    EXPECT_EQ(df.FirstBuildKitError()->message,
              "when using JSON array syntax, arrays must be comprised of strings only");
  }
  for (const json& c : cases["name_val"]["cases"]) {
    const std::string input = c["input"].get<std::string>();
    const std::string key = c["key"].get<std::string>();
    const Dockerfile df = Parse("x", "FROM a\n" + key + " " + input + "\n");
    ASSERT_EQ(df.instructions.size(), 2u);
    if (c.contains("expected_error")) {
      ASSERT_NE(df.FirstBuildKitError(), nullptr) << input;
      EXPECT_EQ(df.FirstBuildKitError()->message, c["expected_error"].get<std::string>()) << input;
      continue;
    }
    std::vector<std::string> got;
    for (const KeyValue& kv : df.instructions[1].pairs) {
      got.emplace_back(kv.key.value);
      got.emplace_back(kv.value.value);
      got.emplace_back(kv.has_equals ? "=" : "");
    }
    EXPECT_EQ(got, c["expected"].get<std::vector<std::string>>()) << input;
  }
}

std::string HexPrefixed(const json& c) {
  std::string text;
  if (c.contains("input_hex_prefix")) {
    const std::string hex = c["input_hex_prefix"].get<std::string>();
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
      text.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    }
  }
  return text + c["input"].get<std::string>();
}

TEST(ParserConformance, ParserCasesDirectives) {
  const json cases = LoadJson("parser-cases.json");
  const json& d = cases["directives"];
  for (const json& c : d["parse_all"]) {
    // The parser's own directive scan: which directives it recognises at the top.
    const std::string input = c["input"].get<std::string>();
    const Dockerfile df = Parse("x", input + "\nFROM a\n");
    const json& expected = c["expected"];
    ASSERT_EQ(df.directives.size(), expected.size()) << input;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(df.directives[i].name, expected[i]["name"].get<std::string>()) << input;
      EXPECT_EQ(df.directives[i].value, expected[i]["value"].get<std::string>()) << input;
    }
  }
  for (const char* section : {"detect_syntax", "parse_directive_check"}) {
    const bool syntax = std::string(section) == "detect_syntax";
    for (const json& c : d[section]) {
      const std::string input = HexPrefixed(c);
      std::optional<DirectiveLookup> found =
          syntax ? DetectSyntax(input) : LookupDirective(input, "check");
      EXPECT_EQ(found.has_value(), c["found"].get<bool>()) << input;
      if (!found || !c["found"].get<bool>()) continue;
      EXPECT_EQ(found->value, c[syntax ? "ref" : "value"].get<std::string>()) << input;
      if (c.contains("cmdline")) {
        EXPECT_EQ(found->cmdline, c["cmdline"].get<std::string>()) << input;
      }
      if (c.contains("line")) {
        EXPECT_EQ(found->line, c["line"].get<std::uint32_t>()) << input;
      }
    }
  }
}

TEST(ParserConformance, ParserCasesWarningsAndErrors) {
  const json cases = LoadJson("parser-cases.json");
  {
    const json& c = cases["empty_continuation_warnings"];
    const Dockerfile df = Parse("x", c["dockerfile"].get<std::string>());
    std::size_t warnings = 0;
    for (const Instruction& inst : df.instructions)
      warnings += !inst.empty_continuation_lines.empty();
    EXPECT_EQ(warnings, c["expected_warning_count"].get<std::size_t>());
    std::size_t k = 0;
    for (const Instruction& inst : df.instructions) {
      if (inst.empty_continuation_lines.empty()) continue;
      const std::string shortmsg =
          "Empty continuation line found in: " + std::string(inst.original);
      for (const json& part : c["warning_short_contains"][k]) {
        EXPECT_NE(shortmsg.find(part.get<std::string>()), std::string::npos) << shortmsg;
      }
      ++k;
    }
  }
  {
    const json& c = cases["scanner_error"];
    std::string text = c["dockerfile_template"].get<std::string>();
    const std::string label(c["LABEL"]["count"].get<std::size_t>(),
                            c["LABEL"]["repeat"].get<std::string>()[0]);
    text.replace(text.find("{LABEL}"), 7, label);
    const Dockerfile df = Parse("x", text);
    ASSERT_NE(df.FirstBuildKitError(), nullptr);
    EXPECT_EQ(df.FirstBuildKitError()->message, c["expected_error"].get<std::string>());
  }
}

std::vector<std::string> FlagTexts(const Instruction& inst) {
  std::vector<std::string> out;
  for (const Flag& f : inst.flags) out.emplace_back(f.text);
  return out;
}

void ExpectChild(const Dockerfile& df, const Instruction& inst, const json& c,
                 const std::string& label, bool top) {
  EXPECT_EQ(inst.word.value, c["value"].get<std::string>()) << label;
  EXPECT_EQ(inst.original, c["original"].get<std::string>()) << label;
  EXPECT_EQ(FlagTexts(inst), c["flags"].get<std::vector<std::string>>()) << label;
  if (top) {
    EXPECT_EQ(inst.start_line, c["start_line"].get<std::uint32_t>()) << label;
    EXPECT_EQ(inst.end_line, c["end_line"].get<std::uint32_t>()) << label;
    std::vector<std::string> comments(inst.comments.begin(), inst.comments.end());
    EXPECT_EQ(comments, c.value("prev_comment", std::vector<std::string>{})) << label;
    ExpectHeredocs(df, inst, c.value("heredocs", json()), label);
  }
  if (c.contains("json")) {
    EXPECT_EQ(inst.json, c["json"].get<bool>()) << label;
  }
  const json& next = c["next"];
  if (inst.keyword == Keyword::kOnbuild && !next.empty() && next[0].is_object()) {
    ASSERT_TRUE(inst.trigger) << label;
    ExpectChild(df, *inst.trigger, next[0]["children"][0], label + " trigger", false);
    return;
  }
  std::vector<std::string> got;
  if (inst.keyword == Keyword::kEnv || inst.keyword == Keyword::kLabel) {
    for (const KeyValue& kv : inst.pairs) {
      got.emplace_back(kv.key.value);
      got.emplace_back(kv.value.value);
      got.emplace_back(kv.has_equals ? "=" : "");
    }
  } else if (inst.keyword == Keyword::kUnknown) {
    got.emplace_back("");
  } else if (inst.keyword != Keyword::kOnbuild) {
    for (const Word& w : inst.args) got.emplace_back(w.value);
  }
  // `null` is a node without arguments.
  EXPECT_EQ(got, next.is_null() ? std::vector<std::string>{} : next.get<std::vector<std::string>>())
      << label;
}

TEST(ParserConformance, GeneratedParserCases) {
  const json cases = LoadJson("generated-parser-cases.json");
  std::size_t count = 0;
  for (const json& c : cases["cases"]) {
    ++count;
    const std::string name = c["name"].get<std::string>();
    std::string text;
    if (c.contains("dockerfile_template")) {
      text = c["dockerfile_template"].get<std::string>();
      const std::size_t at = text.find("{X}");
      if (at != std::string::npos) {
        const json& x = c["X"];
        std::string fill;
        for (std::size_t i = 0; i < x["count"].get<std::size_t>(); ++i)
          fill += x["repeat"].get<std::string>();
        text.replace(at, 3, fill);
      }
    } else {
      text = c["dockerfile"].get<std::string>();
    }
    SCOPED_TRACE(name);
    const Dockerfile df = Parse(name, text);
    const SyntaxError* first = df.FirstBuildKitError();
    if (c.contains("parse_error")) {
      ASSERT_NE(first, nullptr) << name;
      EXPECT_EQ(first->layer, SyntaxError::Layer::kParser) << name;
      EXPECT_EQ(first->BuildKitText(), c["parse_error"]["message"].get<std::string>()) << name;
      const json& lines = c["parse_error"]["lines"][0];
      EXPECT_EQ(first->buildkit_start_line, lines[0].get<std::uint32_t>()) << name;
      EXPECT_EQ(first->buildkit_end_line,
                lines.size() > 1 ? lines[1].get<std::uint32_t>() : lines[0].get<std::uint32_t>())
          << name;
      continue;
    }
    if (first && first->layer == SyntaxError::Layer::kParser) {
      ADD_FAILURE() << name << ": unexpected parse error " << first->BuildKitText();
      continue;
    }
    EXPECT_EQ(Dump(df), c["dump"].get<std::string>()) << name;
    EXPECT_EQ(std::string(1, df.escape), c["escape"].get<std::string>()) << name;
    // Empty-continuation warnings: one per instruction, at its last continuation line.
    std::vector<std::pair<std::uint32_t, std::string>> warnings;
    for (const Instruction& inst : df.instructions) {
      if (inst.empty_continuation_lines.empty()) continue;
      warnings.emplace_back(inst.logical_end_line,
                            "Empty continuation line found in: " + std::string(inst.original));
    }
    std::vector<std::pair<std::uint32_t, std::string>> expected_warnings;
    for (const json& w : c["warnings"]) {
      expected_warnings.emplace_back(w["line"].get<std::uint32_t>(), w["short"].get<std::string>());
    }
    EXPECT_EQ(warnings, expected_warnings) << name;
    ASSERT_EQ(df.instructions.size(), c["children"].size()) << name;
    for (std::size_t i = 0; i < df.instructions.size(); ++i) {
      ExpectChild(df, df.instructions[i], c["children"][i], name + " #" + std::to_string(i), true);
    }
    if (c["instructions_error"].is_null()) {
      EXPECT_EQ(first, nullptr) << name << ": " << (first ? first->BuildKitText() : "");
    } else {
      ASSERT_NE(first, nullptr) << name;
      EXPECT_EQ(first->BuildKitText(), c["instructions_error"]["message"].get<std::string>())
          << name;
      const json& lines = c["instructions_error"]["lines"][0];
      EXPECT_EQ(first->buildkit_start_line, lines[0].get<std::uint32_t>()) << name;
    }
    // The build checks BuildKit runs while parsing instructions (only when it parses them all).
    if (c["instructions_error"].is_null()) {
      std::string config_error;
      const CheckConfig config = FileCheckConfig(df, &config_error);
      EXPECT_EQ(config_error, c.value("check_directive_error", std::string())) << name;
      std::vector<std::string> got;
      for (const BuildCheck& b : ParseTimeChecks(df, config)) {
        got.push_back(std::string(b.rule) + "|" + std::to_string(b.line) + "|" + b.message);
      }
      std::vector<std::string> want;
      for (const json& l : c["instruction_lints"]) {
        want.push_back(l["rule"].get<std::string>() + "|" +
                       std::to_string(l["lines"][0].get<int>()) + "|" +
                       l["msg"].get<std::string>());
      }
      EXPECT_EQ(got, want) << name;
    }
  }
  EXPECT_EQ(count, 173u);
}

}  // namespace
}  // namespace shipshape::syntax
