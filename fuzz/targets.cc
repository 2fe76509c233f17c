#include "targets.h"

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/load.h"
#include "context/dockerignore.h"
#include "fix/fix.h"
#include "image/audit.h"
#include "image/image.h"
#include "lint/baseline.h"
#include "lint/lint.h"
#include "lsp/framing.h"
#include "lsp/server.h"
#include "model/expand.h"
#include "model/model.h"
#include "registry/auth.h"
#include "registry/lock.h"
#include "registry/sites.h"
#include "shell/commands.h"
#include "shell/parser.h"
#include "syntax/parser.h"

namespace shipshape::fuzz {
namespace {

std::string Text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// Stops the process with `what` on stderr: libFuzzer records the input as a crash.
[[noreturn]] void Violated(const char* what, const std::string& detail) {
  std::fprintf(stderr, "shipshape fuzz: property violated: %s\n%s\n", what, detail.c_str());
  std::abort();
}

/// Every rule, with the options the off-by-default ones need (DL3026, DL3049-DL3058).
const lint::LintOptions& AllRules() {
  static const lint::LintOptions options = [] {
    lint::LintOptions o;
    o.selection.select = {"ALL"};
    o.rules.trusted_registries = {"docker.io", "*.example.com"};
    o.rules.label_schema = {{"maintainer", "email"}, {"version", "semver"},
                            {"url", "url"},          {"created", "rfc3339"},
                            {"license", "spdx"},     {"hash", "hash"}};
    o.rules.strict_labels = true;
    return o;
  }();
  return options;
}

lint::FileResult LintAll(std::string text) {
  return lint::LintText("Dockerfile", std::move(text), AllRules());
}

/// The syntax errors of a result (findings without a code), as the fix loop counts them.
std::multiset<std::string> SyntaxErrors(const lint::FileResult& r) {
  std::multiset<std::string> out;
  for (const base::Diagnostic& d : r.diagnostics) {
    if (d.code.empty()) out.insert(d.message);
  }
  return out;
}

/// Analyses every RUN of `text`.
void AnalyseRuns(std::string text) {
  const syntax::Dockerfile df = syntax::Parse("Dockerfile", std::move(text));
  const model::Model model = model::Model::Build(df);
  for (std::size_t i = 0; i < df.instructions.size(); ++i) {
    if (df.instructions[i].keyword != syntax::Keyword::kRun) continue;
    const shell::Analysis a = shell::Analysis::Analyze(model, i);
    for (const shell::Command& c : a.commands()) (void)a.Packages(c);
    (void)a.HasMount("cache", "");
  }
}

}  // namespace

int FuzzParse(const std::uint8_t* data, std::size_t size) {
  const std::string text = Text(data, size);
  const syntax::Dockerfile df = syntax::Parse("Dockerfile", text);
  (void)df.FirstBuildKitError();
  (void)df.RejectedInstructions();
  for (const syntax::Instruction& inst : df.instructions) {
    (void)df.lines().PositionOf(inst.range.begin);
    (void)df.lines().PositionOf(inst.range.end);
  }
  const model::Model model = model::Model::Build(df);
  for (std::size_t i = 0; i < df.instructions.size(); ++i) {
    (void)model.StageOf(i);
    (void)model.Resolve(i, "${TARGETPLATFORM}-$HOME");
  }
  (void)syntax::LookupDirective(text, "check");
  (void)syntax::DetectSyntax(text);
  return 0;
}

int FuzzExpand(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t modes = data[0];
  const std::string rest = Text(data + 1, size - 1);
  const std::size_t nul = rest.find('\0');
  std::vector<std::string> entries;
  std::string_view word = rest;
  if (nul != std::string::npos) {
    word = std::string_view(rest).substr(nul + 1);
    std::size_t at = 0;
    while (at < nul) {
      std::size_t end = rest.find('\n', at);
      if (end == std::string::npos || end > nul) end = nul;
      entries.push_back(rest.substr(at, end - at));
      at = end + 1;
    }
  }
  const model::Environment env = model::Environment::FromList(entries);
  for (char escape : {'\\', '`'}) {
    model::ExpandOptions options;
    options.escape = escape;
    options.raw_quotes = modes & 1;
    options.raw_escapes = modes & 2;
    options.skip_process_quotes = modes & 4;
    options.skip_unset_env = modes & 8;
    (void)model::Expand(word, env, options);
  }
  return 0;
}

int FuzzShell(const std::uint8_t* data, std::size_t size) {
  const std::string script = Text(data, size);
  (void)shell::Parse(script);
  // As a heredoc body (the script as written) and as RUN lines (continuations, escapes).
  AnalyseRuns(fmt::format("FROM scratch\nRUN <<SHIPSHAPE_FUZZ_EOF\n{}\nSHIPSHAPE_FUZZ_EOF\n",
                          script));
  AnalyseRuns(fmt::format("FROM scratch\nRUN {}\n", script));
  return 0;
}

int FuzzConfig(const std::uint8_t* data, std::size_t size) {
  const std::string text = Text(data, size);
  (void)config::ParseConfig(".shipshape.yaml", text, config::Dialect::kShipshape, "/work");
  (void)config::ParseConfig(".hadolint.yaml", text, config::Dialect::kHadolint, "/work");
  return 0;
}

int FuzzBaseline(const std::uint8_t* data, std::size_t size) {
  const std::string text = Text(data, size);
  const lint::BaselineRead read = lint::ParseBaseline(text, "b.json", "/repo");
  if (!read.ok()) return 0;
  const std::string written = lint::FormatBaseline(read.baseline.entries());
  const lint::BaselineRead again = lint::ParseBaseline(written, "b.json", "/repo");
  if (!again.ok()) {
    Violated("a baseline written from one read does not read",
             fmt::format("{}\n--- written:\n{}", again.error->ToString(), written));
  }
  if (again.baseline.entries().size() != read.baseline.entries().size()) {
    Violated("writing and reading a baseline changes its number of entries", written);
  }
  if (lint::FormatBaseline(again.baseline.entries()) != written) {
    Violated("writing a baseline read back gives other bytes", written);
  }
  return 0;
}

int FuzzDockerignore(const std::uint8_t* data, std::size_t size) {
  const std::string text = Text(data, size);
  const std::size_t nul = text.find('\0');
  const context::Dockerignore ignore =
      context::Dockerignore::Parse(std::string_view(text).substr(0, nul));
  if (ignore.Excludes(".")) Violated("`.` is excluded", text);
  if (nul == std::string::npos) return 0;
  std::string_view paths = std::string_view(text).substr(nul + 1);
  while (!paths.empty()) {
    const std::size_t end = std::min(paths.find('\n'), paths.size());
    const std::string_view path = paths.substr(0, end);
    paths.remove_prefix(std::min(end + 1, paths.size()));
    const std::string clean = context::CleanPath(path);
    if (context::CleanPath(clean) != clean) {
      Violated("CleanPath is not idempotent", fmt::format("'{}' -> '{}'", path, clean));
    }
    const bool excluded = ignore.Excludes(path);
    if (excluded != ignore.Excludes(clean)) {
      Violated("a path and its clean form disagree", fmt::format("'{}' vs '{}'", path, clean));
    }
    // Context paths are relative; BuildKit's parent walk treats `/a` oddly (its parents are
    // `` and `/a`, so a `/` pattern excludes `/a` but not `/a/x`), as shipshape does.
    const bool relative = clean != "." && clean != ".." && !clean.starts_with("../") &&
                          !clean.starts_with('/');
    if (excluded && relative && !ignore.has_exclusions() && !ignore.Excludes(clean + "/x")) {
      Violated("an excluded directory does not exclude its contents", fmt::format("'{}'", clean));
    }
  }
  return 0;
}

int FuzzLint(const std::uint8_t* data, std::size_t size) {
  (void)LintAll(Text(data, size));
  return 0;
}

int FuzzFix(const std::uint8_t* data, std::size_t size) {
  const std::string original = Text(data, size);
  // No build context here: only the Dockerfile's own fixes (the .dockerignore ones need one).
  const fix::Linter lint = [](std::string text, const fix::FileChanges&) {
    return LintAll(std::move(text));
  };
  const fix::Outcome once = fix::FixLoop(original, fix::Level::kUnsafe, lint);
  // The loop's safety net reverts a pass that adds a syntax error, which makes the property
  // below hold by construction; the net firing is the bug (the CLI asks users to report it).
  if (once.reverted) {
    std::string codes;
    const fix::Pass pass =
        fix::ApplyOnce(original, LintAll(original).diagnostics, fix::Level::kUnsafe);
    for (const std::string& code : pass.fixed) codes += fmt::format(" {}", code);
    Violated("a fix adds a syntax error (the fix loop reverted)",
             fmt::format("first pass fixes:{}\n--- after the first pass:\n{}", codes, pass.text));
  }
  const std::multiset<std::string> before = SyntaxErrors(LintAll(original));
  const std::multiset<std::string> after = SyntaxErrors(LintAll(once.text));
  for (const std::string& e : after) {
    if (after.count(e) > before.count(e)) {
      Violated("the fixed text has a syntax error the original did not have",
               fmt::format("error: {}\n--- fixed text:\n{}", e, once.text));
    }
  }
  const fix::Outcome twice = fix::FixLoop(once.text, fix::Level::kUnsafe, lint);
  if (twice.text != once.text) {
    std::string codes;
    for (const auto& [code, n] : twice.fixed) codes += fmt::format(" {}x{}", code, n);
    Violated("fixing the fixed text changes it again",
             fmt::format("fixed again:{}\n--- once:\n{}\n--- twice:\n{}", codes, once.text,
                         twice.text));
  }
  return 0;
}

int FuzzImage(const std::uint8_t* data, std::size_t size) {
  image::ReadOptions options;
  // Small limits, so that a bomb in the input is cut short rather than timing out.
  options.limits.max_layer_bytes = 64u << 20;
  options.limits.ratio_grace = 1u << 20;
  options.limits.max_entries = 100000;
  const image::ReadResult read = image::ReadTarMemory(
      "fuzz.tar", std::string_view(reinterpret_cast<const char*>(data), size), options);
  if (!read.ok() && read.error.empty()) Violated("a failed read without an error", "");
  lint::Selection all;
  all.select = {"ALL"};
  for (const image::Image& img : read.images) {
    const image::AuditResult audit = image::Audit(img, all);
    for (const base::Diagnostic& d : audit.diagnostics) {
      if (!d.image) Violated("an image finding without its location", d.message);
    }
  }
  return 0;
}

int FuzzPin(const std::uint8_t* data, std::size_t size) {
  const std::string text = Text(data, size);
  (void)registry::ParseChallenges(text);
  (void)registry::LookupCredentials(text, "docker.io");
  registry::Lock lock;
  if (registry::ParseLock(text, lock).empty()) {
    const std::string written = registry::FormatLock(lock);
    registry::Lock again;
    if (!registry::ParseLock(written, again).empty() || again != lock) {
      Violated("a lock file written from one read does not read back the same", written);
    }
  }
  const std::string digest = "sha256:" + std::string(64, 'c');
  auto pin = [&](const syntax::Dockerfile& df, std::vector<registry::ImageSite>& sites) {
    sites = registry::FindImageSites(model::Model::Build(df));
    std::vector<std::optional<std::string>> digests;
    for (const registry::ImageSite& s : sites) {
      digests.push_back(s.problem.empty() ? std::optional<std::string>(digest) : std::nullopt);
    }
    return registry::ApplyDigests(df, sites, digests);
  };
  std::vector<registry::ImageSite> sites;
  const syntax::Dockerfile df = syntax::Parse("Dockerfile", text);
  const registry::PinEdit once = pin(df, sites);
  if (!once.error.empty()) return 0;
  const syntax::Dockerfile pinned = syntax::Parse("Dockerfile", once.text);
  const registry::PinEdit twice = pin(pinned, sites);
  if (!twice.error.empty() || twice.text != once.text) {
    Violated("pinning the pinned text again changes it",
             fmt::format("{}\n--- once:\n{}\n--- twice:\n{}", twice.error, once.text,
                         twice.text));
  }
  return 0;
}

int FuzzLsp(const std::uint8_t* data, std::size_t size) {
  using json = nlohmann::json;
  std::vector<std::string> sent;
  lsp::Server server({std::chrono::milliseconds(0), /*threads=*/false},
                     [&](const std::string& body) { sent.push_back(body); });
  // Initialized first, so that every input reaches the document handlers.
  server.Handle(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}})");
  lsp::FrameReader reader;
  reader.Feed(std::string_view(reinterpret_cast<const char*>(data), size));
  std::string body, error;
  // How many responses (messages with an `id` and no `method`) a message must get.
  auto expected = [](const std::string& text) -> int {
    const json m = json::parse(text, nullptr, false);
    if (m.is_discarded() || !m.is_object()) return 1;
    // Without `method`: a response (nothing to answer) or an invalid request.
    if (!m.contains("method")) return m.contains("result") || m.contains("error") ? 0 : 1;
    if (m["method"] == "exit") return 0;
    return m.contains("id") ? 1 : 0;
  };
  while (!server.exited()) {
    const lsp::FrameReader::Status status = reader.Next(body, error);
    if (status == lsp::FrameReader::Status::kNeedMore) break;
    sent.clear();
    int want = 1;
    if (status == lsp::FrameReader::Status::kError) {
      server.FramingError(error);
    } else {
      want = expected(body);
      server.Handle(body);
    }
    int responses = 0;
    for (const std::string& out : sent) {
      const json m = json::parse(out, nullptr, false);
      if (m.is_discarded() || !m.is_object() || m.value("jsonrpc", "") != "2.0") {
        Violated("the server sent something that is not a JSON-RPC message", out);
      }
      if (m.contains("id") && !m.contains("method")) ++responses;
    }
    if (responses != want) {
      Violated("a message did not get exactly the responses it asks for",
               fmt::format("expected {}, got {}\n--- message:\n{}", want, responses,
                           status == lsp::FrameReader::Status::kError ? error : body));
    }
  }
  return 0;
}

std::span<const Target> Targets() {
  static constexpr Target kTargets[] = {
      {"baseline", FuzzBaseline}, {"config", FuzzConfig}, {"dockerignore", FuzzDockerignore},
      {"expand", FuzzExpand},     {"fix", FuzzFix},       {"image", FuzzImage},
      {"lint", FuzzLint},         {"lsp", FuzzLsp},       {"parse", FuzzParse},
      {"pin", FuzzPin},           {"shell", FuzzShell},
  };
  return kTargets;
}

TargetFn FindTarget(std::string_view name) {
  for (const Target& t : Targets()) {
    if (t.name == name) return t.fn;
  }
  return nullptr;
}

}  // namespace shipshape::fuzz
