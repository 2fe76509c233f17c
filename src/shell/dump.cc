#include "shell/dump.h"

namespace shipshape::shell {
namespace {

void DumpList(std::string& out, const List& list);
void DumpNode(std::string& out, const Node& node);

void DumpWord(std::string& out, const Word& w) {
  for (const WordPart& p : w.parts) {
    if ((p.kind == WordPart::Kind::kCommandSub || p.kind == WordPart::Kind::kBackquote ||
         p.kind == WordPart::Kind::kProcessSub) &&
        p.sub) {
      out += "$(";
      DumpList(out, *p.sub);
      out += ")";
    } else if (p.kind == WordPart::Kind::kParam) {
      out += "${" + p.value + p.param_op + "}";
    } else if (p.kind == WordPart::Kind::kDoubleQuoted) {
      out += '"';
      for (const WordPart& q : p.parts) {
        if (q.kind == WordPart::Kind::kParam) {
          out += "${" + q.value + q.param_op + "}";
        } else if (q.sub) {
          out += "$(";
          DumpList(out, *q.sub);
          out += ")";
        } else if (q.kind == WordPart::Kind::kArith) {
          out += "$((...))";
        } else {
          out += q.value;
        }
      }
      out += '"';
    } else if (p.kind == WordPart::Kind::kArith) {
      out += p.value.empty() ? "$((...))" : p.value;
    } else {
      out += p.value;
    }
  }
}

void DumpWords(std::string& out, const std::vector<Word>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += ' ';
    DumpWord(out, words[i]);
  }
}

void DumpNode(std::string& out, const Node& n) {
  switch (n.kind) {
    case Node::Kind::kSimple: {
      bool first = true;
      auto sep = [&] {
        if (!first) out += ' ';
        first = false;
      };
      for (const Word& a : n.assignments) {
        sep();
        out += '[';
        DumpWord(out, a);
        out += ']';
      }
      for (const Word& w : n.words) {
        sep();
        DumpWord(out, w);
      }
      for (const Redirect& r : n.redirects) {
        sep();
        if (r.fd >= 0) out += std::to_string(r.fd);
        out += r.op;
        DumpWord(out, r.target);
      }
      return;
    }
    case Node::Kind::kSubshell:
      out += "(subshell ";
      DumpList(out, n.lists[0]);
      out += ')';
      break;
    case Node::Kind::kGroup:
      out += "(group ";
      DumpList(out, n.lists[0]);
      out += ')';
      break;
    case Node::Kind::kIf:
      out += "(if";
      for (const List& l : n.lists) {
        out += " {";
        DumpList(out, l);
        out += '}';
      }
      out += ')';
      break;
    case Node::Kind::kFor:
      out += "(for ";
      DumpWords(out, n.words);
      out += " {";
      if (!n.lists.empty()) DumpList(out, n.lists[0]);
      out += "})";
      break;
    case Node::Kind::kWhile:
    case Node::Kind::kUntil:
      out += n.kind == Node::Kind::kWhile ? "(while {" : "(until {";
      if (!n.lists.empty()) DumpList(out, n.lists[0]);
      out += "} {";
      if (n.lists.size() > 1) DumpList(out, n.lists[1]);
      out += "})";
      break;
    case Node::Kind::kCase:
      out += "(case ";
      DumpWords(out, n.words);
      for (std::size_t i = 0; i < n.patterns.size(); ++i) {
        out += " [";
        for (std::size_t k = 0; k < n.patterns[i].size(); ++k) {
          if (k) out += '|';
          DumpWord(out, n.patterns[i][k]);
        }
        out += "] {";
        if (i < n.lists.size()) DumpList(out, n.lists[i]);
        out += '}';
      }
      out += ')';
      break;
    case Node::Kind::kFunction:
      out += "(function ";
      DumpWords(out, n.words);
      out += ' ';
      if (n.body) DumpNode(out, *n.body);
      out += ')';
      break;
    case Node::Kind::kTest:
      out += "(test ";
      DumpWords(out, n.words);
      out += ')';
      break;
    case Node::Kind::kArith:
      out += "(arith)";
      break;
  }
  for (const Redirect& r : n.redirects) {
    out += ' ';
    if (r.fd >= 0) out += std::to_string(r.fd);
    out += r.op;
    DumpWord(out, r.target);
  }
}

void DumpList(std::string& out, const List& list) {
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const AndOr& a = list.items[i];
    if (i) out += "; ";
    for (std::size_t k = 0; k < a.pipelines.size(); ++k) {
      if (k) out += a.and_ops[k - 1] ? " && " : " || ";
      const Pipeline& p = a.pipelines[k];
      if (p.negated) out += "! ";
      if (p.timed) out += "time ";
      for (std::size_t c = 0; c < p.commands.size(); ++c) {
        if (c) out += p.stderr_piped[c - 1] ? " |& " : " | ";
        DumpNode(out, *p.commands[c]);
      }
    }
    if (a.background) out += " &";
  }
}

}  // namespace

std::string Dump(const List& list) {
  std::string out;
  DumpList(out, list);
  return out;
}

std::string Dump(const Node& node) {
  std::string out;
  DumpNode(out, node);
  return out;
}

}  // namespace shipshape::shell
