// DL3010 copy-then-extract-archive: a tar archive COPY'd into the image and then extracted by a
// RUN of the same stage, where `ADD` would have extracted it in one step.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "rules/rule.h"
#include "rules/stages/stage_util.h"

namespace shipshape::rules {
namespace {

/// A tar archive a COPY put in the image.
struct Archive {
  std::string name;  // basename
  base::Range range;
  std::uint32_t extracted_on = 0;  // line of the first RUN extracting it
  std::string extractor;
};

/// Names ADD unpacks: tar, plain or compressed with gzip, bzip2 or xz (Docker detects those by
/// content; these are the names they go by). A plain `.gz` or `.zip` is copied as is.
bool IsTarName(std::string_view name) {
  static constexpr std::string_view kSuffixes[] = {
      ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tb2", ".tar.xz", ".txz"};
  for (std::string_view s : kSuffixes) {
    if (name.size() > s.size() && name.ends_with(s)) return true;
  }
  return false;
}

/// The tar archive a COPY argument names (its basename), if the Dockerfile fixes it.
std::optional<std::string> ArchiveOf(const model::Model& model, std::size_t index,
                                     const syntax::Word& word) {
  // Most COPY arguments are plain paths: no expansion (nor allocation) needed for them.
  if (word.value.find('$') == std::string_view::npos) {
    const std::string_view name = Basename(DropQuotes(word.value));
    if (!IsTarName(name)) return std::nullopt;
    return std::string(name);
  }
  const model::Resolved r = model.Resolve(index, word.value);
  if (!r.error.empty()) return std::nullopt;
  std::string_view name;
  if (r.known) {
    name = Basename(r.value);
  } else {
    // `$DIR/app.tar.gz`: the name is written out.
    const std::string_view tail = LiteralTail(word.value);
    if (tail.find_first_of("/\\") == std::string_view::npos) return std::nullopt;
    name = Basename(DropQuotes(tail));
  }
  if (!IsTarName(name)) return std::nullopt;
  return std::string(name);
}

/// The archives `cmd` extracts, as basenames; empty when it does not extract, or does something
/// ADD cannot (pick members, strip leading directories, rename, write to stdout).
std::vector<std::string_view> Extracted(const shell::Command& cmd) {
  std::vector<std::string_view> names;
  if (cmd.name == "tar") {
    if (cmd.HasOption({"strip-components", "transform", "xform", "O", "to-stdout", "to-command",
                       "wildcards"})) {
      return names;
    }
    std::size_t first = 0;
    bool extract = cmd.HasOption({"x", "extract", "get"});
    // Old-style `tar xzf app.tar.gz`: the first word bundles the options.
    if (!extract && !cmd.argv.empty() && cmd.argv[0].known && !cmd.args.empty() &&
        cmd.args[0].range == cmd.argv[0].range) {
      const std::string& bundle = cmd.args[0].value;
      extract = bundle.find('x') != std::string::npos &&
                std::all_of(bundle.begin(), bundle.end(), [](char c) {
                  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                });
      first = 1;
    }
    if (!extract) return names;
    for (const shell::Option& o : cmd.options) {
      if ((o.name == "f" || o.name == "file") && o.value) names.push_back(Basename(*o.value));
    }
    for (std::size_t i = first; i < cmd.args.size(); ++i) {
      names.push_back(Basename(cmd.args[i].value));
    }
    // With `-f archive`, other words are members to pick: ADD always unpacks everything.
    if (names.size() > 1) names.clear();
    return names;
  }
  static constexpr std::string_view kExtractors[] = {
      "unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz", "zcat", "uncompress", "gzcat"};
  for (std::string_view e : kExtractors) {
    if (cmd.name != e) continue;
    for (const shell::Argument& a : cmd.args) names.push_back(Basename(a.value));
  }
  return names;
}

bool HasFromFlag(const syntax::Instruction& inst) {
  for (const syntax::Flag& f : inst.flags) {
    if (f.Name() == "from") return true;
  }
  return false;
}

bool IsHeredocWord(const syntax::Instruction& inst, const syntax::Word& word) {
  for (const syntax::Heredoc& h : inst.heredocs) {
    if (h.word == word.range) return true;
  }
  return false;
}

void Remember(Context& ctx, std::size_t index, const syntax::Instruction& inst,
              std::vector<Archive>& archives) {
  if (inst.args.size() < 2 || HasFromFlag(inst)) return;
  // As hadolint: an archive destination names the archive; else the archive sources do.
  const syntax::Word& dest = inst.args.back();
  if (std::optional<std::string> name = ArchiveOf(ctx.model(), index, dest)) {
    archives.push_back({std::move(*name), dest.range, 0, {}});
    return;
  }
  for (std::size_t k = 0; k + 1 < inst.args.size(); ++k) {
    const syntax::Word& source = inst.args[k];
    if (IsHeredocWord(inst, source)) continue;
    if (std::optional<std::string> name = ArchiveOf(ctx.model(), index, source)) {
      archives.push_back({std::move(*name), source.range, 0, {}});
    }
  }
}

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  std::vector<Archive> archives;
  for (const auto& [first, end] : model.StageBodies()) {
    archives.clear();
    for (std::size_t i = first; i < end; ++i) {
      const syntax::Instruction& inst = insts[i];
      if (inst.keyword == syntax::Keyword::kCopy) {
        Remember(ctx, i, inst, archives);
        continue;
      }
      if (inst.keyword != syntax::Keyword::kRun || archives.empty()) continue;
      for (const shell::Command& cmd : ctx.Shell(i).commands()) {
        for (std::string_view name : Extracted(cmd)) {
          for (Archive& a : archives) {
            if (a.extracted_on == 0 && a.name == name) {
              a.extracted_on = inst.start_line;
              a.extractor = cmd.name;
            }
          }
        }
      }
    }
    for (const Archive& a : archives) {
      if (a.extracted_on == 0) continue;
      ctx.Report(a.range, fmt::format("`{}` is copied, then extracted by `{}` on line {}; `ADD` "
                                      "extracts a local tar archive in one step",
                                      a.name, a.extractor, a.extracted_on));
    }
  }
}

}  // namespace

extern const Rule kDL3010 = {
    .code = "DL3010",
    .name = "copy-then-extract-archive",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "instructions",
    .fixable = Fixable::kNever,
    .summary = "Use `ADD` for extracting archives into an image",
    .doc = R"md(## What it does
Flags a tar archive that a `COPY` puts into the image and a later `RUN` of the same stage then
extracts (`tar -x`, `tar xzf`, `gunzip`, `zcat`, ...).

## Why is this bad?
`ADD` unpacks a local tar archive (plain, gzip, bzip2 or xz) into the destination directory by
itself. Copying the archive first and extracting it in a `RUN` adds a layer that still holds the
archive, unless a later step deletes it in the same `RUN`, and needs `tar` in the image.

## Example
```dockerfile
FROM debian:12
COPY app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
```

## Use instead
```dockerfile
FROM debian:12
ADD app.tar.gz /opt/
```

## Fix safety
There is no fix: the `RUN` has to change along with the `COPY`.

## Differences from hadolint
- Every stage is checked; hadolint reports only the last stage, because it drops its findings
  at each `FROM`.
- Only names of archives `ADD` unpacks count: `.tar`, `.tar.gz`, `.tgz`, `.tar.bz2`, `.tbz2`,
  `.tbz`, `.tb2`, `.tar.xz` and `.txz`. hadolint also takes `.gz`, `.bz2`, `.xz`, `.Z`, `.lz`
  and `.lzma` files, which `ADD` copies without unpacking.
- An extraction `ADD` cannot do is not flagged: `tar` with `--strip-components`,
  `--transform`, `--wildcards`, `-O`, or with members named after the archive.
- Old-style `tar xzf app.tar.gz` (no dash) counts; hadolint only sees `-x` and `--extract`,
  and it takes any word that starts with `-` and contains an `x` (`--exclude`) for `-x`.
- Variables in the `COPY` and in the `RUN` are expanded with the ARG and ENV values in force,
  commands are seen through `sudo` and `sh -c`, and the finding points at the archive in the
  `COPY`.
)md",
    .onbuild = false,
    .on_file = Check,
};

}  // namespace shipshape::rules
