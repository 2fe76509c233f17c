#include "syntax/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/go_quote.h"
#include "base/utf8.h"
#include "model/expand.h"
#include "syntax/instructions.h"
#include "syntax/line_parsers.h"

namespace shipshape::syntax {
namespace {

/// ONBUILD triggers nest recursively; BuildKit rejects any nesting, so a small cap loses
/// nothing and keeps hostile input from exhausting the stack.
constexpr int kMaxOnbuildDepth = 32;

struct PhysicalLine {
  std::uint32_t start = 0;        // first byte of the line
  std::uint32_t begin = 0;        // first byte after a byte-order mark
  std::uint32_t content_end = 0;  // end without the trailing run of '\r' and '\n'
  std::uint32_t end = 0;          // after the '\n', or the end of the text
};

/// Where the name and value of a directive line are.
struct DirectiveMatch {
  std::size_t name_begin, name_end, value_begin, value_end;
};

/// Go regexp `\s`: [\t\n\f\r ].
bool IsRegexSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

/// Matches `^<prefix>\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` as Go's regexp does.
std::optional<DirectiveMatch> MatchDirective(std::string_view line, std::string_view prefix) {
  if (line.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::size_t i = prefix.size();
  while (i < line.size() && IsRegexSpace(line[i])) ++i;
  if (i >= line.size() || !IsAsciiAlpha(line[i])) return std::nullopt;
  DirectiveMatch m{};
  m.name_begin = i;
  while (i < line.size() && IsAsciiAlnum(line[i])) ++i;
  m.name_end = i;
  while (i < line.size() && IsRegexSpace(line[i])) ++i;
  if (i >= line.size() || line[i] != '=') return std::nullopt;
  ++i;
  if (i >= line.size()) return std::nullopt;
  // `.` does not match '\n'; no line handed here contains one except through a lone '\r'
  // run, which `\s` covers, so only a '\n' inside the value can break the match.
  std::size_t j = i;
  while (j < line.size() && IsRegexSpace(line[j])) ++j;
  if (j == line.size()) {
    // Only blanks: the lazy group still takes one character, the last one.
    m.value_begin = line.size() - 1;
    m.value_end = line.size();
  } else {
    std::size_t e = line.size();
    while (e > j && IsRegexSpace(line[e - 1])) --e;
    m.value_begin = j;
    m.value_end = e;
  }
  if (line.substr(m.value_begin, m.value_end - m.value_begin).find('\n') !=
      std::string_view::npos) {
    return std::nullopt;
  }
  return m;
}

/// BuildKit's continuation test `([^E])E[ \t]*$|^E[ \t]*$`: the length of the line once the
/// continuation marker is removed, or nullopt when the line does not continue.
std::optional<std::size_t> TrimContinuation(std::string_view line, char escape) {
  std::size_t j = line.size();
  while (j > 0 && (line[j - 1] == ' ' || line[j - 1] == '\t')) --j;
  if (j == 0 || line[j - 1] != escape) return std::nullopt;
  if (j == 1) return 0;
  if (line[j - 2] == escape) return std::nullopt;
  return j - 1;
}

/// Segments of `segments` rebased so that logical offset `offset` becomes 0.
void RebaseSegments(const std::pmr::vector<Segment>& segments, std::uint32_t offset,
                    std::pmr::vector<Segment>& out) {
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::uint32_t next =
        i + 1 < segments.size() ? segments[i + 1].logical : static_cast<std::uint32_t>(-1);
    if (next <= offset) continue;
    if (segments[i].logical <= offset) {
      out.push_back({0, segments[i].source + (offset - segments[i].logical)});
    } else {
      out.push_back({segments[i].logical - offset, segments[i].source});
    }
  }
  if (out.empty()) out.push_back({0, segments.empty() ? 0 : segments.back().source});
}

class Parser {
 public:
  explicit Parser(Dockerfile& df) : df_(df), text_(df.text()) {}

  void Run();

