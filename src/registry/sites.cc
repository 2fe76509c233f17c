#include "registry/sites.h"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "base/diagnostic.h"
#include "base/utf8.h"
#include "fix/fix.h"
#include "syntax/parser.h"

namespace shipshape::registry {
namespace {

using syntax::Instruction;

bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

/// The variable a word ends with, written `$NAME` or `${NAME}`; empty when it ends otherwise.
/// `modifier` is set when it ends with another `${...}` form (`${A:-x}`).
std::string TrailingVariable(std::string_view w, bool& modifier) {
  modifier = false;
  if (w.empty()) return "";
  if (w.back() == '}') {
    const std::size_t open = w.rfind("${");
    if (open == std::string_view::npos) return "";
    const std::string_view inner = w.substr(open + 2, w.size() - open - 3);
    if (inner.empty() || !IsNameStart(inner[0])) return "";
    for (const char c : inner) {
      if (!IsNameChar(c)) {
        modifier = true;
        return "";
      }
    }
    return std::string(inner);
  }
  std::size_t i = w.size();
  while (i > 0 && IsNameChar(w[i - 1])) --i;
  if (i == 0 || w[i - 1] != '$' || i == w.size() || !IsNameStart(w[i])) return "";
  return std::string(w.substr(i));
}

/// The end of the value in a word's source bytes, before a closing quote.
std::uint32_t ValueEnd(std::string_view source, base::Range range) {
  const std::string_view s = base::Slice(source, range);
  if (s.size() >= 2 && (s.back() == '"' || s.back() == '\'')) return range.end - 1;
  return range.end;
}

/// Sets `site.edit` for a value whose last byte (quotes aside) is at `end`: the digest written
/// there, or the insertion point.
void SetEdit(ImageSite& site, std::string_view source, std::uint32_t begin, std::uint32_t end) {
  if (!site.pinned()) {
    site.edit = {end, end};
    return;
  }
  const std::string_view value = source.substr(begin, end - begin);
  const std::string at = "@" + site.image.digest;
  if (value.size() >= at.size() && value.ends_with(at)) {
    site.edit = {static_cast<std::uint32_t>(end - site.image.digest.size()), end};
  } else {
    site.problem = "its digest is not written at the end of the reference";
  }
}

/// Whether `text` uses variable `name` (`$NAME`, `${NAME}`, `${NAME:-x}`, ...). Escapes are
/// not followed: a false "yes" only makes the caller choose the edit that is always right.
bool Uses(std::string_view text, std::string_view name) {
  for (std::size_t at = 0; (at = text.find('$', at)) != std::string_view::npos; ++at) {
    std::string_view rest = text.substr(at + 1);
    if (!rest.empty() && rest.front() == '{') rest.remove_prefix(1);
    if (!rest.starts_with(name)) continue;
    if (rest.size() == name.size() || !IsNameChar(rest[name.size()])) return true;
  }
  return false;
}

/// Whether ARG `name` is used anywhere but at the end of FROM image words: a stage that
/// declares it, a RUN, LABEL, ENV, a `--platform`, another ARG's default, the middle of an
/// image word. Appending a digest to its default would then change what those see.
bool UsedElsewhere(const model::Model& model, std::string_view name) {
  const syntax::Dockerfile& df = model.dockerfile();
  bool in_stage = false;
  for (const Instruction& inst : df.instructions) {
    if (inst.keyword == syntax::Keyword::kFrom) {
      in_stage = true;
      for (const syntax::Flag& f : inst.flags) {
        if (Uses(f.text, name)) return true;
      }
      // An image word may end with it (the digest then follows); used inside, it would not.
      for (std::size_t i = 0; i < inst.args.size(); ++i) {
        bool modifier = false;
        if (Uses(inst.args[i].value, name) &&
            (i > 0 || TrailingVariable(inst.args[i].value, modifier) != name)) {
          return true;
        }
      }
      continue;
    }
    if (inst.keyword == syntax::Keyword::kArg) {
      for (const syntax::Word& w : inst.args) {
        const std::string_view declared = w.value.substr(0, w.value.find('='));
        if (in_stage && declared == name) return true;  // the stage takes the global value
        // Another ARG's default built on it: the digest belongs in that default (the image
        // ARG), not in this one (a version it may share with other images).
        if (Uses(w.value, name)) return true;
      }
      continue;
    }
    if (Uses(inst.original, name)) return true;
    if (inst.trigger && Uses(inst.trigger->original, name)) return true;
  }
  return false;
}

/// How many ARG defaults deep a reference's end is followed (`ARG IMAGE=golang:${GO}`,
/// `ARG GO=1.22`).
constexpr int kMaxArgDepth = 8;

/// The edit point of a value (`text`, written at `range`) that may end with an ARG holding the
/// rest of the reference: then that ARG's default, followed as far as it again ends with one.
void Locate(const model::Model& model, ImageSite& site, std::string_view text, base::Range range,
            std::vector<std::string>& chain) {
  const std::string_view source = model.dockerfile().text();
  bool modifier = false;
  const std::string name = TrailingVariable(text, modifier);
  if (modifier) {
    site.problem = "it ends with a `${...}` expansion; pin the ARG default or the value by hand";
    return;
  }
  if (name.empty()) {
    SetEdit(site, source, range.begin, ValueEnd(source, range));
    return;
  }
  // Only global ARGs reach a FROM; COPY --from and mount values are not expanded.
  const model::Variable* v = model.global_scope().Find(name);
  if (v == nullptr || !v->value || v->defined_by == nullptr ||
      v->defined_by->keyword != syntax::Keyword::kArg) {
    site.problem = fmt::format("`{}` is not an ARG with a default in this file", name);
    return;
  }
  chain.push_back(name);
  if (UsedElsewhere(model, name)) {
    // The digest goes where the reference is written (`FROM nginx:${TAG}@sha256:...`),
    // leaving the ARG as the rest of the file sees it.
    SetEdit(site, source, range.begin, ValueEnd(source, range));
    return;
  }
  if (static_cast<int>(chain.size()) > kMaxArgDepth) {
    site.problem = fmt::format("its ARG defaults nest more than {} deep", kMaxArgDepth);
    return;
  }
  for (const syntax::Word& w : v->defined_by->args) {
    if (!w.value.starts_with(name + "=")) continue;
    const std::string_view raw = base::Slice(source, w.range);
    const std::size_t eq = raw.find('=');
    if (eq == std::string_view::npos || raw.find('\\', eq) != std::string_view::npos) {
      site.problem = fmt::format("the default of ARG `{}` is not a plain value", name);
      return;
    }
    site.arg = name;
    // The default as written, quotes aside, and where it lies.
    const auto begin = static_cast<std::uint32_t>(w.range.begin + eq + 1);
    const std::uint32_t end = ValueEnd(source, w.range);
    std::string_view value = source.substr(begin, end - begin);
    std::uint32_t value_begin = begin;
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
      value.remove_prefix(1);
      ++value_begin;
    }
    Locate(model, site, value, {value_begin, end}, chain);
    return;
  }
  site.problem = fmt::format("the default of ARG `{}` was not found", name);
}

/// The image a COPY --from or mount from= value names, when it names one.
bool NamesImage(const model::StageRef& ref) {
  if (ref.stage || ref.text.empty() || ref.text.find('$') != std::string::npos) return false;
  if (ref.text.find_first_not_of("0123456789") == std::string::npos) return false;  // an index
  return model::ParseNormalizedNamed(ref.text).ok();
}

}  // namespace

