// Helpers the instruction, stage and base-image rules share: what a path or image word holds
// once ARG/ENV apply, who counts as root, which file names are archives.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "rules/rule.h"

namespace shipshape::rules {

/// Whether a path stays put whatever the working directory is.
enum class PathKind : std::uint8_t { kAbsolute, kRelative, kUnknown };

/// A path argument as the build sees it.
struct ResolvedPath {
  PathKind kind = PathKind::kUnknown;
  /// The expanded path; meaningful unless `kind` is kUnknown.
  std::string value;
  /// `value` is exactly the path (no variable only the build knows is involved).
  bool known = false;
};

/// Expands `word` as instruction `index` would and tells whether it is absolute (`/x`, `\x`
/// with the backtick escape, `C:`). Unknown when the start of the path depends on a value the
/// Dockerfile does not fix, or, for an ONBUILD trigger (`in_onbuild`), on any variable: the
/// downstream build sets those.
ResolvedPath ResolvePath(const model::Model& model, std::size_t index, std::string_view word,
                         bool in_onbuild);

/// Whether `resolved` is known, or unknown only through BuildKit's automatic platform args
/// (`TARGETARCH`, ...), whose values are plain words such as `amd64`.
bool KnownExceptPlatform(const model::Model& model, const model::Resolved& resolved);

/// Whether `word` means what it says: no variables, quotes or escapes for BuildKit to process.
bool IsLiteral(std::string_view word);

/// Whether `path` starts with a Windows drive (`C:`).
bool HasWindowsDrive(std::string_view path);

/// Whether stage `stage` builds a Windows image: the model's one decision per stage
/// (model::Model::IsWindowsStage), which the shell model and ShellCheck share.
bool IsWindowsStage(const model::Model& model, std::size_t stage);

/// Whether a USER value names the superuser: `root`, `0`, or either with a `:group`.
bool IsRootUser(std::string_view user);

/// hadolint's archive test: the name ends in one of the compressed or tar extensions
/// (`.tar`, `.gz`, `.tgz`, `.xz`, `.Z`, ...), compared case-sensitively.
bool HasArchiveExtension(std::string_view name);

/// The part after the last `/` or `\`.
std::string_view Basename(std::string_view path);

/// The text after the last variable reference (`$X`, `${X...}`) of `word`, or all of it when
/// it has none: the part of a word whose value the Dockerfile fixes even when a variable's
/// value is unknown.
std::string_view LiteralTail(std::string_view word);

/// A `COPY --from` value that is a stage index (`0`, `12`), as a number.
std::optional<std::size_t> StageIndex(std::string_view text);

/// `text` without the quotes around it (hadolint's dropQuotes).
std::string_view DropQuotes(std::string_view text);

/// The fix for an image that runs as root: `USER <user>` appended after the last instruction of
/// the target stage (the last of `shipped`), so build steps keep running as root and
/// containers do not. Unsafe with an unprivileged user the shipped stages are known to have
/// (an earlier `USER app`, or `useradd app` / `adduser app` in a RUN); display-only with
/// `nobody` otherwise. None when that instruction ends in an unterminated heredoc: the line
/// would become part of its body.
std::optional<base::Fix> AppendUserFix(Context& ctx, const std::vector<std::size_t>& shipped);


/// What the image starts: the ENTRYPOINT and CMD the shipped stages set last (an ENTRYPOINT
/// clears a CMD not set before it in its stage, as BuildKit does). Exec-form elements as they
/// are, shell-form text split at blanks; empty when the base image decides.
struct StartCommand {
  std::vector<std::string> entrypoint;
  std::vector<std::string> cmd;
  bool entrypoint_set = false;
  bool cmd_set = false;

  /// ENTRYPOINT then CMD, with init wrappers (`tini`, `dumb-init`, their options, `--`) and
  /// `exec` dropped from the front: what the container's main process runs.
  std::vector<std::string> Program() const;
};

/// The start command of the image whose stages are `shipped` (target last).
StartCommand ImageStartCommand(const syntax::Dockerfile& df, const model::Model& model,
                               const std::vector<std::size_t>& shipped);

/// Tools that start a process as another user: gosu, su-exec, setpriv, runuser, chpst,
/// s6-setuidgid.
bool IsPrivilegeDropTool(std::string_view program);

/// Whether the image is known to drop root at start: its start command runs through a
/// privilege-drop tool, or its ENTRYPOINT is a shell script (`docker-entrypoint.sh`,
/// `*.sh`, a name with `entrypoint`) and the shipped stages install such a tool (a word
/// `gosu`, `su-exec`, `chpst` or `s6-setuidgid` in a RUN, COPY or ADD), the pattern the
/// official images use. Returns the tool seen, or empty.
std::string DropsPrivilegesAtStart(const syntax::Dockerfile& df, const model::Model& model,
                                   const std::vector<std::size_t>& shipped);

/// Why the image looks like a long-running service (EXPOSE in a shipped stage, a start command
/// or a base image that runs a known server), or empty when it does not.
std::string ServiceEvidence(const syntax::Dockerfile& df, const model::Model& model,
                            const std::vector<std::size_t>& shipped);

}  // namespace shipshape::rules
