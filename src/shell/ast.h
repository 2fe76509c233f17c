// The syntax tree of a shell script (the POSIX sh / bash subset Dockerfiles use): words with
// their quoting and expansions, simple and compound commands, pipelines and lists. Offsets
// are into the script text; a SourceMap turns them into Dockerfile bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape::shell {

struct List;

/// One piece of a word.
struct WordPart {
  enum class Kind : std::uint8_t {
    kLiteral,       ///< unquoted text
    kEscape,        ///< `\x` outside quotes (value: x)
    kSingleQuoted,  ///< '...'
    kDoubleQuoted,  ///< "..." (inner parts in `parts`)
    kAnsiC,         ///< $'...' (value: with escapes decoded)
    kParam,         ///< $V, ${V}, ${V:-x}, $1, $@ ... (value: the name)
    kCommandSub,    ///< $(...) (nested script in `sub`)
    kBackquote,     ///< `...` (nested script in `sub`)
    kArith,         ///< $((...))
    kProcessSub,    ///< <(...) or >(...) (nested script in `sub`)
  };
  Kind kind = Kind::kLiteral;
  /// Script offsets of the part, quotes and `$` included.
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  /// Literal kinds: the text the part contributes. kParam: the variable name. Others: empty.
  std::string value;
  /// kParam in braces with an operator (`${V:-x}`): the operator and its argument as written.
  std::string param_op;
  /// kDoubleQuoted: what is inside.
  std::vector<WordPart> parts;
  /// kCommandSub / kBackquote / kProcessSub: the nested script.
  std::shared_ptr<List> sub;

  bool IsExpansion() const {
    return kind == Kind::kParam || kind == Kind::kCommandSub || kind == Kind::kBackquote ||
           kind == Kind::kArith || kind == Kind::kProcessSub;
  }
};

/// A shell word: what the shell sees as one argument before expansion.
struct Word {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::vector<WordPart> parts;
  /// No expansion anywhere (quotes and escapes are fine): `value` is what the command gets.
  bool literal = true;
  /// After quote removal; an expansion contributes its text as written.
  std::string value;

  /// The literal value, or empty when the word has expansions.
  std::string_view Literal() const {
    return literal ? std::string_view(value) : std::string_view();
  }
};

/// A redirection such as `2>/dev/null`, `>>log`, `<<EOF`.
struct Redirect {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  /// The file descriptor written before the operator, or -1.
  int fd = -1;
  /// The operator: `<`, `>`, `>>`, `>|`, `<>`, `<&`, `>&`, `&>`, `&>>`, `<<`, `<<-`, `<<<`.
  std::string op;
  Word target;
  /// Here-documents: the body (script offsets) and whether the delimiter was quoted.
  std::uint32_t body_begin = 0;
  std::uint32_t body_end = 0;
  bool heredoc_quoted = false;
};

struct Node;

/// `cmd1 | cmd2 |& cmd3`, maybe negated with `!`.
struct Pipeline {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool negated = false;
  /// `time` before the pipeline (bash keyword).
  bool timed = false;
  std::vector<std::unique_ptr<Node>> commands;
  /// For each `|` between commands: true for `|&` (stderr too).
  std::vector<bool> stderr_piped;
  /// For each `|` between commands: its script offset.
  std::vector<std::uint32_t> pipe_offsets;
};

/// Pipelines joined by `&&` and `||`.
struct AndOr {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::vector<Pipeline> pipelines;
  /// Between pipeline i and i+1: true for `&&`, false for `||`.
  std::vector<bool> and_ops;
  /// Between pipeline i and i+1: the operator's script offset (two bytes long).
  std::vector<std::uint32_t> op_offsets;
  /// Ended by `&`: runs in the background.
  bool background = false;
};

/// A sequence of and-or lists separated by `;`, `&` or newlines.
struct List {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::vector<AndOr> items;
};

/// A command: simple or compound.
struct Node {
  enum class Kind : std::uint8_t {
    kSimple,    ///< assignments, words, redirects
    kSubshell,  ///< ( list )
    kGroup,     ///< { list; }
    kIf,        ///< if/elif/else: `lists` = cond, body, cond, body, ..., [else body]
    kFor,       ///< for NAME [in words]; do list; done  (words: NAME then the items)
    kWhile,     ///< while cond; do body; done  (lists: cond, body)
    kUntil,     ///< until cond; do body; done
    kCase,      ///< case WORD in pattern) list;; ... esac (words: subject; `patterns`)
    kFunction,  ///< name() compound
    kTest,      ///< [[ ... ]] (words inside)
    kArith,     ///< (( ... ))
  };
  Kind kind = Kind::kSimple;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  /// kSimple: leading `NAME=value` words.
  std::vector<Word> assignments;
  /// kSimple: the command and its arguments. kFor: the variable then the items. kCase: the
  /// subject. kFunction: the name. kTest: the expression's words.
  std::vector<Word> words;
  std::vector<Redirect> redirects;
  /// Compound commands' bodies (see Kind).
  std::vector<List> lists;
  /// kCase: for each item, its patterns (the item's body is lists[i]).
  std::vector<std::vector<Word>> patterns;
  /// kIf: an else branch is the last list. kFor: `in` was given.
  bool has_else = false;
  /// kFunction: the body.
  std::unique_ptr<Node> body;
};

/// A shell syntax error (script offsets).
struct ShellError {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string message;
};

/// A parsed script.
struct Tree {
  List root;
  std::vector<ShellError> errors;
  /// Whether parsing stopped at the nesting limit (kMaxNesting); one of `errors` says where.
  bool too_deep = false;
};

}  // namespace shipshape::shell
