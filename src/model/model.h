// The semantic model of a Dockerfile: stages and their base images, the stage graph, and the
// ARG/ENV values in force at each instruction, as BuildKit scopes them. Rules ask it "what
// does this word hold here, as far as the Dockerfile knows".
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/expand.h"
#include "model/image_ref.h"
#include "syntax/ast.h"

namespace shipshape::model {

/// Where a variable's value comes from.
enum class VariableSource : std::uint8_t {
  kPlatform,   ///< BuildKit's automatic platform args (TARGETARCH, ...).
  kGlobalArg,  ///< An ARG before the first FROM.
  kArg,        ///< An ARG inside a stage.
  kEnv,        ///< An ENV.
  kBuildArg,   ///< A value given for the build (`--build-arg`).
  kImage,      ///< The base image's config; only PATH is assumed, with Docker's default.
};

/// A variable in force at some point of the file.
struct Variable {
  std::string name;
  /// The value, or nullopt for an ARG declared without one (only the build can set it).
  std::optional<std::string> value;
  VariableSource source = VariableSource::kArg;
  /// The ARG or ENV instruction that set it (null for platform args and build args).
  const syntax::Instruction* defined_by = nullptr;
  /// An ARG's value is a default the build may replace.
  bool overridable() const {
    return source == VariableSource::kArg || source == VariableSource::kGlobalArg ||
           source == VariableSource::kPlatform;
  }
};

/// The variables visible at one point; the last assignment of a name wins.
class Scope final : public EnvLookup {
 public:
  void Set(Variable v);
  /// The variable named `name`, if declared here.
  const Variable* Find(std::string_view name) const;
  /// Its value when declared with one (EnvLookup).
  std::optional<std::string_view> Get(std::string_view name) const override;
  const std::vector<Variable>& variables() const { return vars_; }
  /// What a copy of it costs in memory, roughly: the variables, their names and values.
  std::size_t Bytes() const;

 private:
  std::vector<Variable> vars_;
};

/// What a word holds after expansion with the values the Dockerfile defines.
struct Resolved {
  std::string value;
  /// Every variable used has a value defined in the Dockerfile (or none is used).
  bool known = true;
  /// Variables used whose value the Dockerfile does not fix: declared without one, set by the
  /// build (platform args) or the base image, or not declared at all. `value` then holds
  /// BuildKit's default for platform args and PATH, and the empty string otherwise.
  std::vector<std::string> unknown;
  /// Of `unknown`, those not declared at all (neither ARG nor ENV nor predefined).
  std::vector<std::string> undeclared;
  /// BuildKit's expansion error, empty on success.
  std::string error;
};

/// What a stage is built on.
enum class BaseKind : std::uint8_t {
  kImage,    ///< An image reference.
  kStage,    ///< An earlier stage (`FROM builder`).
  kScratch,  ///< The empty image.
  kUnknown,  ///< Depends on values only the build knows (`FROM ${BASE}` with no default).
  kInvalid,  ///< Expands to something that is not a valid reference.
};

/// A reference from one stage to another stage or image.
struct StageRef {
  enum class Kind : std::uint8_t { kFrom, kCopyFrom, kMountFrom };
  Kind kind = Kind::kFrom;
  /// The instruction holding the reference.
  const syntax::Instruction* instruction = nullptr;
  /// The reference as written (`builder`, `0`, `nginx:1.25`).
  std::string text;
  /// The stage it names, if it names one.
  std::optional<std::size_t> stage;
};

struct Stage {
  std::size_t index = 0;
  /// Lower-cased name; empty for an unnamed stage.
  std::string name;
  const syntax::Instruction* from = nullptr;
  /// Indexes into Dockerfile::instructions: the FROM and everything up to the next FROM.
  std::size_t begin = 0;
  std::size_t end = 0;
  /// The FROM argument as written and as expanded with the global ARGs.
  std::string base_text;
  Resolved base;
  BaseKind base_kind = BaseKind::kUnknown;
  /// For kStage: the stage built on.
  std::optional<std::size_t> base_stage;
  /// For kImage: the parsed reference.
  ImageRef image;
  /// `--platform` as written and resolved (empty when absent).
  std::string platform_text;
  Resolved platform;
  /// COPY --from, RUN --mount from= and FROM references out of this stage.
  std::vector<StageRef> refs;

  /// The name messages use: the stage name, or `stage-N`.
  std::string DisplayName() const;
};

/// Inputs a build would give; all optional for static linting.
struct ModelOptions {
  /// `--build-arg NAME=value` values (they replace ARG defaults).
  std::map<std::string, std::string> build_args;
  /// `--target`: the stage to build (the last stage when empty).
  std::string target;
  /// The platform the automatic platform args describe.
  std::string platform = "linux/amd64";
};

/// The most memory the ARG/ENV scopes of one file may take (64 MiB). Each ARG or ENV records
/// a copy of the scope in force, so a file with thousands of variables, or with values near
/// kMaxExpansionBytes, would need gigabytes; past this budget the model stops following
/// ARG and ENV (values after that point are unknown) and records a Limit.
inline constexpr std::size_t kMaxScopeBytes = std::size_t{64} << 20;

/// A place where the model stopped following the file at one of its limits.
struct Limit {
  base::Range range;
  std::string message;
};

// TODO(#9): variables own their strings and scopes are copied at each ARG/ENV; parse+model
// runs at about 90 MB/s over the corpus against 210 MB/s for parsing alone.
class Model {
 public:
  /// Builds the model of `df` (which must outlive it). Never fails: unknown values stay
  /// unknown, bad references are recorded as such.
  static Model Build(const syntax::Dockerfile& df, const ModelOptions& options = {});

