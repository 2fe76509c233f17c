#include "model/expand.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "base/go_quote.h"
#include "base/utf8.h"

namespace shipshape::model {

// ---------------------------------------------------------------------------------------------
// Environment

Environment Environment::FromList(const std::vector<std::string>& entries) {
  Environment env;
  for (const std::string& entry : entries) {
    const std::size_t eq = entry.find('=');
    if (eq == std::string::npos) {
      env.Set(entry, "");
    } else {
      env.Set(std::string_view(entry).substr(0, eq), std::string_view(entry).substr(eq + 1));
    }
  }
  return env;
}

void Environment::Set(std::string_view name, std::string_view value) {
  for (auto& [key, current] : vars_) {
    if (key == name) {
      current.assign(value);
      return;
    }
  }
  vars_.emplace_back(std::string(name), std::string(value));
}

void Environment::Unset(std::string_view name) {
  auto it = std::find_if(vars_.begin(), vars_.end(),
                         [name](const auto& entry) { return entry.first == name; });
  if (it != vars_.end()) vars_.erase(it);
}

std::optional<std::string_view> Environment::Get(std::string_view name) const {
  for (const auto& [key, value] : vars_) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::vector<std::string> Environment::Keys() const {
  std::vector<std::string> keys;
  keys.reserve(vars_.size());
  for (const auto& entry : vars_) keys.push_back(entry.first);
  return keys;
}

namespace {

using base::AppendRune;
using base::DecodeRune;

/// Go's text/scanner EOF, which `string(rune)` turns into U+FFFD in messages.
constexpr char32_t kEof = static_cast<char32_t>(-1);
/// Deepest `${...}` nesting we follow; Go's growable stacks have no such limit, ours do.
constexpr int kMaxNesting = kMaxExpansionNesting;
constexpr char32_t kByteOrderMark = 0xFEFF;

// ---------------------------------------------------------------------------------------------
// Patterns of `${v#p}`, `${v%p}` and `${v/p/r}`. BuildKit turns them into a Go regexp that is
// always a plain sequence of literals, `.` and `.*` (or `.*?`); a small Pike VM over code points
// gives the same leftmost-first match as Go's engines, in linear memory.

enum class AtomKind : std::uint8_t { kLiteral, kAnyButNewline, kStar };

struct Atom {
  AtomKind kind;
  char32_t rune;
};

struct Pattern {
  std::vector<Atom> atoms;
  /// `*` as `.*` (true) or `.*?` (false).
  bool greedy = true;
};

/// Code points of `s` with the byte offset of each (offsets has one extra entry: s.size()).
struct DecodedText {
  std::vector<char32_t> runes;
  std::vector<std::size_t> offsets;
};

DecodedText Decode(std::string_view s) {
  DecodedText text;
  text.runes.reserve(s.size());
  text.offsets.reserve(s.size() + 1);
  for (std::size_t i = 0; i < s.size();) {
    const base::DecodedRune d = DecodeRune(s, i);
    text.runes.push_back(d.rune);
    text.offsets.push_back(i);
    i += d.width;
  }
  text.offsets.push_back(s.size());
  return text;
}

std::vector<char32_t> DecodeRunes(std::string_view s) {
  std::vector<char32_t> runes;
  runes.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const base::DecodedRune d = DecodeRune(s, i);
    runes.push_back(d.rune);
    i += d.width;
  }
  return runes;
}

std::string EncodeRunes(const char32_t* runes, std::size_t n) {
  std::string out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) AppendRune(out, runes[i]);
  return out;
}

/// BuildKit's convertShellPatternToRegex over the pattern's code points (the pattern is read
/// with text/scanner, so a leading byte-order mark is dropped). On failure returns false with
/// Go's message in `error`.
bool CompilePattern(const std::vector<char32_t>& runes, bool greedy, Pattern& pattern,
                    std::string& error) {
  pattern.greedy = greedy;
  pattern.atoms.clear();
  pattern.atoms.reserve(runes.size());
  std::size_t i = 0;
  if (!runes.empty() && runes[0] == kByteOrderMark) i = 1;
  const std::size_t n = runes.size();
  while (i < n) {
    char32_t tok = runes[i++];
    switch (tok) {
      case '*':
        // `.*.*` matches exactly what `.*` does (greedy or lazy); one star keeps the VM small.
        if (pattern.atoms.empty() || pattern.atoms.back().kind != AtomKind::kStar) {
          pattern.atoms.push_back({AtomKind::kStar, 0});
        }
        continue;
      case '?':
        pattern.atoms.push_back({AtomKind::kAnyButNewline, 0});
        continue;
      case '\\': {
        // `\}` and `\/` only protect the delimiter; the escape is not part of the pattern.
        const char32_t peek = i < n ? runes[i] : kEof;
        if (peek == '}' || peek == '/') continue;
        tok = i < n ? runes[i++] : kEof;
        if (tok != '*' && tok != '?' && tok != '\\') {
          error = "invalid escape '\\";
          AppendRune(error, tok);
          error.push_back('\'');
          return false;
        }
        break;
      }
      default:
        break;
    }
    pattern.atoms.push_back({AtomKind::kLiteral, tok});
  }
  return true;
}

/// Go's leftmost-first regexp search for a compiled Pattern (Pike VM: threads kept in
/// priority order, one per program state, so the result equals backtracking's first match).
class Matcher {
 public:
  explicit Matcher(const Pattern& pattern)
      : pattern_(pattern),
        size_(static_cast<std::uint32_t>(pattern.atoms.size())),
        marks_(2 * pattern.atoms.size() + 1, 0) {}

