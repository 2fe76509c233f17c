#include "syntax/parser.h"

#include <gtest/gtest.h>

#include "syntax/dump.h"

namespace shipshape::syntax {
namespace {

std::string_view Text(const Dockerfile& df, base::Range r) { return base::Slice(df.text(), r); }

TEST(Parser, KeepsGoingAfterErrors) {
  const Dockerfile df = Parse("Dockerfile",
                              "FROM alpine\n"
                              "CMD [\"a\", 1]\n"
                              "ENV ONLYKEY\n"
                              "RUN echo ok\n"
                              "COPY --from x\n"
                              "BOGUS thing\n"
                              "LABEL a=b\n");
  ASSERT_EQ(df.instructions.size(), 7u);
  EXPECT_EQ(df.instructions[3].args[0].value, "echo ok");
  EXPECT_EQ(df.instructions[6].pairs.size(), 1u);
  std::vector<std::pair<std::uint32_t, std::string>> errors;
  for (const SyntaxError& e : df.errors) {
    errors.emplace_back(df.lines().PositionOf(e.range.begin).line, e.message);
  }
  std::sort(errors.begin(), errors.end());
  const std::vector<std::pair<std::uint32_t, std::string>> want = {
      {2, "when using JSON array syntax, arrays must be comprised of strings only"},
      {3, "ENV must have two arguments"},
      {5,
       "COPY requires at least two arguments, but only one was provided. Destination could "
       "not be determined"},
      {6, "unknown instruction: BOGUS"},
  };
  EXPECT_EQ(errors, want);
  // BuildKit stops at the parser's first error.
  ASSERT_NE(df.FirstBuildKitError(), nullptr);
  EXPECT_EQ(df.lines().PositionOf(df.FirstBuildKitError()->range.begin).line, 2u);
}

TEST(Parser, NodeRangesAcrossContinuations) {
  const Dockerfile df = Parse("Dockerfile",
                              "FROM alpine\n"
                              "  run --mount=type=cache,\\\n"
                              "target=/var/cache \\\n"
                              "# a comment inside\n"
                              "    apk add \\\n"
                              "\n"
                              "      curl\n"
                              "ENV A=1 \\\n"
                              "    B=\"two words\"\n");
  ASSERT_EQ(df.instructions.size(), 3u);
  const Instruction& run = df.instructions[1];
  EXPECT_EQ(run.keyword, Keyword::kRun);
  EXPECT_EQ(Text(df, run.word.range), "run");
  EXPECT_EQ(df.lines().PositionOf(run.word.range.begin), (base::Position{2, 3}));
  ASSERT_EQ(run.flags.size(), 1u);
  EXPECT_EQ(run.flags[0].text, "--mount=type=cache,target=/var/cache");
  EXPECT_EQ(run.flags[0].Name(), "mount");
  EXPECT_EQ(*run.flags[0].Value(), "type=cache,target=/var/cache");
  EXPECT_EQ(Text(df, run.flags[0].range), "--mount=type=cache,\\\ntarget=/var/cache");
  EXPECT_EQ(run.args[0].value, "apk add       curl");
  EXPECT_EQ(df.lines().PositionOf(run.args[0].range.begin), (base::Position{5, 5}));
  EXPECT_EQ(df.lines().PositionOf(run.args[0].range.end), (base::Position{7, 11}));
  EXPECT_EQ(run.start_line, 2u);
  EXPECT_EQ(run.end_line, 7u);
  ASSERT_EQ(run.empty_continuation_lines.size(), 1u);
  EXPECT_EQ(df.lines().PositionOf(run.empty_continuation_lines[0].begin).line, 6u);
  EXPECT_EQ(df.comments.size(), 1u);
  const Instruction& env = df.instructions[2];
  ASSERT_EQ(env.pairs.size(), 2u);
  EXPECT_EQ(Text(df, env.pairs[1].key.range), "B");
  EXPECT_EQ(Text(df, env.pairs[1].value.range), "\"two words\"");
  EXPECT_EQ(df.lines().PositionOf(env.pairs[1].value.range.begin), (base::Position{9, 7}));
}

TEST(Parser, BacktickEscapeAndCrlf) {
  const Dockerfile df = Parse("Dockerfile",
                              "# escape=`\r\n"
                              "FROM mcr.microsoft.com/windows/servercore:ltsc2022\r\n"
                              "RUN Write-Host `\r\n"
                              "    hello\r\n"
                              "COPY C:\\src\\ C:\\dst\\\r\n");
  EXPECT_EQ(df.escape, '`');
  ASSERT_EQ(df.directives.size(), 1u);
  EXPECT_EQ(df.directives[0].name, "escape");
  EXPECT_EQ(Text(df, df.directives[0].range), "# escape=`");
  ASSERT_EQ(df.instructions.size(), 3u);
  EXPECT_EQ(df.instructions[1].args[0].value, "Write-Host     hello");
  EXPECT_EQ(Text(df, df.instructions[1].range), "RUN Write-Host `\r\n    hello");
  EXPECT_EQ(df.instructions[2].args[1].value, "C:\\dst\\");
  EXPECT_TRUE(df.errors.empty());
}

TEST(Parser, HeredocRanges) {
  const Dockerfile df = Parse("Dockerfile",
                              "FROM alpine\n"
                              "RUN <<EOF cat >/etc/motd <<-'END'\n"
                              "set -e\n"
                              "echo $HOME\n"
                              "EOF\n"
                              "\thello\n"
                              "\tEND\n"
                              "CMD [\"sh\"]\n");
  ASSERT_EQ(df.instructions.size(), 3u);
  const Instruction& run = df.instructions[1];
  ASSERT_EQ(run.heredocs.size(), 2u);
  EXPECT_EQ(run.heredocs[0].name, "EOF");
  EXPECT_TRUE(run.heredocs[0].expand);
  EXPECT_EQ(Text(df, run.heredocs[0].word), "<<EOF");
  EXPECT_EQ(Text(df, run.heredocs[0].body), "set -e\necho $HOME\n");
  EXPECT_EQ(Text(df, run.heredocs[0].terminator), "EOF");
  EXPECT_EQ(run.heredocs[1].name, "END");
  EXPECT_FALSE(run.heredocs[1].expand);
  EXPECT_TRUE(run.heredocs[1].chomp);
  EXPECT_EQ(Text(df, run.heredocs[1].word), "<<-'END'");
  EXPECT_EQ(Text(df, run.heredocs[1].body), "\thello\n");
  EXPECT_EQ(Text(df, run.heredocs[1].terminator), "\tEND");
  EXPECT_EQ(run.end_line, 7u);
  EXPECT_EQ(Text(df, run.range).substr(Text(df, run.range).size() - 4), "\tEND");
  EXPECT_EQ(df.instructions[2].start_line, 8u);
}

TEST(Parser, OnbuildTriggerAndJsonRanges) {
  const Dockerfile df = Parse("Dockerfile",
                              "FROM alpine\n"
                              "ONBUILD COPY --chown=app . /app\n"
                              "ENTRYPOINT [ \"/bin/sh\", \"-c\\u0021\" ]\n");
  const Instruction& onbuild = df.instructions[1];
  ASSERT_TRUE(onbuild.trigger);
  EXPECT_EQ(onbuild.trigger->keyword, Keyword::kCopy);
  EXPECT_EQ(Text(df, onbuild.trigger->word.range), "COPY");
  EXPECT_EQ(Text(df, onbuild.trigger->flags[0].range), "--chown=app");
  EXPECT_EQ(DumpInstruction(onbuild), "onbuild (copy [\"--chown=app\"] \".\" \"/app\")");
  const Instruction& entry = df.instructions[2];
  EXPECT_TRUE(entry.json);
  ASSERT_EQ(entry.args.size(), 2u);
  EXPECT_EQ(entry.args[1].value, "-c!");
  EXPECT_EQ(Text(df, entry.args[1].range), "\"-c\\u0021\"");
}

TEST(Parser, QuotedFlagsAndDirectives) {
  const Dockerfile df = Parse("Dockerfile",
                              "\xEF\xBB\xBF# syntax=docker/dockerfile:1.7\n"
                              "# check=skip=JSONArgsRecommended\n"
                              "FROM alpine\n"
                              "COPY --chown=\"app user\" a b\n");
  EXPECT_EQ(df.bom_size, 3u);
  ASSERT_EQ(df.directives.size(), 2u);
  EXPECT_EQ(df.directives[0].value, "docker/dockerfile:1.7");
  EXPECT_EQ(df.FindDirective("check")->value, "skip=JSONArgsRecommended");
  const Flag& chown = df.instructions[1].flags[0];
  EXPECT_EQ(chown.text, "--chown=app user");
  EXPECT_EQ(Text(df, chown.range), "--chown=\"app user\"");
  EXPECT_EQ(df.lines().PositionOf(chown.range.begin), (base::Position{4, 6}));
}

TEST(Parser, EmptyAndCommentOnlyFiles) {
  for (const char* text : {"", "\n\n", "# only a comment\n", "\xEF\xBB\xBF"}) {
    const Dockerfile df = Parse("Dockerfile", text);
    EXPECT_TRUE(df.instructions.empty());
    ASSERT_NE(df.FirstBuildKitError(), nullptr);
    EXPECT_EQ(df.FirstBuildKitError()->message, "file with no instructions");
  }
}

}  // namespace
}  // namespace shipshape::syntax
