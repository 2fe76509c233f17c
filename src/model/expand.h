// BuildKit's variable expansion (its shell lexer, frontend/dockerfile/shell): what an
// instruction argument such as `${BASE:-alpine}:$TAG` holds once ARG and ENV values apply.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shipshape::model {

/// The longest expansion followed (1 MiB): BuildKit has no limit, so `ARG B=$A$A` chains grow
/// without bound; past this the expansion fails with kTooLongError instead of eating memory.
inline constexpr std::size_t kMaxExpansionBytes = std::size_t{1} << 20;
inline constexpr std::string_view kTooLongError =
    "expansion longer than 1 MiB (shipshape's limit); its value is treated as unknown";
/// The deepest `${...}` nesting followed (1000 levels); deeper fails with kTooDeepError.
inline constexpr int kMaxExpansionNesting = 1000;
inline constexpr std::string_view kTooDeepError =
    "variables nested more than 1000 levels deep (shipshape's limit); the value is treated as "
    "unknown";

/// The variables visible to one expansion.
class EnvLookup {
 public:
  virtual ~EnvLookup() = default;
  /// The value of `name` (case-sensitive), or nullopt when it is not set.
  virtual std::optional<std::string_view> Get(std::string_view name) const = 0;
};

/// An environment built from NAME=value entries; a later entry for the same name wins.
class Environment final : public EnvLookup {
 public:
  Environment() = default;
  /// Entries `NAME=value` (or `NAME`, which sets NAME to the empty string).
  static Environment FromList(const std::vector<std::string>& entries);

  void Set(std::string_view name, std::string_view value);
  void Unset(std::string_view name);
  std::optional<std::string_view> Get(std::string_view name) const override;
  /// Names in first-set order.
  std::vector<std::string> Keys() const;

 private:
  std::vector<std::pair<std::string, std::string>> vars_;
};

/// Lexer modes, as BuildKit's shell.Lex fields.
struct ExpandOptions {
  /// The Dockerfile's escape token: '\\' or '`'.
  char escape = '\\';
  /// Keep quote characters in the output (RawQuotes).
  bool raw_quotes = false;
  /// Keep the escape character in the output (RawEscapes).
  bool raw_escapes = false;
  /// Quotes are ordinary characters: heredoc bodies (SkipProcessQuotes).
  bool skip_process_quotes = false;
  /// Leave unset variables as written, e.g. `${X:-y}` (SkipUnsetEnv).
  bool skip_unset_env = false;
};

/// What one expansion produced.
struct ExpandResult {
  /// The expanded word without word splitting (BuildKit's ProcessWord).
  std::string word;
  /// The expanded word split into words (BuildKit's ProcessWords, quirks included).
  std::vector<std::string> words;
  /// Variable names that were looked up and found, sorted and unique.
  std::vector<std::string> matched;
  /// Variable names that were looked up and not found, sorted and unique.
  std::vector<std::string> unmatched;
  /// BuildKit's error text when the expansion fails (e.g.
  /// `failed to process "${a": syntax error: missing '}'`), empty on success.
  std::string error;

  bool ok() const { return error.empty(); }
};

/// Expands `word` against `env` exactly as BuildKit's shell lexer does. Never throws.
ExpandResult Expand(std::string_view word, const EnvLookup& env, const ExpandOptions& options = {});

}  // namespace shipshape::model
