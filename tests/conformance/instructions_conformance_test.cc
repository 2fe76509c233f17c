// BuildKit's instruction-parser test data (instructions-cases.json).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "syntax/instructions.h"
#include "syntax/parser.h"
#include "test_data.h"

namespace shipshape::syntax {
namespace {

using nlohmann::json;

json Cases() {
  return json::parse(
      testing::ReadFileOrFail(testing::SharedPath("conformance/buildkit/instructions-cases.json")),
      nullptr, false);
}

/// The instruction-level error of the first instruction of `dockerfile`, or "".
std::string FirstInstructionError(const std::string& dockerfile) {
  const Dockerfile df = Parse("x", dockerfile);
  EXPECT_FALSE(df.instructions.empty()) << dockerfile;
  for (const SyntaxError& e : df.errors) {
    EXPECT_NE(e.layer, SyntaxError::Layer::kParser) << dockerfile << ": " << e.message;
    if (e.message == "no build stage in current context") continue;  // these tests lack FROM
    if (!df.instructions.empty() && e.buildkit_start_line == df.instructions[0].start_line) {
      return e.message;
    }
  }
  return "";
}

TEST(InstructionsConformance, ErrorGroups) {
  const json cases = Cases();
  std::size_t count = 0;
  for (const char* group : {"exactly_one_argument", "at_least_one_argument", "no_destination",
                            "blank_names", "error_cases"}) {
    for (const json& c : cases[group]["cases"]) {
      const std::string dockerfile = c["dockerfile"].get<std::string>();
      const std::string expected = c.contains("expected_error")
                                       ? c["expected_error"].get<std::string>()
                                       : c["expectedError"].get<std::string>();
      const std::string got = FirstInstructionError(dockerfile);
      EXPECT_NE(got, "") << group << ": " << dockerfile;
      EXPECT_NE(got.find(expected), std::string::npos)
          << group << ": " << dockerfile << "\n got: " << got << "\nwant: " << expected;
      ++count;
    }
  }
  EXPECT_EQ(count, 4u + 6u + 2u + 2u + 7u);
}

TEST(InstructionsConformance, TooManyArgumentsCannotComeFromText) {
  // Upstream builds a malformed node by hand; our tree cannot hold one. What the parser
  // produces from text always comes in key/value/separator triples.
  const json cases = Cases();
  for (const json& c : cases["too_many_arguments"]["cases"]) {
    const std::string instruction = c["instruction"].get<std::string>();
    const Dockerfile df = Parse("x", "FROM a\n" + instruction + " arg1=arg2 arg3=\n");
    ASSERT_EQ(df.instructions.size(), 2u);
    EXPECT_EQ(df.instructions[1].pairs.size(), 2u);
    EXPECT_TRUE(df.errors.empty()) << instruction;
  }
}

TEST(InstructionsConformance, HealthcheckAndIntervals) {
  const json cases = Cases();
  {
    const json& c = cases["healthcheck_cmd_shell"];
    const Dockerfile df = Parse("x", "FROM a\n" + c["dockerfile"].get<std::string>());
    ASSERT_EQ(df.instructions.size(), 2u);
    const Instruction& hc = df.instructions[1];
    std::vector<std::string_view> cmd;
    for (std::size_t i = 1; i < hc.args.size(); ++i) cmd.push_back(hc.args[i].value);
    std::vector<std::string> test = {hc.json ? "CMD" : "CMD-SHELL"};
    for (std::string& s : HandleJsonArgs(cmd, hc.json)) test.push_back(s);
    EXPECT_EQ(test, c["expected_test"].get<std::vector<std::string>>());
  }
  for (const json& c : cases["opt_interval"]["cases"]) {
    std::string error;
    ParseOptInterval("interval", c["value"].get<std::string>(), &error);
    if (c.contains("error_contains")) {
      EXPECT_NE(error.find(c["error_contains"].get<std::string>()), std::string::npos)
          << c["value"] << ": " << error;
    } else {
      EXPECT_EQ(error, "") << c["value"];
    }
  }
  for (const json& c : cases["handle_json_args"]["cases"]) {
    std::vector<std::string> args = c["args"].get<std::vector<std::string>>();
    std::vector<std::string_view> views(args.begin(), args.end());
    EXPECT_EQ(HandleJsonArgs(views, c["json"].get<bool>()),
              c["expected"].get<std::vector<std::string>>());
  }
}

TEST(InstructionsConformance, Heredocs) {
  const json cases = Cases();
  for (const json& c : cases["copy_heredoc"]["cases"]) {
    const std::string dockerfile = c["dockerfile"].get<std::string>();
    const Dockerfile df = Parse("x", dockerfile);
    ASSERT_FALSE(df.instructions.empty());
    std::string error;
    const SourcesAndDest s = CopySources(df, df.instructions[0], &error);
    EXPECT_EQ(error, "") << dockerfile;
    EXPECT_EQ(s.dest, c["dest"].get<std::string>()) << dockerfile;
    std::vector<std::string> paths(s.paths.begin(), s.paths.end());
    EXPECT_EQ(paths, c["source_paths"].get<std::vector<std::string>>()) << dockerfile;
    ASSERT_EQ(s.contents.size(), c["source_contents"].size()) << dockerfile;
    for (std::size_t i = 0; i < s.contents.size(); ++i) {
      const json& e = c["source_contents"][i];
      EXPECT_EQ(s.contents[i].name, e["path"].get<std::string>()) << dockerfile;
      EXPECT_EQ(s.contents[i].data, e["data"].get<std::string>()) << dockerfile;
      EXPECT_EQ(s.contents[i].expand, e["expand"].get<bool>()) << dockerfile;
    }
  }
  for (const json& c : cases["run_heredoc"]["cases"]) {
    const std::string dockerfile = c["dockerfile"].get<std::string>();
    const Dockerfile df = Parse("x", dockerfile);
    ASSERT_FALSE(df.instructions.empty());
    const Instruction& run = df.instructions[0];
    EXPECT_EQ(!run.json, c["prepend_shell"].get<bool>()) << dockerfile;
    std::vector<std::string_view> args;
    for (const Word& w : run.args) args.push_back(w.value);
    EXPECT_EQ(HandleJsonArgs(args, run.json), c["cmd_line"].get<std::vector<std::string>>())
        << dockerfile;
    const std::vector<InlineFile> files = HeredocFiles(df, run);
    ASSERT_EQ(files.size(), c["files"].size()) << dockerfile;
    for (std::size_t i = 0; i < files.size(); ++i) {
      EXPECT_EQ(files[i].name, c["files"][i]["name"].get<std::string>()) << dockerfile;
      EXPECT_EQ(files[i].data, c["files"][i]["data"].get<std::string>()) << dockerfile;
      EXPECT_EQ(files[i].chomp, c["files"][i]["chomp"].get<bool>()) << dockerfile;
    }
  }
}

TEST(InstructionsConformance, RunFlags) {
  const json cases = Cases();
  for (const json& c : cases["run_device"]["cases"]) {
    std::string error;
    const Device d = ParseDevice(c["input"].get<std::string>(), &error);
    if (c.contains("expected_error")) {
      EXPECT_EQ(error, c["expected_error"].get<std::string>()) << c["input"];
      continue;
    }
    EXPECT_EQ(error, "") << c["input"];
    EXPECT_EQ(d.name, c["expected"]["name"].get<std::string>()) << c["input"];
    EXPECT_EQ(d.required, c["expected"]["required"].get<bool>()) << c["input"];
  }
  {
    const json& c = cases["run_flags_used"];
    const Dockerfile df = Parse("x", "FROM a\n" + c["dockerfile"].get<std::string>());
    EXPECT_TRUE(df.errors.empty());
    BuilderFlags flags;
    flags.AddStrings("mount");
    flags.AddString("network", "default");
    flags.AddString("security", "sandbox");
    flags.AddStrings("device");
    std::vector<std::string_view> words;
    for (const Flag& f : df.instructions.at(1).flags) words.push_back(f.text);
    EXPECT_EQ(flags.Parse(words), "");
    std::vector<std::string> used;
    for (const char* name : {"device", "mount", "network", "security"}) {
      if (flags.Used(name)) used.emplace_back(name);
    }
    EXPECT_EQ(used, c["expected_flags_used"].get<std::vector<std::string>>());
  }
}

TEST(InstructionsConformance, BuilderFlags) {
  const json cases = Cases();
  std::size_t count = 0;
  for (const json& c : cases["builder_flags"]["cases"]) {
    BuilderFlags flags;
    // BuilderFlags keeps views: the names and defaults must outlive it.
    std::vector<std::string> names, defaults;
    names.reserve(c["flags"].size());
    defaults.reserve(c["flags"].size());
    for (const json& f : c["flags"]) {
      names.push_back(f[0].get<std::string>());
      const std::string type = f[1].get<std::string>();
      if (type == "bool") {
        flags.AddBool(names.back(), f[2].get<bool>());
      } else {
        defaults.push_back(f[2].get<std::string>());
        flags.AddString(names.back(), defaults.back());
      }
    }
    std::vector<std::string> args = c["args"].get<std::vector<std::string>>();
    std::vector<std::string_view> words(args.begin(), args.end());
    const std::string error = flags.Parse(words);
    EXPECT_EQ(error.empty(), c["ok"].get<bool>()) << c.dump() << ": " << error;
    if (c.contains("values")) {
      for (auto it = c["values"].begin(); it != c["values"].end(); ++it) {
        EXPECT_EQ(flags.Value(it.key()), it.value().get<std::string>()) << c.dump();
      }
    }
    if (c.contains("used")) {
      std::vector<std::string> used;
      for (const json& f : c["flags"]) {
        if (flags.Used(f[0].get<std::string>())) used.push_back(f[0].get<std::string>());
      }
      EXPECT_EQ(used, c["used"].get<std::vector<std::string>>()) << c.dump();
    }
    ++count;
  }
  EXPECT_EQ(count, 14u);
}

TEST(InstructionsConformance, CommentsDetection) {
  const json c = Cases()["comments_detection"];
  const Dockerfile df = Parse("x", c["dockerfile"].get<std::string>());
  ASSERT_TRUE(df.errors.empty());
  // Instructions: ARG foo=bar, FROM busybox AS base, ARG foo, ARG bar baz=123.
  ASSERT_EQ(df.instructions.size(), 4u);
  const json& e = c["expected"];
  EXPECT_EQ(DocComment(df.instructions[1].comments, "base"),
            e["stage0_doc_comment"].get<std::string>());
  EXPECT_EQ(DocComment(df.instructions[0].comments, e["meta_arg0"]["key"].get<std::string>()),
            e["meta_arg0"]["doc"].get<std::string>());
  for (std::size_t k = 0; k < 2; ++k) {
    const Instruction& arg = df.instructions[2 + k];
    const json& keys = e["stage0_commands"][k]["arg_keys_docs"];
    ASSERT_EQ(arg.args.size(), keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const std::string_view word = arg.args[i].value;
      const std::string_view key = word.substr(0, word.find('='));
      EXPECT_EQ(key, keys[i][0].get<std::string>());
      EXPECT_EQ(DocComment(arg.comments, key), keys[i][1].get<std::string>());
    }
  }
}

}  // namespace
}  // namespace shipshape::syntax