  /// The first match starting at or after `from` (only at `from` when anchored), in code point
  /// indices [begin, end).
  bool Find(const char32_t* text, std::size_t n, std::size_t from, bool anchored,
            std::size_t& begin, std::size_t& end) {
    bool matched = false;
    std::uint32_t current_gen = NextGeneration();
    current_.clear();
    for (std::size_t pos = from;; ++pos) {
      if (current_.empty()) {
        if (matched) break;
        if (anchored && pos != from) break;
      }
      if (!matched && (!anchored || pos == from)) Add(current_, 0, pos, current_gen);
      const std::uint32_t next_gen = NextGeneration();
      next_.clear();
      const bool at_end = pos >= n;
      const char32_t c = at_end ? kEof : text[pos];
      for (const Thread& t : current_) {
        if (t.pc == size_) {
          // A match cuts off every lower-priority thread.
          begin = t.start;
          end = pos;
          matched = true;
          break;
        }
        if (at_end) continue;
        if (t.pc < size_) {
          const Atom& atom = pattern_.atoms[t.pc];
          const bool ok = atom.kind == AtomKind::kLiteral ? c == atom.rune : c != '\n';
          if (ok) Add(next_, t.pc + 1, t.start, next_gen);
        } else if (c != '\n') {
          Add(next_, t.pc - size_ - 1, t.start, next_gen);
        }
      }
      if (at_end) break;
      std::swap(current_, next_);
      current_gen = next_gen;
    }
    return matched;
  }

 private:
  /// pc in [0, size_) is an atom, size_ is the match state, size_ + 1 + i the body of star i.
  struct Thread {
    std::uint32_t pc;
    std::size_t start;
  };

  std::uint32_t NextGeneration() {
    if (++generation_ == 0) {
      std::fill(marks_.begin(), marks_.end(), 0);
      generation_ = 1;
    }
    return generation_;
  }

  /// Adds the threads reachable from `pc` without consuming input, in Go's priority order:
  /// a greedy star prefers its body, a lazy one what follows it.
  void Add(std::vector<Thread>& list, std::uint32_t pc, std::size_t start, std::uint32_t gen) {
    pending_.clear();
    while (marks_[pc] != gen) {
      marks_[pc] = gen;
      if (pc == size_ || pattern_.atoms[pc].kind != AtomKind::kStar) {
        list.push_back({pc, start});
        break;
      }
      const std::uint32_t body = size_ + 1 + pc;
      if (pattern_.greedy) {
        if (marks_[body] != gen) {
          marks_[body] = gen;
          list.push_back({body, start});
        }
      } else {
        pending_.push_back(body);
      }
      ++pc;
    }
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {
      if (marks_[*it] == gen) continue;
      marks_[*it] = gen;
      list.push_back({*it, start});
    }
  }

