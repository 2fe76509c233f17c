// `RUN --mount=<value>` values as BuildKit reads them (instructions/commands_runmount.go): the
// CSV split, the check done when instructions are parsed, and the full validation done at
// conversion time once each value is variable-expanded.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shipshape::model {

inline constexpr std::string_view kMountTypeBind = "bind";
inline constexpr std::string_view kMountTypeCache = "cache";
inline constexpr std::string_view kMountTypeTmpfs = "tmpfs";
inline constexpr std::string_view kMountTypeSecret = "secret";
inline constexpr std::string_view kMountTypeSsh = "ssh";

/// One validated `--mount`, with BuildKit's field names in our style.
struct Mount {
  /// bind (default), cache, tmpfs, secret or ssh; always lower case.
  std::string type = std::string(kMountTypeBind);
  /// Stage, named context or image to mount from (`from=`); empty means the default.
  std::string from;
  /// Path inside `from` (`source=` / `src=`).
  std::string source;
  /// Mount point (`target=` / `dst=` / `destination=`), as written (not joined to WORKDIR).
  std::string target;
  /// Read-only; defaults to true for bind/secret/ssh and false for cache/tmpfs.
  bool readonly = true;
  /// tmpfs size limit in bytes (`size=`), 0 when not given.
  std::int64_t size = 0;
  /// Cache, secret or ssh id (`id=`).
  std::string id;
  /// shared, private or locked (lower case), empty when not given.
  std::string sharing;
  /// Fail when the secret / ssh socket is missing (`required`).
  bool required = false;
  /// Environment variable that receives a secret (`env=`); engaged even when empty.
  std::optional<std::string> env;
  /// File mode (`mode=`, octal).
  std::optional<std::uint64_t> mode;
  /// Owner (`uid=`, `gid=`).
  std::optional<std::uint64_t> uid;
  std::optional<std::uint64_t> gid;
};

/// Expands one mount value (BuildKit's SingleWordExpander). Returns nullopt and sets `*error`
/// when expansion fails; the error is reported unchanged.
using MountExpander =
    std::function<std::optional<std::string>(std::string_view value, std::string* error)>;

/// A parsed mount or BuildKit's error text.
struct MountResult {
  Mount mount;
  /// BuildKit's error text (e.g. `unexpected key 'tagret' in 'tagret=/y' (did you mean
  /// target?)`), empty on success.
  std::string error;

  bool ok() const { return error.empty(); }
};

/// Splits a mount value into fields as BuildKit does (tonistiigi/go-csvvalue, which follows Go
/// encoding/csv for one record: `"` quotes a whole field, `""` is a literal quote). Returns
/// false and sets `*error` to `failed to parse csv mounts: <csv error>` on malformed input.
bool SplitMountFields(std::string_view value, std::vector<std::string>* fields, std::string* error);

/// The only check BuildKit makes when the RUN instruction is parsed (before any expansion):
/// CSV syntax, and a `from=` value holding `$` anywhere but at its end. Returns the error text,
/// empty when the value passes.
std::string CheckMountAtParseTime(std::string_view value);

/// Parses and validates a mount value as BuildKit does when converting the instruction: each
/// `key=value` value goes through `expand` (identity when empty) before it is interpreted.
MountResult ParseMount(std::string_view value, const MountExpander& expand = nullptr);

/// Where and under which id a validated mount ends up when the RUN is dispatched.
struct ResolvedMount {
  /// Absolute mount point. bind/cache/tmpfs: a relative target joined to WORKDIR; secret:
  /// the target, else `/run/secrets/<basename of id>` (empty for an env-only secret); ssh: the
  /// target as given (empty: BuildKit's default agent socket path).
  std::string target;
  /// cache: the id, else the cleaned target; secret: the source, else the id, else the
  /// basename of the target; ssh: the id, else `default`; bind/tmpfs: empty.
  std::string id;
  /// `invalid mount target "/"` or `ssh does not support source`; empty on success.
  std::string error;

  bool ok() const { return error.empty(); }
};

/// BuildKit's dispatch-time handling of a mount (dispatchRunMounts, dispatchSecret,
/// dispatchSSH) in a stage whose WORKDIR is `workdir`.
ResolvedMount ResolveMount(const Mount& mount, std::string_view workdir = "/");

}  // namespace shipshape::model
