// SP502 signature-check-disabled: a package manager told to install packages whose signature it
// cannot check.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Whether any argument turns `repo_gpgcheck` on (a repo file's lines may be separate
/// arguments).
bool RepoChecked(const shell::Command& cmd) {
  for (const shell::Argument& a : cmd.argv) {
    if (base::ToLower(a.value).find("repo_gpgcheck=1") != std::string::npos) return true;
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  const std::string_view name = cmd.name;
  std::optional<std::string> why;
  base::Range where = cmd.command.range;
  auto option = [&](std::initializer_list<std::string_view> names) -> const shell::Option* {
    const shell::Option* o = cmd.FindOption(names);
    if (o) where = o->range;
    return o;
  };
  // apt's options matter where it downloads packages (not for `purge` or `remove`).
  const bool apt_downloads =
      cmd.IsSubcommand({"install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep",
                        "source", "download", "update", "reinstall"});
  if ((name == "apt-get" || name == "apt" || name == "aptitude") && apt_downloads) {
    if (const shell::Option* o =
            option({"allow-unauthenticated", "force-yes", "allow-insecure-repositories",
                    "allow-downgrades-unauthenticated"})) {
      why = fmt::format("`{} --{}` installs packages whose signature is not checked", name,
                        o->name);
    } else if (const shell::Option* o2 = cmd.FindOption({"o", "option"})) {
      const std::string value = base::ToLower(o2->value.value_or(""));
      if ((value.find("allowunauthenticated") != std::string::npos ||
           value.find("allowinsecurerepositories") != std::string::npos ||
           value.find("allow-insecure") != std::string::npos) &&
          value.find("=false") == std::string::npos && value.find("=0") == std::string::npos) {
        where = o2->range;
        why = fmt::format("`{} -o {}` installs packages whose signature is not checked", name,
                          *o2->value);
      }
    }
  } else if (name == "apk" && option({"allow-untrusted"})) {
    why = "`apk --allow-untrusted` installs packages whose signature is not checked";
  } else if (name == "rpm" && option({"nosignature", "nodigest", "noverify"})) {
    why = fmt::format("`rpm --{}` installs packages whose signature is not checked",
                      cmd.FindOption({"nosignature", "nodigest", "noverify"})->name);
  } else if ((name == "yum" || name == "dnf" || name == "microdnf" || name == "tdnf") &&
             option({"nogpgcheck"})) {
    why = fmt::format("`{} --nogpgcheck` installs packages whose signature is not checked", name);
  } else if (name == "zypper" && option({"no-gpg-checks", "gpg-auto-import-keys"})) {
    why = "`zypper` told to skip or blindly accept signing keys installs unchecked packages";
  } else if (name == "pip" || name == "pip3") {
    // Nothing to flag: pip has no signature check to switch off (hashes: SP5 pinning rules).
  }
  if (!why) {
    // A repository written with its checks off: `deb [trusted=yes] ...` or `gpgcheck=0`.
    for (const shell::Argument& a : cmd.argv) {
      // Every setting below has an `=` (which nothing lower-cases to).
      if (a.value.find('=') == std::string::npos) continue;
      const std::string v = base::ToLower(a.value);
      // A local repository (`file:`, `copy:`), built from packages made in the same build,
      // has nothing to verify against.
      const bool local = v.find(" file:") != std::string::npos ||
                         v.find(" copy:") != std::string::npos;
      if (!local && (v.find("trusted=yes") != std::string::npos ||
                     v.find("allow-insecure=yes") != std::string::npos)) {
        where = a.range;
        why = "an apt source marked `trusted=yes` installs packages whose signature is not "
              "checked";
        break;
      }
      // `gpgcheck=0` with `repo_gpgcheck=1` still verifies packages through the signed
      // metadata's checksums (packagecloud's setup).
      bool unchecked = false;
      for (std::size_t at = v.find("gpgcheck=0"); at != std::string::npos;
           at = v.find("gpgcheck=0", at + 1)) {
        if (at < 5 || v.compare(at - 5, 5, "repo_") != 0) unchecked = true;
      }
      if (unchecked && !RepoChecked(cmd)) {
        where = a.range;
        why = "a repository with `gpgcheck=0` installs packages whose signature is not checked";
        break;
      }
    }
  }
  if (why) {
    ctx.Report(where, fmt::format("{}; import the repository's signing key instead", *why));
  }
}

}  // namespace

extern const Rule kSP502 = {
    .code = "SP502",
    .name = "signature-check-disabled",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "supply-chain",
    .summary = "Do not switch package signature checks off",
    .doc = R"md(## What it does
Flags package installs told not to check package signatures: `apt-get --allow-unauthenticated`,
`--force-yes`, `--allow-insecure-repositories` or `-o APT::Get::AllowUnauthenticated=true`,
`apk add --allow-untrusted`, `rpm --nosignature`, `yum`/`dnf`/`microdnf --nogpgcheck`, `zypper
--no-gpg-checks`, and repositories written with their checks off (`deb [trusted=yes] ...`,
`gpgcheck=0`) by `echo`, `printf`, `tee` or `sed` in a RUN. Not flagged: apt's options on
commands that download nothing (`apt-get purge --force-yes`), `trusted=yes` on a local
`file:` or `copy:` repository (packages built earlier in the same build), and `gpgcheck=0`
together with `repo_gpgcheck=1` (the signed metadata carries each package's checksum).

## Why is this bad?
The signature is what proves a package comes from the distribution or vendor and was not
changed on a mirror or in transit. Without it, whoever controls the mirror or the network path
decides what runs in the image.

## Example
```dockerfile
FROM debian:12
RUN echo "deb [trusted=yes] http://repo.example.com/debian stable main" \
      > /etc/apt/sources.list.d/example.list \
    && apt-get update \
    && apt-get install -y --no-install-recommends --allow-unauthenticated example-tool
```

## Use instead
```dockerfile
FROM debian:12
COPY example-archive-keyring.gpg /usr/share/keyrings/
RUN echo "deb [signed-by=/usr/share/keyrings/example-archive-keyring.gpg] https://repo.example.com/debian stable main" \
      > /etc/apt/sources.list.d/example.list \
    && apt-get update \
    && apt-get install -y --no-install-recommends example-tool
```

## Fix safety
There is no fix: the install fails once the check is on until the repository's key is in the
image.

## Differences from hadolint
hadolint has no such rule. Checkov (CKV2_DOCKER_5 to CKV2_DOCKER_9) matches some of these flags
in the RUN text; shipshape reads the commands and options, through `sudo`, `sh -c` and option
clusters, and names the offending option.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
