// The shell script a RUN instruction runs, assembled as BuildKit hands it to the shell
// (continuation lines joined, heredoc bodies appended), with a map from every byte of the
// script back to the Dockerfile.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/range.h"
#include "shell/ast.h"
#include "syntax/ast.h"

namespace shipshape::shell {

/// Maps offsets of a text assembled from pieces of a file back to that file.
class SourceMap {
 public:
  /// Text bytes [text_offset, text_offset + length) came from [source_offset, ...).
  void Add(std::uint32_t text_offset, std::uint32_t source_offset, std::uint32_t length);
  /// The source offset of text offset `offset` (the start of the next piece when `offset`
  /// falls in text that was added, not copied).
  std::uint32_t ToSource(std::uint32_t offset) const;
  /// The source bytes of text bytes [begin, end): from the first byte to just after the last.
  base::Range ToSource(std::uint32_t begin, std::uint32_t end) const;
  /// When text bytes [begin, end) are a verbatim copy of contiguous source bytes, those source
  /// bytes (so an edit of them is the same edit of the source); else nullopt. An empty range
  /// where one piece ends and the next starts goes to the end of the earlier piece when
  /// `prefer_earlier`, else to the start of the later one.
  std::optional<base::Range> VerbatimSource(std::uint32_t begin, std::uint32_t end,
                                            bool prefer_earlier) const;

 private:
  struct Run {
    std::uint32_t text;
    std::uint32_t source;
    std::uint32_t length;
  };
  std::vector<Run> runs_;
};

/// Which kind of interpreter runs the script.
enum class Interpreter : std::uint8_t {
  kPosix,       ///< sh, bash, dash, ash, ksh, zsh, busybox sh
  kPowerShell,  ///< pwsh, powershell
  kCmd,         ///< cmd.exe
  kOther,       ///< anything else (a `#!/usr/bin/env python` heredoc, an unknown SHELL)
  kExec,        ///< exec form without a shell: the arguments run directly
};

/// A script with its origin.
struct Script {
  std::string text;
  SourceMap map;
  Interpreter interpreter = Interpreter::kPosix;
  /// The shell command line in force (`/bin/sh -c`, SHELL's array, or a heredoc's shebang).
  std::vector<std::string> shell;
  /// `bash` when the shell is bash (its syntax is accepted anyway), else the shell's name.
  std::string dialect = "sh";
  /// Options the shell starts with (from SHELL `-o pipefail`, `-e`, `-eux`).
  bool errexit = false;
  bool pipefail = false;
};

/// The script of a RUN, CMD, ENTRYPOINT (or ONBUILD RUN) instruction. `shell` is the SHELL in
/// force (model::Model::ShellAt); `windows` says that no SHELL was set in a file that targets
/// Windows (escape directive or base image), so the shell is cmd. Exec-form instructions whose
/// first argument is not a shell give a kExec script whose command is in `ExecCommand`.
Script BuildScript(const syntax::Dockerfile& df, const syntax::Instruction& inst,
                   std::span<const std::string> shell, bool windows);

/// For exec form: one simple command whose words are the JSON elements (offsets into the
/// instruction's source, mapped by `script.map`). Empty for shell form.
Tree ExecCommand(const syntax::Dockerfile& df, const syntax::Instruction& inst, Script& script);

/// The interpreter a shell command line stands for (`/bin/bash`, `pwsh`, `cmd /S /C`, ...).
Interpreter InterpreterOf(std::span<const std::string> shell, std::string* dialect);

}  // namespace shipshape::shell
