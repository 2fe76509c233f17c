// Runs every case of generated-mount-cases.json (BuildKit's RUN --mount parsing, measured on
// the upstream code) through model::ParseMount with identity expansion.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/mount.h"
#include "test_data.h"

namespace shipshape::model {
namespace {

nlohmann::json LoadCases() {
  const std::string text = testing::ReadFileOrFail(
      testing::SharedPath("conformance/buildkit/generated-mount-cases.json"));
  nlohmann::json data = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(data.is_discarded()) << "generated-mount-cases.json is not valid JSON";
  return data;
}

// Compares one expected field; the data omits mode/uid/gid/env when BuildKit left them nil.
void ExpectField(const std::string& label, const nlohmann::json& expected, const char* key,
                 const Mount& m) {
  const std::string k = key;
  if (k == "type") {
    EXPECT_EQ(m.type, expected.at(k).get<std::string>()) << label;
  } else if (k == "from") {
    EXPECT_EQ(m.from, expected.at(k).get<std::string>()) << label;
  } else if (k == "source") {
    EXPECT_EQ(m.source, expected.at(k).get<std::string>()) << label;
  } else if (k == "target") {
    EXPECT_EQ(m.target, expected.at(k).get<std::string>()) << label;
  } else if (k == "readonly") {
    EXPECT_EQ(m.readonly, expected.at(k).get<bool>()) << label;
  } else if (k == "required") {
    EXPECT_EQ(m.required, expected.at(k).get<bool>()) << label;
  } else if (k == "sharing") {
    EXPECT_EQ(m.sharing, expected.at(k).get<std::string>()) << label;
  } else if (k == "id") {
    EXPECT_EQ(m.id, expected.at(k).get<std::string>()) << label;
  } else if (k == "size") {
    EXPECT_EQ(m.size, expected.at(k).get<std::int64_t>()) << label;
  } else if (k == "mode") {
    // The data prints the mode in octal, as written in the Dockerfile.
    if (!expected.contains(k)) {
      EXPECT_FALSE(m.mode.has_value()) << label;
    } else {
      EXPECT_TRUE(m.mode.has_value()) << label;
      if (m.mode) {
        EXPECT_EQ(fmt::format("{:o}", *m.mode), expected.at(k).get<std::string>()) << label;
      }
    }
  } else if (k == "uid" || k == "gid") {
    const std::optional<std::uint64_t>& id = k == "uid" ? m.uid : m.gid;
    if (!expected.contains(k)) {
      EXPECT_FALSE(id.has_value()) << label;
    } else {
      EXPECT_TRUE(id.has_value()) << label;
      if (id) {
        EXPECT_EQ(*id, expected.at(k).get<std::uint64_t>()) << label;
      }
    }
  } else if (k == "env") {
    if (!expected.contains(k)) {
      EXPECT_FALSE(m.env.has_value()) << label;
    } else {
      EXPECT_TRUE(m.env.has_value()) << label;
      if (m.env) {
        EXPECT_EQ(*m.env, expected.at(k).get<std::string>()) << label;
      }
    }
  }
}

TEST(MountConformance, GeneratedMountCases) {
  const nlohmann::json data = LoadCases();
  ASSERT_TRUE(data.contains("cases"));
  const nlohmann::json& cases = data.at("cases");
  ASSERT_EQ(cases.size(), 41u) << "the README announces 41 mount cases";
  static constexpr const char* kFields[] = {"type",     "from",    "source", "target", "readonly",
                                            "required", "sharing", "id",     "size",   "mode",
                                            "uid",      "gid",     "env"};
  int checked = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const nlohmann::json& c = cases[i];
    const std::string value = c.at("value").get<std::string>();
    const std::string label = fmt::format("case #{} --mount={}", i, value);

    // Instruction-parse-time check: only cases that record a parse-time error may fail it.
    const std::string parse_time = CheckMountAtParseTime(value);
    if (c.contains("parse_time_error")) {
      EXPECT_EQ(parse_time, c.at("parse_time_error").get<std::string>()) << label;
      continue;
    }
    EXPECT_EQ(parse_time, "") << label;

    const MountResult result = ParseMount(value);
    if (c.contains("expected_error")) {
      EXPECT_EQ(result.error, c.at("expected_error").get<std::string>()) << label;
      ++checked;
      continue;
    }
    ASSERT_TRUE(c.contains("expected")) << label;
    ASSERT_TRUE(result.ok()) << label << ": unexpected error " << result.error;
    const nlohmann::json& expected = c.at("expected");
    for (const auto& [key, unused] : expected.items()) {
      bool known = false;
      for (const char* field : kFields) known = known || key == field;
      EXPECT_TRUE(known) << label << ": the data has a field this runner does not check: " << key;
    }
    for (const char* field : kFields)
      ExpectField(label + " field " + field, expected, field, result.mount);
    ++checked;
  }
  EXPECT_EQ(checked, 41);
}

}  // namespace
}  // namespace shipshape::model
