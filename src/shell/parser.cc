#include "shell/parser.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <initializer_list>
#include <map>

#include "base/utf8.h"

namespace shipshape::shell {
namespace {

bool IsMeta(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' ||
         c == '>' || c == '(' || c == ')';
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

/// A here-document waiting for its body (read after the next newline); the redirect is found
/// again by its offset once the tree is complete.
struct PendingHeredoc {
  std::uint32_t redirect_begin;
  std::uint32_t redirect_end;
  std::string delimiter;
  bool strip_tabs;
};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Tree Run() {
    Tree tree;
    tree.root = ParseList({}, /*close_paren=*/false, /*in_case=*/false);
    SkipSeparators();
    while (pos_ < text_.size()) {
      // Something the list could not start with (a stray `)`, `fi`, `;;`): report, skip, go on.
      const std::uint32_t at = pos_;
      Error(at, at + 1, "unexpected `" + std::string(1, text_[pos_]) + "`");
      ++pos_;
      List more = ParseList({}, false, false);
      for (AndOr& a : more.items) tree.root.items.push_back(std::move(a));
      SkipSeparators();
      if (pos_ == at) ++pos_;
    }
    ReadHeredocBodies();  // a here-document on the last line, without a newline after it
    tree.root.end = static_cast<std::uint32_t>(text_.size());
    FillHeredocBodies(tree.root);
    tree.errors = std::move(errors_);
    tree.too_deep = too_deep_;
    return tree;
  }

 private:
  // ---- errors and positions ----
  void Error(std::uint32_t begin, std::uint32_t end, std::string message) {
    if (errors_.size() < 100) errors_.push_back({begin, end, std::move(message)});
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool LookingAt(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }

  /// Skips blanks, line continuations and a comment (not the newline).
  void SkipBlanks() {
    for (;;) {
      while (!AtEnd() && IsBlank(Peek())) ++pos_;
      if (Peek() == '\\' && Peek(1) == '\n') {
        pos_ += 2;
        continue;
      }
      if (Peek() == '#') {
        while (!AtEnd() && Peek() != '\n') ++pos_;
      }
      return;
    }
  }

  /// Consumes a newline and reads the bodies of pending here-documents.
  void ConsumeNewline() {
    ++pos_;
    ReadHeredocBodies();
  }

  void ReadHeredocBodies() {
    for (PendingHeredoc& h : pending_) {
      std::pair<std::uint32_t, std::uint32_t>& body = bodies_[h.redirect_begin];
      body.first = static_cast<std::uint32_t>(pos_);
      bool found = false;
      while (!AtEnd()) {
        const std::size_t line_start = pos_;
        std::size_t nl = text_.find('\n', pos_);
        if (nl == std::string_view::npos) nl = text_.size();
        std::string_view line = text_.substr(line_start, nl - line_start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (h.strip_tabs) {
          while (!line.empty() && line.front() == '\t') line.remove_prefix(1);
        }
        pos_ = nl < text_.size() ? nl + 1 : nl;
        if (line == h.delimiter) {
          body.second = static_cast<std::uint32_t>(line_start);
          found = true;
          break;
        }
      }
      if (!found) {
        body.second = static_cast<std::uint32_t>(text_.size());
        Error(h.redirect_begin, h.redirect_end,
              "here-document delimited by `" + h.delimiter + "` is not terminated");
      }
    }
    pending_.clear();
  }

  /// Skips blanks, comments and newlines.
  void SkipNewlines() {
    for (;;) {
      SkipBlanks();
      if (Peek() == '\n') {
        ConsumeNewline();
        continue;
      }
      return;
    }
  }

  /// Skips `;`, `&` and newlines between commands (top-level recovery).
  void SkipSeparators() {
    for (;;) {
      SkipNewlines();
      if (Peek() == ';' && Peek(1) != ';') {
        ++pos_;
        continue;
      }
      return;
    }
  }

  // ---- reserved words ----

  /// The plain word at the current position, if it is one followed by a separator.
  std::string_view PeekPlainWord() const {
    std::size_t i = pos_;
    while (i < text_.size() && !IsMeta(text_[i]) && text_[i] != '"' && text_[i] != '\'' &&
           text_[i] != '\\' && text_[i] != '$' && text_[i] != '`') {
      ++i;
    }
    if (i < text_.size() && !IsMeta(text_[i])) return {};
    return text_.substr(pos_, i - pos_);
  }

  bool AtReserved(std::string_view word) const { return PeekPlainWord() == word; }

  bool AtListStop(const std::vector<std::string_view>& stops, bool close_paren,
                  bool in_case) const {
    if (AtEnd()) return true;
    if (close_paren && Peek() == ')') return true;
    if (in_case && (LookingAt(";;") || LookingAt(";&"))) return true;
    const std::string_view w = PeekPlainWord();
    if (w.empty()) return false;
    return std::find(stops.begin(), stops.end(), w) != stops.end();
  }

  bool ExpectReserved(std::string_view word, std::uint32_t context_begin) {
    SkipNewlines();
    if (AtReserved(word)) {
      pos_ += word.size();
      return true;
    }
    Error(context_begin, static_cast<std::uint32_t>(pos_), "expected `" + std::string(word) + "`");
    return false;
  }

  // ---- lists ----

  List ParseList(const std::vector<std::string_view>& stops, bool close_paren, bool in_case) {
    List list;
    SkipNewlines();
    list.begin = static_cast<std::uint32_t>(pos_);
    while (!AtListStop(stops, close_paren, in_case)) {
      const std::size_t before = pos_;
      AndOr item = ParseAndOr(stops, close_paren, in_case);
      if (pos_ == before) {
        // Nothing parsed and no stop: a stray operator. Report it and move on.
        Error(static_cast<std::uint32_t>(pos_), static_cast<std::uint32_t>(pos_ + 1),
              "unexpected `" + std::string(1, Peek()) + "`");
        ++pos_;
        SkipNewlines();
        continue;
      }
      SkipBlanks();
      if (Peek() == '&' && Peek(1) != '&' && Peek(1) != '>') {
        item.background = true;
        ++pos_;
      } else if (Peek() == ';' && Peek(1) != ';' && Peek(1) != '&') {
        ++pos_;
      } else if (Peek() == '\n') {
        ConsumeNewline();
      }
      if (!item.pipelines.empty()) {
        list.end = item.end;
        list.items.push_back(std::move(item));
      }
      SkipNewlines();
    }
    if (list.items.empty()) list.end = list.begin;
    return list;
  }

  AndOr ParseAndOr(const std::vector<std::string_view>& stops, bool close_paren, bool in_case) {
    AndOr a;
    a.begin = static_cast<std::uint32_t>(pos_);
    for (;;) {
      Pipeline p = ParsePipeline();
      if (p.commands.empty()) {
        // Nothing (or a reported error that consumed input). After `&&`/`||` that is an error.
        if (!a.and_ops.empty() && a.and_ops.size() == a.pipelines.size()) {
          Error(a.op_offsets.back(), a.op_offsets.back() + 2,
                std::string("nothing after `") + (a.and_ops.back() ? "&&" : "||") + "`");
          a.and_ops.pop_back();
          a.op_offsets.pop_back();
        }
        break;
      }
      a.end = p.end;
      a.pipelines.push_back(std::move(p));
      SkipBlanks();
      if (LookingAt("&&") || LookingAt("||")) {
        const bool is_and = Peek() == '&';
        const std::uint32_t op = static_cast<std::uint32_t>(pos_);
        pos_ += 2;
        SkipNewlines();
        if (AtListStop(stops, close_paren, in_case)) {
          Error(op, op + 2, std::string("nothing after `") + (is_and ? "&&" : "||") + "`");
          break;
        }
        a.and_ops.push_back(is_and);
        a.op_offsets.push_back(op);
        continue;
      }
      break;
    }
    return a;
  }

  Pipeline ParsePipeline() {
    Pipeline p;
    SkipBlanks();
    p.begin = static_cast<std::uint32_t>(pos_);
    for (;;) {
      if (AtReserved("!")) {
        p.negated = !p.negated;
        ++pos_;
        SkipBlanks();
        continue;
      }
      if (AtReserved("time")) {
        p.timed = true;
        pos_ += 4;
        SkipBlanks();
        if (AtReserved("-p")) {
          pos_ += 2;
          SkipBlanks();
        }
        continue;
      }
      break;
    }
    for (;;) {
      const std::size_t before = pos_;
      std::unique_ptr<Node> cmd = ParseCommand();
      if (!cmd || pos_ == before) break;
      p.end = cmd->end;
      p.commands.push_back(std::move(cmd));
      SkipBlanks();
      if (Peek() == '|' && Peek(1) != '|') {
        const bool with_stderr = Peek(1) == '&';
        const std::uint32_t op = static_cast<std::uint32_t>(pos_);
        pos_ += with_stderr ? 2 : 1;
        SkipNewlines();
        if (AtEnd() || Peek() == ')' || Peek() == ';' || (Peek() == '&' && Peek(1) != '>')) {
          Error(op, op + 1, "nothing after `|`");
          break;
        }
        p.stderr_piped.push_back(with_stderr);
        p.pipe_offsets.push_back(op);
        continue;
      }
      break;
    }
    if (p.commands.empty()) p.end = p.begin;
    return p;
  }

  // ---- commands ----

  std::unique_ptr<Node> ParseCommand() {
    SkipBlanks();
    if (AtEnd()) return nullptr;
    if (depth_ >= kMaxNesting) {
      Error(static_cast<std::uint32_t>(pos_), static_cast<std::uint32_t>(text_.size()),
            "commands nest too deeply");
      too_deep_ = true;
      pos_ = text_.size();
      return nullptr;
    }
    ++depth_;
    std::unique_ptr<Node> node = ParseCommandInner();
    --depth_;
    if (node && node->kind != Node::Kind::kSimple && node->kind != Node::Kind::kFunction) {
      ParseTrailingRedirects(*node);
    }
    return node;
  }

  std::unique_ptr<Node> ParseCommandInner() {
    const std::uint32_t begin = static_cast<std::uint32_t>(pos_);
    if (Peek() == '(' && Peek(1) == '(') return ParseArithCommand();
    if (Peek() == '(') return ParseSubshell();
    const std::string_view w = PeekPlainWord();
    if (w == "{") return ParseGroup();
    if (w == "if") return ParseIf();
    if (w == "for") return ParseFor();
    if (w == "while" || w == "until") return ParseWhile(w == "while");
    if (w == "case") return ParseCase();
    if (w == "[[") return ParseTest();
    if (w == "function") return ParseFunctionKeyword();
    if (w == "then" || w == "elif" || w == "else" || w == "fi" || w == "do" || w == "done" ||
        w == "esac" || w == "}" || w == "]]") {
      Error(begin, begin + static_cast<std::uint32_t>(w.size()),
            "unexpected `" + std::string(w) + "`");
      pos_ += w.size();
      return nullptr;
    }
    return ParseSimple();
  }

  void ParseTrailingRedirects(Node& node) {
    for (;;) {
      SkipBlanks();
      Redirect r;
      if (!ParseRedirect(r)) return;
      node.end = r.end;
      node.redirects.push_back(std::move(r));
    }
  }

  std::unique_ptr<Node> ParseSimple() {
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::kSimple;
    node->begin = static_cast<std::uint32_t>(pos_);
    node->end = node->begin;
    bool paren_reported = false;
    for (;;) {
      SkipBlanks();
      if (AtEnd()) break;
      Redirect r;
      if (ParseRedirect(r)) {
        node->end = r.end;
        node->redirects.push_back(std::move(r));
        continue;
      }
      const char c = Peek();
      const bool process_sub = (c == '<' || c == '>') && Peek(1) == '(';
      if (IsMeta(c) && !process_sub) {
        // `name()` starts a function definition.
        if (c == '(' && node->words.size() == 1 && node->assignments.empty()) {
          std::size_t i = pos_ + 1;
          while (i < text_.size() && IsBlank(text_[i])) ++i;
          if (i < text_.size() && text_[i] == ')') {
            pos_ = i + 1;
            return ParseFunctionBody(std::move(node->words[0]), node->begin);
          }
        }
        if (c == '(' && (!node->words.empty() || !node->assignments.empty())) {
          // sh: "syntax error near unexpected token `('" (cmd.exe and template syntax).
          const std::uint32_t at = static_cast<std::uint32_t>(pos_);
          if (!paren_reported) {
            Error(at, at + 1, "unexpected `(` after a command word (quote it to pass it on)");
            paren_reported = true;
          }
          std::size_t before = pos_;
          if (!SkipBalancedParens()) pos_ = before + 1;
          node->end = static_cast<std::uint32_t>(pos_);
          continue;
        }
        break;
      }
      Word w;
      if (!ParseWord(w)) break;
      node->end = w.end;
      if (node->words.empty() && IsAssignment(w)) {
        node->assignments.push_back(std::move(w));
      } else {
        node->words.push_back(std::move(w));
      }
    }
    return node;
  }

  /// `NAME=...` or `NAME+=...` with an unquoted, literal name.
  static bool IsAssignment(const Word& w) {
    if (w.parts.empty() || w.parts[0].kind != WordPart::Kind::kLiteral) return false;
    const std::string& s = w.parts[0].value;
    if (s.empty() || !IsNameStart(s[0])) return false;
    std::size_t i = 1;
    while (i < s.size() && IsNameChar(s[i])) ++i;
    if (i < s.size() && s[i] == '[') {  // arr[i]=x
      const std::size_t close = s.find(']', i);
      if (close == std::string::npos) return false;
      i = close + 1;
    }
    if (i < s.size() && s[i] == '+') ++i;
    return i < s.size() && s[i] == '=';
  }

  std::unique_ptr<Node> ParseSubshell() {
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::kSubshell;
    node->begin = static_cast<std::uint32_t>(pos_);
    ++pos_;
    node->lists.push_back(ParseList({}, /*close_paren=*/true, false));
    SkipNewlines();
    if (Peek() == ')') {
      ++pos_;
    } else {
      Error(node->begin, node->begin + 1, "`(` is not closed by `)`");
    }
    node->end = static_cast<std::uint32_t>(pos_);
    return node;
  }

  std::unique_ptr<Node> ParseGroup() {
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::kGroup;
    node->begin = static_cast<std::uint32_t>(pos_);
    ++pos_;
    node->lists.push_back(ParseList({"}"}, false, false));
    if (AtReserved("}")) {
      ++pos_;
    } else {
      Error(node->begin, node->begin + 1, "`{` is not closed by `}`");
    }
    node->end = static_cast<std::uint32_t>(pos_);
    return node;
  }

  std::unique_ptr<Node> ParseIf() {
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::kIf;
    node->begin = static_cast<std::uint32_t>(pos_);
    pos_ += 2;
    for (;;) {
      node->lists.push_back(ParseList({"then"}, false, false));
      if (!ExpectReserved("then", node->begin)) break;
      node->lists.push_back(ParseList({"elif", "else", "fi"}, false, false));
      if (AtReserved("elif")) {
        pos_ += 4;
        continue;
      }
      if (AtReserved("else")) {
        pos_ += 4;
        node->lists.push_back(ParseList({"fi"}, false, false));
        node->has_else = true;
      }
      ExpectReserved("fi", node->begin);
      break;
    }
    node->end = static_cast<std::uint32_t>(pos_);
    return node;
  }

  std::unique_ptr<Node> ParseFor() {
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::kFor;
    node->begin = static_cast<std::uint32_t>(pos_);
    pos_ += 3;
    SkipBlanks();
    if (LookingAt("((")) {
      // for (( init; cond; step )): arithmetic, kept as one word.
      Word w;
      w.begin = static_cast<std::uint32_t>(pos_);
      if (!SkipBalancedParens()) Error(w.begin, w.begin + 2, "`((` is not closed by `))`");
      w.end = static_cast<std::uint32_t>(pos_);
      w.literal = false;
      w.value = std::string(text_.substr(w.begin, w.end - w.begin));
      w.parts.push_back({WordPart::Kind::kArith, w.begin, w.end, w.value, {}, {}, {}});
      node->words.push_back(std::move(w));
    } else {
      Word var;
      if (!ParseWord(var)) {
        Error(node->begin, node->begin + 3, "`for` needs a variable name");
      } else {
        node->words.push_back(std::move(var));
      }
      SkipNewlines();
      if (AtReserved("in")) {
        pos_ += 2;
        node->has_else = true;  // `in` given
        for (;;) {
          SkipBlanks();
          if (AtEnd() || Peek() == ';' || Peek() == '\n' || Peek() == '&' || Peek() == ')') break;
          Word item;
          if (!ParseWord(item)) break;
          node->words.push_back(std::move(item));
        }
      }
    }
    SkipBlanks();
    if (Peek() == ';') ++pos_;
    ParseDoBody(*node);
    return node;
  }

  void ParseDoBody(Node& node) {
    if (ExpectReserved("do", node.begin)) {
      node.lists.push_back(ParseList({"done"}, false, false));
      ExpectReserved("done", node.begin);
    }
    node.end = static_cast<std::uint32_t>(pos_);
  }

  std::unique_ptr<Node> ParseWhile(bool is_while) {
    auto node = std::make_unique<Node>();
    node->kind = is_while ? Node::Kind::kWhile : Node::Kind::kUntil;
    node->begin = static_cast<std::uint32_t>(pos_);
    pos_ += 5;
    node->lists.push_back(ParseList({"do"}, false, false));
    ParseDoBody(*node);
    return node;
  }

  std::unique_ptr<Node> ParseCase() {
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::kCase;
    node->begin = static_cast<std::uint32_t>(pos_);
    pos_ += 4;
    SkipBlanks();
    Word subject;
    if (ParseWord(subject)) node->words.push_back(std::move(subject));
    if (!ExpectReserved("in", node->begin)) {
      node->end = static_cast<std::uint32_t>(pos_);
      return node;
    }
    for (;;) {
      SkipNewlines();
      if (AtEnd() || AtReserved("esac")) break;
      if (Peek() == '(') ++pos_;
      std::vector<Word> patterns;
      for (;;) {
        SkipBlanks();
        Word pattern;
        if (!ParseWord(pattern)) break;
        patterns.push_back(std::move(pattern));
        SkipBlanks();
        if (Peek() == '|') {
          ++pos_;
          continue;
        }
        break;
      }
      SkipBlanks();
      if (Peek() != ')') {
        Error(node->begin, static_cast<std::uint32_t>(pos_), "expected `)` after a case pattern");
        // Resynchronise at the end of the case.
        while (!AtEnd() && !AtReserved("esac")) {
          if (Peek() == '\n') {
            ConsumeNewline();
          } else {
            ++pos_;
          }
        }
        break;
      }
      ++pos_;
      node->patterns.push_back(std::move(patterns));
      node->lists.push_back(ParseList({"esac"}, false, /*in_case=*/true));
      SkipBlanks();
      if (LookingAt(";;&")) {
        pos_ += 3;
      } else if (LookingAt(";;") || LookingAt(";&")) {
        pos_ += 2;
      }
    }
    ExpectReserved("esac", node->begin);
    node->end = static_cast<std::uint32_t>(pos_);
    return node;
  }

  std::unique_ptr<Node> ParseTest() {
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::kTest;
    node->begin = static_cast<std::uint32_t>(pos_);
    pos_ += 2;
    for (;;) {
      SkipBlanks();
      if (Peek() == '\n') {
        ConsumeNewline();
        continue;
      }
      if (AtEnd()) {
        Error(node->begin, node->begin + 2, "`[[` is not closed by `]]`");
        break;
      }
      if (AtReserved("]]")) {
        pos_ += 2;
        break;
      }
      // Inside [[ ]], `&&`, `||`, `<`, `>`, `(`, `)` and `!` are part of the expression.
      Word w;
      w.begin = static_cast<std::uint32_t>(pos_);
      for (std::string_view op : {"&&", "||", "<", ">", "(", ")", "!"}) {
        if (LookingAt(op)) {
          pos_ += op.size();
          w.end = static_cast<std::uint32_t>(pos_);
          w.value = std::string(op);
          w.parts.push_back({WordPart::Kind::kLiteral, w.begin, w.end, w.value, {}, {}, {}});
          break;
        }
      }
      if (w.end == 0 && !ParseWord(w)) {
        ++pos_;
        continue;
      }
      node->words.push_back(std::move(w));
    }
    node->end = static_cast<std::uint32_t>(pos_);
    return node;
  }

  std::unique_ptr<Node> ParseArithCommand() {
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::kArith;
    node->begin = static_cast<std::uint32_t>(pos_);
    if (!SkipBalancedParens()) Error(node->begin, node->begin + 2, "`((` is not closed by `))`");
    node->end = static_cast<std::uint32_t>(pos_);
    return node;
  }

  std::unique_ptr<Node> ParseFunctionKeyword() {
    const std::uint32_t begin = static_cast<std::uint32_t>(pos_);
    pos_ += 8;
    SkipBlanks();
    Word name;
    if (!ParseWord(name)) {
      Error(begin, begin + 8, "`function` needs a name");
      return nullptr;
    }
    SkipBlanks();
    if (Peek() == '(') {
      std::size_t i = pos_ + 1;
      while (i < text_.size() && IsBlank(text_[i])) ++i;
      if (i < text_.size() && text_[i] == ')') pos_ = i + 1;
    }
    return ParseFunctionBody(std::move(name), begin);
  }

  std::unique_ptr<Node> ParseFunctionBody(Word name, std::uint32_t begin) {
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::kFunction;
    node->begin = begin;
    node->words.push_back(std::move(name));
    SkipNewlines();
    node->body = ParseCommand();
    if (!node->body) Error(begin, static_cast<std::uint32_t>(pos_), "function without a body");
    node->end = node->body ? node->body->end : static_cast<std::uint32_t>(pos_);
    return node;
  }

  /// At `((` (or `$((`'s parens): skips to after the matching `))`.
  bool SkipBalancedParens() {
    int depth = 0;
    while (!AtEnd()) {
      const char c = Peek();
      if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (--depth == 0) {
          ++pos_;
          return true;
        }
      } else if (c == '\n') {
        ConsumeNewline();
        continue;
      }
      ++pos_;
    }
    return false;
  }

  // ---- redirections ----

  bool ParseRedirect(Redirect& r) {
    const char first = Peek();
    if (first != '<' && first != '>' && first != '&' && !(first >= '0' && first <= '9')) {
      return false;
    }
    const std::size_t start = pos_;
    std::size_t i = pos_;
    int fd = -1;
    while (i < text_.size() && text_[i] >= '0' && text_[i] <= '9' && i - pos_ < 4) ++i;
    if (i > pos_ && i < text_.size() && (text_[i] == '<' || text_[i] == '>')) {
      fd = std::stoi(std::string(text_.substr(pos_, i - pos_)));
    } else {
      i = pos_;
    }
    if (i >= text_.size()) return false;
    std::string_view op;
    for (std::string_view candidate :
         {"&>>", "<<<", "<<-", "&>", ">>", ">|", "<>", "<&", ">&", "<<", "<", ">"}) {
      if (text_.substr(i, candidate.size()) == candidate) {
        op = candidate;
        break;
      }
    }
    if (op.empty()) return false;
    // `<(` and `>(` are process substitutions (words), not redirections.
    if ((op == "<" || op == ">") && i + 1 < text_.size() && text_[i + 1] == '(' && fd < 0) {
      return false;
    }
    if (op[0] == '&' && fd >= 0) return false;
    pos_ = i + op.size();
    r.begin = static_cast<std::uint32_t>(start);
    r.fd = fd;
    r.op = std::string(op);
    SkipBlanks();
    if (!ParseWord(r.target)) {
      Error(r.begin, static_cast<std::uint32_t>(pos_), "`" + r.op + "` needs a target");
      r.end = static_cast<std::uint32_t>(pos_);
      return true;
    }
    r.end = r.target.end;
    if (op == "<<" || op == "<<-") {
      bool quoted = false;
      for (const WordPart& p : r.target.parts)
        quoted = quoted || p.kind != WordPart::Kind::kLiteral;
      r.heredoc_quoted = quoted;
      // The delimiter is the word with quotes removed, expansions as written.
      pending_.push_back({r.begin, r.end, r.target.value, op == "<<-"});
    }
    return true;
  }

  // ---- words ----

  /// Reads a word at the current position; false when there is none (an operator or end).
  bool ParseWord(Word& w) {
    if (AtEnd() || IsMeta(Peek())) {
      // Process substitution starts a word with `<(` or `>(`.
      if (!((Peek() == '<' || Peek() == '>') && Peek(1) == '(')) return false;
    }
    w.begin = static_cast<std::uint32_t>(pos_);
    w.literal = true;
    while (!AtEnd()) {
      const char c = Peek();
      if ((c == '<' || c == '>') && Peek(1) == '(') {
        WordPart part;
        part.kind = WordPart::Kind::kProcessSub;
        part.begin = static_cast<std::uint32_t>(pos_);
        pos_ += 2;
        part.sub = ParseNestedUntilParen(part.begin);
        part.end = static_cast<std::uint32_t>(pos_);
        AddPart(w, std::move(part));
        continue;
      }
      if (c == '(' && IsArrayAssignmentStart(w)) {
        // NAME=( ... ): the array's words stay in this word.
        const std::size_t begin = pos_;
        int depth = 0;
        while (!AtEnd()) {
          if (Peek() == '(') ++depth;
          if (Peek() == ')' && --depth == 0) {
            ++pos_;
            break;
          }
          if (Peek() == '\n') {
            ConsumeNewline();
            continue;
          }
          ++pos_;
        }
        AddLiteral(w, static_cast<std::uint32_t>(begin), text_.substr(begin, pos_ - begin));
        continue;
      }
      if (IsMeta(c)) break;
      if (c == '\\') {
        if (Peek(1) == '\n') {  // line continuation: not part of the word
          pos_ += 2;
          continue;
        }
        WordPart part;
        part.kind = WordPart::Kind::kEscape;
        part.begin = static_cast<std::uint32_t>(pos_);
        ++pos_;
        if (!AtEnd()) {
          const std::size_t width = CharWidth(pos_);
          part.value = std::string(text_.substr(pos_, width));
          pos_ += width;
        }
        part.end = static_cast<std::uint32_t>(pos_);
        AddPart(w, std::move(part));
        continue;
      }
      if (c == '\'') {
        ParseSingleQuoted(w);
        continue;
      }
      if (c == '"') {
        WordPart part = ParseDoubleQuoted();
        AddPart(w, std::move(part));
        continue;
      }
      if (c == '$') {
        WordPart part = ParseDollar(/*in_double_quotes=*/false);
        AddPart(w, std::move(part));
        continue;
      }
      if (c == '`') {
        AddPart(w, ParseBackquote());
        continue;
      }
      // A run of ordinary characters.
      const std::size_t begin = pos_;
      while (!AtEnd()) {
        const char d = Peek();
        if (IsMeta(d) || d == '\\' || d == '\'' || d == '"' || d == '$' || d == '`') break;
        ++pos_;
      }
      AddLiteral(w, static_cast<std::uint32_t>(begin), text_.substr(begin, pos_ - begin));
    }
    w.end = static_cast<std::uint32_t>(pos_);
    return w.end > w.begin || !w.parts.empty();
  }

  /// Whether `w` so far is `NAME=` or `NAME+=` (so `(` opens an array).
  static bool IsArrayAssignmentStart(const Word& w) {
    if (w.parts.size() != 1 || w.parts[0].kind != WordPart::Kind::kLiteral) return false;
    const std::string& s = w.parts[0].value;
    if (s.size() < 2 || s.back() != '=' || !IsNameStart(s[0])) return false;
    std::size_t i = 1;
    while (i < s.size() && IsNameChar(s[i])) ++i;
    if (i < s.size() && s[i] == '+') ++i;
    return i == s.size() - 1;
  }

  std::size_t CharWidth(std::size_t at) const {
    const auto c = static_cast<unsigned char>(text_[at]);
    return c < 0x80 ? 1 : base::DecodeRune(text_, at).width;
  }

  static void AddLiteral(Word& w, std::uint32_t begin, std::string_view text) {
    if (text.empty()) return;
    if (!w.parts.empty() && w.parts.back().kind == WordPart::Kind::kLiteral &&
        w.parts.back().end == begin) {
      w.parts.back().value += text;
      w.parts.back().end = begin + static_cast<std::uint32_t>(text.size());
    } else {
      WordPart part;
      part.kind = WordPart::Kind::kLiteral;
      part.begin = begin;
      part.end = begin + static_cast<std::uint32_t>(text.size());
      part.value = std::string(text);
      w.parts.push_back(std::move(part));
    }
    w.value += text;
  }

  void AddPart(Word& w, WordPart part) {
    if (part.IsExpansion()) {
      w.literal = false;
      w.value += text_.substr(part.begin, part.end - part.begin);
    } else if (part.kind == WordPart::Kind::kDoubleQuoted) {
      for (const WordPart& inner : part.parts) {
        if (inner.IsExpansion()) {
          w.literal = false;
          w.value += text_.substr(inner.begin, inner.end - inner.begin);
        } else {
          w.value += inner.value;
        }
      }
    } else {
      w.value += part.value;
    }
    w.parts.push_back(std::move(part));
  }

  void ParseSingleQuoted(Word& w) {
    WordPart part;
    part.kind = WordPart::Kind::kSingleQuoted;
    part.begin = static_cast<std::uint32_t>(pos_);
    const std::size_t close = text_.find('\'', pos_ + 1);
    if (close == std::string_view::npos) {
      Error(part.begin, part.begin + 1, "`'` is not closed");
      part.value = std::string(text_.substr(pos_ + 1));
      pos_ = text_.size();
    } else {
      part.value = std::string(text_.substr(pos_ + 1, close - pos_ - 1));
      pos_ = close + 1;
    }
    part.end = static_cast<std::uint32_t>(pos_);
    AddPart(w, std::move(part));
  }

  WordPart ParseDoubleQuoted() {
    WordPart part;
    part.kind = WordPart::Kind::kDoubleQuoted;
    part.begin = static_cast<std::uint32_t>(pos_);
    ++pos_;
    for (;;) {
      if (AtEnd()) {
        Error(part.begin, part.begin + 1, "`\"` is not closed");
        break;
      }
      const char c = Peek();
      if (c == '"') {
        ++pos_;
        break;
      }
      if (c == '$') {
        part.parts.push_back(ParseDollar(/*in_double_quotes=*/true));
        continue;
      }
      if (c == '`') {
        part.parts.push_back(ParseBackquote());
        continue;
      }
      WordPart lit;
      lit.kind = WordPart::Kind::kLiteral;
      lit.begin = static_cast<std::uint32_t>(pos_);
      while (!AtEnd() && Peek() != '"' && Peek() != '$' && Peek() != '`') {
        if (Peek() == '\\' && pos_ + 1 < text_.size()) {
          const char e = Peek(1);
          if (e == '\n') {
            pos_ += 2;
            continue;
          }
          if (e == '$' || e == '`' || e == '"' || e == '\\') {
            lit.value.push_back(e);
            pos_ += 2;
            continue;
          }
        }
        lit.value.push_back(Peek());
        ++pos_;
      }
      lit.end = static_cast<std::uint32_t>(pos_);
      part.parts.push_back(std::move(lit));
    }
    part.end = static_cast<std::uint32_t>(pos_);
    return part;
  }

  WordPart ParseDollar(bool in_double_quotes) {
    WordPart part;
    part.begin = static_cast<std::uint32_t>(pos_);
    const char next = Peek(1);
    if (next == '\'' && !in_double_quotes) {
      part.kind = WordPart::Kind::kAnsiC;
      pos_ += 2;
      while (!AtEnd() && Peek() != '\'') {
        if (Peek() == '\\' && pos_ + 1 < text_.size()) {
          part.value += DecodeAnsiEscape();
          continue;
        }
        part.value.push_back(Peek());
        ++pos_;
      }
      if (AtEnd()) {
        Error(part.begin, part.begin + 2, "`$'` is not closed");
      } else {
        ++pos_;
      }
      part.end = static_cast<std::uint32_t>(pos_);
      return part;
    }
    if (next == '"' && !in_double_quotes) {
      ++pos_;
      part = ParseDoubleQuoted();
      part.begin -= 1;
      return part;
    }
    if (next == '(' && Peek(2) == '(') {
      part.kind = WordPart::Kind::kArith;
      ++pos_;
      if (!SkipBalancedParens()) Error(part.begin, part.begin + 3, "`$((` is not closed by `))`");
      part.end = static_cast<std::uint32_t>(pos_);
      return part;
    }
    if (next == '(') {
      part.kind = WordPart::Kind::kCommandSub;
      pos_ += 2;
      part.sub = ParseNestedUntilParen(part.begin);
      part.end = static_cast<std::uint32_t>(pos_);
      return part;
    }
    if (next == '{') {
      part.kind = WordPart::Kind::kParam;
      pos_ += 2;
      const std::size_t name_begin = pos_;
      if (Peek() == '#' || Peek() == '!') ++pos_;  // length / indirection
      if (IsNameStart(Peek())) {
        while (IsNameChar(Peek())) ++pos_;
      } else if (Peek() >= '0' && Peek() <= '9') {
        while (Peek() >= '0' && Peek() <= '9') ++pos_;
      } else if (!AtEnd() && std::string_view("@*#?-$!").find(Peek()) != std::string_view::npos) {
        ++pos_;
      }
      std::string name(text_.substr(name_begin, pos_ - name_begin));
      if (name.size() > 1 && (name[0] == '#' || name[0] == '!')) name.erase(0, 1);
      part.value = std::move(name);
      const std::size_t op_begin = pos_;
      // The rest up to the matching `}` (nested braces, quotes and expansions allowed).
      int depth = 1;
      while (!AtEnd()) {
        const char c = Peek();
        if (c == '\\' && pos_ + 1 < text_.size()) {
          pos_ += 2;
          continue;
        }
        if (c == '\'' && !in_double_quotes) {
          const std::size_t close = text_.find('\'', pos_ + 1);
          pos_ = close == std::string_view::npos ? text_.size() : close + 1;
          continue;
        }
        if (c == '"') {
          (void)ParseDoubleQuoted();
          continue;
        }
        if (c == '$' && Peek(1) == '(') {
          (void)ParseDollar(true);
          continue;
        }
        if (c == '{') ++depth;
        if (c == '}' && --depth == 0) break;
        if (c == '\n') {
          ConsumeNewline();
          continue;
        }
        ++pos_;
      }
      part.param_op = std::string(text_.substr(op_begin, pos_ - op_begin));
      if (AtEnd()) {
        Error(part.begin, part.begin + 2, "`${` is not closed by `}`");
      } else {
        ++pos_;
      }
      part.end = static_cast<std::uint32_t>(pos_);
      return part;
    }
    if (IsNameStart(next)) {
      part.kind = WordPart::Kind::kParam;
      ++pos_;
      const std::size_t begin = pos_;
      while (IsNameChar(Peek())) ++pos_;
      part.value = std::string(text_.substr(begin, pos_ - begin));
      part.end = static_cast<std::uint32_t>(pos_);
      return part;
    }
    if ((next >= '0' && next <= '9') ||
        (next != '\0' && std::string_view("@*#?-$!").find(next) != std::string_view::npos)) {
      part.kind = WordPart::Kind::kParam;
      part.value = std::string(1, next);
      pos_ += 2;
      part.end = static_cast<std::uint32_t>(pos_);
      return part;
    }
    // A lone `$` is literal.
    part.kind = WordPart::Kind::kLiteral;
    part.value = "$";
    ++pos_;
    part.end = static_cast<std::uint32_t>(pos_);
    return part;
  }

  /// At a backslash inside $'...': the decoded character(s).
  std::string DecodeAnsiEscape() {
    const char e = Peek(1);
    pos_ += 2;
    switch (e) {
      case 'n':
        return "\n";
      case 't':
        return "\t";
      case 'r':
        return "\r";
      case 'a':
        return "\a";
      case 'b':
        return "\b";
      case 'e':
      case 'E':
        return "\x1b";
      case 'f':
        return "\f";
      case 'v':
        return "\v";
      case '\\':
        return "\\";
      case '\'':
        return "'";
      case '"':
        return "\"";
      case '?':
        return "?";
      case 'x': {
        int v = 0, n = 0;
        while (n < 2 && std::isxdigit(static_cast<unsigned char>(Peek()))) {
          v = v * 16 + (std::isdigit(static_cast<unsigned char>(Peek()))
                            ? Peek() - '0'
                            : (Peek() | 0x20) - 'a' + 10);
          ++pos_;
          ++n;
        }
        return std::string(1, static_cast<char>(v));
      }
      case 'u':
      case 'U': {
        char32_t v = 0;
        int n = 0;
        const int max = e == 'u' ? 4 : 8;
        while (n < max && std::isxdigit(static_cast<unsigned char>(Peek()))) {
          v = v * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(Peek()))
                                                 ? Peek() - '0'
                                                 : (Peek() | 0x20) - 'a' + 10);
          ++pos_;
          ++n;
        }
        std::string out;
        base::AppendRune(out, v);
        return out;
      }
      default:
        if (e >= '0' && e <= '7') {
          int v = e - '0', n = 1;
          while (n < 3 && Peek() >= '0' && Peek() <= '7') {
            v = v * 8 + (Peek() - '0');
            ++pos_;
            ++n;
          }
          return std::string(1, static_cast<char>(v));
        }
        return std::string{'\\', e};
    }
  }