 private:
  bool NextLine(PhysicalLine& line);
  /// Handles a possible directive on the (left-trimmed) first line of a statement; true when
  /// the line is a directive.
  bool ProcessDirective(std::string_view token, std::uint32_t token_offset);
  void AddError(SyntaxError::Layer layer, base::Range range, std::string message,
                std::uint32_t start_line, std::uint32_t end_line, std::string expected = {}) {
    SyntaxError e;
    e.expected = std::move(expected);
    e.layer = layer;
    e.range = range;
    e.message = std::move(message);
    e.buildkit_start_line = start_line;
    e.buildkit_end_line = end_line;
    df_.errors.push_back(std::move(e));
  }

  /// Fills `inst` from its logical line (BuildKit's newNodeFromLine); `inst.segments` and
  /// `inst.original` must be set.
  void BuildInstruction(Instruction& inst, int depth);
  void ParseMaybeJson(Instruction& inst, std::uint32_t begin, std::uint32_t end);
  void ParseMaybeJsonToList(Instruction& inst, std::uint32_t begin, std::uint32_t end);
  void ParseWhitespaceList(Instruction& inst, std::uint32_t begin, std::uint32_t end);
  void ParseNameVal(Instruction& inst, std::uint32_t begin, std::uint32_t end);
  void ParseArgWords(Instruction& inst, std::uint32_t begin, std::uint32_t end);
  void ParseHealthConfig(Instruction& inst, std::uint32_t begin, std::uint32_t end);
  void ReadHeredocs(Instruction& inst);

  /// A value for logical-line bytes [begin, end) of `inst`, or `text` when rewritten.
  std::string_view Value(const Instruction& inst, const LexedWord& w, std::uint32_t offset) {
    if (!w.rewritten) return inst.original.substr(offset + w.begin, w.end - w.begin);
    if (w.end - w.begin >= 2 && w.text.size() == w.end - w.begin - 2 &&
        inst.original.substr(offset + w.begin + 1, w.text.size()) == w.text) {
      return inst.original.substr(offset + w.begin + 1, w.text.size());  // plain JSON string
    }
    return df_.arena().Store(w.text);
  }
  Word MakeWord(const Instruction& inst, const LexedWord& w, std::uint32_t offset) {
    return Word{Value(inst, w, offset), inst.SourceRange(offset + w.begin, offset + w.end)};
  }

