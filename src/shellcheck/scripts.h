// The scripts of a Dockerfile's RUN instructions as ShellCheck is given them, and ShellCheck's
// comments mapped back to exact Dockerfile bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "model/model.h"
#include "shell/script.h"

namespace shipshape::shellcheck {

/// One RUN's script, as the file ShellCheck reads: the script the shell runs (continuation
/// lines joined, heredoc bodies appended) with one line inserted that exports the ARG and ENV
/// names in scope (so SC2154 does not fire on them), after the script's own shebang if it has
/// one, else first.
struct Script {
  /// What ShellCheck reads. Bytes that are not valid UTF-8, and NUL, are written as `?`, one
  /// byte for one, so that offsets and ShellCheck's columns agree.
  std::string text;
  /// ShellCheck's `--shell`: sh, bash, dash (also for ash and busybox) or ksh.
  std::string dialect;
  /// The inserted line: text bytes [header_begin, header_end).
  std::uint32_t header_begin = 0;
  std::uint32_t header_end = 0;
  /// Script bytes (text without the header) back to the Dockerfile.
  shell::SourceMap map;
  /// The instruction the script belongs to (for messages).
  std::uint32_t instruction = 0;
  /// The instruction's bytes (where a finding about the whole script goes).
  base::Range range;
  /// Why ShellCheck is not run on this script (past one of the limits below); empty when it is.
  std::string skipped;
};

/// What shipshape gives ShellCheck, so that its time and memory stay bounded: ShellCheck's
/// grow faster than its input (a 16 KiB chain of `&&` takes it 4 s and 1.2 GB, 32 KiB 22 s and
/// 4.9 GB), and the largest RUN script of the corpus is under 10 KiB.
inline constexpr std::size_t kMaxScriptBytes = 64 * 1024;
/// Scripts checked per file: the first ones (the corpus's largest file has 211 RUNs).
inline constexpr std::size_t kMaxScriptsPerFile = 500;

/// The scripts of every shell-form RUN and ONBUILD RUN that a POSIX shell ShellCheck knows
/// runs (not exec form, not PowerShell, cmd, zsh or a heredoc with another interpreter's
/// shebang), skipping instructions BuildKit rejects.
std::vector<Script> Collect(const model::Model& model);

/// One replacement of a ShellCheck fix (json1), positions 1-based, ends exclusive, columns in
/// code points with a tab counting one.
struct Replacement {
  int line = 0, column = 0, end_line = 0, end_column = 0;
  std::string text;
};

/// One ShellCheck comment (json1).
struct Comment {
  int line = 0, column = 0, end_line = 0, end_column = 0;
  std::string level;
  int code = 0;
  std::string message;
  std::vector<Replacement> fix;
};

/// `comments` on `script` as diagnostics at Dockerfile bytes (code `SC####`, severity from the
/// level). Comments on the inserted line are dropped. A fix becomes an unsafe Fix when every
/// replacement edits bytes copied verbatim from the Dockerfile and adds no line break;
/// otherwise the finding has no fix. When ShellCheck was not run on the script
/// (`script.skipped`) or gave up on it (`gave_up`, RunResult::gave_up), an SP103
/// (analysis-limit) finding on the instruction says so.
std::vector<base::Diagnostic> ToDiagnostics(const Script& script,
                                            const std::vector<Comment>& comments,
                                            std::string_view gave_up = {});

}  // namespace shipshape::shellcheck
