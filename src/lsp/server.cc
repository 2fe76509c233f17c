#include "lsp/server.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <thread>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "config/for_file.h"
#include "config/load.h"
#include "config/lookup.h"
#include "context/build_context.h"
#include "fix/fix.h"
#include "lint/lint.h"
#include "lsp/framing.h"
#include "lsp/text.h"
#include "output/format_util.h"
#include "rules/docs.h"
#include "rules/registry.h"
#include "shellcheck/runner.h"
#include "syntax/parser.h"

namespace shipshape::lsp {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

/// The code action kind of "fix all safe" (a source.fixAll action, so editors run it on save
/// when asked to).
constexpr std::string_view kFixAllKind = "source.fixAll.shipshape";

/// Config files whose change re-lints every open document (with .dockerignore files, which
/// the build-context rules read).
bool IsConfigName(std::string_view name) {
  return name == ".shipshape.yaml" || name == ".shipshape.yml" || name == ".hadolint.yaml" ||
         name == ".hadolint.yml" || name == ".dockerignore" || name.ends_with(".dockerignore");
}

/// A document linted: the result (its text is the version's), the options it was linted with.
struct Linted {
  int version = 0;
  std::uint64_t generation = 0;
  std::shared_ptr<const lint::FileResult> result;
  lint::LintOptions options;
  /// ShellCheck's findings are in (or it does not run for this document).
  bool complete = false;
};

struct Document {
  std::string uri;
  /// The file's path for config lookup and the build context; nullopt for other schemes.
  std::optional<std::string> path;
  int version = 0;
  std::shared_ptr<const std::string> text;
  std::shared_ptr<const Linted> linted;
  /// When the lint worker last took its text.
  Clock::time_point last_lint{};
  /// What was last sent for it, so that ShellCheck finding nothing sends nothing again.
  std::optional<std::pair<int, json>> published;
};

/// What a worker lints, copied under the lock.
struct Snapshot {
  std::string uri;
  std::optional<std::string> path;
  int version = 0;
  std::uint64_t generation = 0;
  std::shared_ptr<const std::string> text;
  std::shared_ptr<config::Loader> loader;
  std::shared_ptr<context::ContextCache> contexts;
};

int SeverityOf(base::Severity s) {
  switch (s) {
    case base::Severity::kError:
      return 1;
    case base::Severity::kWarning:
      return 2;
    case base::Severity::kInfo:
      return 3;
    case base::Severity::kStyle:
      return 4;
  }
  return 1;
}

json PositionJson(Position p) { return {{"line", p.line}, {"character", p.character}}; }

json RangeJson(const TextIndex& index, base::Range r) {
  return {{"start", PositionJson(index.PositionOf(r.begin))},
          {"end", PositionJson(index.PositionOf(r.end))}};
}

Position PositionFrom(const json& j) {
  return {j.at("line").get<std::uint32_t>(), j.at("character").get<std::uint32_t>()};
}

TextRange RangeFrom(const json& j) {
  return {PositionFrom(j.at("start")), PositionFrom(j.at("end"))};
}

json DiagnosticJson(const TextIndex& index, const base::Diagnostic& d) {
  json j = {{"range", RangeJson(index, d.range)},
            {"severity", SeverityOf(d.severity)},
            {"source", "shipshape"},
            {"message", d.message}};
  if (!d.code.empty()) {
    j["code"] = d.code;
    j["codeDescription"] = {{"href", output::RuleUrl(d.code)}};
  }
  return j;
}

json DiagnosticsJson(const lint::FileResult& result) {
  const TextIndex index(result.dockerfile.text());
  json items = json::array();
  for (const base::Diagnostic& d : result.diagnostics) items.push_back(DiagnosticJson(index, d));
  return items;
}

/// Whether two byte ranges touch (an empty range touches what contains it).
bool Touches(base::Range a, base::Range b) { return a.begin <= b.end && b.begin <= a.end; }

/// One edit that turns `from` into `to`: the bytes between their common prefix and suffix.
base::Edit MinimalEdit(std::string_view from, std::string_view to) {
  std::size_t prefix = 0;
  while (prefix < from.size() && prefix < to.size() && from[prefix] == to[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < from.size() - prefix && suffix < to.size() - prefix &&
         from[from.size() - 1 - suffix] == to[to.size() - 1 - suffix]) {
    ++suffix;
  }
  return {{static_cast<std::uint32_t>(prefix), static_cast<std::uint32_t>(from.size() - suffix)},
          std::string(to.substr(prefix, to.size() - suffix - prefix))};
}

json TextEditJson(const TextIndex& index, const base::Edit& e) {
  return {{"range", RangeJson(index, e.range)}, {"newText", e.text}};
}

/// Markdown for the hover over findings: each rule's page once, ShellCheck's checks linked.
std::string HoverText(const std::vector<const base::Diagnostic*>& found) {
  std::string out;
  std::set<std::string> seen;
  for (const base::Diagnostic* d : found) {
    if (!out.empty()) out += "\n\n---\n\n";
    if (d->code.empty()) {
      out += fmt::format("**Syntax error**: {}", d->message);
      continue;
    }
    if (!seen.insert(d->code).second) {
      out += fmt::format("**{}**: {}", d->code, d->message);
      continue;
    }
    if (const rules::Rule* rule = rules::FindRule(d->code)) {
      out += fmt::format("**{}**: {}\n\n{}", d->code, d->message, rules::RulePage(*rule));
    } else {
      out += fmt::format("**{}**: {}\n\nShellCheck's check: {}", d->code, d->message,
                         output::RuleUrl(d->code));
    }
  }
  return out;
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, Writer w) : options(o), writer(std::move(w)) {
    env_layer = config::FromEnvironment(config::ProcessEnvironment());
    NewConfiguration();
  }

  ~Impl() { StopWorkers(); }

  ServerOptions options;
  Writer writer;
  std::mutex write_mu;

  // Session state; touched by the thread calling Handle only.
  bool initialized = false;
  bool shutdown = false;
  std::atomic<bool> exited{false};
  /// The client pulls diagnostics (textDocument/diagnostic) and is not sent them.
  bool pull = false;
  bool refresh_support = false;
  bool document_changes = false;
  bool create_files = false;
  bool watch_registration = false;
  std::atomic<int> next_request{0};

  config::Layer env_layer;
  const config::Layer command_line;
  /// The first workspace folder, when it is a local folder.
  std::filesystem::path root;

  // Shared with the workers, under `mu`.
  std::mutex mu;
  std::condition_variable lint_cv;
  std::condition_variable shellcheck_cv;
  std::map<std::string, Document> docs;
  std::shared_ptr<config::Loader> loader;
  std::shared_ptr<context::ContextCache> contexts;
  /// Bumped when configuration may have changed: results of an older one are stale.
  std::uint64_t generation = 0;
  /// Documents waiting to be linted, with the time they may be.
  std::map<std::string, Clock::time_point> lint_queue;
  /// Documents whose rules' findings are in, waiting for ShellCheck.
  std::set<std::string> shellcheck_queue;
  bool stopping = false;
  std::optional<std::string> shellcheck_binary;
  bool told_no_shellcheck = false;
  std::vector<std::thread> workers;

  // --- Output.

  void Send(const json& message) {
    const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
    std::lock_guard<std::mutex> lock(write_mu);
    writer(body);
  }

  void Respond(const json& id, json result) {
    Send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  }

  void Error(const json& id, int code, std::string message) {
    Send({{"jsonrpc", "2.0"},
          {"id", id},
          {"error", {{"code", code}, {"message", std::move(message)}}}});
  }

  void Notify(std::string_view method, json params) {
    Send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  void Request(std::string_view method, json params) {
    Send({{"jsonrpc", "2.0"},
          {"id", fmt::format("shipshape-{}", ++next_request)},
          {"method", method},
          {"params", std::move(params)}});
  }

  void Log(int type, std::string message) {
    Notify("window/logMessage", {{"type", type}, {"message", std::move(message)}});
  }

  // --- Linting (any thread; no lock held).

  void NewConfiguration() {
    std::optional<std::filesystem::path> none;
    config::Roots roots = config::Roots::From(config::ProcessEnvironment());
    // The workspace folder stands for the directory `lint` would run in (hadolint's
    // `$PWD/.hadolint.yaml`, documents that are not files).
    if (!root.empty()) roots.cwd = root;
    auto l = std::make_shared<config::Loader>(std::move(roots), none);
    auto c = std::make_shared<context::ContextCache>();
    std::lock_guard<std::mutex> lock(mu);
    loader = std::move(l);
    contexts = std::move(c);
    ++generation;
  }

  Snapshot Take(const Document& doc) const {
    return {doc.uri, doc.path, doc.version, generation, doc.text, loader, contexts};
  }

  /// The rules' findings on a snapshot (and, with `shellcheck`, ShellCheck's); `complete` is
  /// set when ShellCheck has nothing to add. `wants_shellcheck`: it should run next.
  std::shared_ptr<Linted> LintSnapshot(const Snapshot& s, const std::string* shellcheck,
                                       bool* wants_shellcheck) {
    auto linted = std::make_shared<Linted>();
    linted->version = s.version;
    linted->generation = s.generation;
    const std::string read_path = s.path ? *s.path : std::string("-");
    config::Result<config::FileSetup> setup = config::SetupFor(
        *s.loader, env_layer, command_line, read_path, read_path, std::nullopt, *s.contexts);
    if (!setup) {
      // A broken config file is shown where the user looks: on the document.
      lint::FileResult r{syntax::Parse(read_path, *s.text), {}};
      r.diagnostics.push_back(
          {"",
           base::Severity::kError,
           {0, 0},
           fmt::format("shipshape cannot use its configuration: {}", setup.error().ToString()),
           std::nullopt});
      linted->result = std::make_shared<lint::FileResult>(std::move(r));
      linted->complete = true;
      return linted;
    }
    linted->options = setup->options;
    const bool shellcheck_on = options.threads && setup->shellcheck != config::ShellCheck::kNever;
    if (shellcheck == nullptr || !shellcheck_on) {
      linted->result =
          std::make_shared<lint::FileResult>(lint::LintText(read_path, *s.text, linted->options));
      bool scripts = false;
      if (shellcheck_on) {
        scripts = !lint::ShellCheckScripts(linted->result->dockerfile, linted->options).empty();
      }
      linted->complete = !scripts;
      if (wants_shellcheck) *wants_shellcheck = scripts;
      return linted;
    }
    syntax::Dockerfile df = syntax::Parse(read_path, *s.text);
    const std::vector<shellcheck::Script> scripts = lint::ShellCheckScripts(df, linted->options);
    std::vector<const shellcheck::Script*> pointers;
    for (const shellcheck::Script& script : scripts) pointers.push_back(&script);
    shellcheck::RunOptions run;
    run.binary = *shellcheck;
    const shellcheck::RunResult checked = shellcheck::Run(pointers, run);
    if (!checked.error.empty()) Log(1, fmt::format("ShellCheck: {}", checked.error));
    std::vector<base::Diagnostic> found;
    for (std::size_t i = 0; i < scripts.size() && i < checked.comments.size(); ++i) {
      for (base::Diagnostic& d : shellcheck::ToDiagnostics(scripts[i], checked.comments[i])) {
        found.push_back(std::move(d));
      }
    }
    linted->result = std::make_shared<lint::FileResult>(
        lint::LintDockerfile(std::move(df), linted->options, std::move(found)));
    linted->complete = true;
    return linted;
  }

  /// Whether `linted` is the result for `doc` as it is now.
  bool Current(const Document& doc, const Linted& linted) const {
    return linted.version == doc.version && linted.generation == generation;
  }

  /// Stores a result that is still current and sends it (under `mu`).
  void Store(Document& doc, std::shared_ptr<const Linted> linted) {
    if (!Current(doc, *linted)) return;
    doc.linted = std::move(linted);
    if (pull) return;
    json diagnostics = DiagnosticsJson(*doc.linted->result);
    if (doc.published && doc.published->first == doc.version &&
        doc.published->second == diagnostics) {
      return;
    }
    doc.published.emplace(doc.version, diagnostics);
    Notify("textDocument/publishDiagnostics",
           {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(diagnostics)}});
  }

  /// The current result of `doc`, linting it now (rules only) when there is none yet.
  std::shared_ptr<const Linted> Ensure(const std::string& uri) {
    std::unique_lock<std::mutex> lock(mu);
    auto it = docs.find(uri);
    if (it == docs.end()) return nullptr;
    if (it->second.linted && Current(it->second, *it->second.linted)) return it->second.linted;
    const Snapshot s = Take(it->second);
    lock.unlock();
    bool wants = false;
    std::shared_ptr<const Linted> linted = LintSnapshot(s, nullptr, &wants);
    lock.lock();
    it = docs.find(uri);
    if (it == docs.end()) return linted;
    Store(it->second, linted);
    if (wants) {
      shellcheck_queue.insert(uri);
      shellcheck_cv.notify_one();
    }
    return linted;
  }

  void Schedule(const std::string& uri) {
    if (!options.threads) {
      std::unique_lock<std::mutex> lock(mu);
      auto it = docs.find(uri);
      if (it == docs.end()) return;
      const Snapshot s = Take(it->second);
      lock.unlock();
      std::shared_ptr<const Linted> linted = LintSnapshot(s, nullptr, nullptr);
      lock.lock();
      it = docs.find(uri);
      if (it != docs.end()) Store(it->second, linted);
      return;
    }
    // At most one lint per debounce interval: a change after a pause is linted at once, the
    // changes of a burst wait for the interval's end and only the newest text is linted.
    std::lock_guard<std::mutex> lock(mu);
    auto it = docs.find(uri);
    if (it == docs.end()) return;
    lint_queue[uri] = std::max(Clock::now(), it->second.last_lint + options.debounce);
    lint_cv.notify_one();
  }

  void LintWorker() {
    std::unique_lock<std::mutex> lock(mu);
    while (!stopping) {
      if (lint_queue.empty()) {
        lint_cv.wait(lock);
        continue;
      }
      auto next =
          std::min_element(lint_queue.begin(), lint_queue.end(),
                           [](const auto& a, const auto& b) { return a.second < b.second; });
      if (next->second > Clock::now()) {
        lint_cv.wait_until(lock, next->second);
        continue;
      }
      const std::string uri = next->first;
      lint_queue.erase(next);
      auto it = docs.find(uri);
      if (it == docs.end()) continue;
      if (it->second.linted && Current(it->second, *it->second.linted)) continue;
      it->second.last_lint = Clock::now();
      const Snapshot s = Take(it->second);
      lock.unlock();
      bool wants = false;
      std::shared_ptr<const Linted> linted = LintSnapshot(s, nullptr, &wants);
      lock.lock();
      it = docs.find(uri);
      if (it == docs.end()) continue;
      Store(it->second, linted);
      if (wants && Current(it->second, *linted)) {
        shellcheck_queue.insert(uri);
        shellcheck_cv.notify_one();
      }
    }
  }

  /// ShellCheck's runs, one document at a time, so the rules' findings never wait for them;
  /// a version changed while ShellCheck ran is dropped, never published.
  void ShellCheckWorker() {
    std::unique_lock<std::mutex> lock(mu);
    while (!stopping) {
      if (shellcheck_queue.empty()) {
        shellcheck_cv.wait(lock);
        continue;
      }
      const std::string uri = *shellcheck_queue.begin();
      shellcheck_queue.erase(shellcheck_queue.begin());
      auto it = docs.find(uri);
      if (it == docs.end() || !it->second.linted || !Current(it->second, *it->second.linted) ||
          it->second.linted->complete) {
        continue;
      }
      if (!shellcheck_binary) {
        lock.unlock();
        std::string found = shellcheck::FindShellCheck();
        lock.lock();
        shellcheck_binary = std::move(found);
        // The documents may have changed meanwhile.
        it = docs.find(uri);
        if (it == docs.end()) continue;
      }
      if (shellcheck_binary->empty()) {
        if (!told_no_shellcheck) {
          told_no_shellcheck = true;
          Log(3, "`shellcheck` is not on PATH, so RUN scripts are not checked with it");
        }
        continue;
      }
      const Snapshot s = Take(it->second);
      const std::string binary = *shellcheck_binary;
      lock.unlock();
      std::shared_ptr<const Linted> linted = LintSnapshot(s, &binary, nullptr);
      lock.lock();
      it = docs.find(uri);
      if (it == docs.end()) continue;
      Store(it->second, linted);
      if (pull && refresh_support && Current(it->second, *linted)) {
        Request("workspace/diagnostic/refresh", nullptr);
      }
    }
  }

  void StartWorkers() {
    if (!options.threads || !workers.empty()) return;
    workers.emplace_back([this] { LintWorker(); });
    workers.emplace_back([this] { ShellCheckWorker(); });
  }

  void StopWorkers() {
    {
      std::lock_guard<std::mutex> lock(mu);
      stopping = true;
    }
    lint_cv.notify_all();
    shellcheck_cv.notify_all();
    for (std::thread& t : workers) t.join();
    workers.clear();
  }

  /// Configuration may have changed: every open document is linted again.
  void Reconfigure() {
    NewConfiguration();
    std::vector<std::string> uris;
    {
      std::lock_guard<std::mutex> lock(mu);
      for (const auto& [uri, doc] : docs) uris.push_back(uri);
    }
    for (const std::string& uri : uris) Schedule(uri);
    // A client that pulls asks again.
    if (pull && refresh_support) Request("workspace/diagnostic/refresh", nullptr);
  }

  // --- Requests.

  json Initialize(const json& params) {
    const json caps = params.value("capabilities", json::object());
    const json text_caps = caps.value("textDocument", json::object());
    pull = text_caps.contains("diagnostic") && text_caps["diagnostic"].is_object();
    const json workspace = caps.value("workspace", json::object());
    if (workspace.contains("diagnostics") && workspace["diagnostics"].is_object()) {
      refresh_support = workspace["diagnostics"].value("refreshSupport", false);
    }
    if (workspace.contains("workspaceEdit") && workspace["workspaceEdit"].is_object()) {
      const json& edit = workspace["workspaceEdit"];
      document_changes = edit.value("documentChanges", false);
      if (edit.contains("resourceOperations") && edit["resourceOperations"].is_array()) {
        for (const json& op : edit["resourceOperations"]) {
          if (op == "create") create_files = true;
        }
      }
    }
    if (workspace.contains("didChangeWatchedFiles") &&
        workspace["didChangeWatchedFiles"].is_object()) {
      watch_registration = workspace["didChangeWatchedFiles"].value("dynamicRegistration", false);
    }
    std::optional<std::string> folder;
    if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array() &&
        !params["workspaceFolders"].empty() && params["workspaceFolders"][0].is_object()) {
      folder = PathOfUri(params["workspaceFolders"][0].value("uri", ""));
    } else if (params.contains("rootUri") && params["rootUri"].is_string()) {
      folder = PathOfUri(params["rootUri"].get<std::string>());
    }
    std::error_code ec;
    if (folder && std::filesystem::is_directory(*folder, ec)) {
      root = *folder;
      NewConfiguration();
    }
    initialized = true;
    StartWorkers();
    return {
        {"capabilities",
         {{"positionEncoding", "utf-16"},
          {"textDocumentSync",
           {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
          {"diagnosticProvider",
           {{"identifier", "shipshape"},
            {"interFileDependencies", false},
            {"workspaceDiagnostics", false}}},
          {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source.fixAll", kFixAllKind}}}},
          {"hoverProvider", true}}},
        {"serverInfo", {{"name", "shipshape"}, {"version", SHIPSHAPE_VERSION}}}};
  }

  json PullDiagnostics(const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    std::shared_ptr<const Linted> linted = Ensure(uri);
    if (!linted) return {{"kind", "full"}, {"items", json::array()}};
    return {{"kind", "full"},
            {"resultId", fmt::format("{}.{}.{}", linted->generation, linted->version,
                                     linted->complete ? 1 : 0)},
            {"items", DiagnosticsJson(*linted->result)}};
  }

  /// The edits of other files (a `.dockerignore`) as workspace edit parts; false when the
  /// client cannot take them.
  bool FileEditsJson(const Linted& linted, const std::vector<base::FileEdit>& edits, json& changes,
                     json& document_changes_out) {
    for (const base::FileEdit& e : edits) {
      std::filesystem::path p(e.path);
      std::error_code ec;
      if (p.is_relative()) p = std::filesystem::absolute(p, ec);
      const std::string uri = UriOfPath(p.lexically_normal().string());
      const std::string before = e.expected.value_or("");
      const TextIndex index(before);
      const json edit = TextEditJson(index, {{static_cast<std::uint32_t>(before.size()),
                                              static_cast<std::uint32_t>(before.size())},
                                             e.append});
      if (document_changes) {
        if (!e.expected) {
          if (!create_files) return false;
          document_changes_out.push_back(
              {{"kind", "create"}, {"uri", uri}, {"options", {{"ignoreIfExists", true}}}});
        }
        document_changes_out.push_back({{"textDocument", {{"uri", uri}, {"version", nullptr}}},
                                        {"edits", json::array({edit})}});
      } else {
        if (!e.expected) return false;
        changes[uri].push_back(edit);
      }
    }
    return true;
  }

  /// A workspace edit: `edits` of the document, plus edits of other files.
  std::optional<json> WorkspaceEdit(const std::string& uri, int version, const Linted& linted,
                                    const std::vector<base::Edit>& edits,
                                    const std::vector<base::FileEdit>& file_edits) {
    const TextIndex index(linted.result->dockerfile.text());
    json text_edits = json::array();
    for (const base::Edit& e : edits) text_edits.push_back(TextEditJson(index, e));
    json changes = json::object();
    json doc_changes = json::array();
    if (document_changes) {
      if (!text_edits.empty()) {
        doc_changes.push_back(
            {{"textDocument", {{"uri", uri}, {"version", version}}}, {"edits", text_edits}});
      }
    } else if (!text_edits.empty()) {
      changes[uri] = text_edits;
    }
    if (!FileEditsJson(linted, file_edits, changes, doc_changes)) return std::nullopt;
    if (document_changes) return json{{"documentChanges", doc_changes}};
    return json{{"changes", changes}};
  }

  json CodeActions(const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    const TextRange range = RangeFrom(params.at("range"));
    std::vector<std::string> only;
    if (params.contains("context") && params["context"].is_object() &&
        params["context"].contains("only") && params["context"]["only"].is_array()) {
      for (const json& k : params["context"]["only"]) {
        if (k.is_string()) only.push_back(k.get<std::string>());
      }
    }
    // A kind is wanted when `only` is absent or names it or a parent of it.
    auto wanted = [&](std::string_view kind) {
      if (only.empty()) return true;
      return std::any_of(only.begin(), only.end(), [&](const std::string& k) {
        return kind == k ||
               (kind.starts_with(k) && kind.size() > k.size() && kind[k.size()] == '.');
      });
    };
    std::shared_ptr<const Linted> linted = Ensure(uri);
    json actions = json::array();
    if (!linted) return actions;
    const lint::FileResult& result = *linted->result;
    const std::string_view text = result.dockerfile.text();
    const TextIndex index(text);
    const base::Range wanted_bytes{
        index.OffsetOf(range.start),
        std::max(index.OffsetOf(range.start), index.OffsetOf(range.end))};
    bool any_safe = false;
    for (const base::Diagnostic& d : result.diagnostics) {
      if (!d.fix || d.fix->applicability == base::Applicability::kDisplayOnly) continue;
      if (d.fix->applicability == base::Applicability::kSafe) any_safe = true;
      if (!wanted("quickfix") || !Touches(d.range, wanted_bytes)) continue;
      const bool safe = d.fix->applicability == base::Applicability::kSafe;
      std::optional<json> edit =
          WorkspaceEdit(uri, linted->version, *linted, d.fix->edits, d.fix->file_edits);
      if (!edit) continue;
      std::string title = d.fix->title;
      if (!d.code.empty()) title = fmt::format("{} ({})", title, d.code);
      if (!safe) title += " [unsafe: may change behaviour]";
      actions.push_back({{"title", title},
                         {"kind", "quickfix"},
                         {"diagnostics", json::array({DiagnosticJson(index, d)})},
                         {"isPreferred", safe},
                         {"edit", *edit}});
    }
    if (any_safe && wanted(kFixAllKind)) {
      const std::string path = result.dockerfile.path();
      const lint::LintOptions lint_options = linted->options;
      const fix::Linter lint = [&](std::string t, const fix::FileChanges& files) {
        return lint::LintText(path, std::move(t), fix::OptionsWith(lint_options, files));
      };
      const fix::Outcome outcome = fix::FixLoop(std::string(text), fix::Level::kSafe, lint);
      if (!outcome.reverted && (outcome.text != text || !outcome.files.empty())) {
        std::vector<base::Edit> edits;
        if (outcome.text != text) edits.push_back(MinimalEdit(text, outcome.text));
        std::vector<base::FileEdit> file_edits;
        for (const auto& [file, change] : outcome.files) {
          if (change.original && change.text.starts_with(*change.original)) {
            file_edits.push_back(
                {file, change.original, change.text.substr(change.original->size())});
          } else if (!change.original) {
            file_edits.push_back({file, std::nullopt, change.text});
          }
        }
        int fixed = 0;
        for (const auto& [code, n] : outcome.fixed) fixed += n;
        std::optional<json> edit = WorkspaceEdit(uri, linted->version, *linted, edits, file_edits);
        if (edit) {
          actions.push_back({{"title", fmt::format("shipshape: fix all safe ({} {})", fixed,
                                                   fixed == 1 ? "fix" : "fixes")},
                             {"kind", kFixAllKind},
                             {"edit", *edit}});
        }
      }
    }
    return actions;
  }

  json Hover(const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    const Position pos = PositionFrom(params.at("position"));
    std::shared_ptr<const Linted> linted = Ensure(uri);
    if (!linted) return nullptr;
    const lint::FileResult& result = *linted->result;
    const TextIndex index(result.dockerfile.text());
    const std::uint32_t offset = index.OffsetOf(pos);
    std::vector<const base::Diagnostic*> found;
    base::Range span{offset, offset};
    for (const base::Diagnostic& d : result.diagnostics) {
      if (d.range.begin <= offset &&
          (offset < d.range.end || (d.range.empty() && offset == d.range.begin))) {
        found.push_back(&d);
      }
    }
    if (found.empty()) {
      // Anywhere on an instruction: the findings on it.
      for (const syntax::Instruction& in : result.dockerfile.instructions) {
        if (in.range.begin <= offset && offset <= in.range.end) {
          span = in.range;
          break;
        }
      }
      if (span.empty()) return nullptr;
      for (const base::Diagnostic& d : result.diagnostics) {
        if (Touches(d.range, span)) found.push_back(&d);
      }
    } else {
      span = found.front()->range;
    }
    if (found.empty()) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", HoverText(found)}}},
            {"range", RangeJson(index, span)}};
  }

  // --- Notifications.

  void DidOpen(const json& params) {
    const json& td = params.at("textDocument");
    Document doc;
    doc.uri = td.at("uri").get<std::string>();
    doc.version = td.value("version", 0);
    doc.text = std::make_shared<const std::string>(td.at("text").get<std::string>());
    if (std::optional<std::string> path = PathOfUri(doc.uri)) {
      std::error_code ec;
      std::filesystem::path p(*path);
      if (p.is_relative()) p = std::filesystem::absolute(p, ec);
      doc.path = p.lexically_normal().string();
    }
    const std::string uri = doc.uri;
    {
      std::lock_guard<std::mutex> lock(mu);
      docs[uri] = std::move(doc);
    }
    Schedule(uri);
  }

  void DidChange(const json& params) {
    const json& td = params.at("textDocument");
    const std::string uri = td.at("uri").get<std::string>();
    std::vector<Change> changes;
    for (const json& c : params.at("contentChanges")) {
      Change change;
      change.text = c.at("text").get<std::string>();
      if (c.contains("range") && !c["range"].is_null()) change.range = RangeFrom(c["range"]);
      changes.push_back(std::move(change));
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      auto it = docs.find(uri);
      if (it == docs.end()) return;
      std::string text = *it->second.text;
      for (const Change& c : changes) ApplyChange(text, c);
      it->second.text = std::make_shared<const std::string>(std::move(text));
      if (td.contains("version") && td["version"].is_number_integer()) {
        it->second.version = td["version"].get<int>();
      } else {
        ++it->second.version;
      }
    }
    Schedule(uri);
  }

  void DidClose(const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    {
      std::lock_guard<std::mutex> lock(mu);
      docs.erase(uri);
      lint_queue.erase(uri);
      shellcheck_queue.erase(uri);
    }
    if (!pull) {
      Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
    }
  }

  void DidSave(const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    const std::optional<std::string> path = PathOfUri(uri);
    if (path && IsConfigName(std::filesystem::path(*path).filename().string())) Reconfigure();
  }

  void RegisterWatchers() {
    if (!watch_registration) return;
    json watchers = json::array();
    for (const char* glob : {"**/.shipshape.yaml", "**/.shipshape.yml", "**/.hadolint.yaml",
                             "**/.hadolint.yml", "**/.dockerignore", "**/*.dockerignore"}) {
      watchers.push_back({{"globPattern", glob}});
    }
    Request("client/registerCapability",
            {{"registrations", json::array({{{"id", "shipshape-config-files"},
                                             {"method", "workspace/didChangeWatchedFiles"},
                                             {"registerOptions", {{"watchers", watchers}}}}})}});
  }

  // --- Dispatch.

  void Dispatch(const json& message) {
    if (!message.is_object()) {
      Error(nullptr, kInvalidRequest, "a JSON-RPC message is an object");
      return;
    }
    const bool has_id = message.contains("id");
    const bool valid_id = has_id && (message["id"].is_string() ||
                                     message["id"].is_number_integer() || message["id"].is_null());
    const json id = valid_id ? message["id"] : json(nullptr);
    if (!message.contains("method")) {
      // A response to one of our requests (registration, refresh): nothing to do.
      if (message.contains("result") || message.contains("error")) return;
      Error(id, kInvalidRequest, "a request without `method`");
      return;
    }
    const json& method_json = message["method"];
    // `exit` ends the session whatever comes with it.
    if (method_json == "exit") {
      exited = true;
      return;
    }
    if (!has_id) {
      // A malformed notification has no one to tell: it is dropped.
      if (!method_json.is_string()) return;
    } else if (!valid_id) {
      Error(nullptr, kInvalidRequest, "`id` is a number or a string");
      return;
    } else if (!method_json.is_string()) {
      Error(id, kInvalidRequest, "`method` is a string");
      return;
    }
    const std::string method = method_json.get<std::string>();
    const json params = message.contains("params") && !message["params"].is_null()
                            ? message["params"]
                            : json::object();
    if (!params.is_object() && !params.is_array()) {
      if (has_id) Error(id, kInvalidRequest, "`params` is an object or an array");
      return;
    }
    try {
      if (!has_id) {
        HandleNotification(method, params);
        return;
      }
      HandleRequest(id, method, params);
    } catch (const json::exception& e) {
      if (has_id)
        Error(id, kInvalidParams, fmt::format("invalid params for {}: {}", method, e.what()));
    } catch (const std::exception& e) {
      if (has_id) Error(id, kInternalError, fmt::format("{} failed: {}", method, e.what()));
    }
  }

  void HandleRequest(const json& id, const std::string& method, const json& params) {
    if (method == "initialize") {
      if (initialized) {
        Error(id, kInvalidRequest, "initialize was already received");
        return;
      }
      Respond(id, Initialize(params));
      return;
    }
    if (!initialized) {
      Error(id, kServerNotInitialized, "the server is not initialized");
      return;
    }
    if (shutdown) {
      Error(id, kInvalidRequest, "the server is shutting down");
      return;
    }
    if (method == "shutdown") {
      shutdown = true;
      Respond(id, nullptr);
      return;
    }
    if (method == "textDocument/diagnostic") {
      Respond(id, PullDiagnostics(params));
    } else if (method == "textDocument/codeAction") {
      Respond(id, CodeActions(params));
    } else if (method == "textDocument/hover") {
      Respond(id, Hover(params));
    } else {
      Error(id, kMethodNotFound, fmt::format("no method {}", method));
    }
  }

  void HandleNotification(const std::string& method, const json& params) {
    if (!initialized || shutdown) return;
    if (method == "initialized") {
      RegisterWatchers();
    } else if (method == "textDocument/didOpen") {
      DidOpen(params);
    } else if (method == "textDocument/didChange") {
      DidChange(params);
    } else if (method == "textDocument/didClose") {
      DidClose(params);
    } else if (method == "textDocument/didSave") {
      DidSave(params);
    } else if (method == "workspace/didChangeConfiguration" ||
               method == "workspace/didChangeWatchedFiles") {
      Reconfigure();
    }
    // Other notifications ($/cancelRequest, $/setTrace, ...) need nothing: requests are
    // answered as they come.
  }
};

Server::Server(ServerOptions options, Writer writer)
    : impl_(std::make_unique<Impl>(options, std::move(writer))) {}

Server::~Server() = default;

void Server::Handle(std::string_view body) {
  json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    impl_->Error(nullptr, kParseError, "the message is not valid JSON");
    return;
  }
  impl_->Dispatch(message);
}

void Server::FramingError(std::string_view what) {
  impl_->Error(nullptr, kParseError, fmt::format("bad message framing: {}", what));
}

bool Server::exited() const { return impl_->exited; }

int Server::exit_code() const { return impl_->shutdown ? 0 : 1; }

int Serve(int in_fd, int out_fd, const ServerOptions& options) {
  Server server(options, [out_fd](const std::string& body) {
    const std::string framed = Frame(body);
    std::size_t done = 0;
    while (done < framed.size()) {
      const ssize_t n = write(out_fd, framed.data() + done, framed.size() - done);
      if (n <= 0) return;
      done += static_cast<std::size_t>(n);
    }
  });
  FrameReader reader;
  std::string body, error;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = read(in_fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    reader.Feed(std::string_view(buffer, static_cast<std::size_t>(n)));
    while (true) {
      const FrameReader::Status status = reader.Next(body, error);
      if (status == FrameReader::Status::kNeedMore) break;
      if (status == FrameReader::Status::kError) {
        server.FramingError(error);
        continue;
      }
      server.Handle(body);
      if (server.exited()) return server.exit_code();
    }
  }
  // The client went away without `exit`.
  return server.exit_code();
}

}  // namespace shipshape::lsp