  const Pattern& pattern_;
  const std::uint32_t size_;
  std::vector<std::uint32_t> marks_;
  std::uint32_t generation_ = 0;
  std::vector<Thread> current_;
  std::vector<Thread> next_;
  std::vector<std::uint32_t> pending_;
};

/// The pattern as UTF-8 when it is a non-empty run of literals other than U+FFFD. Matching it
/// code point by code point is then a plain byte search: its lead bytes can only sit at
/// character boundaries of the value, and only U+FFFD could match an invalid byte there.
bool LiteralText(const Pattern& pattern, std::string& text) {
  if (pattern.atoms.empty()) return false;
  text.clear();
  for (const Atom& atom : pattern.atoms) {
    if (atom.kind != AtomKind::kLiteral || atom.rune == base::kRuneError) return false;
    AppendRune(text, atom.rune);
  }
  return true;
}

std::string InvalidPattern(std::string_view pattern, std::string_view why) {
  return fmt::format("invalid pattern ({}) in substitution: {}", pattern, why);
}

/// `${v#p}` / `${v##p}`: drops the shortest (lazy) or longest (greedy) matching prefix.
bool TrimPrefix(std::string_view pattern, std::string_view value, bool greedy, std::string& out,
                std::string& error) {
  Pattern compiled;
  std::string why;
  if (!CompilePattern(DecodeRunes(pattern), greedy, compiled, why)) {
    error = InvalidPattern(pattern, why);
    return false;
  }
  std::string literal;
  if (LiteralText(compiled, literal)) {
    if (value.substr(0, literal.size()) == literal) value.remove_prefix(literal.size());
    out.append(value);
    return true;
  }
  const DecodedText text = Decode(value);
  Matcher matcher(compiled);
  std::size_t begin = 0;
  std::size_t end = 0;
  if (matcher.Find(text.runes.data(), text.runes.size(), 0, /*anchored=*/true, begin, end)) {
    value.remove_prefix(text.offsets[end]);
  }
  out.append(value);
  return true;
}

/// BuildKit's reversePattern: code points reversed, but `\x` pairs kept in order.
std::vector<char32_t> ReversePattern(const std::vector<char32_t>& runes) {
  std::vector<char32_t> out(runes.size());
  if (runes.empty()) return out;
  const std::size_t last = runes.size() - 1;
  for (std::size_t i = 0; i <= last;) {
    const std::size_t out_index = last - i;
    if (runes[i] == '\\' && i != last) {
      out[out_index - 1] = runes[i];
      out[out_index] = runes[i + 1];
      i += 2;
    } else {
      out[out_index] = runes[i];
      ++i;
    }
  }
  return out;
}

/// `${v%p}` / `${v%%p}`: BuildKit reverses pattern and value and trims a prefix, so the
/// message shows the reversed pattern and invalid bytes of the value come back as U+FFFD.
bool TrimSuffix(std::string_view pattern, std::string_view value, bool greedy, std::string& out,
                std::string& error) {
  const std::vector<char32_t> reversed_pattern = ReversePattern(DecodeRunes(pattern));
  Pattern compiled;
  std::string why;
  if (!CompilePattern(reversed_pattern, greedy, compiled, why)) {
    error = InvalidPattern(EncodeRunes(reversed_pattern.data(), reversed_pattern.size()), why);
    return false;
  }
  std::vector<char32_t> runes = DecodeRunes(value);
  std::reverse(runes.begin(), runes.end());
  Matcher matcher(compiled);
  std::size_t begin = 0;
  std::size_t end = 0;
  if (!matcher.Find(runes.data(), runes.size(), 0, /*anchored=*/true, begin, end)) end = 0;
  for (std::size_t i = runes.size(); i > end; --i) AppendRune(out, runes[i - 1]);
  return true;
}

/// Go's Regexp.Expand for a regexp without groups: `$0`/`${0}` is the match, `$$` a dollar,
/// any other well-formed reference empty, a malformed one a literal `$`.
void AppendExpandedTemplate(std::string& out, std::string_view tmpl, std::string_view match) {
  while (!tmpl.empty()) {
    const std::size_t dollar = tmpl.find('$');
    if (dollar == std::string_view::npos) break;
    out.append(tmpl.substr(0, dollar));
    tmpl.remove_prefix(dollar + 1);
    if (!tmpl.empty() && tmpl[0] == '$') {
      out.push_back('$');
      tmpl.remove_prefix(1);
      continue;
    }
    std::string_view rest = tmpl;
    const bool brace = !rest.empty() && rest[0] == '{';
    if (brace) rest.remove_prefix(1);
    std::size_t i = 0;
    while (i < rest.size()) {
      const base::DecodedRune d = DecodeRune(rest, i);
      if (!base::IsLetter(d.rune) && !base::IsDigit(d.rune) && d.rune != '_') break;
      i += d.width;
    }
    if (i == 0 || (brace && (i >= rest.size() || rest[i] != '}'))) {
      out.push_back('$');
      continue;
    }
    const std::string_view name = rest.substr(0, i);
    tmpl = rest.substr(brace ? i + 1 : i);
    // Only group 0 exists; Go rejects leading zeros ("00" is a name, not a number).
    if (name == "0") out.append(match);
  }
  out.append(tmpl);
}

/// `${v/p/r}` and `${v//p/r}` with Go's FindStringIndex / ReplaceAllString semantics.
bool Replace(std::string_view pattern, std::string_view replacement, std::string_view value,
             bool replace_all, std::string& out, std::string& error) {
  Pattern compiled;
  std::string why;
  if (!CompilePattern(DecodeRunes(pattern), /*greedy=*/true, compiled, why)) {
    error = InvalidPattern(pattern, why);
    return false;
  }
  std::string literal;
  if (LiteralText(compiled, literal)) {
    std::size_t last_end = 0;
    for (std::size_t at = value.find(literal); at != std::string_view::npos;
         at = value.find(literal, last_end)) {
      out.append(value.substr(last_end, at - last_end));
      if (replace_all) {
        AppendExpandedTemplate(out, replacement, literal);
      } else {
        out.append(replacement);
      }
      if (out.size() > kMaxExpansionBytes) {
        error = kTooLongError;
        return false;
      }
      last_end = at + literal.size();
      if (!replace_all) break;
    }
    out.append(value.substr(last_end));
    return true;
  }
  const DecodedText text = Decode(value);
  const std::size_t n = text.runes.size();
  Matcher matcher(compiled);
  std::size_t begin = 0;
  std::size_t end = 0;
  if (!replace_all) {
    if (matcher.Find(text.runes.data(), n, 0, /*anchored=*/false, begin, end)) {
      out.append(value.substr(0, text.offsets[begin]));
      out.append(replacement);
      out.append(value.substr(text.offsets[end]));
    } else {
      out.append(value);
    }
    return true;
  }
  std::size_t last_end = 0;
  std::size_t search = 0;
  while (search <= n) {
    if (!matcher.Find(text.runes.data(), n, search, /*anchored=*/false, begin, end)) break;
    out.append(value.substr(text.offsets[last_end], text.offsets[begin] - text.offsets[last_end]));
    // Go skips an empty match right after a previous match.
    if (end > last_end || begin == 0) {
      const std::string_view match =
          value.substr(text.offsets[begin], text.offsets[end] - text.offsets[begin]);
      AppendExpandedTemplate(out, replacement, match);
      if (out.size() > kMaxExpansionBytes) {
        error = kTooLongError;
        return false;
      }
    }
    last_end = end;
    search = end > search ? end : search + 1;
  }
  out.append(value.substr(text.offsets[last_end]));
  return true;
}

bool IsSpecialParam(char32_t c) {
  switch (c) {
    case '@':
    case '*':
    case '#':
    case '?':
    case '-':
    case '$':
    case '!':
    case '0':
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The lexer: BuildKit's shellWord, one pass producing both the word and its split words.

class Lexer {
 public:
  Lexer(std::string_view source, const EnvLookup& env, const ExpandOptions& options)
      : source_(source),
        env_(env),
        options_(options),
        escape_(static_cast<unsigned char>(options.escape)),
        raw_escapes_(options.raw_escapes) {
    DecodeAt(0);
    // text/scanner drops a byte-order mark only as the very first character.
    if (current_ == kByteOrderMark) Next();
  }

  /// On failure, as upstream, no word is produced but the lookups made so far are kept.
  void Run(ExpandResult& result) {
    if (!ProcessStopOn(kEof, options_.raw_escapes, result.word, /*top=*/true, &result.words)) {
      result.error = "failed to process ";
      base::AppendGoQuoted(result.error, source_);
      result.error += ": ";
      result.error += error_;
      result.word.clear();
      result.words.clear();
    }
    result.matched = SortedNames(matched_);
    result.unmatched = SortedNames(unmatched_);
  }

 private:
  /// Decodes the character at byte `pos` into current_ (Go's Scanner.Peek).
  void DecodeAt(std::size_t pos) {
    current_pos_ = pos;
    if (pos >= source_.size()) {
      current_ = kEof;
      current_width_ = 0;
      return;
    }
    const auto c = static_cast<unsigned char>(source_[pos]);
    if (c < 0x80) {
      current_ = c;
      current_width_ = 1;
      return;
    }
    const base::DecodedRune d = DecodeRune(source_, pos);
    current_ = d.rune;
    current_width_ = d.width;
  }

  /// Go's Scanner.Next: returns the peeked character and moves past it.
  char32_t Next() {
    const char32_t c = current_;
    if (c != kEof) DecodeAt(current_pos_ + current_width_);
    return c;
  }

  static std::vector<std::string> SortedNames(std::vector<std::string_view>& names) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return std::vector<std::string>(names.begin(), names.end());
  }

  // Word splitting. BuildKit keeps the current word in one buffer shared by every nested
  // processStopOn call and resets it at each call's start, so a `${v:-w}`-style expansion
  // discards the part of the current word that precedes it; words_buffer_ reproduces that.

  void AddChar(char32_t c) {
    if (base::IsSpace(c)) {
      FlushWord();
    } else {
      AppendRune(words_buffer_, c);
    }
  }

  void AddString(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        const base::DecodedRune d = DecodeRune(s, i);
        AddChar(d.rune);
        i += d.width;
      } else if (base::IsSpaceByte(c)) {
        FlushWord();
        ++i;
      } else {
        // A run of ASCII non-space bytes goes in at once.
        std::size_t end = i + 1;
        while (end < s.size() && static_cast<unsigned char>(s[end]) < 0x80 &&
               !base::IsSpaceByte(static_cast<unsigned char>(s[end]))) {
          ++end;
        }
        words_buffer_.append(s.substr(i, end - i));
        i = end;
      }
    }
  }