  Dockerfile& df_;
  std::string_view text_;
  std::uint32_t pos_ = 0;
  std::uint32_t line_no_ = 0;
  std::uint32_t logical_end_line_ = 0;
  std::uint32_t last_content_end_ = 0;
  bool directives_done_ = false;
  std::vector<std::string_view> seen_directives_;
  std::vector<std::string_view> pending_comments_;
  std::vector<LexedWord> words_;
  SplitLine split_;
  std::string logical_;
};

bool Parser::NextLine(PhysicalLine& line) {
  if (pos_ >= text_.size()) return false;
  line.start = pos_;
  line.begin = pos_ == 0 ? df_.bom_size : pos_;
  std::size_t nl = text_.find('\n', pos_);
  line.end = nl == std::string_view::npos ? static_cast<std::uint32_t>(text_.size())
                                          : static_cast<std::uint32_t>(nl + 1);
  line.content_end = line.end;
  while (line.content_end > line.begin &&
         (text_[line.content_end - 1] == '\n' || text_[line.content_end - 1] == '\r')) {
    --line.content_end;
  }
  pos_ = line.end;
  ++line_no_;
  const std::uint32_t raw_size = line.end - line.start - (nl == std::string_view::npos ? 0 : 1);
  if (raw_size > kMaxLineBytes) {
    AddError(SyntaxError::Layer::kParser, {line.start, line.content_end},
             fmt::format("dockerfile line greater than max allowed size of {}", kMaxLineBytes),
             line_no_ - 1, line_no_ - 1, "the line split with `\\` continuations");
  }
  return true;
}

bool Parser::ProcessDirective(std::string_view token, std::uint32_t token_offset) {
  if (directives_done_) return false;
  std::optional<DirectiveMatch> m = MatchDirective(token, "#");
  if (!m) {
    directives_done_ = true;
    return false;
  }
  const std::string name =
      base::AsciiLower(token.substr(m->name_begin, m->name_end - m->name_begin));
  std::string_view canonical;
  for (std::string_view known : {"syntax", "escape", "check"}) {
    if (name == known) canonical = known;
  }
  if (canonical.empty()) {
    directives_done_ = true;
    return false;
  }
  const base::Range range{token_offset, token_offset + static_cast<std::uint32_t>(token.size())};
  // BuildKit reports directive errors at the 0-based line index.
  if (std::find(seen_directives_.begin(), seen_directives_.end(), canonical) !=
      seen_directives_.end()) {
    AddError(SyntaxError::Layer::kParser, range,
             fmt::format("only one {} parser directive can be used", canonical), line_no_ - 1,
             line_no_ - 1, "the directive once, before any other line");
    return true;
  }
  seen_directives_.push_back(canonical);
  const std::string_view value = token.substr(m->value_begin, m->value_end - m->value_begin);
  if (canonical == "escape") {
    if (value != "`" && value != "\\") {
      AddError(SyntaxError::Layer::kParser, range,
               fmt::format("invalid escape token '{}' does not match ` or \\", value), line_no_ - 1,
               line_no_ - 1, "a backslash or a backtick");
      return false;
    }
    df_.escape = value[0];
  }
  Directive d;
  d.name = canonical;
  d.value = value;
  d.range = range;
  d.line = line_no_;
  df_.directives.push_back(d);
  return true;
}

void Parser::Run() {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") df_.bom_size = 3;
  df_.instructions.reserve(text_.size() / 48 + 4);
  PhysicalLine line;
  while (NextLine(line)) {
    const std::string_view content = text_.substr(line.begin, line.content_end - line.begin);
    const std::string_view token = base::TrimLeftSpace(content);
    const auto token_offset = static_cast<std::uint32_t>(line.content_end - token.size());
    const bool is_comment = !token.empty() && token[0] == '#';
    const bool is_directive = ProcessDirective(token, token_offset);
    if (is_comment) {
      if (!is_directive) {
        const std::string_view text =
            base::TrimSpace(text_.substr(line.begin + 1, line.end - line.begin - 1));
        if (text.empty()) {
          pending_comments_.clear();
        } else {
          pending_comments_.push_back(text);
        }
        df_.comments.push_back({{token_offset, line.content_end}, text});
      }
      continue;
    }
    std::optional<std::size_t> piece = TrimContinuation(token, df_.escape);
    if (!piece && token.empty()) continue;  // blank line

    Instruction& inst = df_.instructions.emplace_back(df_.memory());
    inst.start_line = line_no_;
    // The logical line is copied only when a second piece joins the first.
    const std::string_view first_piece = token.substr(0, piece.value_or(token.size()));
    std::uint32_t logical_size = static_cast<std::uint32_t>(first_piece.size());
    bool joined = false;
    inst.segments.push_back({0, token_offset});
    last_content_end_ = line.content_end;
    bool continued = piece.has_value();
    while (continued && NextLine(line)) {
      const std::string_view raw = text_.substr(line.begin, line.content_end - line.begin);
      last_content_end_ = line.content_end;
      const std::string_view t = base::TrimLeftSpace(raw);
      if (!t.empty() && t[0] == '#') {
        const auto offset = static_cast<std::uint32_t>(line.content_end - t.size());
        df_.comments.push_back(
            {{offset, line.content_end},
             base::TrimSpace(text_.substr(line.begin + 1, line.end - line.begin - 1))});
        continue;
      }
      if (t.empty()) {
        inst.empty_continuation_lines.push_back({line.begin, line.content_end});
        continue;
      }
      std::optional<std::size_t> next = TrimContinuation(raw, df_.escape);
      continued = next.has_value();
      const std::size_t len = next.value_or(raw.size());
      if (len > 0) {
        if (!joined) {
          logical_.assign(first_piece);
          joined = true;
        }
        inst.segments.push_back({logical_size, line.begin});
        logical_.append(raw.substr(0, len));
        logical_size += static_cast<std::uint32_t>(len);
      }
    }
    logical_end_line_ = line_no_;
    inst.logical_end_line = line_no_;
    inst.original = joined ? df_.arena().Store(logical_) : first_piece;
    inst.comments.assign(pending_comments_.begin(), pending_comments_.end());
    pending_comments_.clear();
    const std::size_t errors_before = df_.errors.size();
    BuildInstruction(inst, 0);
    inst.has_parse_error = df_.errors.size() != errors_before;
    ReadHeredocs(inst);
    inst.end_line = line_no_;
    inst.range = {inst.segments[0].source, std::max(last_content_end_, inst.segments[0].source)};
  }
  if (df_.instructions.empty()) {
    const auto size = static_cast<std::uint32_t>(text_.size());
    AddError(SyntaxError::Layer::kParser, {size, size}, "file with no instructions", line_no_,
             line_no_, "at least a `FROM` instruction");
  }
}

void Parser::BuildInstruction(Instruction& inst, int depth) {
  const std::string_view line = inst.original;
  // split_ is reused across calls; ONBUILD's recursion below overwrites it, so nothing reads
  // `split` after the switch.
  SplitLine& split = split_;
  SplitCommand(line, split);
  inst.word = {line.substr(split.word_begin, split.word_end - split.word_begin),
               inst.SourceRange(split.word_begin, split.word_end)};
  inst.keyword = LookupKeyword(inst.word.value);
  inst.flags.reserve(split.flags.size());
  for (const LexedWord& f : split.flags) {
    const Word w = MakeWord(inst, f, 0);
    inst.flags.push_back(Flag{w.value, w.range});
  }
  inst.rest = {line.substr(split.rest_begin, split.rest_end - split.rest_begin),
               inst.SourceRange(split.rest_begin, split.rest_end)};
  const std::uint32_t b = split.rest_begin;
  const std::uint32_t e = split.rest_end;
  switch (inst.keyword) {
    case Keyword::kRun:
    case Keyword::kCmd:
    case Keyword::kEntrypoint:
    case Keyword::kShell:
      ParseMaybeJson(inst, b, e);
      break;
    case Keyword::kAdd:
    case Keyword::kCopy:
    case Keyword::kVolume:
      ParseMaybeJsonToList(inst, b, e);
      break;
    case Keyword::kFrom:
    case Keyword::kExpose:
      ParseWhitespaceList(inst, b, e);
      break;
    case Keyword::kMaintainer:
    case Keyword::kUser:
    case Keyword::kWorkdir:
    case Keyword::kStopsignal:
      if (b != e) inst.args.push_back(inst.rest);
      break;
    case Keyword::kEnv:
    case Keyword::kLabel:
      ParseNameVal(inst, b, e);
      break;
    case Keyword::kArg:
      ParseArgWords(inst, b, e);
      break;
    case Keyword::kHealthcheck:
      ParseHealthConfig(inst, b, e);
      break;
    case Keyword::kOnbuild:
      if (b != e) {
        auto trigger = std::make_unique<Instruction>(df_.memory());
        RebaseSegments(inst.segments, b, trigger->segments);
        trigger->original = line.substr(b, e - b);
        trigger->start_line = inst.start_line;
        if (depth < kMaxOnbuildDepth) {
          BuildInstruction(*trigger, depth + 1);
        } else {
          trigger->word = {trigger->original, inst.SourceRange(b, e)};
        }
        trigger->range = inst.SourceRange(b, e);
        inst.trigger = std::move(trigger);
      }
      break;
    case Keyword::kUnknown:
      break;
  }
}

void Parser::ParseMaybeJson(Instruction& inst, std::uint32_t begin, std::uint32_t end) {
  if (begin == end) return;
  const std::string_view rest = inst.original.substr(begin, end - begin);
  words_.clear();
  switch (ParseJsonArray(rest, words_)) {
    case JsonArray::kStrings:
      inst.json = true;
      inst.args.reserve(inst.args.size() + words_.size());
      for (const LexedWord& w : words_) inst.args.push_back(MakeWord(inst, w, begin));
      return;
    case JsonArray::kNotStrings:
      AddError(SyntaxError::Layer::kParser, inst.SourceRange(begin, end),
               "when using JSON array syntax, arrays must be comprised of strings only",
               inst.start_line, logical_end_line_,
               "every element quoted, as in `[\"sh\", \"-c\"]`");
      break;
    case JsonArray::kNotJson:
      break;
  }
  inst.args.push_back({rest, inst.SourceRange(begin, end)});
}

void Parser::ParseMaybeJsonToList(Instruction& inst, std::uint32_t begin, std::uint32_t end) {
  const std::string_view rest = inst.original.substr(begin, end - begin);
  words_.clear();
  switch (ParseJsonArray(rest, words_)) {
    case JsonArray::kStrings:
      inst.json = true;
      for (const LexedWord& w : words_) inst.args.push_back(MakeWord(inst, w, begin));
      return;
    case JsonArray::kNotStrings:
      AddError(SyntaxError::Layer::kParser, inst.SourceRange(begin, end),
               "when using JSON array syntax, arrays must be comprised of strings only",
               inst.start_line, logical_end_line_,
               "every element quoted, as in `[\"src\", \"dest\"]`");
      break;
    case JsonArray::kNotJson:
      break;
  }
  ParseWhitespaceList(inst, begin, end);
}

void Parser::ParseWhitespaceList(Instruction& inst, std::uint32_t begin, std::uint32_t end) {
  if (begin == end) return;
  words_.clear();
  SplitWhitespace(inst.original.substr(begin, end - begin), 0, words_);
  inst.args.reserve(words_.size());
  for (const LexedWord& w : words_) inst.args.push_back(MakeWord(inst, w, begin));
}

void Parser::ParseArgWords(Instruction& inst, std::uint32_t begin, std::uint32_t end) {
  words_.clear();
  ParseWords(inst.original.substr(begin, end - begin), df_.escape, words_);
  inst.args.reserve(words_.size());
  for (const LexedWord& w : words_) inst.args.push_back(MakeWord(inst, w, begin));
}

void Parser::ParseNameVal(Instruction& inst, std::uint32_t begin, std::uint32_t end) {
  const std::string_view rest = inst.original.substr(begin, end - begin);
  words_.clear();
  ParseWords(rest, df_.escape, words_);
  if (words_.empty()) return;
  const std::string_view name = inst.keyword == Keyword::kEnv ? "ENV" : "LABEL";
  if (Value(inst, words_[0], begin).find('=') == std::string_view::npos) {
    std::vector<LexedWord> parts;
    SplitWhitespace(rest, 2, parts);
    if (parts.size() < 2) {
      AddError(SyntaxError::Layer::kParser, inst.SourceRange(begin, end),
               fmt::format("{} must have two arguments", name), inst.start_line, logical_end_line_,
               fmt::format("`{} KEY=value`", name));
      inst.pairs.push_back(
          {MakeWord(inst, parts[0], begin), {{}, inst.SourceRange(end, end)}, false});
      return;
    }
    inst.pairs.push_back({MakeWord(inst, parts[0], begin), MakeWord(inst, parts[1], begin), false});
    return;
  }
  inst.pairs.reserve(words_.size());
  for (const LexedWord& w : words_) {
    const std::string_view value = Value(inst, w, begin);
    const std::size_t eq = value.find('=');
    if (eq == std::string_view::npos) {
      AddError(SyntaxError::Layer::kParser, inst.SourceRange(begin + w.begin, begin + w.end),
               fmt::format("Syntax error - can't find = in {}. Must be of the form: name=value",
                           base::GoQuote(value)),
               inst.start_line, logical_end_line_,
               "`KEY=value` for every word, or quotes around a value with spaces");
      continue;
    }
    // '=' is ASCII, so its offset in the raw bytes is that of the first '=' there too.
    const std::size_t raw_eq = rest.substr(w.begin, w.end - w.begin).find('=');
    const std::uint32_t eq_at = begin + w.begin + static_cast<std::uint32_t>(raw_eq);
    KeyValue kv;
    kv.key = {value.substr(0, eq), inst.SourceRange(begin + w.begin, eq_at)};
    kv.value = {value.substr(eq + 1), inst.SourceRange(eq_at + 1, begin + w.end)};
    inst.pairs.push_back(kv);
  }
}

void Parser::ParseHealthConfig(Instruction& inst, std::uint32_t begin, std::uint32_t end) {
  const std::string_view rest = inst.original.substr(begin, end - begin);
  std::uint32_t sep = 0;
  while (sep < rest.size() && !base::IsSpaceByte(static_cast<unsigned char>(rest[sep]))) ++sep;
  std::uint32_t next = sep;
  while (next < rest.size() && base::IsSpaceByte(static_cast<unsigned char>(rest[next]))) ++next;
  if (sep == 0) return;
  inst.args.push_back({rest.substr(0, sep), inst.SourceRange(begin, begin + sep)});
  ParseMaybeJson(inst, begin + next, end);
}

void Parser::ReadHeredocs(Instruction& inst) {
  const Instruction& target =
      inst.keyword == Keyword::kOnbuild && inst.trigger ? *inst.trigger : inst;
  if (target.keyword != Keyword::kRun && target.keyword != Keyword::kCopy &&
      target.keyword != Keyword::kAdd) {
    return;
  }
  if (target.json || inst.original.find("<<") == std::string_view::npos) return;

  model::Environment empty;
  model::ExpandOptions options;
  options.raw_quotes = true;
  options.raw_escapes = true;
  options.skip_unset_env = true;
  const model::ExpandResult lexed = model::Expand(inst.original, empty, options);
  if (!lexed.ok()) return;  // BuildKit ignores a line it cannot lex: no heredocs

  std::size_t search_from = 0;
  for (const std::string& word : lexed.words) {
    std::string error;
    std::optional<HeredocWord> h = ParseHeredocWord(word, &error);
    if (!error.empty()) {
      AddError(SyntaxError::Layer::kParser, inst.SourceRange(0, inst.original.size()), error,
               inst.start_line, line_no_);
      continue;
    }
    if (!h) continue;
    Heredoc doc;
    doc.name = df_.arena().Store(h->name);
    doc.fd = h->fd;
    doc.expand = h->expand;
    doc.chomp = h->chomp;
    const std::size_t at = inst.original.find(word, search_from);
    if (at != std::string_view::npos) {
      doc.word = inst.SourceRange(static_cast<std::uint32_t>(at),
                                  static_cast<std::uint32_t>(at + word.size()));
      search_from = at + word.size();
    } else {
      doc.word = inst.SourceRange(0, static_cast<std::uint32_t>(inst.original.size()));
    }
    doc.body.begin = pos_;
    doc.terminated = false;
    PhysicalLine line;
    while (NextLine(line)) {
      std::string_view candidate = text_.substr(line.start, line.content_end - line.start);
      if (doc.chomp) {
        while (!candidate.empty() && candidate[0] == '\t') candidate.remove_prefix(1);
      }
      last_content_end_ = line.content_end;
      if (candidate == doc.name) {
        doc.terminated = true;
        doc.body.end = line.start;
        doc.terminator = {line.start, line.content_end};
        break;
      }
    }
    if (!doc.terminated) {
      doc.body.end = static_cast<std::uint32_t>(text_.size());
      doc.terminator = {doc.body.end, doc.body.end};
      // Once the file has ended, the remaining heredocs of the line are empty: one error.
      const bool first_unterminated = inst.heredocs.empty() || inst.heredocs.back().terminated;
      if (first_unterminated) {
        AddError(SyntaxError::Layer::kParser, {doc.word.begin, doc.body.end},
                 "unterminated heredoc", inst.start_line, line_no_,
                 fmt::format("a line `{}` (alone, without spaces) to end it", doc.name));
      }
    }
    inst.heredocs.push_back(doc);
  }
}

}  // namespace

std::string_view KeywordName(Keyword keyword) {
  switch (keyword) {
    case Keyword::kAdd:
      return "ADD";
    case Keyword::kArg:
      return "ARG";
    case Keyword::kCmd:
      return "CMD";
    case Keyword::kCopy:
      return "COPY";
    case Keyword::kEntrypoint:
      return "ENTRYPOINT";
    case Keyword::kEnv:
      return "ENV";
    case Keyword::kExpose:
      return "EXPOSE";
    case Keyword::kFrom:
      return "FROM";
    case Keyword::kHealthcheck:
      return "HEALTHCHECK";
    case Keyword::kLabel:
      return "LABEL";
    case Keyword::kMaintainer:
      return "MAINTAINER";
    case Keyword::kOnbuild:
      return "ONBUILD";
    case Keyword::kRun:
      return "RUN";
    case Keyword::kShell:
      return "SHELL";
    case Keyword::kStopsignal:
      return "STOPSIGNAL";
    case Keyword::kUser:
      return "USER";
    case Keyword::kVolume:
      return "VOLUME";
    case Keyword::kWorkdir:
      return "WORKDIR";
    case Keyword::kUnknown:
      return "";
  }
  return "";
}

Keyword LookupKeyword(std::string_view word) {
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) {
    // Non-ASCII letters can lower-case to ASCII (the Kelvin sign to 'k'), as Go's ToLower does.
    if (word.size() > 40) return Keyword::kUnknown;
    const std::string lower = base::ToLower(word);
    for (char c : lower) {
      if (static_cast<unsigned char>(c) >= 0x80) return Keyword::kUnknown;
    }
    return LookupKeyword(lower);
  }
  if (word.size() < 3 || word.size() > 11) return Keyword::kUnknown;
  auto is = [&](Keyword k) { return base::EqualsIgnoreCase(word, KeywordName(k)); };
  switch (word[0] | 0x20) {
    case 'a':
      return is(Keyword::kAdd)   ? Keyword::kAdd
             : is(Keyword::kArg) ? Keyword::kArg
                                 : Keyword::kUnknown;
    case 'c':
      return is(Keyword::kCmd)    ? Keyword::kCmd
             : is(Keyword::kCopy) ? Keyword::kCopy
                                  : Keyword::kUnknown;
    case 'e':
      return is(Keyword::kEnv)          ? Keyword::kEnv
             : is(Keyword::kExpose)     ? Keyword::kExpose
             : is(Keyword::kEntrypoint) ? Keyword::kEntrypoint
                                        : Keyword::kUnknown;
    case 'f':
      return is(Keyword::kFrom) ? Keyword::kFrom : Keyword::kUnknown;
    case 'h':
      return is(Keyword::kHealthcheck) ? Keyword::kHealthcheck : Keyword::kUnknown;
    case 'l':
      return is(Keyword::kLabel) ? Keyword::kLabel : Keyword::kUnknown;
    case 'm':
      return is(Keyword::kMaintainer) ? Keyword::kMaintainer : Keyword::kUnknown;
    case 'o':
      return is(Keyword::kOnbuild) ? Keyword::kOnbuild : Keyword::kUnknown;
    case 'r':
      return is(Keyword::kRun) ? Keyword::kRun : Keyword::kUnknown;
    case 's':
      return is(Keyword::kShell)        ? Keyword::kShell
             : is(Keyword::kStopsignal) ? Keyword::kStopsignal
                                        : Keyword::kUnknown;
    case 'u':
      return is(Keyword::kUser) ? Keyword::kUser : Keyword::kUnknown;
    case 'v':
      return is(Keyword::kVolume) ? Keyword::kVolume : Keyword::kUnknown;
    case 'w':
      return is(Keyword::kWorkdir) ? Keyword::kWorkdir : Keyword::kUnknown;
    default:
      return Keyword::kUnknown;
  }
}

