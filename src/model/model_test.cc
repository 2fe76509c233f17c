#include "model/model.h"

#include <gtest/gtest.h>

#include "syntax/parser.h"

namespace shipshape::model {
namespace {

struct Fixture {
  syntax::Dockerfile df;
  Model model;
};

std::unique_ptr<Fixture> Build(std::string text, ModelOptions options = {}) {
  auto f = std::make_unique<Fixture>(Fixture{syntax::Parse("Dockerfile", std::move(text)), {}});
  f->model = Model::Build(f->df, options);
  return f;
}

/// The index of the first instruction whose original line starts with `prefix`.
std::size_t Find(const syntax::Dockerfile& df, std::string_view prefix) {
  for (std::size_t i = 0; i < df.instructions.size(); ++i) {
    if (df.instructions[i].original.substr(0, prefix.size()) == prefix) return i;
  }
  ADD_FAILURE() << "no instruction " << prefix;
  return 0;
}

TEST(Model, GlobalArgsResolveTheBaseImage) {
  auto f = Build(
      "ARG REGISTRY=ghcr.io\n"
      "ARG BASE=${REGISTRY}/acme/app:1.2\n"
      "FROM ${BASE} AS build\n"
      "FROM ${UNSET_BASE:-alpine}\n");
  ASSERT_EQ(f->model.stages().size(), 2u);
  const Stage& build = f->model.stages()[0];
  EXPECT_EQ(build.name, "build");
  EXPECT_EQ(build.base.value, "ghcr.io/acme/app:1.2");
  EXPECT_TRUE(build.base.known);
  EXPECT_EQ(build.base_kind, BaseKind::kImage);
  EXPECT_EQ(build.image.domain, "ghcr.io");
  EXPECT_EQ(build.image.path, "acme/app");
  EXPECT_EQ(build.image.tag, "1.2");
  const Stage& last = f->model.stages()[1];
  EXPECT_EQ(last.base.value, "alpine");
  EXPECT_FALSE(last.base.known);
  EXPECT_EQ(last.base.undeclared, std::vector<std::string>{"UNSET_BASE"});
  EXPECT_EQ(last.image.name, "docker.io/library/alpine");
}

TEST(Model, DeclaredWithoutValueIsUnknownNotUndeclared) {
  auto f = Build("ARG VERSION\nFROM node:${VERSION}\n");
  const Stage& s = f->model.stages()[0];
  EXPECT_EQ(s.base.value, "node:");
  EXPECT_FALSE(s.base.known);
  EXPECT_EQ(s.base.unknown, std::vector<std::string>{"VERSION"});
  EXPECT_TRUE(s.base.undeclared.empty());
  EXPECT_EQ(s.base_kind, BaseKind::kUnknown);
}

TEST(Model, GlobalArgsAreInvisibleInStagesUntilRedeclared) {
  auto f = Build(
      "ARG TAG=1.0\n"
      "FROM alpine\n"
      "RUN echo $TAG\n"
      "ARG TAG\n"
      "RUN echo $TAG\n");
  const Resolved before = f->model.Resolve(Find(f->df, "RUN echo"), "$TAG");
  EXPECT_EQ(before.value, "");
  EXPECT_EQ(before.undeclared, std::vector<std::string>{"TAG"});
  const std::size_t second = f->df.instructions.size() - 1;
  EXPECT_EQ(f->model.Resolve(second, "$TAG").value, "1.0");
  EXPECT_TRUE(f->model.Resolve(second, "$TAG").known);
}

TEST(Model, EnvSeesTheEnvironmentBeforeItsInstruction) {
  auto f = Build(
      "FROM alpine\n"
      "ENV A=1\n"
      "ENV A=2 B=$A\n"
      "RUN true\n");
  const Scope& scope = f->model.ScopeAt(Find(f->df, "RUN true"));
  ASSERT_NE(scope.Find("B"), nullptr);
  EXPECT_EQ(*scope.Find("B")->value, "1");
  EXPECT_EQ(*scope.Find("A")->value, "2");
  EXPECT_EQ(scope.Find("A")->source, VariableSource::kEnv);
}

TEST(Model, StageArgDefaultAndBuildArgOverride) {
  const std::string text =
      "FROM alpine\n"
      "ARG PKGS=\"curl git\"\n"
      "ENV PATH=/opt/bin:$PATH\n"
      "RUN apk add $PKGS\n";
  auto f = Build(text);
  const std::size_t run = Find(f->df, "RUN apk");
  EXPECT_EQ(f->model.Resolve(run, "$PKGS").value, "curl git");
  EXPECT_EQ(f->model.Resolve(run, "$PATH").value,
            "/opt/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  ModelOptions options;
  options.build_args["PKGS"] = "vim";
  auto g = Build(text, options);
  EXPECT_EQ(g->model.Resolve(run, "$PKGS").value, "vim");
}

TEST(Model, ChildStagesInheritVariables) {
  auto f = Build(
      "FROM alpine AS base\n"
      "ENV APP=/srv\n"
      "ARG MODE=prod\n"
      "FROM base AS final\n"
      "WORKDIR $APP/$MODE\n"
      "FROM alpine\n"
      "WORKDIR $APP\n");
  EXPECT_EQ(f->model.stages()[1].base_kind, BaseKind::kStage);
  EXPECT_EQ(f->model.stages()[1].base_stage, 0u);
  EXPECT_EQ(f->model.Resolve(Find(f->df, "WORKDIR $APP/"), "$APP/$MODE").value, "/srv/prod");
  const Resolved unrelated = f->model.Resolve(f->df.instructions.size() - 1, "$APP");
  EXPECT_EQ(unrelated.value, "");
  EXPECT_FALSE(unrelated.known);
}

TEST(Model, PlatformArgsHaveDefaultsButAreNotFixedByTheDockerfile) {
  auto f = Build(
      "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETARCH\nRUN echo "
      "$TARGETARCH\n");
  const Stage& s = f->model.stages()[0];
  EXPECT_EQ(s.platform_text, "$BUILDPLATFORM");
  EXPECT_EQ(s.platform.value, "linux/amd64");
  EXPECT_FALSE(s.platform.known);
  const Resolved arch = f->model.Resolve(2, "$TARGETARCH");
  EXPECT_EQ(arch.value, "amd64");
  EXPECT_FALSE(arch.known);
}

TEST(Model, StageGraphAndTargets) {
  auto f = Build(
      "FROM golang:1.22 AS Build\n"
      "RUN go build -o /app\n"
      "FROM alpine AS tools\n"
      "RUN apk add curl\n"
      "FROM alpine AS unused\n"
      "FROM gcr.io/distroless/static:nonroot\n"
      "COPY --from=build /app /app\n"
      "COPY --from=1 /usr/bin/curl /curl\n"
      "COPY --from=nginx:1.25 /etc/nginx /etc/nginx\n"
      "RUN --mount=type=bind,from=TOOLS,target=/t true\n");
  const Model& m = f->model;
  ASSERT_EQ(m.stages().size(), 4u);
  EXPECT_EQ(m.stages()[0].name, "build");
  EXPECT_EQ(m.stages()[3].DisplayName(), "stage-3");
  const std::vector<StageRef>& refs = m.stages()[3].refs;
  ASSERT_EQ(refs.size(), 4u);
  EXPECT_EQ(refs[0].stage, 0u);
  EXPECT_EQ(refs[1].stage, 1u);
  EXPECT_EQ(refs[2].stage, std::nullopt);
  EXPECT_EQ(refs[2].text, "nginx:1.25");
  EXPECT_EQ(refs[3].kind, StageRef::Kind::kMountFrom);
  EXPECT_EQ(refs[3].stage, 1u);
  EXPECT_EQ(m.TargetStage(), 3u);
  EXPECT_EQ(m.ReachableStages(), (std::vector<std::size_t>{0, 1, 3}));
  EXPECT_EQ(m.ShippedStages(), std::vector<std::size_t>{3});
  EXPECT_EQ(m.StageOf(0), 0u);
  EXPECT_EQ(m.StageOf(6), 3u);
}

TEST(Model, TargetOptionAndFromChain) {
  ModelOptions options;
  options.target = "FINAL";
  auto f = Build(
      "ARG BASE=debian:12\n"
      "FROM ${BASE} AS base\n"
      "FROM base AS final\n"
      "FROM scratch AS other\n",
      options);
  const Model& m = f->model;
  EXPECT_EQ(m.TargetStage(), 1u);
  EXPECT_EQ(m.ShippedStages(), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(m.stages()[2].base_kind, BaseKind::kScratch);
  EXPECT_EQ(m.StageOf(0), std::nullopt);
  EXPECT_EQ(m.global_scope().Find("TARGETSTAGE")->value, "final");
}

TEST(Model, InvalidAndForwardReferences) {
  auto f = Build(
      "FROM Alpine:3\n"
      "FROM later AS first\n"
      "FROM alpine AS later\n");
  const Model& m = f->model;
  EXPECT_EQ(m.stages()[0].base_kind, BaseKind::kInvalid);
  EXPECT_FALSE(m.stages()[0].image.ok());
  // A forward name is an image, not the later stage.
  EXPECT_EQ(m.stages()[1].base_kind, BaseKind::kImage);
  EXPECT_EQ(m.stages()[1].base_stage, std::nullopt);
}

TEST(Model, GlobalArgWithoutDefaultKeepsThePlatformValue) {
  auto f = Build("ARG TARGETPLATFORM\nARG VERSION\nFROM --platform=$TARGETPLATFORM alpine:$VERSION\n");
  const Stage& s = f->model.stages()[0];
  EXPECT_EQ(s.platform.value, "linux/amd64");
  EXPECT_EQ(s.base.value, "alpine:");
  EXPECT_EQ(s.base.unknown, std::vector<std::string>{"VERSION"});
}

TEST(Model, ShellInForceIsInherited) {
  auto f = Build(
      "FROM alpine AS base\n"
      "RUN a\n"
      "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
      "RUN b\n"
      "FROM base\n"
      "RUN c\n"
      "FROM alpine\n"
      "RUN d\n");
  const std::vector<std::string> sh = {"/bin/sh", "-c"};
  const std::vector<std::string> bash = {"/bin/bash", "-o", "pipefail", "-c"};
  EXPECT_EQ(f->model.ShellAt(1), sh);
  EXPECT_EQ(f->model.ShellAt(3), bash);
  EXPECT_EQ(f->model.ShellAt(5), bash);
  EXPECT_EQ(f->model.ShellAt(7), sh);
}

TEST(Model, ShellPragmas) {
  auto f = Build(
      "# hadolint shell=bash\n"
      "FROM alpine\n"
      "RUN a\n"
      "# shipshape shell=powershell\n"
      "RUN b\n"
      "FROM alpine\n"
      "RUN c\n");
  EXPECT_EQ(f->model.ShellAt(1)[0], "bash");
  EXPECT_TRUE(f->model.ShellSetAt(1));
  EXPECT_EQ(f->model.ShellAt(2)[0], "powershell");
  EXPECT_EQ(f->model.ShellAt(4)[0], "bash");
}

TEST(Model, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "FROM alpine\nARG X=";
  for (int i = 0; i < 20000; ++i) deep += "${A:-";
  for (int i = 0; i < 20000; ++i) deep += "}";
  deep += "\nENV Y=$X\n";
  auto f = Build(deep);
  const Resolved r = f->model.Resolve(1, "${A:-${A:-${A:-x}}}");
  EXPECT_EQ(r.value, "x");
  const Scope& scope = f->model.ScopeAt(2);
  ASSERT_NE(scope.Find("X"), nullptr);
}

TEST(Model, SurvivesBrokenFiles) {
  for (const char* text : {"", "RUN x\n", "FROM\nRUN y\n", "ARG\nFROM ${\nCOPY --from= a b\n",
                           "FROM a AS b\nCOPY --from=99 x y\nRUN --mount=from x\n"}) {
    auto f = Build(text);
    EXPECT_LE(f->model.stages().size(), 2u) << text;
    (void)f->model.ReachableStages();
    (void)f->model.ShippedStages();
  }
}

}  // namespace
}  // namespace shipshape::model