  void FlushWord() {
    if (words_buffer_.empty()) return;
    words_->push_back(words_buffer_);
    words_buffer_.clear();
  }

  /// BuildKit's processStopOn: appends the processed text up to `stop` (consumed) or the end
  /// of input to `out`. Only the top-level call splits words.
  bool ProcessStopOn(char32_t stop, bool raw_escapes, std::string& out, bool top,
                     std::vector<std::string>* words = nullptr) {
    words_buffer_.clear();
    if (top) words_ = words;
    if (!top && depth_ >= kMaxNesting) {
      error_ = kTooDeepError;
      return false;
    }
    ++depth_;
    const bool saved_raw_escapes = raw_escapes_;
    raw_escapes_ = raw_escapes;
    const bool ok = ProcessStopOnLoop(stop, out, top);
    raw_escapes_ = saved_raw_escapes;
    --depth_;
    return ok;
  }

  /// Whether byte `b` is an ASCII character that the loop below copies as it is.
  bool IsPlainAscii(char b, char32_t stop, bool quotes) const {
    const auto c = static_cast<unsigned char>(b);
    if (c >= 0x80 || c == '$' || c == '<' || c == escape_ || c == stop) return false;
    return !quotes || (c != '\'' && c != '"');
  }

  bool ProcessStopOnLoop(char32_t stop, std::string& out, bool top) {
    const bool quotes = !options_.skip_process_quotes;
    while (current_ != kEof) {
      char32_t c = current_;
      if (stop != kEof && c == stop) {
        Next();
        if (top) FlushWord();
        words_buffer_.clear();
        return true;
      }
      if (c == '$' || (quotes && (c == '\'' || c == '"'))) {
        const std::size_t before = out.size();
        const bool ok = c == '$'    ? ProcessDollar(out)
                        : c == '\'' ? ProcessSingleQuote(out)
                                    : ProcessDoubleQuote(out);
        if (!ok) return false;
        if (out.size() > kMaxExpansionBytes) {
          error_ = kTooLongError;
          return false;
        }
        if (top) {
          const std::string_view added = std::string_view(out).substr(before);
          if (c == '$') {
            AddString(added);
          } else {
            words_buffer_.append(added);
          }
        }
        continue;
      }
      if (c == '<') {
        const std::size_t before = out.size();
        ProcessPossibleHeredoc(out);
        if (top) words_buffer_.append(std::string_view(out).substr(before));
        continue;
      }
      if (c < 0x80 && c != escape_) {
        // A run of ASCII characters with no meaning to the lexer is copied at once.
        const std::size_t begin = current_pos_;
        std::size_t end = begin + 1;
        while (end < source_.size() && IsPlainAscii(source_[end], stop, quotes)) ++end;
        const std::string_view run = source_.substr(begin, end - begin);
        out.append(run);
        if (top) AddString(run);
        DecodeAt(end);
        continue;
      }
      c = Next();
      if (c == escape_) {
        if (raw_escapes_) {
          if (top) AppendRune(words_buffer_, c);
          AppendRune(out, c);
        }
        c = Next();
        if (c == kEof) break;
        if (top) AppendRune(words_buffer_, c);
      } else if (top) {
        AddChar(c);
      }
      AppendRune(out, c);
    }
    if (stop != kEof) {
      error_ = "unexpected end of statement while looking for matching ";
      AppendRune(error_, stop);
      return false;
    }
    if (top) FlushWord();
    return true;
  }