std::vector<ImageSite> FindImageSites(const model::Model& model) {
  std::vector<ImageSite> out;
  const syntax::Dockerfile& df = model.dockerfile();
  const std::string_view source = df.text();
  auto index_of = [&](const Instruction* inst) {
    return static_cast<std::size_t>(inst - df.instructions.data());
  };
  for (const model::Stage& stage : model.stages()) {
    if (stage.from != nullptr && !stage.from->args.empty() &&
        (stage.base_kind == model::BaseKind::kImage ||
         stage.base_kind == model::BaseKind::kUnknown)) {
      ImageSite site;
      site.kind = ImageSite::Kind::kFrom;
      site.instruction = index_of(stage.from);
      site.range = stage.from->args[0].range;
      site.written = stage.base_text;
      if (stage.base_kind == model::BaseKind::kUnknown) {
        site.problem = fmt::format("the image depends on {} (only the build knows it)",
                                   stage.base.unknown.empty()
                                       ? std::string("build arguments")
                                       : fmt::format("`{}`", stage.base.unknown[0]));
      } else {
        site.image = stage.image;
        std::vector<std::string> chain;
        Locate(model, site, stage.from->args[0].value, stage.from->args[0].range, chain);
      }
      out.push_back(std::move(site));
    }
    for (const model::StageRef& ref : stage.refs) {
      if (ref.kind == model::StageRef::Kind::kFrom || !NamesImage(ref)) continue;
      ImageSite site;
      site.instruction = index_of(ref.instruction);
      site.written = ref.text;
      site.image = model::ParseNormalizedNamed(ref.text);
      const bool copy = ref.kind == model::StageRef::Kind::kCopyFrom;
      site.kind = copy ? ImageSite::Kind::kCopyFrom : ImageSite::Kind::kMountFrom;
      site.problem = "its flag was not found";
      for (const syntax::Flag& f : ref.instruction->flags) {
        if (f.Name() != (copy ? "from" : "mount") || !f.Value()) continue;
        const std::string_view raw = base::Slice(source, f.range);
        if (copy) {
          if (*f.Value() != ref.text) continue;
          site.range = f.range;
          site.problem.clear();
          SetEdit(site, source, f.range.begin, ValueEnd(source, f.range));
          break;
        }
        // The `from=<value>` field of the mount, as written (no quotes around it).
        const std::string needle = "=" + ref.text;
        std::size_t at = 0;
        while ((at = raw.find(needle, at)) != std::string_view::npos) {
          const std::size_t end = at + needle.size();
          const bool field_end = end == raw.size() || raw[end] == ',' || raw[end] == '"' ||
                                 raw[end] == '\'';
          if (field_end && at >= 4 && base::EqualsIgnoreCase(raw.substr(at - 4, 4), "from")) break;
          ++at;
        }
        if (at == std::string_view::npos) continue;
        site.range = f.range;
        site.problem.clear();
        const auto begin = static_cast<std::uint32_t>(f.range.begin + at + 1);
        SetEdit(site, source, begin, static_cast<std::uint32_t>(begin + ref.text.size()));
        break;
      }
      if (!site.problem.empty()) site.range = ref.instruction->range;
      out.push_back(std::move(site));
    }
  }
  return out;
}

