// Runs every case of expose-cases.json (BuildKit's convert_expose_test.go) through
// model::ParsePortSpec / ParsePortSpecs.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/expose.h"
#include "test_data.h"

namespace shipshape::model {
namespace {

TEST(ExposeConformance, ExposeCases) {
  const std::string text =
      testing::ReadFileOrFail(testing::SharedPath("conformance/buildkit/expose-cases.json"));
  const nlohmann::json data = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(data.is_discarded()) << "expose-cases.json is not valid JSON";
  std::size_t total = 0;

  for (const nlohmann::json& c : data.at("errors")) {
    const std::string spec = c.at("spec").get<std::string>();
    const PortSpec parsed = ParsePortSpec(spec);
    EXPECT_EQ(parsed.error, c.at("expected_error").get<std::string>())
        << "errors case spec=\"" << spec << "\"";
    EXPECT_TRUE(parsed.ports.empty()) << "errors case spec=\"" << spec << "\"";
    ++total;
  }
  for (const nlohmann::json& c : data.at("single")) {
    const std::string spec = c.at("spec").get<std::string>();
    const PortSpec parsed = ParsePortSpec(spec);
    EXPECT_EQ(parsed.error, "") << "single case spec=\"" << spec << "\"";
    EXPECT_EQ(parsed.ports, c.at("expected").get<std::vector<std::string>>())
        << "single case spec=\"" << spec << "\"";
    ++total;
  }
  for (const nlohmann::json& c : data.at("lists")) {
    const auto specs = c.at("specs").get<std::vector<std::string>>();
    const std::string label = fmt::format("lists case specs=[{}]", fmt::join(specs, " "));
    const PortSpecsResult parsed = ParsePortSpecs(specs);
    if (c.contains("expected_error")) {
      EXPECT_EQ(c.at("expected_error").get<bool>(), !parsed.ok()) << label;
    } else {
      EXPECT_EQ(parsed.error, "") << label;
      EXPECT_EQ(parsed.ports, c.at("expected").get<std::vector<std::string>>()) << label;
    }
    ++total;
  }
  EXPECT_EQ(total, 17u) << "the README announces 17 EXPOSE cases";
}

}  // namespace
}  // namespace shipshape::model
