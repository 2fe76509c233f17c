#include <gtest/gtest.h>

#include "image/audit.h"
#include "image/layer.h"
#include "model/model.h"
#include "rules/image/image_context.h"
#include "syntax/parser.h"

namespace shipshape::image {
namespace {

TEST(Image, NormalizeName) {
  std::string out;
  bool odd = false;
  EXPECT_TRUE(NormalizeName("./etc//passwd", out, odd));
  EXPECT_EQ(out, "etc/passwd");
  EXPECT_FALSE(odd);
  EXPECT_TRUE(NormalizeName("/abs/x/", out, odd));
  EXPECT_EQ(out, "abs/x");
  EXPECT_TRUE(odd);
  EXPECT_TRUE(NormalizeName("../../etc/shadow", out, odd));
  EXPECT_EQ(out, "../../etc/shadow");
  EXPECT_TRUE(odd);
  EXPECT_FALSE(NormalizeName("./", out, odd));
}

TEST(Image, HistoryBuildArgs) {
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(rules::HistoryBuildArgs("|2 A=1 NPM_TOKEN=npm_x /bin/sh -c echo hi"),
            (Pairs{{"A", "1"}, {"NPM_TOKEN", "npm_x"}}));
  // A value with spaces is read up to the next key; the last one up to the first word
  // without `=` (the command), as created_by cannot tell more.
  EXPECT_EQ(rules::HistoryBuildArgs("RUN |2 PASS=a b K=c /bin/sh -c x # buildkit"),
            (Pairs{{"PASS", "a b"}, {"K", "c"}}));
  EXPECT_EQ(rules::HistoryBuildArgs("ARG NPM_TOKEN=npm_FAKE"), (Pairs{{"NPM_TOKEN", "npm_FAKE"}}));
  EXPECT_EQ(rules::HistoryBuildArgs("/bin/sh -c #(nop) ARG NPM_TOKEN"), Pairs{});
  EXPECT_EQ(rules::HistoryBuildArgs("|x A=1"), Pairs{});
}

TEST(Image, HistoryInstruction) {
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(rules::HistoryInstruction("RUN /bin/sh -c apt-get update # buildkit"), (P{"RUN", "apt-get update"}));
  EXPECT_EQ(rules::HistoryInstruction("|1 A=1 /bin/sh -c make"), (P{"RUN", "make"}));
  EXPECT_EQ(rules::HistoryInstruction("/bin/sh -c #(nop) COPY file:abc in /app "), (P{"COPY", "file:abc in /app"}));
  EXPECT_EQ(rules::HistoryInstruction("COPY . /app # buildkit"), (P{"COPY", ". /app"}));
  EXPECT_EQ(rules::HistoryInstruction("/bin/sh -c #(nop)  ENV A=b"), (P{"ENV", "A=b"}));
}

TEST(Image, MapLayersFromTheTop) {
  const syntax::Dockerfile df = syntax::Parse(
      "Dockerfile",
      "FROM debian:12\nCOPY app /app\nRUN apt-get update && \\\n  apt-get install -y curl\nUSER 1\n");
  const model::Model model = model::Model::Build(df);
  Image img;
  img.layers.resize(4);
  img.layers[0].created_by = "/bin/sh -c #(nop) ADD file:x in / ";  // the base image
  img.layers[1].created_by = "COPY app /app # buildkit";
  img.layers[2].created_by = "RUN /bin/sh -c apt-get update &&   apt-get install -y curl # buildkit";
  img.layers[3].created_by = "";
  const std::vector<std::optional<std::size_t>> m = MapLayers(img, df, model);
  EXPECT_EQ(m[0], std::nullopt);
  EXPECT_EQ(m[1], std::optional<std::size_t>(1));
  EXPECT_EQ(m[2], std::optional<std::size_t>(2));
  EXPECT_EQ(m[3], std::nullopt);
}

TEST(Image, ResolveUid) {
  Image img;
  EXPECT_EQ(ResolveUid(img), std::optional<std::uint32_t>(0));
  img.config.user = "0:0";
  EXPECT_EQ(ResolveUid(img), std::optional<std::uint32_t>(0));
  img.config.user = "app";
  EXPECT_EQ(ResolveUid(img), std::nullopt);
  img.inspected.push_back({"etc/passwd", 0, "root:x:0:0::/:/bin/sh\napp:x:10001:10001::/:/bin/sh\n", true});
  EXPECT_EQ(ResolveUid(img), std::optional<std::uint32_t>(10001));
  img.config.user = "root";
  EXPECT_EQ(ResolveUid(img), std::optional<std::uint32_t>(0));
}

TEST(Image, DigestOfBytes) {
  EXPECT_EQ(Digest(""), "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace shipshape::image