std::string_view Flag::Name() const {
  std::string_view t = text.substr(text.size() >= 2 ? 2 : text.size());
  return t.substr(0, t.find('='));
}

std::optional<std::string_view> Flag::Value() const {
  const std::size_t eq = text.find('=');
  if (eq == std::string_view::npos) return std::nullopt;
  return text.substr(eq + 1);
}

std::uint32_t Instruction::SourceOffset(std::uint32_t offset) const {
  if (segments.empty()) return range.begin;
  auto it = std::upper_bound(segments.begin(), segments.end(), offset,
                             [](std::uint32_t v, const Segment& s) { return v < s.logical; });
  if (it == segments.begin()) return segments.front().source;
  --it;
  return it->source + (offset - it->logical);
}

base::Range Instruction::SourceRange(std::uint32_t begin, std::uint32_t end) const {
  if (segments.size() == 1) {
    const std::uint32_t base = segments[0].source;
    return {base + begin, base + std::max(begin, end)};
  }
  const std::uint32_t b = SourceOffset(begin);
  if (end <= begin) return {b, b};
  return {b, SourceOffset(end - 1) + 1};
}

std::string SyntaxError::Text() const {
  return expected.empty() ? message : fmt::format("{}; expected {}", message, expected);
}

std::string SyntaxError::BuildKitText() const {
  if (!buildkit_prefix) return message;
  return fmt::format("dockerfile parse error on line {}: {}", buildkit_start_line, message);
}