  const syntax::Dockerfile& dockerfile() const { return *df_; }
  const std::vector<Stage>& stages() const { return stages_; }
  /// The variables of the global scope (automatic platform args and ARGs before FROM), as
  /// they stand after the last global ARG.
  const Scope& global_scope() const { return global_; }

  /// The stage holding instruction `index`, or nullopt before the first FROM.
  std::optional<std::size_t> StageOf(std::size_t index) const;
  /// The instructions before the first FROM from the first one that is not an ARG: a fragment,
  /// or a file BuildKit rejects. They are linted as an implicit stage whose base image is
  /// unknown: it has no Stage (StageOf is nullopt, it is never the target nor shipped), its
  /// scopes and SHELL are followed as a stage's. `{begin, end}` instruction indexes.
  std::optional<std::pair<std::size_t, std::size_t>> ImplicitStage() const { return implicit_; }
  /// Whether stage `stage` builds a Windows image. One decision per stage, from (first that
  /// says something) its `--platform`, the stage it is built FROM, its base image (os.h:
  /// ImageOs; `scratch` is Linux), the shell of the stage (a SHELL or a `# hadolint shell=`
  /// pragma: cmd, powershell / a POSIX shell), a Windows path in its WORKDIR or COPY/ADD
  /// destinations; when none does, the escape directive: the backtick makes it Windows, else
  /// Linux.
  bool IsWindowsStage(std::size_t stage) const {
    return stage < windows_.size() && windows_[stage];
  }
  /// The same for the stage holding instruction `index` (the implicit stage's decision before
  /// the first FROM).
  bool IsWindowsAt(std::size_t index) const;

  /// The instruction ranges to walk stage by stage, `{first, end}`: each stage's instructions
  /// after its FROM, and the implicit stage's, when there is one (first).
  std::vector<std::pair<std::size_t, std::size_t>> StageBodies() const;
  /// The variables in force when instruction `index` runs (before its own effect). After a
  /// kMaxScopeBytes limit, the last scope recorded.
  const Scope& ScopeAt(std::size_t index) const { return scopes_[scope_of_.at(index)]; }
  /// Where the model hit a limit (expansion length or nesting, the scope budget), in file
  /// order. SP103 reports them.
  const std::vector<Limit>& limits() const { return limits_; }
  /// The SHELL in force when instruction `index` runs (BuildKit's default `/bin/sh -c`, or
  /// the last SHELL of the stage or of the stages it is built on).
  const std::vector<std::string>& ShellAt(std::size_t index) const {
    return shells_[shell_of_.at(index)];
  }
  /// Whether the shell in force at `index` comes from a SHELL instruction (not the default).
  bool ShellSetAt(std::size_t index) const { return shell_set_[shell_of_.at(index)]; }
  /// Expands `word` as instruction `index` would, with the values the Dockerfile defines.
  Resolved Resolve(std::size_t index, std::string_view word) const;
  /// Expands `word` with `scope`.
  Resolved Resolve(const Scope& scope, std::string_view word) const;

  /// The stage a build targets: `options.target` (case-insensitive) or the last stage.
  std::optional<std::size_t> TargetStage() const { return target_; }
  /// Stages the target needs (itself, its bases, COPY --from and mount sources), sorted.
  std::vector<std::size_t> ReachableStages() const;
  /// The stages whose contents end up in the target image: the target and its FROM chain.
  std::vector<std::size_t> ShippedStages() const;
  /// The stage named `name` (case-insensitive; the later definition wins, as in BuildKit's
  /// `--from` lookup), or nullopt.
  std::optional<std::size_t> FindStage(std::string_view name) const;

 private:
  void AddLimit(base::Range range, std::string_view message);

  const syntax::Dockerfile* df_ = nullptr;
  std::optional<std::pair<std::size_t, std::size_t>> implicit_;
  std::vector<bool> windows_;
  bool implicit_windows_ = false;
  Scope global_;
  std::vector<Stage> stages_;
  /// Scope snapshots, and for each instruction the index of the one in force before it.
  std::vector<Scope> scopes_;
  std::vector<std::size_t> scope_of_;
  std::vector<std::optional<std::size_t>> stage_of_;
  std::vector<std::vector<std::string>> shells_;
  std::vector<bool> shell_set_;
  std::vector<std::size_t> shell_of_;
  std::optional<std::size_t> target_;
  std::vector<Limit> limits_;
  /// Memory taken by scopes_ so far, and the first instruction whose variables are no longer
  /// followed (kMaxScopeBytes), if any: resolving at or after it gives unknown values.
  std::size_t scope_bytes_ = 0;
  std::optional<std::size_t> scopes_truncated_at_;
};

}  // namespace shipshape::model
