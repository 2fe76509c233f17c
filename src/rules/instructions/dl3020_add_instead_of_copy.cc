// DL3020 add-instead-of-copy: ADD of local files and folders, which COPY does more plainly.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

/// What an ADD source is.
enum class Source : std::uint8_t {
  kLocal,    ///< A file or folder of the context (or a heredoc): COPY does the same.
  kSpecial,  ///< A URL, a Git repository or an archive: ADD does more than COPY.
  kUnknown,  ///< Depends on a value only the build knows.
};

bool IsRemote(std::string_view s) {
  for (std::string_view prefix : {"http://", "https://", "git@", "git://", "ssh://"}) {
    if (s.starts_with(prefix)) return true;
  }
  return false;
}

/// Whether COPY surely does what ADD does with this local source: ADD also unpacks a local tar
/// archive whatever its name, so only folders and files named with another extension are sure.
bool SurelyNotArchive(std::string_view source) {
  if (source == "." || source.ends_with('/')) return true;
  const std::string_view name = Basename(source);
  const std::size_t dot = name.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < name.size();
}

bool IsHeredocWord(const syntax::Instruction& inst, const syntax::Word& word) {
  for (const syntax::Heredoc& h : inst.heredocs) {
    if (h.word == word.range) return true;
  }
  return false;
}

void Check(Context& ctx, const syntax::Instruction& inst) {
  if (inst.keyword != syntax::Keyword::kAdd || inst.args.size() < 2) return;
  for (const syntax::Flag& f : inst.flags) {
    // Options only ADD has: the source is remote or the unpacking is chosen explicitly.
    const std::string_view name = f.Name();
    if (name == "checksum" || name == "keep-git-dir" || name == "unpack") return;
  }
  std::vector<const syntax::Word*> local;
  bool special = false;
  bool unknown = false;
  bool sure = true;
  for (std::size_t k = 0; k + 1 < inst.args.size(); ++k) {
    const syntax::Word& word = inst.args[k];
    Source kind = Source::kLocal;
    std::string value;
    if (IsHeredocWord(inst, word)) {
      value = ".";
    } else if (ctx.in_onbuild() && word.value.find('$') != std::string_view::npos) {
      kind = Source::kUnknown;
    } else {
      model::Resolved r = ctx.model().Resolve(ctx.index(), word.value);
      if (!r.known) {
        kind = Source::kUnknown;
      } else {
        value = std::move(r.value);
        if (IsRemote(value) || HasArchiveExtension(value)) kind = Source::kSpecial;
      }
    }
    special = special || kind == Source::kSpecial;
    unknown = unknown || kind == Source::kUnknown;
    if (kind != Source::kLocal) continue;
    local.push_back(&word);
    sure = sure && SurelyNotArchive(value);
  }
  // A source only the build knows may be a URL: then the ADD may be needed.
  if (local.empty() || (unknown && !special)) return;
  if (!special) {
    const bool lower = inst.word.value == "add";
    ctx.Report(inst.word.range, "`ADD` copies only local files and folders here; use `COPY`",
               base::Fix{"Replace `ADD` with `COPY`",
                         sure ? base::Applicability::kSafe : base::Applicability::kUnsafe,
                         {{inst.word.range, lower ? "copy" : "COPY"}}});
    return;
  }
  // Mixed with URLs or archives: the local sources belong in their own COPY.
  for (const syntax::Word* word : local) {
    ctx.Report(word->range, fmt::format("`{}` is a local source; copy it with `COPY` and keep "
                                        "`ADD` for URLs and archives",
                                        word->value));
  }
}

}  // namespace

extern const Rule kDL3020 = {
    .code = "DL3020",
    .name = "add-instead-of-copy",
    .severity = base::Severity::kError,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kSometimes,
    .summary = "Use COPY instead of ADD for files and folders",
    .doc = R"md(## What it does
Flags an `ADD` whose sources are files or folders of the build context: not URLs, not Git
repositories, not archives (names ending in `.tar`, `.gz`, `.tgz`, `.bz2`, `.xz`, ...).

## Why is this bad?
`ADD` does more than copy: it downloads URLs, clones Git repositories and unpacks local tar
archives. Using it for plain files hides which of those the author meant, and a file that
happens to be a tar archive gets unpacked by surprise. `COPY` says exactly what happens.

## Example
```dockerfile
FROM python:3.12
ADD requirements.txt /app/
```

## Use instead
```dockerfile
FROM python:3.12
COPY requirements.txt /app/
```

## Fix safety
The fix replaces `ADD` with `COPY` when every source is local. `ADD` unpacks a local tar archive
whatever its name, so the fix is safe only when each source is a folder (`.`, `dir/`) or a file
named with a non-archive extension (`app.py`); for other names (`src`, `bin/*`) it is unsafe.
When the `ADD` also fetches URLs or archives, each local source is flagged without a fix: it
belongs in a `COPY` of its own.

## Differences from hadolint
- Variables are expanded with the ARG and ENV values in force: `ADD ${URL} /tmp/` with a URL
  default is not flagged (hadolint issue #769), nor is a source whose value only the build
  knows.
- Git sources (`git@host:org/repo.git`, `git://`, `ssh://`) and `ADD`s with `--checksum`,
  `--keep-git-dir` or `--unpack` are not flagged: `COPY` cannot do those.
- `ONBUILD ADD` is checked too.
- All-local `ADD`s are reported at the `ADD` keyword with a fix; in mixed `ADD`s each local
  source is reported.
)md",
    .onbuild = true,
    .on_instruction = Check,
};

}  // namespace shipshape::rules
