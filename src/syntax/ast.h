// The Dockerfile syntax tree: what BuildKit's parser produces (instructions, flags, argument
// nodes, heredocs), with the byte range of every node in the original text.
#pragma once

#include <cstdint>
#include <memory>
#include <memory_resource>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/arena.h"
#include "base/range.h"
#include "base/source.h"

namespace shipshape::syntax {

/// The instruction word, matched case-insensitively.
enum class Keyword : std::uint8_t {
  kUnknown,
  kAdd,
  kArg,
  kCmd,
  kCopy,
  kEntrypoint,
  kEnv,
  kExpose,
  kFrom,
  kHealthcheck,
  kLabel,
  kMaintainer,
  kOnbuild,
  kRun,
  kShell,
  kStopsignal,
  kUser,
  kVolume,
  kWorkdir,
};

/// Upper-case name of a known keyword ("" for kUnknown).
std::string_view KeywordName(Keyword keyword);
/// The keyword `word` names (any case; BuildKit lower-cases with Unicode rules).
Keyword LookupKeyword(std::string_view word);

/// One argument node: its value as BuildKit's parser stores it (raw for shell form and word
/// lists, decoded for JSON elements) and the bytes it came from.
struct Word {
  std::string_view value;
  base::Range range;
};

/// A builder flag such as `--mount=type=cache,target=/x`: `text` is BuildKit's flag string
/// (quotes and `\` escapes removed), `range` the flag word as written.
struct Flag {
  std::string_view text;
  base::Range range;

  /// The name after `--` and before the first `=`.
  std::string_view Name() const;
  /// The text after the first `=`, or nullopt for a bare `--name`.
  std::optional<std::string_view> Value() const;
};

/// One ENV or LABEL assignment.
struct KeyValue {
  Word key;
  Word value;
  /// False for the legacy `ENV KEY value` form.
  bool has_equals = true;
};

/// A here-document attached to RUN, COPY or ADD (`<<EOF` ... `EOF`).
struct Heredoc {
  std::string_view name;
  /// The `<<EOF` word in the instruction line.
  base::Range word;
  /// The body: every line after the instruction line up to the terminator, line ends included.
  base::Range body;
  /// The terminator line without its line end; empty when the heredoc is unterminated.
  base::Range terminator;
  std::uint32_t fd = 0;
  /// False when the delimiter was quoted (`<<'EOF'`): the body is not expanded.
  bool expand = true;
  /// `<<-`: leading tabs are removed from the body when it is used.
  bool chomp = false;
  bool terminated = true;
};

/// Maps a piece of an instruction's logical line (continuations joined) to the source.
struct Segment {
  std::uint32_t logical;
  std::uint32_t source;
};

/// One instruction, with continuation lines joined as BuildKit joins them. Its lists live in
/// the memory resource it was made with (the Dockerfile's arena when parsed).
struct Instruction {
  explicit Instruction(std::pmr::memory_resource* memory = std::pmr::get_default_resource())
      : flags(memory),
        args(memory),
        pairs(memory),
        heredocs(memory),
        comments(memory),
        empty_continuation_lines(memory),
        segments(memory) {}

  Keyword keyword = Keyword::kUnknown;
  /// The instruction word as written.
  Word word;
  /// From the instruction word to the end of its last line (heredoc terminator included),
  /// line end excluded.
  base::Range range;
  /// BuildKit's `Original`: the logical line (continuation markers removed, lines joined).
  std::string_view original;
  /// The argument text after the flags (trimmed), as BuildKit's line parsers receive it.
  Word rest;
  std::pmr::vector<Flag> flags;
  /// Argument nodes, except for ENV and LABEL (see `pairs`) and ONBUILD (see `trigger`).
  std::pmr::vector<Word> args;
  std::pmr::vector<KeyValue> pairs;
  /// Exec (JSON array) form.
  bool json = false;
  std::pmr::vector<Heredoc> heredocs;
  /// ONBUILD's trigger instruction.
  std::unique_ptr<Instruction> trigger;
  /// The comments right before the instruction (BuildKit's PrevComment).
  std::pmr::vector<std::string_view> comments;
  /// Whitespace-only lines inside the continuation (each is an empty continuation line).
  std::pmr::vector<base::Range> empty_continuation_lines;
  /// The parser itself rejected the instruction (bad JSON array, ENV without value, ...).
  bool has_parse_error = false;
  /// 1-based first and last physical line (heredoc bodies included).
  std::uint32_t start_line = 0;
  std::uint32_t end_line = 0;
  /// 1-based last line of the logical line (before any heredoc body).
  std::uint32_t logical_end_line = 0;
  /// Logical-line offsets to source offsets, one segment per joined piece.
  std::pmr::vector<Segment> segments;

