// `shipshape lsp` end to end: the real binary in its own process, driven over pipes by
// LspClient through a whole session (initialize, open, change, diagnostics pushed and pulled,
// code actions applied, hover, configuration change, ShellCheck's findings arriving later,
// malformed input, shutdown and exit).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>

#include "lsp/text.h"
#include "test_data.h"
#include "tests/lsp/client.h"

namespace shipshape::testing {
namespace {

using json = nlohmann::json;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

/// A temporary folder, removed at the end.
struct TempDir {
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "shipshape-lsp-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
  fs::path path;
};

std::set<std::string> Codes(const json& diagnostics) {
  std::set<std::string> codes;
  for (const json& d : diagnostics) codes.insert(d.value("code", ""));
  return codes;
}

const json* Find(const json& diagnostics, const std::string& code) {
  for (const json& d : diagnostics) {
    if (d.value("code", "") == code) return &d;
  }
  return nullptr;
}

/// Applies the text edits of a workspace edit's `changes` for `uri` to `text`, as an editor
/// does (edits refer to the text before any of them; applied from the last).
std::string ApplyEdits(std::string text, const json& edits) {
  std::vector<std::pair<lsp::TextRange, std::string>> list;
  for (const json& e : edits) {
    const json& r = e["range"];
    list.push_back(
        {{{r["start"]["line"], r["start"]["character"]}, {r["end"]["line"], r["end"]["character"]}},
         e["newText"]});
  }
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.start.line, a.first.start.character) >
           std::tie(b.first.start.line, b.first.start.character);
  });
  for (const auto& [range, new_text] : list) lsp::ApplyChange(text, {range, new_text});
  return text;
}

json Range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

/// A didChange notification with one change.
json ChangeMessage(const std::string& uri, int version, json change) {
  return {{"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params",
           {{"textDocument", {{"uri", uri}, {"version", version}}},
            {"contentChanges", json::array({std::move(change)})}}}};
}

class LspSession : public ::testing::Test {
 protected:
  void SetUp() override {
    // ShellCheck on in its own test only, where its later republishing is the point.
    dir_.Write(".shipshape.yaml", "ignore: [DL3006, SP701]\nshellcheck: never\n");
    std::string error;
    // A long debounce interval, so that two changes sent together right after a lint are
    // always coalesced.
    ASSERT_TRUE(client_.Start(SHIPSHAPE_BINARY, {"lsp", "--stdio", "--debounce-ms", "300"},
                              dir_.path.string(), error, env_))
        << error;
    const int id = client_.Request("initialize", {{"processId", getpid()},
                                                  {"rootUri", lsp::UriOfPath(dir_.path.string())},
                                                  {"capabilities", json::object()}});
    const std::optional<json> r = client_.Response(id, 20s);
    ASSERT_TRUE(r) << "no answer to initialize";
    init_ = *r;
    client_.Notify("initialized", json::object());
  }

  /// Opens `text` as the Dockerfile in the folder; returns its URI.
  std::string Open(const std::string& name, const std::string& text) {
    dir_.Write(name, text);
    const std::string uri = lsp::UriOfPath((dir_.path / name).string());
    client_.Notify(
        "textDocument/didOpen",
        {{"textDocument",
          {{"uri", uri}, {"languageId", "dockerfile"}, {"version", 1}, {"text", text}}}});
    return uri;
  }

  json Published(const std::string& uri, int version) {
    std::optional<json> p = client_.Published(uri, version, 20s);
    EXPECT_TRUE(p) << "no diagnostics for version " << version;
    return p ? (*p)["params"]["diagnostics"] : json::array();
  }

  json Call(const std::string& method, json params) {
    const int id = client_.Request(method, std::move(params));
    std::optional<json> r = client_.Response(id, 20s);
    EXPECT_TRUE(r) << "no answer to " << method;
    EXPECT_TRUE(r && r->contains("result")) << (r ? r->dump() : "");
    return r ? r->value("result", json()) : json();
  }