  /// BuildKit's processPossibleHeredoc: `<<` keeps the blanks after it (space, tab, CR) in
  /// the same word, so that `<< EOF` splits as one heredoc word. The text itself is unchanged.
  void ProcessPossibleHeredoc(std::string& out) {
    out.push_back(static_cast<char>(Next()));
    if (current_ != '<') return;
    out.push_back(static_cast<char>(Next()));
    while (current_ == ' ' || current_ == '\t' || current_ == '\r') {
      out.push_back(static_cast<char>(Next()));
    }
  }

  bool ProcessSingleQuote(std::string& out) {
    char32_t c = Next();
    if (options_.raw_quotes) AppendRune(out, c);
    for (;;) {
      c = Next();
      if (c == kEof) {
        error_ = "unexpected end of statement while looking for matching single-quote";
        return false;
      }
      if (c == '\'') {
        if (options_.raw_quotes) AppendRune(out, c);
        return true;
      }
      AppendRune(out, c);
    }
  }

  bool ProcessDoubleQuote(std::string& out) {
    char32_t c = Next();
    if (options_.raw_quotes) AppendRune(out, c);
    for (;;) {
      switch (current_) {
        case kEof:
          error_ = "unexpected end of statement while looking for matching double-quote";
          return false;
        case '"':
          c = Next();
          if (options_.raw_quotes) AppendRune(out, c);
          return true;
        case '$':
          if (!ProcessDollar(out)) return false;
          break;
        default:
          c = Next();
          if (c == escape_) {
            // With raw escapes an escape before an ordinary character is written twice,
            // as BuildKit does.
            if (raw_escapes_) AppendRune(out, c);
            if (current_ == kEof) continue;
            if (current_ == '"' || current_ == '$' || current_ == escape_) c = Next();
          }
          AppendRune(out, c);
          break;
      }
    }
  }

