#include "syntax/dump.h"

#include "base/go_quote.h"
#include "base/utf8.h"

namespace shipshape::syntax {
namespace {

void AppendInstruction(std::string& out, const Instruction& inst) {
  const std::size_t start = out.size();
  out += base::ToLower(inst.word.value);
  if (!inst.flags.empty()) {
    out += " [";
    for (std::size_t i = 0; i < inst.flags.size(); ++i) {
      if (i) out += ' ';
      base::AppendGoQuoted(out, inst.flags[i].text);
    }
    out += ']';
  }
  switch (inst.keyword) {
    case Keyword::kEnv:
    case Keyword::kLabel:
      for (const KeyValue& kv : inst.pairs) {
        out += ' ';
        base::AppendGoQuoted(out, kv.key.value);
        out += ' ';
        base::AppendGoQuoted(out, kv.value.value);
        out += kv.has_equals ? " \"=\"" : " \"\"";
      }
      break;
    case Keyword::kOnbuild:
      if (inst.trigger) {
        out += " (";
        AppendInstruction(out, *inst.trigger);
        out += ')';
      }
      break;
    case Keyword::kUnknown:
      out += " \"\"";
      break;
    default:
      for (const Word& w : inst.args) {
        out += ' ';
        base::AppendGoQuoted(out, w.value);
      }
      break;
  }
  // Node.Dump trims its result; only the leading instruction word can carry spaces.
  const std::string_view dumped = std::string_view(out).substr(start);
  const std::string_view trimmed = base::TrimSpace(dumped);
  if (trimmed.size() != dumped.size()) {
    std::string t(trimmed);
    out.resize(start);
    out += t;
  }
}

}  // namespace

std::string DumpInstruction(const Instruction& inst) {
  std::string out;
  AppendInstruction(out, inst);
  return out;
}

std::string Dump(const Dockerfile& df) {
  std::string out;
  for (const Instruction& inst : df.instructions) {
    if (!out.empty()) out += '\n';
    out += '(';
    AppendInstruction(out, inst);
    out += ')';
  }
  return out;
}

}  // namespace shipshape::syntax
