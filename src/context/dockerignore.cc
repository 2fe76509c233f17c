#include "context/dockerignore.h"

#include <fmt/format.h>

#include <cctype>
#include <cstddef>
#include <optional>

#include "base/utf8.h"

namespace shipshape::context {

std::string CleanPath(std::string_view path) {
  if (path.empty()) return ".";
  const bool rooted = path[0] == '/';
  std::vector<std::string_view> parts;
  std::size_t dotdots = 0;  // leading `..` kept in a relative path
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    const std::string_view part = path.substr(pos, slash - pos);
    pos = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.size() > dotdots) {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(part);
        ++dotdots;
      }
      continue;
    }
    parts.push_back(part);
  }
  std::string out = rooted ? "/" : "";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '/';
    out += parts[i];
  }
  return out.empty() ? "." : out;
}

namespace {

using Token = IgnorePattern::Token;
using Op = Token::Op;

Token MakeToken(Op op, char byte = 0) {
  Token t;
  t.op = op;
  t.byte = byte;
  return t;
}

/// Records an error (built field by field: GCC 12 warns wrongly on the aggregate form).
void AddError(std::vector<IgnoreError>& errors, std::uint32_t line, std::uint32_t column,
              std::string message) {
  IgnoreError e;
  e.line = line;
  e.column = column;
  e.message = std::move(message);
  errors.push_back(std::move(e));
}

/// One character of a class as Go's filepath.Match reads it (getEsc): an optionally escaped
/// code point that is not `-` or `]`, with something after it.
std::optional<char32_t> ClassChar(std::string_view p, std::size_t& i, std::string& error) {
  if (i >= p.size() || p[i] == '-' || p[i] == ']') {
    error = i >= p.size() ? "unclosed `[`" : fmt::format("unexpected `{}` in a class", p[i]);
    return std::nullopt;
  }
  if (p[i] == '\\') {
    ++i;
    if (i >= p.size()) {
      error = "unclosed `[`";
      return std::nullopt;
    }
  }
  const base::DecodedRune r = base::DecodeRune(p, i);
  if (r.rune == base::kRuneError && r.width == 1) {
    error = "invalid UTF-8 in a class";
    return std::nullopt;
  }
  i += r.width;
  if (i >= p.size()) {
    error = "unclosed `[`";
    return std::nullopt;
  }
  return r.rune;
}

/// Reads the class at `p[i]` (`[`), leaving `i` after its `]`. Empty `error` on success.
Token ReadClass(std::string_view p, std::size_t& i, std::string& error) {
  Token t;
  t.op = Op::kClass;
  ++i;
  if (i < p.size() && p[i] == '^') {
    t.negated = true;
    ++i;
  }
  for (;;) {
    if (i < p.size() && p[i] == ']' && !t.ranges.empty()) {
      ++i;
      return t;
    }
    const std::optional<char32_t> lo = ClassChar(p, i, error);
    if (!lo) return t;
    char32_t hi = *lo;
    if (p[i] == '-') {
      ++i;
      const std::optional<char32_t> h = ClassChar(p, i, error);
      if (!h) return t;
      hi = *h;
      // filepath.Match accepts it, but the regexp BuildKit compiles it into does not.
      if (hi < *lo) {
        error = "class range out of order";
        return t;
      }
    }
    t.ranges.emplace_back(*lo, hi);
  }
}

/// Appends what `\<e>` stands for in Go's regexp syntax; an error when it is not valid there or
/// not supported here.
std::string Escape(char e, std::vector<Token>& tokens) {
  const unsigned char u = static_cast<unsigned char>(e);
  if (u < 0x80 && !std::isalnum(u)) {
    tokens.push_back(MakeToken(Op::kLiteral, e));
    return "";
  }
  auto cls = [&](std::vector<std::pair<char32_t, char32_t>> ranges, bool negated) {
    Token t = MakeToken(Op::kClass);
    t.ranges = std::move(ranges);
    t.negated = negated;
    tokens.push_back(std::move(t));
  };
  switch (e) {
    case 'd': case 'D': cls({{'0', '9'}}, e == 'D'); return "";
    case 's': case 'S': cls({{'\t', '\n'}, {'\f', '\r'}, {' ', ' '}}, e == 'S'); return "";
    case 'w': case 'W': cls({{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}, e == 'W'); return "";
    case 'a': tokens.push_back(MakeToken(Op::kLiteral, '\a')); return "";
    case 'f': tokens.push_back(MakeToken(Op::kLiteral, '\f')); return "";
    case 't': tokens.push_back(MakeToken(Op::kLiteral, '\t')); return "";
    case 'n': tokens.push_back(MakeToken(Op::kLiteral, '\n')); return "";
    case 'r': tokens.push_back(MakeToken(Op::kLiteral, '\r')); return "";
    case 'v': tokens.push_back(MakeToken(Op::kLiteral, '\v')); return "";
    case 'A': tokens.push_back(MakeToken(Op::kTextStart)); return "";
    case 'z': tokens.push_back(MakeToken(Op::kTextEnd)); return "";
    case 'b': tokens.push_back(MakeToken(Op::kWordBoundary)); return "";
    case 'B': tokens.push_back(MakeToken(Op::kNotWordBoundary)); return "";
    case 'p': case 'P': case 'Q': case 'x': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7':
      return fmt::format("the regexp escape `\\{}` is not supported", e);
    default:
      return u < 0x80 ? fmt::format("invalid escape `\\{}`", e) : "invalid escape";
  }
}

/// Compiles a cleaned pattern as patternmatcher's `compile` does; empty result on success,
/// else why Go's filepath.Match (run on every pattern first) or regexp rejects it.
std::string Compile(IgnorePattern& pat) {
  const std::string_view p = pat.cleaned;
  using Kind = IgnorePattern::Kind;
  pat.kind = Kind::kExact;
  std::string error;
  for (std::size_t i = 0, step = 0; i < p.size(); ++step) {
    const char c = p[i];
    if (c == '*') {
      if (i + 1 < p.size() && p[i + 1] == '*') {
        i += 2;
        if (i < p.size() && p[i] == '/') ++i;
        if (i == p.size()) {
          if (pat.kind == Kind::kExact) {
            pat.kind = Kind::kPrefix;
          } else {
            pat.tokens.push_back(MakeToken(Op::kAnything));
            pat.kind = Kind::kTokens;
          }
        } else {
          pat.tokens.push_back(MakeToken(Op::kAnyDirs));
          pat.kind = Kind::kTokens;
        }
        // A leading `**` makes it a suffix match, unless a later wildcard makes it a regexp.
        if (step == 0) pat.kind = Kind::kSuffix;
      } else {
        pat.tokens.push_back(MakeToken(Op::kStar));
        pat.kind = Kind::kTokens;
        ++i;
      }
    } else if (c == '?') {
      pat.tokens.push_back(MakeToken(Op::kQuestion));
      pat.kind = Kind::kTokens;
      ++i;
    } else if (c == '\\') {
      if (i + 1 >= p.size()) return "trailing `\\`";
      // patternmatcher copies `\x` into its regexp: punctuation is literal, some letters are
      // regexp escapes, the other letters and non-ASCII characters are errors.
      std::string escape_error = Escape(p[i + 1], pat.tokens);
      if (!escape_error.empty()) return escape_error;
      pat.kind = Kind::kTokens;
      i += 2;
    } else if (c == '[') {
      pat.tokens.push_back(ReadClass(p, i, error));
      if (!error.empty()) return error;
      pat.kind = Kind::kTokens;
    } else if (c == ']') {
      pat.tokens.push_back(MakeToken(Op::kLiteral, c));
      pat.kind = Kind::kTokens;
      ++i;
    } else if (c == '^') {
      // Not escaped by patternmatcher: in a regexp it anchors at the start of the path.
      pat.tokens.push_back(MakeToken(Op::kTextStart));
      ++i;
    } else {
      // A multi-byte character is one scanner step.
      const std::size_t width = static_cast<unsigned char>(c) < 0x80 ? 1 : base::DecodeRune(p, i).width;
      for (std::size_t k = 0; k < width; ++k) pat.tokens.push_back(MakeToken(Op::kLiteral, p[i + k]));
      i += width;
    }
  }
  if (pat.kind != Kind::kTokens) pat.tokens.clear();
  return "";
}

/// Go's regexp `\w`, which `\b` looks at.
bool IsWordChar(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u < 0x80 && (std::isalnum(u) || c == '_');
}

/// Matches tokens against a path, memoising failed (token, offset) pairs so that patterns
/// with many wildcards stay polynomial.
class TokenMatcher {
 public:
  TokenMatcher(const std::vector<Token>& tokens, std::string_view s) : t_(tokens), s_(s) {}

  bool Match(std::size_t ti, std::size_t si) {
    if (ti == t_.size()) return si == s_.size();
    if (failed_.empty()) failed_.assign((t_.size() + 1) * (s_.size() + 1), false);
    const std::size_t key = ti * (s_.size() + 1) + si;
    if (failed_[key]) return false;
    const bool ok = MatchUncached(ti, si);
    if (!ok) failed_[key] = true;
    return ok;
  }

 private:
  bool MatchUncached(std::size_t ti, std::size_t si) {
    const Token& t = t_[ti];
    switch (t.op) {
      case Op::kLiteral:
        return si < s_.size() && s_[si] == t.byte && Match(ti + 1, si + 1);
      case Op::kStar:
        if (Match(ti + 1, si)) return true;
        return si < s_.size() && s_[si] != '/' && Match(ti, si + 1);
      case Op::kQuestion:
        if (si >= s_.size() || s_[si] == '/') return false;
        return Match(ti + 1, si + base::DecodeRune(s_, si).width);
      case Op::kClass: {
        if (si >= s_.size()) return false;
        const base::DecodedRune r = base::DecodeRune(s_, si);
        bool in = false;
        for (const auto& [lo, hi] : t.ranges) in = in || (r.rune >= lo && r.rune <= hi);
        return in != t.negated && Match(ti + 1, si + r.width);
      }
      case Op::kAnyDirs:
        if (Match(ti + 1, si)) return true;
        for (std::size_t k = si; k < s_.size(); ++k) {
          if (s_[k] == '/' && Match(ti + 1, k + 1)) return true;
        }
        return false;
      case Op::kAnything:
        return Match(ti + 1, s_.size());
      case Op::kTextStart:
        return si == 0 && Match(ti + 1, si);
      case Op::kTextEnd:
        return si == s_.size() && Match(ti + 1, si);
      case Op::kWordBoundary:
      case Op::kNotWordBoundary: {
        const bool before = si > 0 && IsWordChar(s_[si - 1]);
        const bool after = si < s_.size() && IsWordChar(s_[si]);
        return ((before != after) == (t.op == Op::kWordBoundary)) && Match(ti + 1, si);
      }
    }
    return false;
  }

  const std::vector<Token>& t_;
  std::string_view s_;
  std::vector<bool> failed_;
};

}  // namespace

bool IgnorePattern::Matches(std::string_view path) const {
  switch (kind) {
    case Kind::kExact:
      return path == cleaned;
    case Kind::kPrefix:
      return path.starts_with(std::string_view(cleaned).substr(0, cleaned.size() - 2));
    case Kind::kSuffix: {
      const std::string_view suffix = std::string_view(cleaned).substr(2);
      if (path.ends_with(suffix)) return true;
      return !suffix.empty() && suffix[0] == '/' && path == suffix.substr(1);
    }
    case Kind::kTokens:
      return TokenMatcher(tokens, path).Match(0, 0);
  }
  return false;
}

Dockerignore Dockerignore::Parse(std::string_view text) {
  Dockerignore out;
  std::uint32_t number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    const std::size_t line_start = pos;
    pos = end + 1;
    ++number;
    // bufio.Scanner's default limit: BuildKit fails to read the file.
    if (line.size() >= 64 * 1024) {
      AddError(out.errors_, number, 1, "line too long (bufio.Scanner: token too long)");
      break;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (line.starts_with('#')) continue;
    std::string_view trimmed = base::TrimSpace(line);
    if (trimmed.empty()) continue;
    IgnorePattern pat;
    pat.line = number;
    pat.column = static_cast<std::uint32_t>(trimmed.data() - text.data() - line_start + 1);
    pat.written = std::string(trimmed);
    // ignorefile.ReadAll.
    const bool invert = trimmed[0] == '!';
    if (invert) trimmed = base::TrimSpace(trimmed.substr(1));
    std::string read(trimmed);
    if (!read.empty()) {
      read = CleanPath(read);
      if (read.size() > 1 && read[0] == '/') read.erase(0, 1);
    }
    if (invert) read = fmt::format("!{}", read);
    // patternmatcher.New.
    std::string p = CleanPath(base::TrimSpace(read));
    if (p[0] == '!') {
      if (p.size() == 1) {
        AddError(out.errors_, pat.line, pat.column, "illegal exclusion pattern: \"!\"");
        continue;
      }
      pat.exclusion = true;
      p.erase(0, 1);
    }
    pat.cleaned = std::move(p);
    const std::string error = Compile(pat);
    if (!error.empty()) {
      AddError(out.errors_, pat.line, pat.column,
               fmt::format("syntax error in pattern `{}`: {}", pat.written, error));
      continue;
    }
    out.has_exclusions_ = out.has_exclusions_ || pat.exclusion;
    out.patterns_.push_back(std::move(pat));
  }
  return out;
}

bool Dockerignore::Excludes(std::string_view raw) const {
  const std::string path = CleanPath(raw);
  if (path == ".") return false;
  // The parent directories, shortest first (filepath.Dir, split on `/`).
  std::vector<std::string_view> parents;
  const std::size_t last = path.rfind('/');
  if (last != std::string::npos) {
    const std::string_view dir = last == 0 ? std::string_view("/")
                                           : std::string_view(path).substr(0, last);
    for (std::size_t k = 0;; ++k) {
      k = dir.find('/', k);
      if (k == std::string_view::npos) break;
      parents.push_back(dir.substr(0, k));
    }
    parents.push_back(dir);
  }
  bool matched = false;
  for (const IgnorePattern& pat : patterns_) {
    // An exception only matters once something matched, an exclusion only before.
    if (pat.exclusion != matched) continue;
    bool match = pat.Matches(path);
    for (std::size_t i = 0; !match && i < parents.size(); ++i) match = pat.Matches(parents[i]);
    if (match) matched = !pat.exclusion;
  }
  return matched;
}

}  // namespace shipshape::context