Dockerfile::Dockerfile(std::string path, std::string text)
    : file_(std::make_unique<base::SourceFile>(base::SourceFile{std::move(path), std::move(text)})),
      // The tree of a file takes about as many bytes as the file: one block usually suffices.
      // (Capped: a block above malloc's mmap threshold would cost page faults on every file.)
      arena_(std::min<std::size_t>(file_->text.size() + 512, 64 * 1024)) {}

Dockerfile& Dockerfile::operator=(Dockerfile&& other) noexcept {
  if (this == &other) return *this;
  instructions.clear();  // before the arena they live in goes
  directives = std::move(other.directives);
  instructions = std::move(other.instructions);
  comments = std::move(other.comments);
  errors = std::move(other.errors);
  escape = other.escape;
  bom_size = other.bom_size;
  file_ = std::move(other.file_);
  lines_ = std::move(other.lines_);
  arena_ = std::move(other.arena_);
  return *this;
}

const base::LineIndex& Dockerfile::lines() const {
  if (!lines_) lines_ = std::make_unique<base::LineIndex>(file_->text);
  return *lines_;
}

const SyntaxError* Dockerfile::FirstBuildKitError() const {
  const SyntaxError* first_instruction = nullptr;
  for (const SyntaxError& e : errors) {
    if (e.layer == SyntaxError::Layer::kParser) return &e;
    if (!first_instruction) first_instruction = &e;
  }
  return first_instruction;
}

