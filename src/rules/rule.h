// What a rule is (metadata, doc, hooks) and what its checks see (the Context). One file per
// rule under src/rules/<category>/ defines one `Rule`; registry.cc lists them all.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "context/build_context.h"
#include "model/model.h"
#include "shell/commands.h"
#include "suppress/pragma.h"
#include "syntax/ast.h"

namespace shipshape::rules {

/// Named rule sets beyond the default one (`--select hardened`). A preset always includes the
/// default set, so `--select hardened` means "the defaults and the guide's advice".
enum Preset : std::uint8_t {
  kNoPreset = 0,
  /// The guide's advice: rules whose findings are worth reading but are often a deliberate
  /// choice (digest pins, slim bases, lockfiles, pip hashes, health checks on every image).
  kHardened = 1 << 0,
};

/// Whether a rule's findings come with a fix.
enum class Fixable : std::uint8_t { kNever, kSometimes, kAlways };

/// A label the label schema requires (`--require-label name:type`).
struct LabelRequirement {
  std::string name;
  /// text, url, semver, hash, rfc3339, spdx or email.
  std::string type = "text";
};

/// Settings rules read (the config issue fills them from files too).
struct Options {
  /// DL3026: registries images may come from (`*`, `*.example.com`, `prefix*`, exact).
  std::vector<std::string> trusted_registries;
  /// DL3049-DL3058: the labels every image must carry.
  std::vector<LabelRequirement> label_schema;
  /// DL3050: labels outside the schema are findings.
  bool strict_labels = false;
  /// The stage a build targets (empty: the last stage).
  std::string target;
  /// SP3xx: the build context (`--context`, by default the Dockerfile's folder); null when
  /// unknown, and the context rules stay silent.
  std::shared_ptr<const context::BuildContext> context;
};

class Context;

/// Called for each instruction (and, for rules that set `onbuild`, each ONBUILD trigger).
using InstructionHook = void (*)(Context& ctx, const syntax::Instruction& inst);
/// Called for each command of each RUN (and ONBUILD RUN when `onbuild`).
using CommandHook = void (*)(Context& ctx, const shell::Command& cmd);
/// Called once per file, after the other hooks; for rules that need the whole file.
using FileHook = void (*)(Context& ctx);
/// Called once per file after the suppression pass, with the file's ignore pragmas and which
/// of their codes suppressed something; for rules that judge the pragmas (SP101, SP102). What
/// these rules report goes through the suppression pass too.
using PragmaHook = void (*)(Context& ctx, std::span<const suppress::Pragma> pragmas);

class ImageContext;
/// Called once per image by `shipshape image` (rules of the `image` category,
/// src/rules/image/image_context.h).
using ImageHook = void (*)(ImageContext& ctx);

/// A rule: everything about it in one place.
struct Rule {
  /// `DL3008` (hadolint's code when it has one) or `SP` + 3 digits.
  std::string_view code;
  /// Kebab-case name of the pattern flagged (`apt-get-unpinned-package`).
  std::string_view name;
  /// The name of the BuildKit build check this rule answers to (`MaintainerDeprecated`), or
  /// empty. Accepted wherever a code is; several rules may share one (BuildKit's
  /// MultipleInstructionsDisallowed covers CMD, ENTRYPOINT and HEALTHCHECK).
  std::string_view buildkit_name = {};
  base::Severity severity = base::Severity::kWarning;
  /// False for rules that are off unless selected or given a severity (DL1001, SP208).
  bool default_enabled = true;
  /// On by default here but off in hadolint (DL3057): a project configured by a hadolint
  /// config file keeps hadolint's default set (lint::Selection::hadolint_defaults).
  bool off_in_hadolint = false;
  /// The presets that add this rule to the default set (kHardened for advisory rules that are
  /// off by default).
  std::uint8_t presets = kNoPreset;
  /// The severity the rule reports at while it runs only as part of the default set (no
  /// selector, preset or severity override names it); unset: `severity`. DL3057 is advice on
  /// services there (style), and a finding at `info` once asked for.
  std::optional<base::Severity> default_set_severity = {};
  /// `base-image`, `instructions`, `shell`, `packages`, `labels`, `stages`, `pragmas`,
  /// `context`.
  std::string_view category;
  Fixable fixable = Fixable::kNever;
  /// One line: what the rule checks.
  std::string_view summary;
  /// Markdown with the sections `## What it does`, `## Why is this bad?`, `## Example`,
  /// `## Use instead`, `## Fix safety`, `## Differences from hadolint`.
  std::string_view doc;
  /// The hooks also see instructions inside ONBUILD.
  bool onbuild = false;
  /// The hooks also see instructions BuildKit rejects (with a syntax error). Other rules skip
  /// them: such an instruction has no meaning to judge, and its error already says what to fix.
  bool sees_invalid = false;
  InstructionHook on_instruction = nullptr;
  CommandHook on_command = nullptr;
  FileHook on_file = nullptr;
  PragmaHook on_pragmas = nullptr;
  ImageHook on_image = nullptr;
};

/// What a check sees: the file, its model, the shell analyses, the options; and where it
/// reports.
class Context {
 public:
  Context(const syntax::Dockerfile& df, const model::Model& model, const Options& options,
          std::vector<base::Diagnostic>& out);

