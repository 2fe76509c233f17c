// BuildKit's instruction-level checks (its `instructions` package): argument counts, builder
// flags, FROM and stage names, ONBUILD triggers, HEALTHCHECK, SHELL, RUN flags. Also the small
// typed views of instructions that later layers share (COPY sources, heredoc files, docs).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/ast.h"

namespace shipshape::syntax {

/// Adds BuildKit's instruction-level errors of every instruction to `df.errors`, in file order.
void CheckInstructions(Dockerfile& df);

/// Builder flags as BuildKit declares and validates them (its BFlags). It keeps views: the
/// declared names and the parsed words must outlive it.
class BuilderFlags {
 public:
  enum class Type : std::uint8_t { kBool, kString, kStrings };

  void AddBool(std::string_view name, bool default_value);
  void AddString(std::string_view name, std::string_view default_value);
  void AddStrings(std::string_view name);

  /// Validates flag words (`--name[=value]`) against the declared flags; returns the first
  /// error in BuildKit's words, or an empty string. `bad_index` receives the offending word.
  std::string Parse(std::span<const std::string_view> words, std::size_t* bad_index = nullptr);

  /// What a user should write instead of flag word `word` (for error messages).
  std::string Describe(std::string_view word) const;

  /// The value of a bool or string flag after Parse ("true"/"false" for bools).
  std::string_view Value(std::string_view name) const;
  /// The values of a repeatable flag after Parse.
  std::vector<std::string_view> Values(std::string_view name) const;
  /// Whether the flag was given.
  bool Used(std::string_view name) const;

 private:
  /// Instructions declare at most 7 flags: they fit without allocating.
  static constexpr std::size_t kInlineFlags = 8;
  struct Declared {
    std::string_view name;
    Type type = Type::kBool;
    std::string_view value;
    bool used = false;
  };
  void Add(Declared d);
  Declared& At(std::size_t i) { return i < kInlineFlags ? inline_[i] : more_[i - kInlineFlags]; }
  const Declared& At(std::size_t i) const {
    return i < kInlineFlags ? inline_[i] : more_[i - kInlineFlags];
  }
  Declared* Find(std::string_view name);
  const Declared* Find(std::string_view name) const;
  Declared inline_[kInlineFlags];
  std::vector<Declared> more_;
  std::size_t count_ = 0;
  /// Values of repeatable flags: (flag name, value), in order.
  std::vector<std::pair<std::string_view, std::string_view>> repeated_;
};

/// BuildKit's handleJSONArgs: exec-form arguments as they are, shell form joined by spaces.
std::vector<std::string> HandleJsonArgs(std::span<const std::string_view> args, bool json);

/// BuildKit's parseOptInterval: a HEALTHCHECK duration flag in nanoseconds (0 when empty);
/// `error` is set when it is malformed or below 1ms (but not 0).
std::int64_t ParseOptInterval(std::string_view flag_name, std::string_view value,
                              std::string* error);

/// A `RUN --device=` value.
struct Device {
  std::string name;
  bool required = false;
};
/// Parses a `RUN --device=` value; `error` is set when it is invalid.
Device ParseDevice(std::string_view value, std::string* error);

/// An inline file from a heredoc source of COPY/ADD or a heredoc of RUN.
struct InlineFile {
  std::string name;
  /// The body, with leading tabs removed for `<<-` (COPY/ADD only; RUN keeps them).
  std::string data;
  bool expand = true;
  bool chomp = false;
};

/// COPY/ADD sources split as BuildKit does: paths, heredoc files, destination.
struct SourcesAndDest {
  std::vector<std::string_view> paths;
  std::vector<InlineFile> contents;
  std::string_view dest;
};
/// The sources and destination of a COPY or ADD instruction (`error` set for a heredoc
/// destination or fewer than two arguments).
SourcesAndDest CopySources(const Dockerfile& df, const Instruction& inst, std::string* error);

/// The heredoc bodies of a RUN instruction as files (content not chomped).
std::vector<InlineFile> HeredocFiles(const Dockerfile& df, const Instruction& inst);

/// BuildKit's getComment: the text after `<name> ` in the first of `comments` that starts so.
std::string_view DocComment(std::span<const std::string_view> comments, std::string_view name);

}  // namespace shipshape::syntax
