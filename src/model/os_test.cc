#include "model/os.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/model.h"
#include "syntax/parser.h"

namespace shipshape::model {
namespace {

Os Of(const std::string& reference) { return ImageOs(ParseNormalizedNamed(reference)); }

TEST(ImageOs, WindowsFamilies) {
  for (const char* image : {
           "mcr.microsoft.com/windows:1809",
           "mcr.microsoft.com/windows/servercore:ltsc2022",
           "mcr.microsoft.com/windows/nanoserver:ltsc2022",
           "mcr.microsoft.com/windows/server:ltsc2022",
           "mcr.microsoft.com/windowsservercore-insider",
           "mcr.microsoft.com/windowsservercore-insider:10.0.20348.1",
           "mcr.microsoft.com/nanoserver-insider",
           "microsoft/windowsservercore",
           "microsoft/nanoserver:sac2016",
           "mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022",
           "mcr.microsoft.com/powershell:lts-windowsservercore-ltsc2022",
           "python:3.12-windowsservercore-ltsc2022",
           "golang:1.22-nanoserver-1809",
           "node:20-windowsservercore",
           "mcr.microsoft.com/dotnet/framework/runtime:4.8-windowsservercore-ltsc2019",
           "stefanscherer/node-windows:20",
           "acme/windows-builder:1.0",
           "traefik:v3.1-windowsservercore-ltsc2022",
       }) {
    EXPECT_EQ(Of(image), Os::kWindows) << image;
  }
}

TEST(ImageOs, LinuxImagesAndLookAlikes) {
  for (const char* image : {"debian:12.6-slim", "alpine:3.20", "ubuntu:20.04", "ubuntu:2004",
                            "python:3.12-slim", "node:20-alpine", "golang:1.22",
                            "gcr.io/distroless/static-debian12:nonroot",
                            "cgr.dev/chainguard/static:latest",
                            "registry.access.redhat.com/ubi9/ubi-minimal:9.4", "scratch"}) {
    EXPECT_EQ(Of(image), Os::kLinux) << image;
  }
  // Not Windows, though they look a little like it (and not known Linux either: the other
  // signals decide).
  for (const char* image : {"mcr.microsoft.com/dotnet/sdk:8.0", "mcr.microsoft.com/azure-cli",
                            "mcr.microsoft.com/devcontainers/base:ubuntu",
                            "mcr.microsoft.com/powershell:lts-ubuntu-22.04", "acme/windowsill",
                            "acme/not-windows-tools", "acme/app:2004.1", "stefanscherer/chocolatey"}) {
    EXPECT_NE(Of(image), Os::kWindows) << image;
  }
}

TEST(ImageOs, OtherSignals) {
  EXPECT_EQ(PlatformOs("windows/amd64"), Os::kWindows);
  EXPECT_EQ(PlatformOs("linux/arm64/v8"), Os::kLinux);
  EXPECT_EQ(PlatformOs("$TARGETPLATFORM"), Os::kUnknown);
  EXPECT_EQ(ShellOs(std::vector<std::string>{"powershell", "-Command"}), Os::kWindows);
  EXPECT_EQ(ShellOs(std::vector<std::string>{"C:\\Windows\\System32\\cmd.exe", "/S", "/C"}),
            Os::kWindows);
  EXPECT_EQ(ShellOs(std::vector<std::string>{"/bin/bash", "-o", "pipefail", "-c"}), Os::kLinux);
  EXPECT_EQ(ShellOs(std::vector<std::string>{"pwsh", "-Command"}), Os::kUnknown);
  EXPECT_TRUE(IsWindowsPath("C:\\app"));
  EXPECT_TRUE(IsWindowsPath("c:/app"));
  EXPECT_FALSE(IsWindowsPath("/app"));
  EXPECT_FALSE(IsWindowsPath("a:b"));
}

/// Model::IsWindowsStage for each stage of `text`.
std::vector<bool> Decide(const std::string& text) {
  const syntax::Dockerfile df = syntax::Parse("Dockerfile", text);
  const Model m = Model::Build(df, {});
  std::vector<bool> out;
  for (std::size_t s = 0; s < m.stages().size(); ++s) out.push_back(m.IsWindowsStage(s));
  return out;
}

TEST(WindowsStage, OneDecisionPerStage) {
  // The base image decides; the escape directive does not override it.
  EXPECT_EQ(Decide("# escape=`\nFROM debian:12.6-slim\nRUN echo $bar\n"), std::vector<bool>{false});
  EXPECT_EQ(Decide("FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"),
            std::vector<bool>{true});
  // An image that says nothing: the escape directive breaks the tie.
  EXPECT_EQ(Decide("# escape=`\nFROM stefanscherer/chocolatey\n"), std::vector<bool>{true});
  EXPECT_EQ(Decide("FROM stefanscherer/chocolatey\n"), std::vector<bool>{false});
  // ... unless the stage itself says: a SHELL, a Windows path.
  EXPECT_EQ(Decide("FROM acme/base:1\nSHELL [\"powershell\", \"-Command\"]\n"),
            std::vector<bool>{true});
  EXPECT_EQ(Decide("FROM acme/base:1\nWORKDIR C:\\\\app\n"), std::vector<bool>{true});
  EXPECT_EQ(Decide("# escape=`\nFROM acme/base:1\nSHELL [\"/bin/bash\", \"-c\"]\n"),
            std::vector<bool>{false});
  // --platform, and stages built on stages.
  EXPECT_EQ(Decide("FROM --platform=windows/amd64 acme/base:1 AS a\nFROM a\nFROM debian:12\n"),
            (std::vector<bool>{true, true, false}));
}

TEST(WindowsStage, ImplicitStageOfAFragment) {
  const syntax::Dockerfile linux = syntax::Parse("Dockerfile", "RUN echo $x\n");
  EXPECT_FALSE(Model::Build(linux, {}).IsWindowsAt(0));
  const syntax::Dockerfile windows =
      syntax::Parse("Dockerfile", "# escape=`\nRUN echo %x%\n");
  EXPECT_TRUE(Model::Build(windows, {}).IsWindowsAt(0));
  const syntax::Dockerfile shell =
      syntax::Parse("Dockerfile", "# escape=`\nSHELL [\"/bin/sh\", \"-c\"]\nRUN echo $x\n");
  EXPECT_FALSE(Model::Build(shell, {}).IsWindowsAt(1));
}

}  // namespace
}  // namespace shipshape::model
