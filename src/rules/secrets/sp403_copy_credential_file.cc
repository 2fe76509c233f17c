// SP403 copy-credential-file: COPY or ADD of a file that holds credentials (SSH keys, .npmrc,
// .env, *.pem, ...).
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "base/utf8.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// What kind of credential file `path`'s base name says it is, or "" for none.
std::string_view CredentialKind(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const std::size_t slash = path.rfind('/');
  const std::string base = base::AsciiLower(slash == std::string_view::npos ? path
                                                                            : path.substr(slash + 1));
  for (std::string_view key : {"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"}) {
    if (base == key) return "a private SSH key";
  }
  if (base == ".npmrc" || base == ".pypirc" || base == ".netrc" || base == ".git-credentials" ||
      base == ".dockercfg" || base == ".pgpass" || base == ".htpasswd" || base == ".vault-token") {
    return "a credentials file";
  }
  if (base == "credentials" || base == "credentials.json" || base == "service-account.json" ||
      base == "kubeconfig" || base == "terraform.tfvars") {
    return "a credentials file";
  }
  if (base == ".env" || (base.starts_with(".env.") && !base.ends_with(".example") &&
                         !base.ends_with(".sample") && !base.ends_with(".template") &&
                         !base.ends_with(".dist") && !base.ends_with(".defaults"))) {
    return "an environment file (`.env`), which usually holds secrets";
  }
  auto has = [&](std::initializer_list<std::string_view> parts) {
    for (std::string_view p : parts) {
      if (base.find(p) != std::string::npos) return true;
    }
    return false;
  };
  // Keystores hold private keys. A `.pem` is a private key only when its name says so
  // (`server-key.pem`, `privkey.pem`), not a certificate or DH parameters. A `.key` is often a
  // public signing key for a package repository (`postgresql.gpg.key`, `jenkins.io.key`).
  for (std::string_view ext : {".p12", ".pfx", ".jks", ".keystore"}) {
    if (base.size() > ext.size() && base.ends_with(ext)) return "a keystore with private keys";
  }
  if (base.ends_with(".pem") && has({"key", "priv"}) && !has({"pub"})) return "a private key";
  if (base.ends_with(".key") && !has({"pub", "gpg", "pgp", "asc", "repo", "release", "sign",
                                      "archive", "keyring", "apt", "yum", "rpm", "jenkins",
                                      "cert", "ca.", "-ca", "_ca"})) {
    return "a private key";
  }
  return "";
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if ((inst.keyword != syntax::Keyword::kCopy && inst.keyword != syntax::Keyword::kAdd) ||
      inst.args.size() < 2 || !inst.heredocs.empty()) {
    return;
  }
  for (std::size_t i = 0; i + 1 < inst.args.size(); ++i) {
    const syntax::Word& src = inst.args[i];
    if (src.value.find("://") != std::string_view::npos) continue;
    const std::string_view kind = CredentialKind(src.value);
    if (kind.empty()) continue;
    // Copied to where public keys go: the name misled.
    const std::string dest = base::AsciiLower(inst.args.back().value);
    if (dest.ends_with(".pub") || dest.find("keyring") != std::string::npos ||
        dest.find("trusted.gpg") != std::string::npos || dest.find("rpm-gpg") != std::string::npos) {
      continue;
    }
    ctx.Report(src.range,
               fmt::format("`{}` is {}: copied into a layer, it stays in the image even if a "
                           "later RUN deletes it; mount it where it is needed with "
                           "`RUN --mount=type=secret,id=NAME,target=PATH`",
                           src.value, kind));
  }
}

}  // namespace

extern const Rule kSP403 = {
    .code = "SP403",
    .name = "copy-credential-file",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "secrets",
    .summary = "Do not COPY or ADD credential files into the image",
    .doc = R"md(## What it does
Flags `COPY` and `ADD` of files whose name says they hold credentials: private SSH keys
(`id_rsa`, `id_ed25519`, ...), `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `.pgpass`,
`.htpasswd`, `.dockercfg`, `credentials(.json)`, `kubeconfig`, `terraform.tfvars`, `.env` and
`.env.*` (but not `.env.example`, `.sample`, `.template`, `.dist`, `.defaults`), keystores
(`*.p12`, `*.pfx`, `*.jks`, `*.keystore`), `*.pem` files named as keys (`server-key.pem`,
`privkey.pem`), and `*.key` files unless the name or destination says it is a public or
package-signing key (`postgresql.gpg.key`, `repomd.xml.key`, copied to `*.pub` or a keyring).

## Why is this bad?
A file copied into a layer is in the image for good: a later `RUN rm` only hides it in a newer
layer, and anyone who pulls the image can extract it. Secret mounts give a RUN the file while it
runs and leave nothing behind.

## Example
```dockerfile
FROM node:22-slim
COPY .npmrc /root/.npmrc
RUN npm ci && rm /root/.npmrc
```

## Use instead
```dockerfile
# syntax=docker/dockerfile:1
FROM node:22-slim
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
```

## Fix safety
There is no fix: the build has to be given the file as a secret (`docker build --secret
id=npmrc,src=$HOME/.npmrc`).

## Differences from hadolint
hadolint has no such rule. dockle (CIS-DI-0010) and Trivy find such files in a built image;
shipshape flags the instruction that puts them there.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