  /// A name after `$`: letters, digits and `_`; a run of digits; or one special parameter.
  /// Names are always a contiguous run of valid characters, so a view of the source.
  std::string_view ProcessName() {
    const std::size_t start = current_pos_;
    while (current_ != kEof) {
      const char32_t c = current_;
      if (current_pos_ == start) {
        if (base::IsDigit(c)) {
          while (current_ != kEof && base::IsDigit(current_)) Next();
          break;
        }
        if (IsSpecialParam(c)) {
          Next();
          break;
        }
      }
      if (!base::IsLetter(c) && !base::IsDigit(c) && c != '_') break;
      Next();
    }
    return source_.substr(start, current_pos_ - start);
  }

  std::optional<std::string_view> GetEnv(std::string_view name) {
    std::optional<std::string_view> value = env_.Get(name);
    (value ? matched_ : unmatched_).push_back(name);
    return value;
  }

  bool ProcessDollar(std::string& out) {
    Next();  // `$`
    if (current_ != '{') {
      const std::string_view name = ProcessName();
      if (name.empty()) {
        out.push_back('$');
        return true;
      }
      const std::optional<std::string_view> value = GetEnv(name);
      if (!value && options_.skip_unset_env) {
        out.push_back('$');
        out.append(name);
        return true;
      }
      if (value) out.append(*value);
      return true;
    }
    Next();  // `{`
    switch (current_) {
      case kEof:
        error_ = "syntax error: missing '}'";
        return false;
      case '{':
      case '}':
      case ':':
        error_ = "syntax error: bad substitution";
        return false;
      default:
        break;
    }
    const std::string_view name = ProcessName();
    Modifier modifier;
    modifier.op = Next();
    switch (modifier.op) {
      case '}':
        return ExpandBraced(name, out);
      case ':':
        modifier.colon = true;
        modifier.op = Next();
        [[fallthrough]];
      case '+':
      case '-':
      case '?':
      case '#':
      case '%':
        return ProcessModifier(name, modifier, out);
      case '/':
        return ProcessReplace(name, out);
      default:
        SetUnsupportedModifier(modifier);
        return false;
    }
  }

