// The fuzz targets' bodies: each takes arbitrary bytes, drives one public entry point and
// abort()s when a property fails. fuzz/<name>_fuzz.cc wraps one for libFuzzer, and
// tests/regressions replays saved inputs through them in every test build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace shipshape::fuzz {

using TargetFn = int (*)(const std::uint8_t* data, std::size_t size);

/// syntax::Parse, then model::Model::Build and the directive lookups.
int FuzzParse(const std::uint8_t* data, std::size_t size);
/// model::Expand with both escape characters. Byte 0 picks the lexer modes; the rest is
/// `NAME=value` lines, a NUL byte, then the word (no NUL: all of it is the word).
int FuzzExpand(const std::uint8_t* data, std::size_t size);
/// shell::Parse on the bytes, then shell::Analysis of them as a RUN heredoc and as RUN lines.
int FuzzShell(const std::uint8_t* data, std::size_t size);
/// config::ParseConfig in both dialects (shipshape's YAML and .hadolint.yaml).
int FuzzConfig(const std::uint8_t* data, std::size_t size);
/// lint::ParseBaseline. Property: a baseline it accepts, written again with FormatBaseline,
/// reads back to the same entries, and writing those gives the same bytes.
int FuzzBaseline(const std::uint8_t* data, std::size_t size);
/// context::Dockerignore::Parse on the bytes up to the first NUL, then Excludes on each line
/// after it (as written and cleaned). Properties: `.` is never excluded, a path and its clean
/// form agree, CleanPath is idempotent, and without `!` patterns a relative path that is
/// excluded also excludes everything under it.
int FuzzDockerignore(const std::uint8_t* data, std::size_t size);
/// lint::LintText with every rule selected (ShellCheck off).
int FuzzLint(const std::uint8_t* data, std::size_t size);
/// fix::FixLoop at the unsafe level, every rule selected. Properties: no pass adds a syntax
/// error (the loop does not revert), the fixed text has no syntax error the original lacks,
/// and fixing it again changes nothing.
int FuzzFix(const std::uint8_t* data, std::size_t size);
/// `shipshape pin`'s parsers on the bytes: the Dockerfile's image sites pinned with
/// registry::ApplyDigests, the lock file, `WWW-Authenticate` challenges and Docker config
/// credentials. Properties: pinning succeeds or says why (never a file that does not resolve
/// as asked; ApplyDigests checks), pinning the pinned text again changes nothing, and a lock
/// it accepts is written and read back unchanged.
int FuzzPin(const std::uint8_t* data, std::size_t size);

/// image::ReadTarMemory on the bytes as an outer tar (docker save, oci-archive), with small
/// limits, then image::Audit with every rule. Property: a failed read says why; every finding
/// carries its image location.
int FuzzImage(const std::uint8_t* data, std::size_t size);

/// lsp::FrameReader on the bytes, each message through an initialized lsp::Server linting
/// inline. Properties: everything the server sends is a JSON-RPC message, and each message gets
/// exactly the responses it asks for (one per request, bad framing or bad JSON; none for a
/// notification or a response).
int FuzzLsp(const std::uint8_t* data, std::size_t size);

struct Target {
  std::string_view name;
  TargetFn fn;
};

/// Every target by name (`parse`, `expand`, `shell`, `config`, `baseline`, `dockerignore`,
/// `lint`, `fix`, `image`, `pin`, `lsp`).
std::span<const Target> Targets();
/// The target named `name`, or nullptr.
TargetFn FindTarget(std::string_view name);

}  // namespace shipshape::fuzz
