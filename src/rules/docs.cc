#include "rules/docs.h"

#include <fmt/format.h>

#include "rules/registry.h"

namespace shipshape::rules {
namespace {

std::string_view FixableName(Fixable f) {
  switch (f) {
    case Fixable::kNever: return "no";
    case Fixable::kSometimes: return "sometimes";
    case Fixable::kAlways: return "yes";
  }
  return "no";
}

/// The doc text between `## <section>` and the next `## `.
std::string_view Section(std::string_view doc, std::string_view section) {
  const std::string header = "## " + std::string(section) + "\n";
  std::size_t at = doc.find(header);
  if (at == std::string_view::npos) return {};
  at += header.size();
  const std::size_t next = doc.find("\n## ", at);
  return doc.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at);
}

}  // namespace

std::vector<std::string> DocSectionTitles(const Rule& rule) {
  std::vector<std::string> titles;
  std::string_view doc = rule.doc;
  std::size_t pos = 0;
  while (pos < doc.size()) {
    const std::size_t nl = doc.find('\n', pos);
    const std::string_view line =
        doc.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (line.substr(0, 3) == "## ") titles.emplace_back(line.substr(3));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return titles;
}

std::vector<std::string> DocBlocks(const Rule& rule, std::string_view section) {
  std::vector<std::string> blocks;
  std::string_view text = Section(rule.doc, section);
  for (;;) {
    const std::size_t open = text.find("```dockerfile\n");
    if (open == std::string_view::npos) break;
    const std::size_t body = open + 14;
    const std::size_t close = text.find("```", body);
    if (close == std::string_view::npos) break;
    blocks.emplace_back(text.substr(body, close - body));
    text.remove_prefix(close + 3);
  }
  return blocks;
}

/// "yes", "no", or "no (`hardened` preset)".
std::string EnabledByDefault(const Rule& rule) {
  if (rule.default_enabled) return "yes";
  if (rule.presets & kHardened) return fmt::format("no (`{}` preset)", kHardenedPreset);
  return "no";
}

std::string RulePage(const Rule& rule) {
  std::string out = fmt::format("# {} `{}`\n\n{}\n\n", rule.code, rule.name, rule.summary);
  out += fmt::format(
      "| Severity | Category | Enabled by default | Fix | Also checks ONBUILD |\n"
      "|---|---|---|---|---|\n"
      "| {} | {} | {} | {} | {} |\n\n",
      base::SeverityName(rule.severity), rule.category, EnabledByDefault(rule),
      FixableName(rule.fixable), rule.onbuild ? "yes" : "no");
  if (rule.presets & kHardened) {
    out += fmt::format(
        "Advice rather than a defect in most Dockerfiles, so off by default: `--select {0}` "
        "(or `extend-select: [{0}]` in `.shipshape.yaml`) turns it on with the rest of the "
        "guide's advice, `--extend-select {1}` alone.\n\n",
        kHardenedPreset, rule.code);
  }
  if (rule.default_set_severity) {
    out += fmt::format(
        "In the default set it reports at `{}`, which does not fail the default threshold; "
        "asked for by its code, a preset (`--select {}`) or a severity override, at `{}`.\n\n",
        base::SeverityName(*rule.default_set_severity), kHardenedPreset,
        base::SeverityName(rule.severity));
  }
  if (!rule.buildkit_name.empty()) {
    out += fmt::format(
        "Also answers to Docker's build check name `{0}`, wherever a code is accepted "
        "(`--ignore`, configuration, pragmas, `# check=skip=`). Selected by that name and not "
        "by its code (`--select {0}`), it reports what Docker's check reports.\n\n",
        rule.buildkit_name);
  }
  out += rule.doc;
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

std::string IndexPage() {
  std::string out =
      "# Rules\n\nGenerated from the rules' own metadata (`make docs`); `shipshape rule CODE` "
      "prints the same page.\n\n"
      "DL codes are hadolint's, so its pragmas and configs keep working. shipshape's own rules are\n"
      "`SP` + 3 digits, the hundreds digit a category (`--select SP4` selects one):\n\n"
      "| Codes | Category | About |\n|---|---|---|\n"
      "| SP1xx | meta | suppression pragmas, analysis limits |\n"
      "| SP2xx | buildkit | Docker's build checks hadolint has no rule for |\n"
      "| SP3xx | context | the build context and `.dockerignore` |\n"
      "| SP4xx | secrets | credentials in the Dockerfile, on command lines, in copied files |\n"
      "| SP5xx | supply chain | pinning, checksums, TLS and signature checks |\n"
      "| SP6xx | layers | layers and caches: ownership, permissions, update/install order |\n"
      "| SP7xx | runtime | what the shipped image runs as, exposes and contains |\n\n"
      "BuildKit's check names (`JSONArgsRecommended`, ...) are accepted wherever a code is.\n\n";
  out += PresetsSection();
  out +=
      "\n## Windows or Linux\n\n"
      "Each stage is Windows or Linux, one decision that every rule, the shell model and "
      "ShellCheck share. The first signal that says something decides: the stage's "
      "`--platform`; the stage it is built `FROM`; its base image (Windows: Microsoft's "
      "`mcr.microsoft.com/windows*`, `nanoserver*`, `servercore*` images, `-insider` ones "
      "included, `microsoft/windowsservercore`, `microsoft/nanoserver`, any image with a Windows "
      "tag such as `*-nanoserver-*`, `*windowsservercore*`, `ltsc2022` or `1809`, names ending in "
      "`-windows` or starting with `windows-`; Linux: `scratch`, the distributions, distroless, "
      "Chainguard, UBI and the official language and server images); its shell (a `cmd` or "
      "`powershell` SHELL or `# hadolint shell=` pragma, or a POSIX one); a Windows path "
      "(`C:\\app`) in its `WORKDIR` or `COPY`/`ADD` destinations; and only then the "
      "``# escape=` `` directive (Windows with the backtick, else Linux). So a backtick-escape "
      "file built on `debian` is Linux: its RUNs are POSIX shell, checked by the shell rules and "
      "ShellCheck. A Windows stage without a SHELL runs `cmd /S /C`, which the shell rules and "
      "ShellCheck leave alone; SP701, SP703 and DL3066 skip Windows images.\n"
      "\n## Fragments\n\n"
      "A file BuildKit would not build because it has no stage (a `Dockerfile.tail` appended to "
      "another file, a snippet, instructions before the first `FROM`) gets BuildKit's error once "
      "(`no build stage in current context`, or `dockerfile contains no stages to build` for "
      "ARGs alone), and its instructions are linted as an implicit stage whose base image is "
      "unknown: the rules about instructions and commands report as they would in a stage, "
      "those that need the base image or what ran before (SP211, DL3045) treat it as unknown, "
      "and those that judge the image that ships (SP701, SP704, SP705, DL3002, DL3057, DL3066, "
      "...) say nothing: a fragment is not an image. `parse --dump` still rejects such files as "
      "BuildKit does.\n";
  out += "\n| Code | Name | Severity | Fix | Summary |\n|---|---|---|---|---|\n";
  for (const Rule* r : AllRules()) {
    std::string severity(base::SeverityName(r->severity));
    if (r->default_set_severity) {
      severity = fmt::format("{} ({} by default)", severity,
                             base::SeverityName(*r->default_set_severity));
    }
    if (!r->default_enabled) {
      severity += (r->presets & kHardened) ? fmt::format(" (off; `{}`)", kHardenedPreset)
                                           : std::string(" (off)");
    }
    out += fmt::format("| [{}]({}.md) | `{}` | {} | {} | {} |\n", r->code, r->code, r->name,
                       severity, FixableName(r->fixable), r->summary);
  }
  return out;
}

std::string PresetsSection() {
  std::string advice;
  for (const Rule* r : AllRules()) {
    if (!r->default_enabled && (r->presets & kHardened)) {
      advice += fmt::format("{}[{}]({}.md) ({})", advice.empty() ? "" : ", ", r->code, r->code,
                            r->summary);
    }
  }
  std::string wider;
  for (const Rule* r : AllRules()) {
    if (r->default_set_severity) {
      wider += fmt::format("{}[{}]({}.md)", wider.empty() ? "" : ", ", r->code, r->code);
    }
  }
  return fmt::format(
      "## Rule sets\n\n"
      "The default set is chosen for precision: a rule is on by default when its findings are "
      "real problems nearly always and say what to do, so a Dockerfile that follows the guide "
      "passes. Advice that is often a deliberate choice is opt-in, by preset:\n\n"
      "| Preset | Rules |\n|---|---|\n"
      "| `{0}` | the default set: every rule marked on below, ShellCheck's checks, and DL3057 "
      "(missing `HEALTHCHECK`) on images that look like long-running services, at `style`. Under "
      "a `.hadolint.yaml` it is hadolint's default set (DL3057 off) |\n"
      "| `{1}` | the default set and the guide's advice: {2}; and {3} at full strength "
      "(every shipped image, at `info`) |\n\n"
      "Presets are selectors like codes: `--select {1}` or `extend-select: [{1}]` in "
      "`.shipshape.yaml`; `--select {1} --ignore SP508` leaves one rule out; `ALL` turns on "
      "every rule. hadolint's DL rules keep hadolint's defaults.\n",
      kRecommendedPreset, kHardenedPreset, advice, wider);
}

std::string RulesTable() {
  std::string out;
  std::string advice;
  for (const Rule* r : AllRules()) {
    std::string note;
    if (!r->default_enabled) {
      note = (r->presets & kHardened) ? fmt::format(" (off by default; in `{}`)", kHardenedPreset)
                                      : std::string(" (off by default)");
    } else if (r->default_set_severity) {
      note = fmt::format(" ({} in the default set)", base::SeverityName(*r->default_set_severity));
    }
    if (!r->default_enabled && (r->presets & kHardened)) {
      advice += fmt::format("{}{}", advice.empty() ? "" : ", ", r->code);
    }
    out += fmt::format("{:<7} {:<34} {:<8}{} {}{}\n", r->code, r->name,
                       base::SeverityName(r->severity), r->fixable == Fixable::kNever ? " " : "*",
                       r->summary, note);
  }
  out += fmt::format(
      "\nPresets (selectors like codes: `--select {1}`, `extend-select: [{1}]`):\n"
      "  {0:<12} the default set (rules not marked off)\n"
      "  {1:<12} the default set and the guide's advice: {2}, and DL3057 on every image\n"
      "* marks a rule with a fix. See docs/rules/index.md.\n",
      kRecommendedPreset, kHardenedPreset, advice);
  return out;
}

}  // namespace shipshape::rules