  // The functions on the recursive path (ProcessStopOn, ProcessDollar, ProcessModifier,
  // ProcessReplace) keep their frames small so that kMaxNesting levels fit in a thread's
  // stack; everything after the recursion lives in separate, non-inlined functions.

  /// The modifier of `${name<modifier>word}`: `op` with an optional leading `:` (which also
  /// makes an empty value count as unset).
  struct Modifier {
    char32_t op = kEof;
    bool colon = false;
  };

  [[gnu::noinline]] void SetUnsupportedModifier(const Modifier& modifier) {
    error_ = "unsupported modifier (";
    if (modifier.colon) error_.push_back(':');
    AppendRune(error_, modifier.op);
    error_ += ") in substitution";
  }

  [[gnu::noinline]] bool ExpandBraced(std::string_view name, std::string& out) {
    const std::optional<std::string_view> value = GetEnv(name);
    if (!value && options_.skip_unset_env) {
      out += "${";
      out.append(name);
      out.push_back('}');
      return true;
    }
    if (value) out.append(*value);
    return true;
  }

  /// `${name<modifier>word}` once the modifier has been read.
  bool ProcessModifier(std::string_view name, const Modifier& modifier, std::string& out) {
    const bool raw_escapes = modifier.op == '#' || modifier.op == '%';
    if (modifier.colon && raw_escapes) {
      SetUnsupportedModifier(modifier);
      return false;
    }
    std::string word;
    if (!ProcessStopOn('}', raw_escapes, word, /*top=*/false)) {
      if (current_ == kEof) error_ = "syntax error: missing '}'";
      return false;
    }
    return ApplyModifier(name, modifier, word, out);
  }