  TempDir dir_;
  /// Set in the server's environment.
  std::vector<std::pair<std::string, std::string>> env_;
  LspClient client_;
  json init_;
};

/// The server finds a `shellcheck` that waits a second before running the real one, so that a
/// change always lands while ShellCheck checks the version before it.
class SlowShellCheck : public LspSession {
 protected:
  void SetUp() override {
    fs::create_directories(bin_.path);
    const std::string real = Which("shellcheck");
    ASSERT_FALSE(real.empty()) << "shellcheck is not on PATH (scripts/setup-deps.sh installs it)";
    {
      std::ofstream script(bin_.path / "shellcheck");
      script << "#!/bin/sh\nsleep 1\nexec " << real << " \"$@\"\n";
    }
    fs::permissions(bin_.path / "shellcheck", fs::perms::owner_all);
    env_.push_back({"PATH", bin_.path.string() + ":" + std::getenv("PATH")});
    LspSession::SetUp();
  }

  static std::string Which(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    std::size_t start = 0;
    while (start <= dirs.size()) {
      std::size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
      start = end + 1;
    }
    return "";
  }

  TempDir bin_;
};

TEST_F(LspSession, AWholeSession) {
  const json& caps = init_["result"]["capabilities"];
  EXPECT_EQ(caps["textDocumentSync"]["change"], 2);
  EXPECT_EQ(caps["positionEncoding"], "utf-16");
  EXPECT_TRUE(caps["hoverProvider"].get<bool>());
  EXPECT_EQ(init_["result"]["serverInfo"]["name"], "shipshape");

  // é is 2 bytes and 1 UTF-16 unit, 😀 4 bytes and 2 units: `sudo` is at byte 21, code point 17,
  // UTF-16 unit 18. FROM without a tag would be DL3006, which the folder's config ignores.
  std::string text =
      "FROM debian\n"
      "RUN echo \"é😀\" && sudo ls\n"
      "ADD a.txt /a.txt\n";
  const std::string uri = Open("Dockerfile", text);
  json diags = Published(uri, 1);
  EXPECT_EQ(Codes(diags), (std::set<std::string>{"DL3004", "DL3020"})) << diags;
  const json* sudo = Find(diags, "DL3004");
  ASSERT_NE(sudo, nullptr);
  EXPECT_EQ((*sudo)["range"]["start"]["line"], 1);
  EXPECT_EQ((*sudo)["range"]["start"]["character"], 18) << *sudo;
  EXPECT_EQ((*sudo)["source"], "shipshape");

  // Exactly what `shipshape lint` reports on the file (its folder's config applies to both).
  const ProcessResult cli = RunShipshape({"lint", "-f", "json", "Dockerfile"}, dir_.path.string());
  ASSERT_EQ(cli.exit_code, 1) << cli.err;
  std::set<std::pair<std::string, int>> from_cli, from_lsp;
  for (const json& d : json::parse(cli.out)) {
    from_cli.insert({d["code"].get<std::string>(), d["line"].get<int>() - 1});
    const json* same = Find(diags, d["code"]);
    ASSERT_NE(same, nullptr) << d;
    EXPECT_EQ((*same)["message"], d["message"]);
  }
  for (const json& d : diags) {
    from_lsp.insert({d["code"].get<std::string>(), d["range"]["start"]["line"].get<int>()});
  }
  EXPECT_EQ(from_lsp, from_cli);

  // Two incremental changes in one write, right after version 1 was linted (so within the
  // debounce interval): only the newest version is linted and published.
  const std::string v2 = lsp::Frame(
      ChangeMessage(uri, 2, {{"range", Range(3, 0, 3, 0)}, {"text", "MAINTAINER me\n"}}).dump());
  // Deletes `sudo ` (UTF-16 units 18-23 of line 1).
  const std::string v3 =
      lsp::Frame(ChangeMessage(uri, 3, {{"range", Range(1, 18, 1, 23)}, {"text", ""}}).dump());
  ASSERT_TRUE(client_.SendRaw(v2 + v3));
  text = "FROM debian\nRUN echo \"é😀\" && ls\nADD a.txt /a.txt\nMAINTAINER me\n";
  diags = Published(uri, 3);
  EXPECT_EQ(Codes(diags), (std::set<std::string>{"DL3020", "DL4000"})) << diags;
  for (const json& m : client_.inbox()) {
    EXPECT_FALSE(m.value("method", "") == "textDocument/publishDiagnostics" &&
                 m["params"].value("version", 0) == 2)
        << "a stale version was published: " << m;
  }

  // Pull diagnostics agree with the pushed ones.
  const json pulled = Call("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
  EXPECT_EQ(pulled["kind"], "full");
  EXPECT_EQ(pulled["items"], diags);

  // "Fix all safe" as a source action (DL3020's fix is safe, DL4000's is not), applied as an
  // editor would, then sent back.
  json actions = Call("textDocument/codeAction",
                      {{"textDocument", {{"uri", uri}}},
                       {"range", Range(0, 0, 0, 0)},
                       {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}});
  ASSERT_EQ(actions.size(), 1u) << actions;
  EXPECT_EQ(actions[0]["kind"], "source.fixAll.shipshape");
  text = ApplyEdits(text, actions[0]["edit"]["changes"][uri]);
  EXPECT_EQ(text, "FROM debian\nRUN echo \"é😀\" && ls\nCOPY a.txt /a.txt\nMAINTAINER me\n");
  ASSERT_TRUE(client_.Send(ChangeMessage(uri, 4, {{"text", text}})));
  diags = Published(uri, 4);
  EXPECT_EQ(Codes(diags), (std::set<std::string>{"DL4000"})) << diags;

  // The quick fix on the MAINTAINER line is unsafe, and says so.
  actions = Call("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                             {"range", Range(3, 2, 3, 2)},
                                             {"context", {{"diagnostics", json::array()}}}});
  const json* quick = nullptr;
  for (const json& a : actions) {
    if (a["kind"] == "quickfix") quick = &a;
  }
  ASSERT_NE(quick, nullptr) << actions;
  EXPECT_NE((*quick)["title"].get<std::string>().find("DL4000"), std::string::npos) << *quick;
  EXPECT_NE((*quick)["title"].get<std::string>().find("unsafe"), std::string::npos) << *quick;
  EXPECT_EQ((*quick)["isPreferred"], false);
  EXPECT_EQ((*quick)["diagnostics"][0]["code"], "DL4000");
  const std::string quick_fixed = ApplyEdits(text, (*quick)["edit"]["changes"][uri]);
  EXPECT_EQ(quick_fixed.find("MAINTAINER"), std::string::npos) << quick_fixed;
  EXPECT_NE(quick_fixed.find("LABEL"), std::string::npos) << quick_fixed;

  // Hover on the finding shows the rule's page.
  const json hover = Call("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                                 {"position", {{"line", 3}, {"character", 3}}}});
  const std::string doc = hover["contents"]["value"];
  EXPECT_NE(doc.find("DL4000"), std::string::npos) << doc;
  EXPECT_NE(doc.find("Why is this bad?"), std::string::npos) << doc;

  // The folder's configuration changes: open files are linted again with it.
  dir_.Write(".shipshape.yaml", "ignore: [DL3006, SP701, DL4000]\nshellcheck: never\n");
  client_.Notify("workspace/didChangeConfiguration", {{"settings", json::object()}});
  diags = Published(uri, 4);
  EXPECT_TRUE(diags.empty()) << diags;

  // Malformed input gets errors; the server goes on.
  ASSERT_TRUE(client_.SendRaw(lsp::Frame("{\"jsonrpc\": \"2.0\", \"id\": 99, ")));
  std::optional<json> error =
      client_.WaitFor([](const json& m) { return m.contains("error") && m["id"].is_null(); }, 20s);
  ASSERT_TRUE(error);
  EXPECT_EQ((*error)["error"]["code"], -32700);
  ASSERT_TRUE(client_.SendRaw("Content-Type: nothing\r\n\r\n"));
  error = client_.WaitFor([](const json& m) { return m.contains("error"); }, 20s);
  ASSERT_TRUE(error);
  EXPECT_EQ((*error)["error"]["code"], -32700);
  const int bad = client_.Request("textDocument/hover", {{"textDocument", 1}});
  std::optional<json> r = client_.Response(bad, 20s);
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)["error"]["code"], -32602);

  client_.Notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  EXPECT_TRUE(Published(uri, -1).empty());

  EXPECT_TRUE(Call("shutdown", nullptr).is_null());
  client_.Notify("exit", json::object());
  EXPECT_EQ(client_.Wait(20s), 0);
}