const Directive* Dockerfile::FindDirective(std::string_view name) const {
  for (const Directive& d : directives) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

std::vector<bool> Dockerfile::RejectedInstructions() const {
  std::vector<bool> rejected(instructions.size(), false);
  for (const SyntaxError& e : errors) {
    if (e.no_stage) continue;  // well-formed, only outside a stage: linted as a fragment
    auto it = std::upper_bound(
        instructions.begin(), instructions.end(), e.range.begin,
        [](std::uint32_t offset, const Instruction& inst) { return offset < inst.range.begin; });
    if (it == instructions.begin()) continue;
    --it;
    if (e.range.begin < it->range.end || it->range.begin == e.range.begin) {
      rejected[static_cast<std::size_t>(it - instructions.begin())] = true;
    }
  }
  return rejected;
}

Dockerfile Parse(std::string path, std::string text) {
  Dockerfile df(std::move(path), std::move(text));
  Parser(df).Run();
  CheckInstructions(df);
  return df;
}

std::optional<DirectiveLookup> LookupDirective(std::string_view text, std::string_view name,
                                               std::string_view prefix) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::uint32_t line_no = 0;
  if (text.substr(0, 2) == "#!") {
    const std::size_t nl = text.find('\n');
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    line_no = 1;
  }
  std::vector<std::string> seen;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // bufio.ScanLines
    std::optional<DirectiveMatch> m = MatchDirective(line, prefix);
    if (!m) break;
    const std::string key =
        base::AsciiLower(line.substr(m->name_begin, m->name_end - m->name_begin));
    if (key != "syntax" && key != "escape" && key != "check") break;
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) break;  // an error upstream
    seen.push_back(key);
    if (key == name) {
      const std::string_view value = line.substr(m->value_begin, m->value_end - m->value_begin);
      return DirectiveLookup{std::string(value.substr(0, value.find(' '))), std::string(value),
                             line_no};
    }
  }
  return std::nullopt;
}

std::optional<DirectiveLookup> DetectSyntax(std::string_view text) {
  if (auto d = LookupDirective(text, "syntax", "#")) return d;
  if (auto d = LookupDirective(text, "syntax", "//")) return d;
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  std::uint32_t line_no = 0;
  if (body.substr(0, 2) == "#!") {
    const std::size_t nl = body.find('\n');
    body = nl == std::string_view::npos ? std::string_view() : body.substr(nl + 1);
    line_no = 1;
  }
  const nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_object()) {
    auto it = j.find("syntax");
    if (it != j.end() && it->is_string()) {
      const std::string v = it->get<std::string>();
      return DirectiveLookup{v, v, line_no};
    }
  }
  return std::nullopt;
}

}  // namespace shipshape::syntax
