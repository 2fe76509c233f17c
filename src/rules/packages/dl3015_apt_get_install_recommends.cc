// DL3015 apt-get-install-recommends: `apt-get install` without `--no-install-recommends`.
#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "rules/packages/pinning.h"
#include "rules/rule.h"

namespace shipshape::rules {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// `-o APT::Install-Recommends=false` (apt's keys ignore case; its false is `false`, `no`,
/// `0`, `off`, `disable` or `without`).
bool RecommendsOff(std::string_view option_value) {
  const std::string v = Lower(option_value);
  const std::size_t eq = v.find('=');
  if (eq == std::string::npos || v.substr(0, eq) != "apt::install-recommends") return false;
  const std::string_view b = std::string_view(v).substr(eq + 1);
  for (std::string_view f : {"false", "no", "0", "off", "disable", "without"}) {
    if (b == f) return true;
  }
  return false;
}

/// Whether `text` sets `APT::Install-Recommends` to false as apt's configuration files write it
/// (`APT::Install-Recommends "false";`, also inside an `echo '...'` or with escaped quotes).
bool ConfigTurnsRecommendsOff(std::string_view text) {
  const std::string lower = Lower(text);
  constexpr std::string_view kKey = "apt::install-recommends";
  for (std::size_t at = lower.find(kKey); at != std::string::npos;
       at = lower.find(kKey, at + 1)) {
    std::size_t i = at + kKey.size();
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '\t' || lower[i] == '"' ||
                                lower[i] == '\'' || lower[i] == '\\')) {
      ++i;
    }
    std::size_t end = i;
    while (end < lower.size() && std::isalnum(static_cast<unsigned char>(lower[end]))) ++end;
    const std::string_view value = std::string_view(lower).substr(i, end - i);
    for (std::string_view f : {"false", "no", "0", "off", "disable", "without"}) {
      if (value == f) return true;
    }
  }
  return false;
}

/// Whether the stage (or a stage it is built FROM, or the implicit stage of a fragment) wrote
/// `APT::Install-Recommends "false"` into apt's configuration before `cmd`: a COPY/ADD
/// here-document into /etc/apt/, or a RUN that writes there (earlier, or earlier in this RUN).
bool ConfiguredOff(Context& ctx, const shell::Command& cmd) {
  if (ctx.in_onbuild()) return false;  // the downstream build's stage is unknown
  const model::Model& model = ctx.model();
  const std::vector<syntax::Instruction>& insts = ctx.dockerfile().instructions;
  const std::string_view text = ctx.dockerfile().text();
  auto writes_config = [&](std::size_t i, std::uint32_t before) {
    const syntax::Instruction& inst = insts[i];
    if (inst.keyword == syntax::Keyword::kCopy || inst.keyword == syntax::Keyword::kAdd) {
      if (inst.args.empty() || !inst.args.back().value.starts_with("/etc/apt/")) return false;
      for (const syntax::Heredoc& h : inst.heredocs) {
        if (ConfigTurnsRecommendsOff(base::Slice(text, h.body))) return true;
      }
      return false;
    }
    if (inst.keyword != syntax::Keyword::kRun) return false;
    const base::Range range{inst.range.begin, std::min(before, inst.range.end)};
    const std::string_view run = base::Slice(text, range);
    return run.find("/etc/apt/apt.conf") != std::string_view::npos &&
           ConfigTurnsRecommendsOff(run);
  };
  const std::uint32_t here = cmd.range.begin;  // Dockerfile bytes
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // [first, end) to look at
  if (const std::optional<std::size_t> s = ctx.stage()) {
    std::optional<std::size_t> at = s;
    for (std::size_t hops = 0; at && hops <= model.stages().size(); ++hops) {
      const model::Stage& st = model.stages()[*at];
      ranges.emplace_back(st.begin + 1, std::min(st.end, ctx.index() + 1));
      at = st.base_kind == model::BaseKind::kStage && st.base_stage && *st.base_stage < *at
               ? st.base_stage
               : std::nullopt;
    }
  } else if (const auto implicit = model.ImplicitStage()) {
    ranges.emplace_back(implicit->first, ctx.index() + 1);
  }
  for (const auto& [first, end] : ranges) {
    for (std::size_t i = first; i < end && i < insts.size(); ++i) {
      if (writes_config(i, i == ctx.index() ? here : insts[i].range.end)) return true;
    }
  }
  return false;
}

void Check(Context& ctx, const shell::Command& cmd) {
  if (cmd.name != "apt-get" || !cmd.IsSubcommand({"install"})) return;
  if (ConfiguredOff(ctx, cmd)) return;
  // An explicit `-o APT::Install-Recommends=true` wins over a flag put before it: no fix then.
  bool explicit_on = false;
  for (const shell::Option& o : cmd.options) {
    if (o.name == "no-install-recommends") return;
    if ((o.name == "o" || o.name == "option") && o.value) {
      if (RecommendsOff(*o.value)) return;
      explicit_on = explicit_on || Lower(*o.value).starts_with("apt::install-recommends=");
    }
  }
  std::optional<base::Fix> fix;
  if (!explicit_on) {
    fix = base::Fix{"Add `--no-install-recommends`", base::Applicability::kUnsafe,
                    {InsertAfterSubcommand(ctx.run(), cmd, "--no-install-recommends")}};
  }
  ctx.Report(CommandRange(cmd),
             "`apt-get install` without `--no-install-recommends` also installs recommended "
             "packages",
             std::move(fix));
}

}  // namespace

extern const Rule kDL3015 = {
    .code = "DL3015",
    .name = "apt-get-install-recommends",
    .severity = base::Severity::kInfo,
    .default_enabled = true,
    .category = "packages",
    .fixable = Fixable::kSometimes,
    .summary = "Avoid additional packages by specifying `--no-install-recommends`",
    .doc = R"md(## What it does
Flags `apt-get install` without `--no-install-recommends` (or
`-o APT::Install-Recommends=false`), unless the stage (or a stage it is built `FROM`) has
already written `APT::Install-Recommends "false";` into apt's configuration before it: a
`COPY <<EOF /etc/apt/apt.conf.d/...` here-document, or a RUN that writes it under
`/etc/apt/apt.conf*` (`echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norec`).

## Why is this bad?
By default apt also installs the packages the requested ones merely recommend: documentation,
optional plugins, sometimes a whole X11 stack. They make the image bigger, slower to pull and
larger to scan, and nothing asked for them.

## Example
```dockerfile
FROM debian:12
RUN apt-get update \
 && apt-get install -y curl=7.88.1-10+deb12u5 \
 && rm -rf /var/lib/apt/lists/*
```

## Use instead
```dockerfile
FROM debian:12
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \
 && rm -rf /var/lib/apt/lists/*
```

## Fix safety
The fix adds `--no-install-recommends` right after `install`. It is unsafe: software that
relied on a recommended package (a CA bundle, a locale, a helper binary) may no longer work.
There is no fix when the command sets `-o APT::Install-Recommends=true` itself.

## Differences from hadolint
- `-o APT::Install-Recommends=0` (and apt's other spellings of false, in any case) counts, not
  only the exact text `APT::Install-Recommends=false`.
- A variable is resolved: `apt-get install $APT_FLAGS curl` passes when the ARG or ENV gives
  `--no-install-recommends`.
- `apt-get` is seen behind `sudo` and `sh -c "..."`, and the finding points at the command,
  with a fix.
)md",
    .onbuild = true,
    .on_command = Check,
};

}  // namespace shipshape::rules
