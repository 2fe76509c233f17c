// Fingerprints of findings that survive lines moving: the GitLab and SARIF reports and the
// baseline (lint/baseline.h) all use these, so one finding has one identity everywhere.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "syntax/ast.h"

namespace shipshape::lint {

/// hadolint's code for a syntax error (a diagnostic with an empty code).
inline constexpr std::string_view kSyntaxErrorCode = "DL1000";

/// 64-bit FNV-1a over `parts`, each followed by a NUL byte, as 16 lower-case hex digits.
std::string HashHex(const std::vector<std::string_view>& parts);

/// The text of 1-based `line` without its line break.
std::string_view LineText(const syntax::Dockerfile& df, std::uint32_t line);

/// One fingerprint per diagnostic of `df`, in order: `hash:occurrence`, where hash is HashHex
/// of the code (kSyntaxErrorCode for a syntax error), `path` and the trimmed text of the line
/// the finding starts on, and occurrence the 1-based count of diagnostics so far with the same
/// code and line text. Adding or removing lines elsewhere changes none of them; editing the
/// flagged line changes its own.
std::vector<std::string> Fingerprints(const syntax::Dockerfile& df,
                                      std::span<const base::Diagnostic> diagnostics,
                                      std::string_view path);

}  // namespace shipshape::lint