  const syntax::Dockerfile& dockerfile() const { return df_; }
  const model::Model& model() const { return model_; }
  const Options& options() const { return options_; }

  /// The instruction being visited: its index in dockerfile().instructions (for an ONBUILD
  /// trigger, the ONBUILD's index).
  std::size_t index() const { return index_; }
  /// Whether the instruction visited is an ONBUILD trigger.
  bool in_onbuild() const { return in_onbuild_; }
  /// The stage of the instruction visited (nullopt before the first FROM).
  std::optional<std::size_t> stage() const { return model_.StageOf(index_); }
  /// The shell analysis of the RUN being visited by a command hook.
  const shell::Analysis& run() const { return *run_; }

  /// Whether the current rule was selected by its BuildKit name (`--select JSONArgsRecommended`,
  /// never by its code): it then reports exactly what BuildKit's check reports, where by its
  /// code it reads the Dockerfile as hadolint does (DL3000, DL3025, DL3029, DL3064 differ).
  bool as_buildkit_check() const {
    return std::find(buildkit_checks_.begin(), buildkit_checks_.end(), rule_) !=
           buildkit_checks_.end();
  }

  /// Whether the current rule was asked for (a selector other than `recommended`, a preset or a
  /// severity override names it), rather than running only as part of the default set. Rules
  /// whose default reading is narrower (DL3057: services only) read the full one then.
  bool explicitly_selected() const {
    return std::find(explicit_.begin(), explicit_.end(), rule_) != explicit_.end();
  }

  /// The shell analysis of instruction `index` (a RUN, or an ONBUILD RUN), computed once.
  const shell::Analysis& Shell(std::size_t index);

  /// Reports a finding of the current rule.
  void Report(base::Range range, std::string message, std::optional<base::Fix> fix = {});

  /// The source text of `range`.
  std::string_view Text(base::Range range) const { return base::Slice(df_.text(), range); }

  // The engine sets these while it visits.
  void SetRule(const Rule* rule) { rule_ = rule; }
  void SetPosition(std::size_t index, bool in_onbuild) {
    index_ = index;
    in_onbuild_ = in_onbuild;
  }
  void SetRun(const shell::Analysis* run) { run_ = run; }
  void SetBuildKitCheck(const Rule* rule) { buildkit_checks_.push_back(rule); }
  void SetExplicit(const Rule* rule) { explicit_.push_back(rule); }

 private:
  const syntax::Dockerfile& df_;
  const model::Model& model_;
  const Options& options_;
  std::vector<base::Diagnostic>& out_;
  std::map<std::size_t, shell::Analysis> shells_;
  const Rule* rule_ = nullptr;
  std::size_t index_ = 0;
  bool in_onbuild_ = false;
  const shell::Analysis* run_ = nullptr;
  std::vector<const Rule*> buildkit_checks_;
  std::vector<const Rule*> explicit_;
};

/// Whether `inst` (or its ONBUILD trigger) is a RUN.
inline bool IsRun(const syntax::Instruction& inst) {
  return inst.keyword == syntax::Keyword::kRun ||
         (inst.trigger && inst.trigger->keyword == syntax::Keyword::kRun);
}

}  // namespace shipshape::rules
