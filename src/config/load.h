// Reading one source of settings into a Layer: shipshape's `.shipshape.yaml`, hadolint's
// `.hadolint.yaml` (its keys and meaning), and the HADOLINT_* environment variables.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "config/settings.h"

namespace shipshape::config {

/// Environment variables, injected so tests need no real environment.
using Env = std::map<std::string, std::string, std::less<>>;

/// The process's environment (the only place that reads it).
Env ProcessEnvironment();

/// Which keys and meanings a config file has.
enum class Dialect : unsigned char {
  kShipshape,  ///< .shipshape.yaml: strict; any unknown key or bad value is an error
  kHadolint,   ///< hadolint's files: hadolint's keys; unknown keys and codes are warnings
};

/// Documents whose node count (aliases expanded) exceeds this are refused: a few lines of
/// anchors and aliases can otherwise stand for billions of nodes.
inline constexpr std::size_t kMaxYamlNodes = 100'000;
/// Deeper nesting than this is refused (no config key nests more than four levels).
inline constexpr int kMaxYamlDepth = 64;

/// Parses config text. `path` names the file in origins and problems; relative `context`,
/// `baseline` and `per-path` globs are taken from `base_dir` (the file's directory). An empty
/// document (or one holding only comments) is an empty layer.
Result<Layer> ParseConfig(std::string_view path, std::string_view text, Dialect dialect,
                          const std::filesystem::path& base_dir);

/// Reads and parses the file at `path` (a directory, an unreadable or over-large file is an
/// error).
Result<Layer> ReadConfig(const std::filesystem::path& path, Dialect dialect);

/// The dialect of an explicitly named file: hadolint's when its name contains `hadolint`
/// (`.hadolint.yaml`, `hadolint.yml`, `~/.hadolint/config.yaml`), else shipshape's.
Dialect DialectOf(const std::filesystem::path& path);

/// The layer of hadolint's environment variables (HADOLINT_*, NO_COLOR) with hadolint's value
/// syntax. Values hadolint drops silently are dropped with a warning.
Layer FromEnvironment(const Env& env);

}  // namespace shipshape::config