  /// After `$(` or `<(`: the nested script up to the matching `)`.
  std::shared_ptr<List> ParseNestedUntilParen(std::uint32_t open) {
    if (depth_ >= kMaxNesting) {
      Error(open, static_cast<std::uint32_t>(text_.size()), "substitutions nest too deeply");
      too_deep_ = true;
      pos_ = text_.size();
      return std::make_shared<List>();
    }
    ++depth_;
    // Pending here-documents of the outer line keep waiting for its newline.
    std::vector<PendingHeredoc> outer = std::move(pending_);
    pending_.clear();
    auto list = std::make_shared<List>(ParseList({}, /*close_paren=*/true, false));
    ReadHeredocBodies();
    pending_ = std::move(outer);
    --depth_;
    SkipNewlines();
    if (Peek() == ')') {
      ++pos_;
    } else {
      Error(open, open + 2, "`$(` is not closed by `)`");
    }
    return list;
  }

  WordPart ParseBackquote() {
    WordPart part;
    part.kind = WordPart::Kind::kBackquote;
    part.begin = static_cast<std::uint32_t>(pos_);
    ++pos_;
    // The content, with `\``, `\\` and `\$` unescaped; offsets map back for the nested parse.
    std::string content;
    std::vector<std::uint32_t> offsets;
    bool closed = false;
    while (!AtEnd()) {
      const char c = Peek();
      if (c == '`') {
        closed = true;
        ++pos_;
        break;
      }
      if (c == '\\' && pos_ + 1 < text_.size() &&
          (Peek(1) == '`' || Peek(1) == '\\' || Peek(1) == '$')) {
        offsets.push_back(static_cast<std::uint32_t>(pos_ + 1));
        content.push_back(Peek(1));
        pos_ += 2;
        continue;
      }
      offsets.push_back(static_cast<std::uint32_t>(pos_));
      content.push_back(c);
      ++pos_;
    }
    offsets.push_back(static_cast<std::uint32_t>(closed ? pos_ - 1 : pos_));
    if (!closed) Error(part.begin, part.begin + 1, "`` ` `` is not closed");
    part.end = static_cast<std::uint32_t>(pos_);
    if (depth_ >= kMaxNesting) {
      Error(part.begin, part.end, "substitutions nest too deeply");
      too_deep_ = true;
      part.sub = std::make_shared<List>();
      return part;
    }
    Parser nested(content);
    nested.depth_ = depth_ + 1;
    Tree tree = nested.Run();
    Relocate(tree, offsets);
    for (ShellError& e : tree.errors) errors_.push_back(std::move(e));
    part.sub = std::make_shared<List>(std::move(tree.root));
    return part;
  }

