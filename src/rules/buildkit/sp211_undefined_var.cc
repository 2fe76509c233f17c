// SP211 undefined-var: a variable used where BuildKit expands it, declared nowhere in the stage
// (BuildKit's UndefinedVar).
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/suggest.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

/// Whether the environment of a stage's base image is known: scratch, or an image whose only
/// variable is PATH (Docker Hub's alpine, busybox, debian, ubuntu). Other images may set any
/// variable (`golang` sets GOPATH), so only likely typos are reported for them.
bool KnownEnvironment(const model::Model& model, const model::Stage& stage) {
  const model::Stage* root = &stage;
  for (std::size_t guard = 0; root->base_kind == model::BaseKind::kStage && root->base_stage &&
                              guard < model.stages().size();
       ++guard) {
    root = &model.stages()[*root->base_stage];
  }
  if (root->base_kind == model::BaseKind::kScratch) return true;
  if (root->base_kind != model::BaseKind::kImage || root->image.domain != "docker.io") return false;
  const std::string_view path = root->image.path;
  return path == "library/alpine" || path == "library/busybox" || path == "library/debian" ||
         path == "library/ubuntu";
}

class Checker {
 public:
  Checker(Context& ctx, std::size_t index, bool known_env)
      : ctx_(ctx), index_(index), known_env_(known_env) {
    for (const model::Variable& v : ctx.model().ScopeAt(index).variables()) {
      names_.push_back(v.name);
    }
  }

  void Word(std::string_view text, base::Range range) {
    if (text.find('$') == std::string_view::npos) return;
    const model::Resolved r = ctx_.model().Resolve(index_, text);
    if (!r.error.empty()) return;  // BuildKit fails on it (`${x:bad}`), another finding's job
    for (const std::string& name : r.undeclared) {
      if (name.starts_with("BUILDKIT_SBOM_SCAN_")) continue;
      const std::optional<std::string> close = base::Suggest(name, names_, true);
      // On an unknown image, only a near miss (one edit) of a variable the Dockerfile declares
      // (not PATH, which `GOPATH`-like image variables resemble).
      if (!known_env_ &&
          (!close || *close == "PATH" || base::LevenshteinDistance(name, *close) > 1)) {
        continue;
      }
      ctx_.Report(range, close ? fmt::format("Usage of undefined variable `${}` (did you mean "
                                             "`${}`?)",
                                             name, *close)
                               : fmt::format("Usage of undefined variable `${}`", name));
    }
  }

 private:
  Context& ctx_;
  std::size_t index_;
  bool known_env_;
  std::vector<std::string> names_;
};

void Check(Context& ctx) {
  const model::Model& model = ctx.model();
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  for (const model::Stage& stage : model.stages()) {
    const bool known_env = KnownEnvironment(model, stage);
    for (std::size_t i = stage.begin + 1; i < stage.end; ++i) {
      const syntax::Instruction& inst = insts[i];
      Checker check(ctx, i, known_env);
      switch (inst.keyword) {
        case syntax::Keyword::kArg:
          for (const syntax::Word& w : inst.args) {
            const std::size_t eq = w.value.find('=');
            if (eq != std::string_view::npos) check.Word(w.value.substr(eq + 1), w.range);
          }
          break;
        case syntax::Keyword::kEnv:
        case syntax::Keyword::kLabel:
          for (const syntax::KeyValue& kv : inst.pairs) {
            check.Word(kv.key.value, kv.key.range);
            check.Word(kv.value.value, kv.value.range);
          }
          break;
        case syntax::Keyword::kAdd:
        case syntax::Keyword::kCopy:
          if (!inst.heredocs.empty()) break;
          for (const syntax::Flag& f : inst.flags) {
            const std::string_view name = f.Name();
            if ((name == "chown" || name == "chmod" || name == "checksum") && f.Value()) {
              check.Word(*f.Value(), f.range);
            }
          }
          [[fallthrough]];
        case syntax::Keyword::kWorkdir:
        case syntax::Keyword::kUser:
        case syntax::Keyword::kVolume:
        case syntax::Keyword::kStopsignal:
          for (const syntax::Word& w : inst.args) check.Word(w.value, w.range);
          break;
        case syntax::Keyword::kRun:
          for (const syntax::Flag& f : inst.flags) {
            if (f.Name() == "mount" && f.Value()) check.Word(*f.Value(), f.range);
          }
          break;
        default:
          break;
      }
    }
  }
}

}  // namespace

extern const Rule kSP211 = {
    .code = "SP211",
    .name = "undefined-var",
    .buildkit_name = "UndefinedVar",
    .severity = base::Severity::kWarning,
    .default_enabled = true,
    .category = "buildkit",
    .summary = "Variables used in instructions must be declared",
    .doc = R"md(## What it does
Flags a variable used where BuildKit expands it (ARG defaults, ENV and LABEL keys and values,
ADD/COPY sources, destination and `--chown`/`--chmod`/`--checksum`, WORKDIR, USER, VOLUME,
STOPSIGNAL, RUN `--mount` values) that no ARG or ENV of the stage (or the stages it is built
`FROM`) declares. A name close to a declared one is suggested (`$DIR_ASSET`, did you mean
`$DIR_ASSETS`?). RUN, CMD and ENTRYPOINT command text is the shell's business and not checked.

BuildKit knows the base image's environment; shipshape does not fetch images, so it reports
every undeclared variable only on `scratch` and on Docker Hub's `alpine`, `busybox`, `debian`
and `ubuntu` (whose only variable is `PATH`). On other base images, which may set any
variable (`golang` sets `GOPATH`), it reports only names close to one the Dockerfile declares
(one edit away, other than `PATH`): likely typos.
Words BuildKit cannot expand at all (`${x:bad}`) are left alone.

## Why is this bad?
An undeclared variable expands to the empty string without error: `COPY $DIR_ASSET .` copies
the whole context, `WORKDIR /opt/$APP` is `/opt/`. Usually it is a typo, or an ARG declared
only before `FROM` (global ARGs are not visible in a stage unless declared again).

## Example
```dockerfile
FROM alpine:3.20
ARG DIR_ASSETS=assets/
COPY $DIR_ASSET /srv/
```

## Use instead
```dockerfile
FROM alpine:3.20
ARG DIR_ASSETS=assets/
COPY $DIR_ASSETS /srv/
```

## Fix safety
There is no fix: the right name is a guess.

## Differences from hadolint
hadolint has no such rule; this is Docker's `UndefinedVar` build check. Unlike BuildKit,
shipshape does not know the base image's variables (see above).
)md",
    .on_file = Check,
};

}  // namespace shipshape::rules
