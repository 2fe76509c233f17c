// DL3046 useradd-high-uid-without-l: `useradd` with a high UID and without `-l` writes a huge
// lastlog/faillog into the layer.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// UIDs from here on make `/var/log/lastlog` (one 292-byte record per UID up to the highest)
/// at least about 28 MB; hadolint's threshold (more than five digits).
constexpr std::uint64_t kHighUid = 100000;
constexpr std::uint64_t kLastlogRecord = 292;

/// useradd's options that take a value (shadow-utils useradd(8)). The shared table in
/// shell/tools.cc takes `-U` (`--user-group`, a flag) for one and misses `-R` and `-P`.
constexpr std::string_view kShortWithValue = "bcdefgGkKpsuZRP";
constexpr std::string_view kLongWithValue[] = {
    "base-dir", "comment", "home-dir",     "expiredate",   "inactive", "gid",
    "groups",   "skel",    "key",          "password",     "shell",    "uid",
    "root",     "prefix",  "selinux-user", "selinux-range"};

/// The `-u` / `--uid` option: its value and where the option (with its value) is.
struct Uid {
  std::string_view value;
  bool known = true;
  base::Range range;
};

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "useradd") return;
  bool no_log_init = false;
  std::optional<Uid> uid;
  const std::vector<shell::Argument>& argv = cmd.argv;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const shell::Argument& a = argv[i];
    const std::string_view v = a.value;
    if (!a.known || v.size() < 2 || v[0] != '-') continue;
    if (v == "--") break;
    if (v[1] == '-') {
      const std::size_t eq = v.find('=');
      const std::string_view name = v.substr(2, eq == std::string_view::npos ? eq : eq - 2);
      if (name == "no-log-init") no_log_init = true;
      Uid value{{}, true, a.range};
      if (eq != std::string_view::npos) {
        value.value = v.substr(eq + 1);
      } else if (std::find(std::begin(kLongWithValue), std::end(kLongWithValue), name) !=
                     std::end(kLongWithValue) &&
                 i + 1 < argv.size()) {
        ++i;
        value = {argv[i].value, argv[i].known, {a.range.begin, argv[i].range.end}};
      }
      if (name == "uid") uid = value;
      continue;
    }
    for (std::size_t c = 1; c < v.size(); ++c) {
      if (v[c] == 'l') no_log_init = true;
      if (kShortWithValue.find(v[c]) == std::string_view::npos) continue;
      Uid value{v.substr(c + 1), true, a.range};
      if (c + 1 == v.size() && i + 1 < argv.size()) {
        ++i;
        value = {argv[i].value, argv[i].known, {a.range.begin, argv[i].range.end}};
      }
      if (v[c] == 'u') uid = value;
      break;
    }
  }
  if (no_log_init || !uid || !uid->known || uid->value.empty()) return;
  // UIDs are 32-bit: a larger value makes useradd fail, which the build reports by itself.
  std::uint32_t number = 0;
  const char* end = uid->value.data() + uid->value.size();
  const auto [ptr, ec] = std::from_chars(uid->value.data(), end, number);
  if (ptr != end || ec != std::errc() || number < kHighUid) return;
  const std::uint64_t mb = std::uint64_t{number} * kLastlogRecord / (1024 * 1024);
  std::optional<base::Fix> fix;
  if (ctx.run().script().interpreter == shell::Interpreter::kPosix) {
    const std::uint32_t at = cmd.command.range.end;
    fix = base::Fix{"Add `-l` (`--no-log-init`)", base::Applicability::kSafe, {{{at, at}, " -l"}}};
  }
  ctx.Report(uid->range,
             fmt::format("`useradd` with the high UID `{}` and no `-l` writes a {} MB "
                         "`/var/log/lastlog` into the layer",
                         uid->value, mb),
             std::move(fix));
}

}  // namespace

extern const Rule kDL3046 = {
    .code = "DL3046",
    .name = "useradd-high-uid-without-l",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "shell",
    .fixable = Fixable::kSometimes,
    .summary = "`useradd` without flag `-l` and high UID will result in excessively large Image",
    .doc = R"md(## What it does
Flags `useradd -u UID` (`--uid UID`) with a UID of 100000 or more and without `-l`
(`--no-log-init`).

## Why is this bad?
`useradd` writes the new user's record into `/var/log/lastlog` (292 bytes per UID, at the
offset of the UID) and `/var/log/faillog`. On disk the files are sparse, but image layers store
them in full: UID 100000 adds about 28 MB to the layer, UID 1000000 about 280 MB, and larger
UIDs can make the build run out of space. `-l` skips these records; a container never needs
them.

## Example
```dockerfile
FROM debian:12
RUN useradd -u 123456 app
```

## Use instead
```dockerfile
FROM debian:12
RUN useradd -l -u 123456 app
```

## Fix safety
The fix inserts `-l` after `useradd`. It is safe: the user is created the same way, and the
lastlog and faillog records it skips are all zeros ("never logged in") either way. There is no
fix for exec-form RUNs.

## Differences from hadolint
hadolint looks only at the value after `-u` and compares its length (more than five
characters), so `-u $APP_UID` is flagged whatever the value and `--uid 123456` is not.
shipshape reads `-u`, `-u123456`, `--uid 123456` and `--uid=123456`, resolves the value from
ARG and ENV (an unknown value is not judged), and compares numbers. It sees `useradd` behind
`sudo` and `sh -c`, points at the UID option instead of the RUN's first line, and comes with a
fix.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