TEST_F(LspSession, ShellCheckFindingsArriveAfterTheRules) {
  // setup-deps.sh installs ShellCheck; this checks the asynchronous path, so it needs it.
  ASSERT_EQ(std::system("command -v shellcheck >/dev/null"), 0) << "shellcheck is not on PATH";
  dir_.Write(".shipshape.yaml", "ignore: [SP701]\nshellcheck: always\n");
  client_.Notify("workspace/didChangeConfiguration", {{"settings", json::object()}});
  const std::string uri = Open("Dockerfile", "FROM debian:12\nRUN echo $1 && sudo ls\n");
  // First the rules' findings, at once; then the same version again with ShellCheck's.
  const json fast = Published(uri, 1);
  EXPECT_EQ(Codes(fast), (std::set<std::string>{"DL3004"})) << fast;
  const json full = Published(uri, 1);
  EXPECT_TRUE(Codes(full).contains("SC2086")) << full;
  EXPECT_TRUE(Codes(full).contains("DL3004")) << full;

  EXPECT_TRUE(Call("shutdown", nullptr).is_null());
  client_.Notify("exit", json::object());
  EXPECT_EQ(client_.Wait(20s), 0);
}

TEST_F(SlowShellCheck, NeverPublishedForAnOldVersion) {
  dir_.Write(".shipshape.yaml", "ignore: [SP701]\nshellcheck: always\n");
  client_.Notify("workspace/didChangeConfiguration", {{"settings", json::object()}});
  const std::string uri = Open("Dockerfile", "FROM debian:12\nRUN echo $1 && sudo ls\n");
  EXPECT_EQ(Codes(Published(uri, 1)), (std::set<std::string>{"DL3004"}));
  // ShellCheck is now checking version 1 (for a second): version 2 arrives meanwhile.
  std::this_thread::sleep_for(200ms);
  ASSERT_TRUE(client_.Send(ChangeMessage(uri, 2, {{"text", "FROM debian:12\nRUN echo $2\n"}})));
  EXPECT_TRUE(Published(uri, 2).empty());
  const json full = Published(uri, 2);
  EXPECT_EQ(Codes(full), (std::set<std::string>{"SC2086"})) << full;
  EXPECT_EQ(full[0]["range"]["start"], json({{"line", 1}, {"character", 9}})) << full;
  for (const json& m : client_.inbox()) {
    EXPECT_NE(m.value("method", ""), "textDocument/publishDiagnostics")
        << "published after version 2's findings: " << m;
  }
  EXPECT_TRUE(Call("shutdown", nullptr).is_null());
  client_.Notify("exit", json::object());
  EXPECT_EQ(client_.Wait(20s), 0);
}

TEST_F(LspSession, ExitWithoutShutdownAndEndOfInput) {
  client_.Notify("exit", json::object());
  EXPECT_EQ(client_.Wait(20s), 1);
}

}  // namespace
}  // namespace shipshape::testing
