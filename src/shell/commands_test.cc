#include "shell/commands.h"

#include <gtest/gtest.h>

#include "syntax/parser.h"

namespace shipshape::shell {
namespace {

/// A Dockerfile, its model, and the analysis of one of its RUNs.
struct Fixture {
  explicit Fixture(std::string text)
      : df(syntax::Parse("Dockerfile", std::move(text))), model(model::Model::Build(df)) {}

  /// The analysis of the `n`-th RUN (0-based).
  Analysis RunNumber(std::size_t n) {
    for (std::size_t i = 0; i < df.instructions.size(); ++i) {
      const syntax::Instruction& inst = df.instructions[i];
      const bool is_run = inst.keyword == syntax::Keyword::kRun ||
                          (inst.trigger && inst.trigger->keyword == syntax::Keyword::kRun);
      if (is_run && n-- == 0) return Analysis::Analyze(model, i);
    }
    ADD_FAILURE() << "no such RUN";
    return Analysis::Analyze(model, 0);
  }
  std::string_view Text(base::Range r) const { return base::Slice(df.text(), r); }

  syntax::Dockerfile df;
  model::Model model;
};

std::vector<std::string> Names(const Analysis& run) {
  std::vector<std::string> out;
  for (const Command& c : run.commands()) out.push_back(c.name);
  return out;
}

std::vector<std::string> Values(const std::vector<Argument>& args) {
  std::vector<std::string> out;
  for (const Argument& a : args) out.push_back(a.value);
  return out;
}

TEST(ShellCommands, RangesAcrossContinuationLines) {
  Fixture f(
      "FROM debian:12\n"
      "RUN apt-get update && \\\n"
      "    apt-get install -y --no-install-recommends \\\n"
      "        curl \\\n"
      "# a comment BuildKit drops\n"
      "        ca-certificates \\\n"
      " && rm -rf /var/lib/apt/lists/*\n");
  const Analysis run = f.RunNumber(0);
  ASSERT_TRUE(run.posix());
  ASSERT_TRUE(run.errors().empty());
  EXPECT_EQ(Names(run), (std::vector<std::string>{"apt-get", "apt-get", "rm"}));
  const Command& install = run.commands()[1];
  EXPECT_TRUE(install.IsSubcommand({"install"}));
  EXPECT_TRUE(install.HasOption({"y", "yes", "assume-yes"}));
  EXPECT_TRUE(install.HasOption({"no-install-recommends"}));
  const std::vector<Argument> packages = run.Packages(install);
  ASSERT_EQ(Values(packages), (std::vector<std::string>{"curl", "ca-certificates"}));
  // The bytes at each word's range are exactly the word.
  EXPECT_EQ(f.Text(packages[0].range), "curl");
  EXPECT_EQ(f.Text(packages[1].range), "ca-certificates");
  EXPECT_EQ(f.df.lines().PositionOf(packages[1].range.begin), (base::Position{6, 9}));
  EXPECT_EQ(f.Text(install.subcommand->range), "install");
  EXPECT_EQ(f.Text(install.options[1].range), "--no-install-recommends");
  EXPECT_EQ(f.Text(run.commands()[2].range), "rm -rf /var/lib/apt/lists/*");
  EXPECT_TRUE(run.RemovedLater(install, "/var/lib/apt/lists"));
  EXPECT_FALSE(run.RemovedLater(run.commands()[2], "/var/lib/apt/lists"));
  EXPECT_EQ(f.Text(install.range),
            "apt-get install -y --no-install-recommends \\\n        curl \\\n"
            "# a comment BuildKit drops\n        ca-certificates");
}

TEST(ShellCommands, BacktickEscapeFile) {
  Fixture f(
      "# escape=`\n"
      "FROM alpine\n"
      "SHELL [\"/bin/sh\", \"-c\"]\n"
      "RUN apk add --no-cache `\n"
      "      git `\n"
      "      make && echo \"C:\\path\"\n");
  const Analysis run = f.RunNumber(0);
  ASSERT_TRUE(run.posix());
  ASSERT_EQ(run.commands().size(), 2u);
  const Command& add = run.commands()[0];
  EXPECT_EQ(add.name, "apk");
  EXPECT_TRUE(add.HasOption({"no-cache"}));
  const std::vector<Argument> packages = run.Packages(add);
  ASSERT_EQ(Values(packages), (std::vector<std::string>{"git", "make"}));
  EXPECT_EQ(f.Text(packages[1].range), "make");
  EXPECT_EQ(f.df.lines().PositionOf(packages[1].range.begin), (base::Position{6, 7}));
}

TEST(ShellCommands, WindowsFilesAndOtherShellsAreNotPosix) {
  Fixture windows(
      "# escape=`\n"
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
      "RUN powershell -Command Install-WindowsFeature Web-Server\n");
  EXPECT_FALSE(windows.RunNumber(0).posix());
  Fixture pwsh(
      "FROM mcr.microsoft.com/powershell\n"
      "SHELL [\"pwsh\", \"-Command\"]\n"
      "RUN Get-ChildItem | Where-Object { $_.Length -gt 1 }\n");
  const Analysis run = pwsh.RunNumber(0);
  EXPECT_FALSE(run.posix());
  EXPECT_EQ(run.script().interpreter, Interpreter::kPowerShell);
  EXPECT_TRUE(run.commands().empty());
  Fixture python(
      "FROM python:3.12\n"
      "RUN <<EOF\n"
      "#!/usr/bin/env python3\n"
      "print('hi')\n"
      "EOF\n");
  EXPECT_FALSE(python.RunNumber(0).posix());
}

TEST(ShellCommands, HeredocScripts) {
  Fixture f(
      "FROM alpine\n"
      "RUN <<EOF\n"
      "set -eux\n"
      "apk add curl\n"
      "EOF\n"
      "RUN cat <<CONF > /etc/app.conf && chmod 600 /etc/app.conf\n"
      "key=$VALUE\n"
      "CONF\n"
      "RUN <<-EOT\n"
      "\tapk add \\\n"
      "\t  jq\n"
      "\tEOT\n");
  const Analysis body = f.RunNumber(0);
  ASSERT_EQ(Names(body), (std::vector<std::string>{"set", "apk"}));
  const Command& add = body.commands()[1];
  EXPECT_TRUE(add.context.errexit);
  EXPECT_EQ(f.Text(add.range), "apk add curl");
  EXPECT_EQ(f.df.lines().PositionOf(add.range.begin).line, 4u);

  const Analysis redirect = f.RunNumber(1);
  ASSERT_TRUE(redirect.errors().empty());
  ASSERT_EQ(Names(redirect), (std::vector<std::string>{"cat", "chmod"}));
  const Redirect& r = redirect.commands()[0].node->redirects[0];
  EXPECT_EQ(f.Text(redirect.SourceRange(r.body_begin, r.body_end)), "key=$VALUE\n");
  EXPECT_EQ(f.Text(redirect.commands()[1].args[1].range), "/etc/app.conf");

  const Analysis chomped = f.RunNumber(2);
  ASSERT_EQ(Names(chomped), (std::vector<std::string>{"apk"}));
  const std::vector<Argument> packages = chomped.Packages(chomped.commands()[0]);
  ASSERT_EQ(Values(packages), std::vector<std::string>{"jq"});
  EXPECT_EQ(f.Text(packages[0].range), "jq");
}

TEST(ShellCommands, WrappersAndEmbeddedScripts) {
  Fixture f(
      "FROM ubuntu\n"
      "RUN sudo -E -u root env DEBIAN_FRONTEND=noninteractive apt-get install -qq vim\n"
      "RUN sh -c 'apt-get update && apt-get install -y \"git\"'\n"
      "RUN find . -name '*.o' | xargs -r -n 1 rm -f\n"
      "RUN nice -n 10 timeout -s KILL 30s make all && nohup ./server &\n"
      "RUN su app -c \"pip install --user flask\"\n"
      "RUN [\"/bin/bash\", \"-c\", \"set -o pipefail && wget -qO- x | sh\"]\n");
  {
    const Analysis run = f.RunNumber(0);
    ASSERT_EQ(run.commands().size(), 1u);
    const Command& c = run.commands()[0];
    EXPECT_EQ(c.name, "apt-get");
    EXPECT_EQ(c.wrappers, (std::vector<std::string>{"sudo", "env"}));
    ASSERT_EQ(c.assignments.size(), 1u);
    EXPECT_EQ(c.assignments[0]->value, "DEBIAN_FRONTEND=noninteractive");
    EXPECT_TRUE(c.HasOption({"q"}));
    EXPECT_EQ(c.options.size(), 2u);  // -qq is two q's
    EXPECT_EQ(Values(run.Packages(c)), std::vector<std::string>{"vim"});
  }
  {
    const Analysis run = f.RunNumber(1);
    ASSERT_EQ(Names(run), (std::vector<std::string>{"apt-get", "apt-get"}));
    const Command& install = run.commands()[1];
    EXPECT_EQ(install.wrappers, std::vector<std::string>{"sh -c"});
    const std::vector<Argument> packages = run.Packages(install);
    ASSERT_EQ(Values(packages), std::vector<std::string>{"git"});
    EXPECT_EQ(f.Text(packages[0].range), "\"git\"");
    EXPECT_EQ(f.Text(install.subcommand->range), "install");
  }
  {
    const Analysis run = f.RunNumber(2);
    ASSERT_EQ(Names(run), (std::vector<std::string>{"find", "rm"}));
    EXPECT_EQ(run.commands()[1].wrappers, std::vector<std::string>{"xargs"});
    EXPECT_EQ(run.commands()[1].context.pipeline_position, 1);
    EXPECT_EQ(run.commands()[1].context.pipeline_size, 2);
  }
  {
    const Analysis run = f.RunNumber(3);
    ASSERT_EQ(Names(run), (std::vector<std::string>{"make", "server"}));
    EXPECT_EQ(run.commands()[0].wrappers, (std::vector<std::string>{"nice", "timeout"}));
    EXPECT_EQ(Values(run.commands()[0].args), std::vector<std::string>{"all"});
    EXPECT_TRUE(run.commands()[1].context.background);
    EXPECT_EQ(run.commands()[1].name, "server");
  }
  {
    const Analysis run = f.RunNumber(4);
    ASSERT_EQ(Names(run), std::vector<std::string>{"pip"});
    EXPECT_EQ(run.commands()[0].wrappers, std::vector<std::string>{"su -c"});
    EXPECT_EQ(Values(run.Packages(run.commands()[0])), std::vector<std::string>{"flask"});
  }
  {
    const Analysis run = f.RunNumber(5);
    ASSERT_TRUE(run.posix());
    ASSERT_EQ(Names(run), (std::vector<std::string>{"set", "wget", "sh"}));
    EXPECT_TRUE(run.commands()[1].context.pipefail);
    EXPECT_EQ(f.Text(run.commands()[1].range), "wget -qO- x");
  }
}

TEST(ShellCommands, ExecFormWithoutShell) {
  Fixture f("FROM debian\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n");
  const Analysis run = f.RunNumber(0);
  EXPECT_FALSE(run.posix());
  EXPECT_EQ(run.script().interpreter, Interpreter::kExec);
  ASSERT_EQ(run.commands().size(), 1u);
  EXPECT_EQ(run.commands()[0].name, "apt-get");
  EXPECT_EQ(Values(run.Packages(run.commands()[0])), std::vector<std::string>{"curl"});
  EXPECT_EQ(f.Text(run.commands()[0].args[0].range), "\"curl\"");
}

TEST(ShellCommands, ValuesKnownFromTheDockerfile) {
  Fixture f(
      "ARG TAG=3.12\n"
      "FROM alpine\n"
      "ARG PKGS=\"curl git\"\n"
      "ARG VERSION\n"
      "ENV HOME_DIR=/opt/app\n"
      "RUN apk add $PKGS \"$PKGS\" py3-${TAG:-x} pkg=${VERSION} ${HOME_DIR}/bin $(cat list) \\\n"
      "    && DIR=/srv && mkdir -p $DIR/data $UNDEFINED\n");
  const Analysis run = f.RunNumber(0);
  // `cat list` runs first: a substitution runs before its command.
  EXPECT_EQ(Names(run), (std::vector<std::string>{"cat", "apk", "mkdir"}));
  const Command& add = *run.Named("apk")[0];
  std::vector<std::string> values;
  std::vector<bool> known;
  for (const Argument& a : add.args) {
    values.push_back(a.value);
    known.push_back(a.known);
  }
  EXPECT_EQ(values, (std::vector<std::string>{"curl", "git", "curl git", "py3-${TAG:-x}",
                                              "pkg=${VERSION}", "/opt/app/bin", "$(cat list)"}));
  // TAG is a global ARG not redeclared in the stage: the Dockerfile does not set it there,
  // but the base image's environment might, so `${TAG:-x}` is not known. VERSION is declared
  // without a value (only the build sets it).
  EXPECT_EQ(known, (std::vector<bool>{true, true, true, false, false, true, false}));
  EXPECT_EQ(f.Text(add.args[0].range), "$PKGS");
  EXPECT_EQ(f.Text(add.args[1].range), "$PKGS");
  const Command& mkdir = *run.Named("mkdir")[0];
  ASSERT_EQ(mkdir.args.size(), 2u);
  EXPECT_EQ(mkdir.args[0].value, "/srv/data");
  EXPECT_TRUE(mkdir.args[0].known);
  EXPECT_FALSE(mkdir.args[1].known);
}

TEST(ShellCommands, ShellOptionsInEffect) {
  Fixture f(
      "FROM debian\n"
      "RUN curl x | sh && set -euo pipefail && curl y | sh\n"
      "SHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\n"
      "RUN wget -O- z | tar xz\n"
      "FROM alpine\n"
      "SHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\n"
      "RUN set +o pipefail; a | b\n"
      "FROM busybox\n"
      "SHELL [\"/bin/busybox\", \"sh\", \"-o\", \"pipefail\", \"-c\"]\n"
      "RUN a | b\n");
  const Analysis first = f.RunNumber(0);
  ASSERT_EQ(Names(first), (std::vector<std::string>{"curl", "sh", "set", "curl", "sh"}));
  EXPECT_FALSE(first.commands()[0].context.pipefail);
  EXPECT_TRUE(first.commands()[3].context.pipefail);
  EXPECT_TRUE(first.commands()[3].context.errexit);
  const Analysis bash = f.RunNumber(1);
  EXPECT_EQ(bash.script().dialect, "bash");
  EXPECT_TRUE(bash.script().pipefail);
  EXPECT_TRUE(bash.script().errexit);
  EXPECT_TRUE(bash.commands()[0].context.pipefail);
  const Analysis ash = f.RunNumber(2);
  EXPECT_TRUE(ash.script().pipefail);
  EXPECT_FALSE(ash.commands()[1].context.pipefail);
  const Analysis busybox = f.RunNumber(3);
  EXPECT_TRUE(busybox.posix());
  EXPECT_TRUE(busybox.commands()[0].context.pipefail);
}

TEST(ShellCommands, ContextsAndQueries) {
  Fixture f(
      "FROM debian\n"
      "RUN --mount=type=cache,target=/var/cache/apt --mount=type=tmpfs,target=/tmp \\\n"
      "    if command -v curl; then curl -fsSL x; else apt-get install curl || true; fi && \\\n"
      "    (cd /src && make) && pip install -r requirements.txt --no-cache-dir flask==3.0\n");
  const Analysis run = f.RunNumber(0);
  ASSERT_TRUE(run.errors().empty());
  EXPECT_EQ(Names(run),
            (std::vector<std::string>{"command", "curl", "apt-get", "true", "cd", "make", "pip"}));
  EXPECT_TRUE(run.commands()[0].context.in_condition);
  EXPECT_FALSE(run.commands()[1].context.in_condition);
  EXPECT_TRUE(run.commands()[3].context.after_or);
  EXPECT_TRUE(run.commands()[4].context.in_subshell);
  EXPECT_EQ(run.Named("apt-get", {"install"}).size(), 1u);
  EXPECT_TRUE(run.Named("apk").empty());
  const Command& pip = run.commands()[6];
  EXPECT_EQ(pip.FindOption({"r", "requirement"})->value, "requirements.txt");
  EXPECT_EQ(Values(run.Packages(pip)), std::vector<std::string>{"flask==3.0"});
  EXPECT_TRUE(run.HasMount("cache", "/var/cache/apt"));
  EXPECT_TRUE(run.HasMount("cache", "/var/cache/apt/archives"));
  EXPECT_TRUE(run.HasMount("tmpfs", ""));
  EXPECT_FALSE(run.HasMount("cache", "/root/.cache/pip"));
}

TEST(ShellCommands, OptionTablesOfCommonTools) {
  Fixture f(
      "FROM debian\n"
      "RUN zypper -n install curl && dnf install --nodocs curl && useradd -U -u 123456 app && \\\n"
      "    wget -nv https://x && tar -xf a.tar -I zstd -C /opt && zypper in -t pattern devel\n");
  const Analysis run = f.RunNumber(0);
  ASSERT_TRUE(run.errors().empty());
  const std::vector<Command>& c = run.commands();
  ASSERT_EQ(c.size(), 6u);
  EXPECT_EQ(c[0].subcommand->value, "install");
  EXPECT_TRUE(c[0].HasOption({"n"}));
  EXPECT_EQ(Values(c[0].args), std::vector<std::string>{"curl"});
  EXPECT_EQ(Values(c[1].args), std::vector<std::string>{"curl"});
  EXPECT_EQ(c[2].FindOption({"u"})->value, "123456");
  EXPECT_EQ(Values(c[2].args), std::vector<std::string>{"app"});
  EXPECT_TRUE(c[3].HasOption({"nv"}));
  EXPECT_FALSE(c[3].HasOption({"v"}));
  EXPECT_EQ(c[4].FindOption({"I"})->value, "zstd");
  EXPECT_EQ(c[4].FindOption({"C"})->value, "/opt");
  EXPECT_EQ(Values(c[4].args), std::vector<std::string>{});
  EXPECT_EQ(c[5].FindOption({"t"})->value, "pattern");
  EXPECT_EQ(Values(c[5].args), std::vector<std::string>{"devel"});
}

TEST(ShellCommands, ShellErrorsPointIntoTheDockerfile) {
  Fixture f(
      "FROM alpine\n"
      "RUN echo ok && \\\n"
      "    echo \"oops && \\\n"
      "    true\n");
  const Analysis run = f.RunNumber(0);
  ASSERT_EQ(run.errors().size(), 1u);
  EXPECT_EQ(run.errors()[0].message, "`\"` is not closed");
  EXPECT_EQ(f.df.lines().PositionOf(run.errors()[0].begin), (base::Position{3, 10}));
}

TEST(ShellCommands, PathCovers) {
  EXPECT_TRUE(PathCovers("/var/lib/apt/lists/*", "/var/lib/apt/lists"));
  EXPECT_TRUE(PathCovers("/var/lib/apt/lists/", "/var/lib/apt/lists"));
  EXPECT_TRUE(PathCovers("/var/lib/apt", "/var/lib/apt/lists"));
  EXPECT_TRUE(PathCovers("/tmp/*", "/tmp/x"));
  EXPECT_FALSE(PathCovers("/var/lib/apt/lists/*.deb", "/var/lib/apt/lists/x"));
  EXPECT_FALSE(PathCovers("/var/lib/ap", "/var/lib/apt"));
  EXPECT_FALSE(PathCovers("/var/cache", "/var/lib"));
}

}  // namespace
}  // namespace shipshape::shell
