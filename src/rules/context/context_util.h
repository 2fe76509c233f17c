// What the context rules (SP3xx) share: the sources COPY and ADD take from the build context,
// and the files a whole-context copy should not carry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace shipshape::rules {

/// A COPY or ADD source taken from the build context.
struct ContextSource {
  const syntax::Word* word = nullptr;
  /// The path after ARG/ENV expansion; nullopt when it depends on values the build decides.
  std::optional<std::string> value;
};

/// The build-context sources of `inst` (instruction `index`; COPY or ADD without `--from`;
/// heredocs, URLs and Git sources left out); empty for other instructions.
std::vector<ContextSource> ContextSources(const Context& ctx, std::size_t index,
                                          const syntax::Instruction& inst);

/// A COPY or ADD source that is the whole context.
struct WholeContextCopy {
  const syntax::Instruction* inst = nullptr;
  const syntax::Word* word = nullptr;
  /// `COPY .` as written (keyword and source), for messages.
  std::string shown;
};

/// The first source, in the whole file, that copies the whole context (`.`, `./`, `/`), if any.
std::optional<WholeContextCopy> FirstWholeContextCopy(const Context& ctx);

/// Whether an instruction of the file names `name` (so the build may need it), or, for
/// `.git`, a RUN runs `git`; or another Dockerfile of the context (BuildContext::DockerfileTexts)
/// mentions it.
bool Referenced(const Context& ctx, std::string_view name);

/// Names at the top of the context that a whole-context copy should not carry and that the
/// Dockerfile does not refer to: `.git`, `.env` and `.env.*` files (not `.env.example` and
/// the like), `node_modules`, private keys (`*.pem`, `*.key`, `*.p12`, `*.pfx`, `id_rsa`, ...)
/// and credential files (`.npmrc`, `.pypirc`, `.netrc`, `.aws`, `.ssh`, ...). Only the top
/// folder is listed: no tree walk. Sorted.
std::vector<std::string> SensitiveEntries(const Context& ctx, const context::BuildContext& build);

/// Of SensitiveEntries, those the `.dockerignore` (if any) neither excludes nor takes back on
/// purpose with a `!` exception.
std::vector<std::string> Unexcluded(const Context& ctx, const context::BuildContext& build);

/// "`a`, `b` and 3 more".
std::string NameList(const std::vector<std::string>& names);

}  // namespace shipshape::rules