  [[gnu::noinline]] bool ApplyModifier(std::string_view name, const Modifier& modifier,
                                       const std::string& word, std::string& out) {
    const std::optional<std::string_view> found = GetEnv(name);
    if (!found && options_.skip_unset_env) {
      out += "${";
      out.append(name);
      if (modifier.colon) out.push_back(':');
      AppendRune(out, modifier.op);
      out += word;
      out.push_back('}');
      return true;
    }
    const std::string_view value = found.value_or(std::string_view());
    const bool empty_or_unset = !found || (modifier.colon && value.empty());
    switch (modifier.op) {
      case '-':
        out.append(empty_or_unset ? std::string_view(word) : value);
        return true;
      case '+':
        if (!empty_or_unset) out.append(word);
        return true;
      case '?':
        if (!found) {
          error_ = fmt::format("{}: {}", name, word.empty() ? "is not allowed to be unset" : word);
          return false;
        }
        if (modifier.colon && value.empty()) {
          error_ = fmt::format("{}: {}", name, word.empty() ? "is not allowed to be empty" : word);
          return false;
        }
        out.append(value);
        return true;
      case '%':
      case '#': {
        // A doubled modifier (`%%`, `##`) arrives as the first character of the pattern.
        std::string_view pattern = word;
        const bool greedy =
            !pattern.empty() && static_cast<unsigned char>(pattern[0]) == modifier.op;
        if (greedy) pattern.remove_prefix(1);
        return modifier.op == '%' ? TrimSuffix(pattern, value, greedy, out, error_)
                                  : TrimPrefix(pattern, value, greedy, out, error_);
      }
      default:
        SetUnsupportedModifier(modifier);
        return false;
    }
  }

  /// `${name/pattern/replacement}` and `${name//pattern/replacement}` after the first `/`.
  bool ProcessReplace(std::string_view name, std::string& out) {
    const bool replace_all = current_ == '/';
    if (replace_all) Next();
    std::string pattern;
    if (!ProcessStopOn('/', true, pattern, /*top=*/false)) {
      if (current_ == kEof) error_ = "syntax error: missing '/' in ${}";
      return false;
    }
    std::string replacement;
    if (!ProcessStopOn('}', true, replacement, /*top=*/false)) {
      if (current_ == kEof) error_ = "syntax error: missing '}'";
      return false;
    }
    return ApplyReplace(name, pattern, replacement, replace_all, out);
  }

  [[gnu::noinline]] bool ApplyReplace(std::string_view name, const std::string& pattern,
                                      const std::string& replacement, bool replace_all,
                                      std::string& out) {
    const std::optional<std::string_view> value = GetEnv(name);
    if (!value && options_.skip_unset_env) {
      out += "${";
      out.append(name);
      out.push_back('/');
      out += pattern;
      out.push_back('/');
      out += replacement;
      out.push_back('}');
      return true;
    }
    return Replace(pattern, replacement, value.value_or(std::string_view()), replace_all, out,
                   error_);
  }

  const std::string_view source_;
  const EnvLookup& env_;
  const ExpandOptions& options_;
  const char32_t escape_;
  /// BuildKit's shellWord.rawEscapes: the option, overridden inside `#`, `%` and `/` operands.
  bool raw_escapes_;

  char32_t current_ = kEof;
  std::size_t current_pos_ = 0;
  std::size_t current_width_ = 0;

  int depth_ = 0;
  std::string error_;
  std::string words_buffer_;
  std::vector<std::string>* words_ = nullptr;
  std::vector<std::string_view> matched_;
  std::vector<std::string_view> unmatched_;
};

/// Whether `word` expands to itself and splits at every blank: ASCII without `$`, `<`
/// (heredoc words), quotes or the escape character.
bool IsPlainWord(std::string_view word, const ExpandOptions& options) {
  for (const char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80 || c == '$' || c == '<' || c == options.escape) {
      return false;
    }
    if ((c == '\'' || c == '"') && !options.skip_process_quotes) return false;
  }
  return true;
}

void SplitPlainWord(std::string_view word, std::vector<std::string>& words) {
  std::size_t i = 0;
  while (i < word.size()) {
    while (i < word.size() && base::IsSpaceByte(static_cast<unsigned char>(word[i]))) ++i;
    const std::size_t start = i;
    while (i < word.size() && !base::IsSpaceByte(static_cast<unsigned char>(word[i]))) ++i;
    if (i > start) words.emplace_back(word.substr(start, i - start));
  }
}

}  // namespace

ExpandResult Expand(std::string_view word, const EnvLookup& env, const ExpandOptions& options) {
  ExpandResult result;
  if (IsPlainWord(word, options)) {
    result.word.assign(word);
    SplitPlainWord(word, result.words);
    return result;
  }
  Lexer lexer(word, env, options);
  lexer.Run(result);
  return result;
}

}  // namespace shipshape::model