PinEdit ApplyDigests(const syntax::Dockerfile& df, const std::vector<ImageSite>& sites,
                     const std::vector<std::optional<std::string>>& digests) {
  PinEdit out;
  const std::string_view source = df.text();
  // One edit per place: sites sharing an ARG default must agree on its digest.
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<std::string, std::size_t>> edits;
  for (std::size_t i = 0; i < sites.size(); ++i) {
    if (i >= digests.size() || !digests[i]) continue;
    const ImageSite& site = sites[i];
    if (!site.problem.empty()) {
      out.error = fmt::format("`{}` cannot be pinned: {}", site.written, site.problem);
      return out;
    }
    const std::string text = site.pinned() ? *digests[i] : "@" + *digests[i];
    const auto key = std::make_pair(site.edit.begin, site.edit.end);
    const auto [it, added] = edits.emplace(key, std::make_pair(text, i));
    if (!added && it->second.first != text) {
      const ImageSite& other = sites[it->second.second];
      out.error = fmt::format(
          "the default of ARG `{}` serves both `{}` (line {}) and `{}` (line {}), which need "
          "different digests; give each its own ARG",
          site.arg, other.image.familiar, df.lines().PositionOf(other.range.begin).line,
          site.image.familiar, df.lines().PositionOf(site.range.begin).line);
      return out;
    }
  }
  base::Diagnostic d;
  d.range = {0, 0};
  base::Fix fix;
  fix.title = "Pin image references by digest";
  for (const auto& [range, text] : edits) {
    const base::Range r{range.first, range.second};
    if (base::Slice(source, r) == text.first) continue;  // already that digest
    fix.edits.push_back({r, text.first});
  }
  if (fix.edits.empty()) {
    out.text = std::string(source);
    return out;
  }
  d.fix = std::move(fix);
  out.text = fix::ApplyOnce(source, {d}, fix::Level::kSafe).text;

  // What the edited file says: each site, in the same order, now pinned as asked.
  const syntax::Dockerfile edited = syntax::Parse(df.path(), out.text);
  const model::Model model = model::Model::Build(edited);
  const std::vector<ImageSite> after = FindImageSites(model);
  if (after.size() != sites.size()) {
    out.error = "pinning would turn a reference into something that is not an image "
                "reference: an ARG default another one builds on (`FROM ${BASE}` and "
                "`FROM ${BASE}-slim`), or a form shipshape does not edit; pin them by hand";
    out.text.clear();
    return out;
  }
  for (std::size_t i = 0; i < sites.size(); ++i) {
    const std::string want_digest =
        i < digests.size() && digests[i] ? *digests[i] : sites[i].image.digest;
    if (after[i].image.name == sites[i].image.name && after[i].image.tag == sites[i].image.tag &&
        after[i].image.digest == want_digest) {
      continue;
    }
    // Say what went wrong where: usually an ARG default another reference builds on
    // (`FROM ${BASE}` and `FROM ${BASE}-slim`).
    const std::string want = fmt::format("{}{}{}", sites[i].image.name,
                                         sites[i].image.tag.empty() ? "" : ":" + sites[i].image.tag,
                                         want_digest.empty() ? "" : "@" + want_digest);
    const std::string got =
        after[i].image.ok() && !after[i].image.name.empty() ? after[i].image.normalized
                                                             : "no valid reference";
    out.error = fmt::format(
        "pinning would make `{}` (line {}) resolve to {}, not `{}`: it shares an ARG default "
        "with another reference, or is written in a form shipshape does not edit; pin it by "
        "hand",
        sites[i].written, df.lines().PositionOf(sites[i].range.begin).line,
        got == "no valid reference" ? got : "`" + got + "`", want);
    out.text.clear();
    return out;
  }
  return out;
}

}  // namespace shipshape::registry