  /// The source bytes for logical-line offsets [begin, end).
  base::Range SourceRange(std::uint32_t begin, std::uint32_t end) const;
  /// The source offset of logical-line offset `offset`.
  std::uint32_t SourceOffset(std::uint32_t offset) const;
};

/// A parser directive at the top of the file (`# syntax=`, `# escape=`, `# check=`).
struct Directive {
  /// Lower-cased name.
  std::string_view name;
  std::string_view value;
  base::Range range;
  std::uint32_t line = 0;
};

/// A comment line (outside heredoc bodies), directives excluded.
struct Comment {
  /// From `#` to the end of the line, line end excluded.
  base::Range range;
  /// BuildKit's comment text (first byte removed, trimmed).
  std::string_view text;
};

/// A syntax error. `layer` tells where BuildKit reports it: the parser aborts on its first
/// error; instruction-level errors come after a successful parse.
struct SyntaxError {
  enum class Layer : std::uint8_t { kParser, kInstruction };
  Layer layer = Layer::kParser;
  base::Range range;
  /// What is wrong, in BuildKit's words (no location prefix).
  std::string message;
  /// What was expected instead, when BuildKit's words do not say (e.g. "`ENV KEY=value`").
  std::string expected;
  /// BuildKit adds `dockerfile parse error on line N: ` to most instruction-level errors.
  bool buildkit_prefix = false;
  /// The line range BuildKit attaches to the error (its quirks included: directive errors
  /// carry the 0-based line).
  std::uint32_t buildkit_start_line = 0;
  std::uint32_t buildkit_end_line = 0;
  /// "no build stage in current context": the instruction itself is well-formed, only not in a
  /// stage (a fragment, or instructions before the first FROM). `lint` reports the first such
  /// error of a file and still lints the instructions (RejectedInstructions leaves them out).
  bool no_stage = false;

  /// The error exactly as BuildKit prints it (without location).
  std::string BuildKitText() const;
  /// The message for users: BuildKit's words plus what was expected, when known.
  std::string Text() const;
};

/// A parsed Dockerfile. It owns its text; every string_view in it points into the text or
/// into its arena.
class Dockerfile {
  // Declared first so that they outlive the instructions, whose lists live in the arena.
  std::unique_ptr<base::SourceFile> file_;
  mutable std::unique_ptr<base::LineIndex> lines_;
  base::Arena arena_;

 public:
  Dockerfile(std::string path, std::string text);
  Dockerfile(Dockerfile&&) = default;
  /// Releases this file's tree before taking over the other's (the tree lives in the arena).
  Dockerfile& operator=(Dockerfile&& other) noexcept;

  const std::string& path() const { return file_->path; }
  std::string_view text() const { return file_->text; }
  /// Byte offsets to lines and columns (built on first use; not thread-safe).
  const base::LineIndex& lines() const;
  base::Arena& arena() { return arena_; }
  /// The memory new instructions of this file should use.
  std::pmr::memory_resource* memory() const { return arena_.resource(); }

  /// The escape token in effect: '\\' or '`'.
  char escape = '\\';
  /// Byte length of a UTF-8 byte-order mark at the start (0 or 3).
  std::uint32_t bom_size = 0;
  std::vector<Directive> directives;
  std::vector<Instruction> instructions;
  std::vector<Comment> comments;
  std::vector<SyntaxError> errors;

  /// The first error BuildKit would report, if it rejects the file.
  const SyntaxError* FirstBuildKitError() const;
  /// The directive named `name` (lower-case), if present.
  const Directive* FindDirective(std::string_view name) const;
  /// For each instruction, whether a syntax error lies in it (BuildKit rejects it); not for
  /// "no build stage in current context" alone (the instruction is well-formed).
  std::vector<bool> RejectedInstructions() const;
};

}  // namespace shipshape::syntax
