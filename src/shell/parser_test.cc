#include "shell/parser.h"

#include <gtest/gtest.h>

#include "shell/dump.h"

namespace shipshape::shell {
namespace {

std::string Dumped(std::string_view script) {
  const Tree t = Parse(script);
  std::string out = Dump(t.root);
  for (const ShellError& e : t.errors) out += " !" + e.message;
  return out;
}

TEST(ShellParser, ListsAndPipelines) {
  EXPECT_EQ(Dumped("a && b || c; d & e\nf | g |& h"), "a && b || c; d &; e; f | g |& h");
  EXPECT_EQ(Dumped("! a | b"), "! a | b");
  EXPECT_EQ(Dumped("a &&\n  b"), "a && b");
  EXPECT_EQ(Dumped("time make -j4"), "time make -j4");
}

TEST(ShellParser, OperatorOffsets) {
  const std::string script = "a | b && c || d |& e";
  const Tree t = Parse(script);
  const AndOr& a = t.root.items[0];
  ASSERT_EQ(a.op_offsets.size(), 2u);
  EXPECT_EQ(script.substr(a.op_offsets[0], 2), "&&");
  EXPECT_EQ(script.substr(a.op_offsets[1], 2), "||");
  ASSERT_EQ(a.pipelines[0].pipe_offsets.size(), 1u);
  EXPECT_EQ(script[a.pipelines[0].pipe_offsets[0]], '|');
  EXPECT_EQ(script.substr(a.pipelines[2].pipe_offsets[0], 2), "|&");
}

TEST(ShellParser, Quoting) {
  const Tree t = Parse("echo 'a b' \"c $HOME d\" e\\ f $'g\\th' \"\" x\"y\"z");
  ASSERT_TRUE(t.errors.empty());
  const Node& cmd = *t.root.items[0].pipelines[0].commands[0];
  ASSERT_EQ(cmd.words.size(), 7u);
  EXPECT_EQ(cmd.words[1].value, "a b");
  EXPECT_TRUE(cmd.words[1].literal);
  EXPECT_EQ(cmd.words[2].value, "c $HOME d");
  EXPECT_FALSE(cmd.words[2].literal);
  EXPECT_EQ(cmd.words[3].value, "e f");
  EXPECT_EQ(cmd.words[4].value, "g\th");
  EXPECT_EQ(cmd.words[5].value, "");
  EXPECT_TRUE(cmd.words[5].literal);
  EXPECT_EQ(cmd.words[6].value, "xyz");
}

TEST(ShellParser, Expansions) {
  const Tree t = Parse("echo $A ${B:-x y} $(uname -m) `date` $((1 + 2)) \"$@\" $1 <(ls)");
  ASSERT_TRUE(t.errors.empty());
  const Node& cmd = *t.root.items[0].pipelines[0].commands[0];
  ASSERT_EQ(cmd.words.size(), 9u);
  EXPECT_EQ(cmd.words[1].parts[0].kind, WordPart::Kind::kParam);
  EXPECT_EQ(cmd.words[1].parts[0].value, "A");
  EXPECT_EQ(cmd.words[2].parts[0].value, "B");
  EXPECT_EQ(cmd.words[2].parts[0].param_op, ":-x y");
  EXPECT_EQ(cmd.words[3].parts[0].kind, WordPart::Kind::kCommandSub);
  EXPECT_EQ(Dump(*cmd.words[3].parts[0].sub), "uname -m");
  EXPECT_EQ(cmd.words[4].parts[0].kind, WordPart::Kind::kBackquote);
  EXPECT_EQ(Dump(*cmd.words[4].parts[0].sub), "date");
  EXPECT_EQ(cmd.words[5].parts[0].kind, WordPart::Kind::kArith);
  EXPECT_EQ(cmd.words[6].parts[0].parts[0].value, "@");
  EXPECT_EQ(cmd.words[7].parts[0].value, "1");
  EXPECT_EQ(cmd.words[8].parts[0].kind, WordPart::Kind::kProcessSub);
  for (std::size_t i = 1; i < cmd.words.size(); ++i) EXPECT_FALSE(cmd.words[i].literal) << i;
}

TEST(ShellParser, BackquoteEscapesKeepOffsets) {
  const std::string script = "echo `echo \\`date\\``";
  const Tree t = Parse(script);
  ASSERT_TRUE(t.errors.empty());
  const WordPart& outer = t.root.items[0].pipelines[0].commands[0]->words[1].parts[0];
  const Node& inner = *outer.sub->items[0].pipelines[0].commands[0];
  EXPECT_EQ(inner.words[0].value, "echo");
  EXPECT_EQ(script.substr(inner.words[0].begin, inner.words[0].end - inner.words[0].begin), "echo");
}

TEST(ShellParser, CompoundCommands) {
  EXPECT_EQ(Dumped("if [ -f x ]; then a; elif b; then c; else d; fi"),
            "(if {[ -f x ]} {a} {b} {c} {d})");
  EXPECT_EQ(Dumped("for i in 1 2 \"3 4\"; do echo $i; done"), "(for i 1 2 \"3 4\" {echo ${i}})");
  EXPECT_EQ(Dumped("while read l; do :; done < f"), "(while {read l} {:}) <f");
  EXPECT_EQ(Dumped("until false\ndo\n  sleep 1\ndone"), "(until {false} {sleep 1})");
  EXPECT_EQ(Dumped("case $x in a|b) one;; (c) two ;; *) ;; esac"),
            "(case ${x} [a|b] {one} [c] {two} [*] {})");
  EXPECT_EQ(Dumped("( cd /a && make ) || { echo no; exit 1; }"),
            "(subshell cd /a && make) || (group echo no; exit 1)");
  EXPECT_EQ(Dumped("f() { g; }; function h { i; }"),
            "(function f (group g)); (function h (group i))");
  EXPECT_EQ(Dumped("[[ -n $a && $b == c* ]] || exit"), "(test -n ${a} && ${b} == c*) || exit");
  EXPECT_EQ(Dumped("(( i++ )); for ((i=0;i<3;i++)); do x; done"),
            "(arith); (for ((i=0;i<3;i++)) {x})");
}

TEST(ShellParser, AssignmentsAndRedirects) {
  const Tree t =
      Parse("DEBIAN_FRONTEND=noninteractive A=\"x y\" apt-get install -y x 2>&1 >>/log <in");
  ASSERT_TRUE(t.errors.empty());
  const Node& cmd = *t.root.items[0].pipelines[0].commands[0];
  ASSERT_EQ(cmd.assignments.size(), 2u);
  EXPECT_EQ(cmd.assignments[0].value, "DEBIAN_FRONTEND=noninteractive");
  EXPECT_EQ(cmd.assignments[1].value, "A=x y");
  EXPECT_EQ(cmd.words.size(), 4u);
  ASSERT_EQ(cmd.redirects.size(), 3u);
  EXPECT_EQ(cmd.redirects[0].fd, 2);
  EXPECT_EQ(cmd.redirects[0].op, ">&");
  EXPECT_EQ(cmd.redirects[0].target.value, "1");
  EXPECT_EQ(cmd.redirects[1].op, ">>");
  EXPECT_EQ(cmd.redirects[2].op, "<");
  EXPECT_EQ(Dumped("arr=(a \"b c\") ; echo ${arr[0]}"), "[arr=(a \"b c\")]; echo ${arr[0]}");
}

TEST(ShellParser, HereDocuments) {
  const std::string script =
      "cat <<EOF >/etc/motd && cat <<-'END'\nhello $USER\nEOF\n\tbye\n\tEND\necho done";
  const Tree t = Parse(script);
  ASSERT_TRUE(t.errors.empty()) << t.errors[0].message;
  const AndOr& first = t.root.items[0];
  ASSERT_EQ(first.pipelines.size(), 2u);
  const Redirect& a = first.pipelines[0].commands[0]->redirects[0];
  EXPECT_EQ(a.op, "<<");
  EXPECT_FALSE(a.heredoc_quoted);
  EXPECT_EQ(script.substr(a.body_begin, a.body_end - a.body_begin), "hello $USER\n");
  const Redirect& b = first.pipelines[1].commands[0]->redirects[0];
  EXPECT_EQ(b.op, "<<-");
  EXPECT_TRUE(b.heredoc_quoted);
  EXPECT_EQ(script.substr(b.body_begin, b.body_end - b.body_begin), "\tbye\n");
  EXPECT_EQ(Dump(t.root.items[1].pipelines[0].commands[0]->words[0].parts[0].value == "echo"
                     ? *t.root.items[1].pipelines[0].commands[0]
                     : *t.root.items[0].pipelines[0].commands[0]),
            "echo done");
}

TEST(ShellParser, ErrorsAreReportedAndParsingGoesOn) {
  {
    const Tree t = Parse("echo \"unterminated");
    ASSERT_EQ(t.errors.size(), 1u);
    EXPECT_EQ(t.errors[0].message, "`\"` is not closed");
    EXPECT_EQ(t.errors[0].begin, 5u);
  }
  {
    const Tree t = Parse("if true; then a\nb; c");
    ASSERT_FALSE(t.errors.empty());
    EXPECT_EQ(t.errors[0].message, "expected `fi`");
  }
  {
    const Tree t = Parse("a ) b; fi; c");
    EXPECT_EQ(t.errors.size(), 2u);
    EXPECT_NE(Dump(t.root).find("c"), std::string::npos);
  }
  {
    const Tree t = Parse("a && ; b |");
    EXPECT_EQ(t.errors.size(), 2u);
  }
  {
    // cmd.exe and template syntax that sh rejects; what follows is still parsed.
    const Tree t = Parse("icacls C:\\x /grant \"A B\":(OI)(CI)F && echo ok");
    ASSERT_EQ(t.errors.size(), 1u);
    EXPECT_EQ(t.errors[0].begin, 25u);  // the first `(`
    EXPECT_NE(Dump(t.root).find("echo ok"), std::string::npos);
  }
}

TEST(ShellParser, DeepNestingIsAnError) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "$(";
  for (int i = 0; i < 5000; ++i) deep += ")";
  const Tree t = Parse("echo " + deep);
  ASSERT_FALSE(t.errors.empty());
  std::string brace;
  for (int i = 0; i < 5000; ++i) brace += "{ ";
  EXPECT_FALSE(Parse(brace).errors.empty());
  std::string sub;
  for (int i = 0; i < 3000; ++i) sub += "(";
  EXPECT_FALSE(Parse(sub).errors.empty());
}

TEST(ShellParser, Comments) { EXPECT_EQ(Dumped("a # b && c\nd#e"), "a; d#e"); }

}  // namespace
}  // namespace shipshape::shell
