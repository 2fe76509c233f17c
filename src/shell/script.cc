#include "shell/script.h"

#include <algorithm>

#include "base/utf8.h"
#include "syntax/line_parsers.h"

namespace shipshape::shell {
namespace {

/// Adds the instruction's logical-line bytes [begin, end) at text offset `at`.
void AddLogical(SourceMap& map, const syntax::Instruction& inst, std::uint32_t at,
                std::uint32_t begin, std::uint32_t end) {
  const std::size_t n = inst.segments.size();
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t seg_begin = inst.segments[k].logical;
    const std::uint32_t seg_end =
        k + 1 < n ? inst.segments[k + 1].logical : static_cast<std::uint32_t>(inst.original.size());
    const std::uint32_t b = std::max(begin, seg_begin);
    const std::uint32_t e = std::min(end, seg_end);
    if (b >= e) continue;
    map.Add(at + (b - begin), inst.segments[k].source + (b - seg_begin), e - b);
  }
}

/// The logical offset of `view`, a view into `inst.original`.
std::uint32_t LogicalOffset(const syntax::Instruction& inst, std::string_view view) {
  return static_cast<std::uint32_t>(view.data() - inst.original.data());
}

std::string Basename(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  std::string name =
      base::AsciiLower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  if (name.size() > 4 && name.substr(name.size() - 4) == ".exe") name.resize(name.size() - 4);
  return name;
}

bool IsPosixShellName(std::string_view name) {
  for (std::string_view s : {"sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "busybox"}) {
    if (name == s) return true;
  }
  return false;
}

/// Reads shell options from a command line (`-e`, `-eux`, `-o pipefail`, `-euxo pipefail`),
/// as sh and bash read theirs: option words up to the first word that is not one (the script
/// BuildKit appends comes after the SHELL's words), `-c` among them (`bash -c -o pipefail`, a
/// cluster such as `-clo pipefail`: bash takes both), each `o` in a cluster taking the next
/// word as an option name. Long options (`--login`) are skipped; `+o` and `+e` unset.
void ReadOptions(std::span<const std::string> args, Script& script) {
  // `busybox sh -o pipefail -c`: the options follow the applet's name.
  const std::size_t first = !args.empty() && Basename(args[0]) == "busybox" ? 2 : 1;
  for (std::size_t i = first; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() < 2 || (a[0] != '-' && a[0] != '+') || a == "--" || a == "-") break;
    if (a[0] == '-' && a[1] == '-') continue;  // --login, --norc, ...
    const bool on = a[0] == '-';
    std::size_t takes = 0;  // option names the cluster's `o`s take from the next words
    for (std::size_t k = 1; k < a.size(); ++k) {
      if (a[k] == 'e') script.errexit = on;
      if (a[k] == 'o') ++takes;
    }
    for (; takes > 0 && i + 1 < args.size(); --takes) {
      const std::string& name = args[++i];
      if (name == "pipefail") script.pipefail = on;
      if (name == "errexit") script.errexit = on;
    }
  }
}

/// Decodes the JSON string literal `literal` (quotes included, as written at logical offset
/// `at`), giving each decoded byte the logical offset it came from.
void DecodeJsonString(std::string_view literal, std::uint32_t at, std::string& out,
                      std::vector<std::uint32_t>& offsets) {
  for (std::size_t i = 1; i + 1 < literal.size();) {
    const std::uint32_t here = at + static_cast<std::uint32_t>(i);
    if (literal[i] != '\\' || i + 1 >= literal.size() - 1) {
      out.push_back(literal[i]);
      offsets.push_back(here);
      ++i;
      continue;
    }
    const char e = literal[i + 1];
    std::string decoded;
    std::size_t used = 2;
    switch (e) {
      case 'n':
        decoded = "\n";
        break;
      case 't':
        decoded = "\t";
        break;
      case 'r':
        decoded = "\r";
        break;
      case 'b':
        decoded = "\b";
        break;
      case 'f':
        decoded = "\f";
        break;
      case 'u': {
        char32_t v = 0;
        for (std::size_t k = 2; k < 6 && i + k < literal.size(); ++k) {
          const char c = literal[i + k];
          v = v * 16 + static_cast<char32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        base::AppendRune(decoded, v);
        used = 6;
        break;
      }
      default:
        decoded = std::string(1, e);
        break;
    }
    for (char c : decoded) {
      out.push_back(c);
      offsets.push_back(here);
    }
    i += used;
  }
}

}  // namespace

void SourceMap::Add(std::uint32_t text_offset, std::uint32_t source_offset, std::uint32_t length) {
  if (length == 0) return;
  if (!runs_.empty()) {
    Run& last = runs_.back();
    if (last.text + last.length == text_offset && last.source + last.length == source_offset) {
      last.length += length;
      return;
    }
  }
  runs_.push_back({text_offset, source_offset, length});
}

std::uint32_t SourceMap::ToSource(std::uint32_t offset) const {
  if (runs_.empty()) return 0;
  auto it = std::upper_bound(runs_.begin(), runs_.end(), offset,
                             [](std::uint32_t v, const Run& r) { return v < r.text; });
  if (it == runs_.begin()) return runs_.front().source;
  const Run& r = *(it - 1);
  if (offset < r.text + r.length) return r.source + (offset - r.text);
  // In added text (a newline BuildKit inserts): the start of what follows, or the end.
  return it != runs_.end() ? it->source : r.source + r.length;
}

base::Range SourceMap::ToSource(std::uint32_t begin, std::uint32_t end) const {
  const std::uint32_t b = ToSource(begin);
  if (end <= begin) return {b, b};
  return {b, std::max(b, ToSource(end - 1) + 1)};
}

std::optional<base::Range> SourceMap::VerbatimSource(std::uint32_t begin, std::uint32_t end,
                                                     bool prefer_earlier) const {
  if (end < begin) return std::nullopt;
  std::optional<base::Range> found;
  for (const Run& r : runs_) {
    if (r.text <= begin && end <= r.text + r.length) {
      found = base::Range{r.source + (begin - r.text), r.source + (end - r.text)};
      if (begin != end || prefer_earlier) return found;
    }
  }
  return found;
}

Interpreter InterpreterOf(std::span<const std::string> shell, std::string* dialect) {
  if (shell.empty()) return Interpreter::kExec;
  std::string name = Basename(shell[0]);
  if (name == "busybox" && shell.size() > 1) name = Basename(shell[1]);
  if (name == "env" && shell.size() > 1) name = Basename(shell[1]);
  if (dialect) *dialect = name;
  if (IsPosixShellName(name)) return Interpreter::kPosix;
  if (name == "pwsh" || name == "powershell") return Interpreter::kPowerShell;
  if (name == "cmd") return Interpreter::kCmd;
  return Interpreter::kOther;
}

Script BuildScript(const syntax::Dockerfile& df, const syntax::Instruction& inst,
                   std::span<const std::string> shell, bool windows) {
  Script script;
  const syntax::Instruction& target =
      inst.keyword == syntax::Keyword::kOnbuild && inst.trigger ? *inst.trigger : inst;
  script.shell.assign(shell.begin(), shell.end());
  if (windows) script.shell = {"cmd", "/S", "/C"};
  script.interpreter = InterpreterOf(script.shell, &script.dialect);
  ReadOptions(script.shell, script);

  if (target.json) {
    // Exec form: only `["sh", "-c", "script"]` runs a shell.
    std::vector<std::string> argv;
    for (const syntax::Word& w : target.args) argv.emplace_back(w.value);
    std::string dialect;
    if (argv.size() >= 3 && InterpreterOf(argv, &dialect) == Interpreter::kPosix) {
      const auto c = std::find(argv.begin() + 1, argv.end(), "-c");
      if (c != argv.end() && c + 1 != argv.end()) {
        const std::size_t index = static_cast<std::size_t>(c + 1 - argv.begin());
        std::vector<syntax::LexedWord> words;
        const std::string_view rest = target.rest.value;
        if (syntax::ParseJsonArray(rest, words) == syntax::JsonArray::kStrings &&
            index < words.size()) {
          const std::uint32_t at = LogicalOffset(target, rest) + words[index].begin;
          std::vector<std::uint32_t> offsets;
          DecodeJsonString(rest.substr(words[index].begin, words[index].end - words[index].begin),
                           at, script.text, offsets);
          for (std::size_t k = 0; k < offsets.size(); ++k) {
            AddLogical(script.map, target, static_cast<std::uint32_t>(k), offsets[k],
                       offsets[k] + 1);
          }
          script.shell.assign(argv.begin(), c + 1);
          script.interpreter = Interpreter::kPosix;
          script.dialect = dialect;
          script.errexit = script.pipefail = false;
          ReadOptions(script.shell, script);
          return script;
        }
      }
    }
    script.interpreter = Interpreter::kExec;
    script.text = std::string(target.rest.value);
    AddLogical(script.map, target, 0, LogicalOffset(target, target.rest.value),
               LogicalOffset(target, target.rest.value) +
                   static_cast<std::uint32_t>(target.rest.value.size()));
    return script;
  }

  const std::string_view command = target.args.empty() ? std::string_view() : target.args[0].value;
  const std::uint32_t command_at = command.empty() ? 0 : LogicalOffset(target, command);
  if (inst.heredocs.size() == 1 &&
      base::TrimSpace(command) == base::Slice(df.text(), inst.heredocs[0].word)) {
    // `RUN <<EOF`: BuildKit runs the body itself, through its shebang if it has one.
    const syntax::Heredoc& h = inst.heredocs[0];
    const std::string_view body = base::Slice(df.text(), h.body);
    std::uint32_t at = h.body.begin;
    std::size_t i = 0;
    while (i < body.size()) {
      std::size_t j = i;
      if (h.chomp) {
        while (j < body.size() && body[j] == '\t') ++j;
      }
      std::size_t nl = body.find('\n', j);
      nl = nl == std::string_view::npos ? body.size() : nl + 1;
      script.map.Add(static_cast<std::uint32_t>(script.text.size()),
                     at + static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(nl - j));
      script.text.append(body.substr(j, nl - j));
      i = nl;
    }
    if (script.text.substr(0, 2) == "#!") {
      const std::size_t nl = script.text.find('\n');
      std::vector<std::string> shebang;
      std::string_view line = std::string_view(script.text)
                                  .substr(2, nl == std::string::npos ? std::string::npos : nl - 2);
      while (!line.empty()) {
        line = base::TrimLeftSpace(line);
        const std::size_t sp = line.find_first_of(" \t\r");
        if (!line.empty()) shebang.emplace_back(line.substr(0, sp));
        line = sp == std::string_view::npos ? std::string_view() : line.substr(sp);
      }
      script.shell = shebang;
      script.interpreter = InterpreterOf(script.shell, &script.dialect);
      script.errexit = script.pipefail = false;
      ReadOptions(script.shell, script);
    }
    return script;
  }

  script.text = std::string(command);
  AddLogical(script.map, target, 0, command_at,
             command_at + static_cast<std::uint32_t>(command.size()));
  for (const syntax::Heredoc& h : inst.heredocs) {
    // BuildKit appends "\n" + body + delimiter for the shell to read as a here-document.
    script.text += '\n';
    script.map.Add(static_cast<std::uint32_t>(script.text.size()), h.body.begin, h.body.size());
    script.text.append(base::Slice(df.text(), h.body));
    std::string_view terminator = base::Slice(df.text(), h.terminator);
    std::uint32_t term_at = h.terminator.begin;
    while (!terminator.empty() && terminator[0] == '\t') {
      terminator.remove_prefix(1);
      ++term_at;
    }
    script.map.Add(static_cast<std::uint32_t>(script.text.size()), term_at,
                   static_cast<std::uint32_t>(h.name.size()));
    script.text.append(h.name);
  }
  return script;
}

Tree ExecCommand(const syntax::Dockerfile& df, const syntax::Instruction& inst, Script& script) {
  (void)df;
  Tree tree;
  const syntax::Instruction& target =
      inst.keyword == syntax::Keyword::kOnbuild && inst.trigger ? *inst.trigger : inst;
  if (!target.json || script.interpreter != Interpreter::kExec) return tree;
  std::vector<syntax::LexedWord> words;
  const std::string_view rest = target.rest.value;
  if (syntax::ParseJsonArray(rest, words) != syntax::JsonArray::kStrings || words.empty()) {
    return tree;
  }
  auto node = std::make_unique<Node>();
  node->kind = Node::Kind::kSimple;
  node->begin = words.front().begin;
  node->end = words.back().end;
  for (const syntax::LexedWord& lw : words) {
    Word w;
    w.begin = lw.begin;
    w.end = lw.end;
    w.value = std::string(lw.Value(rest));
    WordPart part;
    part.kind = WordPart::Kind::kSingleQuoted;  // no expansion happens in exec form
    part.begin = lw.begin;
    part.end = lw.end;
    part.value = w.value;
    w.parts.push_back(std::move(part));
    node->words.push_back(std::move(w));
  }
  Pipeline p;
  p.begin = node->begin;
  p.end = node->end;
  p.commands.push_back(std::move(node));
  AndOr a;
  a.begin = p.begin;
  a.end = p.end;
  a.pipelines.push_back(std::move(p));
  tree.root.begin = a.begin;
  tree.root.end = a.end;
  tree.root.items.push_back(std::move(a));
  return tree;
}

}  // namespace shipshape::shell