 public:
  /// Moves every offset of `tree` through `offsets` (byte i -> offsets[i]).
  static void Relocate(Tree& tree, const std::vector<std::uint32_t>& offsets) {
    auto map = [&](std::uint32_t& o) {
      if (offsets.empty()) return;
      o = offsets[std::min<std::size_t>(o, offsets.size() - 1)];
    };
    auto map_end = [&](std::uint32_t& o) {
      if (offsets.empty()) return;
      o = o == 0 ? offsets[0] : offsets[std::min<std::size_t>(o - 1, offsets.size() - 1)] + 1;
    };
    std::function<void(WordPart&)> part_fn;
    std::function<void(Word&)> word_fn = [&](Word& w) {
      map(w.begin);
      map_end(w.end);
      for (WordPart& p : w.parts) part_fn(p);
    };
    std::function<void(List&)> list_fn;
    part_fn = [&](WordPart& p) {
      map(p.begin);
      map_end(p.end);
      for (WordPart& q : p.parts) part_fn(q);
      if (p.sub) list_fn(*p.sub);
    };
    std::function<void(Node&)> node_fn = [&](Node& n) {
      map(n.begin);
      map_end(n.end);
      for (Word& w : n.assignments) word_fn(w);
      for (Word& w : n.words) word_fn(w);
      for (Redirect& r : n.redirects) {
        map(r.begin);
        map_end(r.end);
        word_fn(r.target);
        map(r.body_begin);
        map(r.body_end);
      }
      for (List& l : n.lists) list_fn(l);
      for (std::vector<Word>& ws : n.patterns) {
        for (Word& w : ws) word_fn(w);
      }
      if (n.body) node_fn(*n.body);
    };
    list_fn = [&](List& l) {
      map(l.begin);
      map_end(l.end);
      for (AndOr& a : l.items) {
        map(a.begin);
        map_end(a.end);
        for (std::uint32_t& o : a.op_offsets) map(o);
        for (Pipeline& p : a.pipelines) {
          map(p.begin);
          map_end(p.end);
          for (std::uint32_t& o : p.pipe_offsets) map(o);
          for (auto& c : p.commands) node_fn(*c);
        }
      }
    };
    list_fn(tree.root);
    for (ShellError& e : tree.errors) {
      map(e.begin);
      map_end(e.end);
    }
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::vector<ShellError> errors_;
  bool too_deep_ = false;
  std::vector<PendingHeredoc> pending_;
  /// Here-document bodies by the offset of their redirection.
  std::map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> bodies_;

  void FillHeredocBodies(List& list) {
    if (bodies_.empty()) return;
    for (AndOr& a : list.items) {
      for (Pipeline& p : a.pipelines) {
        for (auto& c : p.commands) FillHeredocBodies(*c);
      }
    }
  }
  void FillHeredocBodies(Node& n) {
    for (Redirect& r : n.redirects) {
      auto it = bodies_.find(r.begin);
      if (it != bodies_.end() && (r.op == "<<" || r.op == "<<-")) {
        r.body_begin = it->second.first;
        r.body_end = it->second.second;
      }
      FillHeredocBodies(r.target);
    }
    for (Word& w : n.words) FillHeredocBodies(w);
    for (Word& w : n.assignments) FillHeredocBodies(w);
    for (List& l : n.lists) FillHeredocBodies(l);
    if (n.body) FillHeredocBodies(*n.body);
  }
  void FillHeredocBodies(Word& w) {
    for (WordPart& p : w.parts) FillHeredocBodies(p);
  }
  void FillHeredocBodies(WordPart& p) {
    for (WordPart& q : p.parts) FillHeredocBodies(q);
    if (p.sub) FillHeredocBodies(*p.sub);
  }
};

}  // namespace

Tree Parse(std::string_view script) { return Parser(script).Run(); }

Tree ParseEmbedded(std::string_view script, const std::vector<std::uint32_t>& offsets) {
  Tree tree = Parser(script).Run();
  Parser::Relocate(tree, offsets);
  return tree;
}

bool IsReservedWord(std::string_view word) {
  for (std::string_view r :
       {"if",   "then", "elif", "else", "fi", "for", "in", "do",       "done",   "while", "until",
        "case", "esac", "{",    "}",    "!",  "[[",  "]]", "function", "select", "time"}) {
    if (word == r) return true;
  }
  return false;
}

}  // namespace shipshape::shell
