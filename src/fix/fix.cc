#include "fix/fix.h"

#include <algorithm>

#include "context/build_context.h"

namespace shipshape::fix {
namespace {

/// The syntax errors of a result, as texts (a multiset: the same error twice counts twice).
std::multiset<std::string> Errors(const lint::FileResult& r) {
  std::multiset<std::string> out;
  for (const base::Diagnostic& d : r.diagnostics) {
    if (d.code.empty()) out.insert(d.message);
  }
  return out;
}

/// Whether `after` has a syntax error `before` does not.
bool AddsError(const std::multiset<std::string>& before, const std::multiset<std::string>& after) {
  for (auto it = after.begin(); it != after.end(); it = after.upper_bound(*it)) {
    if (after.count(*it) > before.count(*it)) return true;
  }
  return false;
}

}  // namespace

bool Applies(const base::Fix& fix, Level level) {
  switch (fix.applicability) {
    case base::Applicability::kSafe: return true;
    case base::Applicability::kUnsafe: return level == Level::kUnsafe;
    case base::Applicability::kDisplayOnly: return false;
  }
  return false;
}

lint::LintOptions OptionsWith(const lint::LintOptions& options, const FileChanges& files) {
  const context::BuildContext* build = options.rules.context.get();
  if (!build) return options;
  auto it = files.find(build->dockerignore_path());
  if (it == files.end()) return options;
  lint::LintOptions out = options;
  out.rules.context = build->WithDockerignore(it->second.text);
  return out;
}

Pass ApplyOnce(std::string_view text, const std::vector<base::Diagnostic>& diagnostics,
               Level level, const FileChanges& files) {
  // Candidates in source order of their first edit (of the finding, for edits of other files
  // only).
  std::vector<const base::Diagnostic*> candidates;
  for (const base::Diagnostic& d : diagnostics) {
    if (d.fix && (!d.fix->edits.empty() || !d.fix->file_edits.empty()) &&
        Applies(*d.fix, level)) {
      candidates.push_back(&d);
    }
  }
  auto first = [](const base::Diagnostic* d) {
    return d->fix->edits.empty() ? d->range.begin : d->fix->edits.front().range.begin;
  };
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](const base::Diagnostic* a, const base::Diagnostic* b) {
                     return first(a) < first(b);
                   });
  std::vector<const base::Edit*> chosen;
  Pass pass;
  pass.files = files;
  std::set<std::string> touched;
  // A file edit applies to the content its rule saw, and one fix per file and pass.
  auto file_edit_ok = [&](const base::FileEdit& e) {
    if (touched.count(e.path)) return false;
    auto it = pass.files.find(e.path);
    const std::optional<std::string> now =
        it == pass.files.end() ? e.expected : std::optional<std::string>(it->second.text);
    return now == e.expected;
  };
  auto conflicts = [&](const base::Edit& e) {
    return std::any_of(chosen.begin(), chosen.end(), [&](const base::Edit* c) {
      // Overlapping ranges, or two edits at one point (their order would be a guess).
      return (e.range.begin < c->range.end && c->range.begin < e.range.end) ||
             e.range.begin == c->range.begin || e.range.end == c->range.end ||
             (e.range.begin == e.range.end &&
              (e.range.begin == c->range.begin || e.range.begin == c->range.end)) ||
             (c->range.begin == c->range.end &&
              (c->range.begin == e.range.begin || c->range.begin == e.range.end));
    });
  };
  for (const base::Diagnostic* d : candidates) {
    const std::vector<base::Edit>& edits = d->fix->edits;
    const bool in_bounds = std::all_of(edits.begin(), edits.end(), [&](const base::Edit& e) {
      return e.range.begin <= e.range.end && e.range.end <= text.size();
    });
    if (!in_bounds) continue;
    if (std::any_of(edits.begin(), edits.end(), conflicts)) continue;
    const std::vector<base::FileEdit>& file_edits = d->fix->file_edits;
    if (!std::all_of(file_edits.begin(), file_edits.end(), file_edit_ok)) continue;
    for (const base::Edit& e : edits) chosen.push_back(&e);
    for (const base::FileEdit& e : file_edits) {
      touched.insert(e.path);
      auto [it, created] = pass.files.try_emplace(e.path);
      if (created) {
        it->second.original = e.expected;
        it->second.text = e.expected.value_or("");
      }
      it->second.text += e.append;
    }
    pass.fixed.push_back(d->code);
  }
  std::sort(chosen.begin(), chosen.end(), [](const base::Edit* a, const base::Edit* b) {
    return a->range.begin < b->range.begin;
  });
  pass.text.reserve(text.size());
  std::uint32_t at = 0;
  for (const base::Edit* e : chosen) {
    pass.text.append(text.substr(at, e->range.begin - at));
    pass.text.append(e->text);
    at = e->range.end;
  }
  pass.text.append(text.substr(at));
  return pass;
}

Outcome FixLoop(std::string text, Level level, const Linter& lint) {
  Outcome out;
  out.remaining = lint(text, out.files);
  const std::string original = text;
  const std::multiset<std::string> original_errors = Errors(*out.remaining);
  for (int i = 0; i < kMaxPasses; ++i) {
    Pass pass = ApplyOnce(text, out.remaining->diagnostics, level, out.files);
    if (pass.fixed.empty() || (pass.text == text && pass.files == out.files)) {
      out.text = std::move(text);
      return out;
    }
    lint::FileResult next = lint(pass.text, pass.files);
    if (AddsError(original_errors, Errors(next))) {
      // A fix broke the file: keep none of this file's edits.
      out = Outcome();
      out.text = original;
      out.reverted = true;
      out.remaining = lint(original, out.files);
      return out;
    }
    ++out.passes;
    for (const std::string& code : pass.fixed) ++out.fixed[code];
    text = std::move(pass.text);
    out.files = std::move(pass.files);
    out.remaining = std::move(next);
    if (i + 1 == kMaxPasses) {
      // Is there still something to fix?
      Pass more = ApplyOnce(text, out.remaining->diagnostics, level, out.files);
      if (!more.fixed.empty() && (more.text != text || more.files != out.files)) {
        out.converged = false;
        out.unstable.insert(more.fixed.begin(), more.fixed.end());
      }
    }
  }
  out.text = std::move(text);
  return out;
}

}  // namespace shipshape::fix
