#include "registry/sites.h"

#include <gtest/gtest.h>

#include "syntax/parser.h"

namespace shipshape::registry {
namespace {

const std::string kA = "sha256:" + std::string(64, 'a');
const std::string kB = "sha256:" + std::string(64, 'b');

struct Pinned {
  std::vector<ImageSite> sites;
  PinEdit edit;
};

/// The sites of `text`, and the text with each pinnable one given `digest`.
Pinned PinAll(const std::string& text, const std::string& digest) {
  const syntax::Dockerfile df = syntax::Parse("Dockerfile", text);
  const model::Model model = model::Model::Build(df);
  Pinned p;
  p.sites = FindImageSites(model);
  std::vector<std::optional<std::string>> digests;
  for (const ImageSite& s : p.sites) {
    digests.push_back(s.problem.empty() ? std::optional<std::string>(digest) : std::nullopt);
  }
  p.edit = ApplyDigests(df, p.sites, digests);
  return p;
}

TEST(SitesTest, FromCopyAndMount) {
  const Pinned p = PinAll(
      "FROM alpine:3.19 AS build\n"
      "COPY --from=build /a /b\n"
      "COPY --from=0 /a /b\n"
      "COPY --from=ghcr.io/org/tool:1 /t /t\n"
      "RUN --mount=type=bind,FROM=golang:1.22,target=/go true\n"
      "FROM build\n"
      "FROM scratch\n",
      kA);
  ASSERT_EQ(p.sites.size(), 3u);
  EXPECT_EQ(p.sites[0].kind, ImageSite::Kind::kFrom);
  EXPECT_EQ(p.sites[0].image.name, "docker.io/library/alpine");
  EXPECT_EQ(p.sites[1].kind, ImageSite::Kind::kCopyFrom);
  EXPECT_EQ(p.sites[1].image.familiar, "ghcr.io/org/tool:1");
  EXPECT_EQ(p.sites[2].kind, ImageSite::Kind::kMountFrom);
  EXPECT_EQ(p.sites[2].image.familiar, "golang:1.22");
  ASSERT_EQ(p.edit.error, "");
  EXPECT_EQ(p.edit.text,
            "FROM alpine:3.19@" + kA + " AS build\n"
            "COPY --from=build /a /b\n"
            "COPY --from=0 /a /b\n"
            "COPY --from=ghcr.io/org/tool:1@" + kA + " /t /t\n"
            "RUN --mount=type=bind,FROM=golang:1.22@" + kA + ",target=/go true\n"
            "FROM build\n"
            "FROM scratch\n");
}

TEST(SitesTest, ArgDefaultIsEdited) {
  const Pinned p = PinAll(
      "ARG BASE=\"python:3.12-slim\"\n"
      "ARG TAG=1.25\n"
      "FROM ${BASE}\n"
      "FROM nginx:$TAG\n"
      "FROM ${BASE} AS again\n",
      kA);
  ASSERT_EQ(p.sites.size(), 3u);
  EXPECT_EQ(p.sites[0].arg, "BASE");
  EXPECT_EQ(p.sites[1].arg, "TAG");
  ASSERT_EQ(p.edit.error, "");
  EXPECT_EQ(p.edit.text,
            "ARG BASE=\"python:3.12-slim@" + kA + "\"\n"
            "ARG TAG=1.25@" + kA + "\n"
            "FROM ${BASE}\n"
            "FROM nginx:$TAG\n"
            "FROM ${BASE} AS again\n");
}

TEST(SitesTest, ArgDefaultsAreFollowed) {
  // The image ARG gets the digest, not the version it is built on.
  const Pinned p = PinAll(
      "ARG GO=1.22\n"
      "ARG IMAGE=\"golang:${GO}\"\n"
      "ARG OTHER=${IMAGE}\n"
      "FROM ${IMAGE} AS build\n"
      "FROM ${OTHER}\n",
      kA);
  ASSERT_EQ(p.sites.size(), 2u);
  EXPECT_EQ(p.sites[0].arg, "");  // OTHER builds on IMAGE: the FROM word gets it
  EXPECT_EQ(p.sites[1].arg, "OTHER");
  ASSERT_EQ(p.edit.error, "");
  EXPECT_EQ(p.edit.text, "ARG GO=1.22\nARG IMAGE=\"golang:${GO}\"\nARG OTHER=${IMAGE}@" + kA +
                             "\nFROM ${IMAGE}@" + kA + " AS build\nFROM ${OTHER}\n");
}

TEST(SitesTest, AnArgUsedElsewhereIsLeftAlone) {
  // TAG also names what RUN downloads, BASE what a LABEL says: the digest goes where the
  // reference is written, so that they still see the version alone.
  const Pinned p = PinAll(
      "ARG TAG=1.22\n"
      "ARG BASE=alpine:3\n"
      "ARG IMAGE=golang:${TAG}\n"
      "FROM ${IMAGE} AS build\n"
      "RUN curl -O https://go.dev/dl/go${TAG}.tgz\n"
      "FROM $BASE\n"
      "ARG BASE\n"
      "LABEL base=$BASE\n",
      kA);
  ASSERT_EQ(p.sites.size(), 2u);
  EXPECT_EQ(p.sites[0].arg, "IMAGE");
  EXPECT_EQ(p.sites[1].arg, "");
  ASSERT_EQ(p.edit.error, "");
  EXPECT_EQ(p.edit.text,
            "ARG TAG=1.22\nARG BASE=alpine:3\nARG IMAGE=golang:${TAG}@" + kA + "\n"
            "FROM ${IMAGE} AS build\nRUN curl -O https://go.dev/dl/go${TAG}.tgz\n"
            "FROM $BASE@" + kA + "\nARG BASE\nLABEL base=$BASE\n");
}

TEST(SitesTest, SharedArgNeedingTwoDigestsIsAnError) {
  const std::string text = "ARG TAG=3\nFROM alpine:${TAG}\nFROM busybox:${TAG}\n";
  const syntax::Dockerfile df = syntax::Parse("Dockerfile", text);
  const model::Model model = model::Model::Build(df);
  const std::vector<ImageSite> sites = FindImageSites(model);
  ASSERT_EQ(sites.size(), 2u);
  const PinEdit e = ApplyDigests(df, sites, {kA, kB});
  EXPECT_NE(e.error.find("ARG `TAG` serves both `alpine:3` (line 2) and `busybox:3` (line 3)"),
            std::string::npos)
      << e.error;
  // Pinning only one of them would change the other: refused too.
  EXPECT_NE(ApplyDigests(df, sites, {kA, std::nullopt})
                .error.find("pinning would make `busybox:${TAG}` (line 3) resolve to "
                            "`docker.io/library/busybox:3@" + kA + "`, not "
                            "`docker.io/library/busybox:3`"),
            std::string::npos);
}

TEST(SitesTest, AnArgInsideAWordStaysAsItIs) {
  const Pinned p = PinAll("ARG BASE=alpine:3\nFROM ${BASE}\nFROM ${BASE}-slim\n", kA);
  ASSERT_EQ(p.edit.error, "");
  EXPECT_EQ(p.edit.text,
            "ARG BASE=alpine:3\nFROM ${BASE}@" + kA + "\nFROM ${BASE}-slim@" + kA + "\n");
}

TEST(SitesTest, RepinReplacesTheDigest) {
  const std::string text = "ARG B=alpine:3@" + kA + "\nFROM $B\nFROM debian:12@" + kA + "\n";
  const syntax::Dockerfile df = syntax::Parse("Dockerfile", text);
  const model::Model model = model::Model::Build(df);
  const std::vector<ImageSite> sites = FindImageSites(model);
  ASSERT_EQ(sites.size(), 2u);
  EXPECT_TRUE(sites[0].pinned());
  const PinEdit e = ApplyDigests(df, sites, {kB, kB});
  ASSERT_EQ(e.error, "");
  EXPECT_EQ(e.text, "ARG B=alpine:3@" + kB + "\nFROM $B\nFROM debian:12@" + kB + "\n");
}

TEST(SitesTest, WhatCannotBePinned) {
  const Pinned p = PinAll(
      "ARG BASE\n"
      "ARG V=3\n"
      "FROM ${BASE}\n"
      "FROM alpine:${V:-3}\n"
      "FROM alpine AS ok\n",
      kA);
  ASSERT_EQ(p.sites.size(), 3u);
  EXPECT_NE(p.sites[0].problem.find("only the build knows"), std::string::npos);
  EXPECT_NE(p.sites[1].problem.find("`${...}`"), std::string::npos);
  EXPECT_EQ(p.sites[2].problem, "");
  EXPECT_EQ(p.edit.error, "");
  EXPECT_EQ(p.edit.text, "ARG BASE\nARG V=3\nFROM ${BASE}\nFROM alpine:${V:-3}\nFROM alpine@" +
                             kA + " AS ok\n");
}

TEST(SitesTest, ContinuationAndCrlfKeepTheirBytes) {
  const Pinned p = PinAll("FROM \\\r\n  alpine:3.19\r\nRUN true\r\n", kA);
  ASSERT_EQ(p.sites.size(), 1u);
  ASSERT_EQ(p.edit.error, "");
  EXPECT_EQ(p.edit.text, "FROM \\\r\n  alpine:3.19@" + kA + "\r\nRUN true\r\n");
}

}  // namespace
}  // namespace shipshape::registry
