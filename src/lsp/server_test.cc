// The server in process, linting inline (ServerOptions::threads = false): the dispatch and its
// errors, diagnostics, code actions and hover. tests/lsp/ drives the real binary end to end.
#include "lsp/server.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace shipshape::lsp {
namespace {

using json = nlohmann::json;

class ServerTest : public ::testing::Test {
 protected:
  ServerTest()
      : server_({std::chrono::milliseconds(0), /*threads=*/false},
                [this](const std::string& body) { sent_.push_back(json::parse(body)); }) {}

  /// Sends `message` and returns what the server sent back.
  std::vector<json> Send(const json& message) {
    sent_.clear();
    server_.Handle(message.dump());
    return sent_;
  }

  json Request(const std::string& method, json params) {
    const std::vector<json> out =
        Send({{"jsonrpc", "2.0"}, {"id", ++id_}, {"method", method}, {"params", params}});
    for (const json& m : out) {
      if (m.contains("id") && m["id"] == id_) return m;
    }
    ADD_FAILURE() << "no response to " << method;
    return {};
  }

  void Initialize(json capabilities = json::object()) {
    const json r = Request("initialize", {{"capabilities", capabilities}});
    ASSERT_TRUE(r.contains("result")) << r;
  }

  std::vector<json> Open(const std::string& uri, const std::string& text) {
    return Send(
        {{"jsonrpc", "2.0"},
         {"method", "textDocument/didOpen"},
         {"params",
          {{"textDocument",
            {{"uri", uri}, {"languageId", "dockerfile"}, {"version", 1}, {"text", text}}}}}});
  }

  Server server_;
  std::vector<json> sent_;
  int id_ = 0;
};

TEST_F(ServerTest, BadInputGetsJsonRpcErrors) {
  sent_.clear();
  server_.Handle("{not json");
  ASSERT_EQ(sent_.size(), 1u);
  EXPECT_EQ(sent_[0]["error"]["code"], -32700);
  EXPECT_TRUE(sent_[0]["id"].is_null());

  EXPECT_EQ(Send(json::array({1, 2}))[0]["error"]["code"], -32600);
  EXPECT_EQ(Send({{"jsonrpc", "2.0"}, {"id", 1}})[0]["error"]["code"], -32600);
  EXPECT_EQ(Send({{"jsonrpc", "2.0"}, {"id", {{"x", 1}}}, {"method", "a"}})[0]["error"]["code"],
            -32600);
  // Before initialize.
  EXPECT_EQ(Request("textDocument/hover", json::object())["error"]["code"], -32002);
  Initialize();
  EXPECT_EQ(Request("initialize", json::object())["error"]["code"], -32600);
  EXPECT_EQ(Request("no/such", json::object())["error"]["code"], -32601);
  EXPECT_EQ(Request("textDocument/hover", {{"textDocument", 3}})["error"]["code"], -32602);
  EXPECT_EQ(Request("textDocument/codeAction", json::object())["error"]["code"], -32602);
  // A bad notification is dropped; the server goes on.
  EXPECT_TRUE(
      Send({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}, {"params", 1}}).empty());
  EXPECT_TRUE(Send({{"jsonrpc", "2.0"},
                    {"method", "textDocument/didChange"},
                    {"params", {{"contentChanges", "x"}}}})
                  .empty());
  // A response (to the server's own requests) needs no answer.
  EXPECT_TRUE(Send({{"jsonrpc", "2.0"}, {"id", "shipshape-1"}, {"result", nullptr}}).empty());
  EXPECT_TRUE(Send({{"jsonrpc", "2.0"}, {"id", {{"x", 1}}}, {"error", {{"code", 1}}}}).empty());
  server_.FramingError("a header block without Content-Length");
  EXPECT_EQ(sent_.back()["error"]["code"], -32700);
  EXPECT_FALSE(server_.exited());
}

TEST_F(ServerTest, ShutdownThenExit) {
  Initialize();
  EXPECT_TRUE(Request("shutdown", nullptr)["result"].is_null());
  EXPECT_EQ(Request("textDocument/hover", json::object())["error"]["code"], -32600);
  Send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  EXPECT_TRUE(server_.exited());
  EXPECT_EQ(server_.exit_code(), 0);
}

TEST_F(ServerTest, ExitWithoutShutdownIsCodeOne) {
  Initialize();
  // Whatever comes with it.
  EXPECT_TRUE(Send({{"jsonrpc", "2.0"}, {"id", 7}, {"method", "exit"}, {"params", 3}}).empty());
  EXPECT_TRUE(server_.exited());
  EXPECT_EQ(server_.exit_code(), 1);
}

TEST_F(ServerTest, PublishesWithUtf16PositionsAfterNonAscii) {
  Initialize();
  // é is 2 bytes and 1 UTF-16 unit, 😀 4 bytes and 2 units: `sudo` starts at byte 21, code
  // point 17, UTF-16 unit 18.
  const std::vector<json> out = Open("untitled:b", "FROM alpine\nRUN echo \"é😀\" && sudo ls\n");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["method"], "textDocument/publishDiagnostics");
  EXPECT_EQ(out[0]["params"]["version"], 1);
  bool sudo = false;
  for (const json& d : out[0]["params"]["diagnostics"]) {
    if (d["code"] == "DL3004") {
      sudo = true;
      EXPECT_EQ(d["range"]["start"], json({{"line", 1}, {"character", 18}})) << d;
      EXPECT_EQ(d["range"]["end"], json({{"line", 1}, {"character", 22}})) << d;
    }
  }
  EXPECT_TRUE(sudo) << out[0];
}

TEST_F(ServerTest, CodeActionsAndHover) {
  Initialize();
  Open("untitled:c", "FROM alpine\nMAINTAINER me\nADD a.txt /a\nUSER 10001\n");
  const json actions = Request(
      "textDocument/codeAction",
      {{"textDocument", {{"uri", "untitled:c"}}},
       {"range",
        {{"start", {{"line", 2}, {"character", 0}}}, {"end", {{"line", 2}, {"character", 0}}}}},
       {"context", {{"diagnostics", json::array()}}}})["result"];
  ASSERT_TRUE(actions.is_array()) << actions;
  bool quickfix = false, fix_all = false;
  for (const json& a : actions) {
    if (a["kind"] == "quickfix") {
      quickfix = true;
      EXPECT_NE(a["title"].get<std::string>().find("DL3020"), std::string::npos) << a;
      const json& edit = a["edit"]["changes"]["untitled:c"][0];
      EXPECT_EQ(edit["newText"], "COPY");
      EXPECT_EQ(edit["range"]["start"]["line"], 2);
    }
    if (a["kind"] == "source.fixAll.shipshape") fix_all = true;
  }
  EXPECT_TRUE(quickfix) << actions;
  EXPECT_TRUE(fix_all) << actions;

  const json hover = Request("textDocument/hover", {{"textDocument", {{"uri", "untitled:c"}}},
                                                    {"position", {{"line", 2}, {"character", 8}}}});
  const std::string text = hover["result"]["contents"]["value"];
  EXPECT_NE(text.find("DL3020"), std::string::npos) << text;
  EXPECT_NE(text.find("What it does"), std::string::npos) << text;
  // Nothing to say on a clean line.
  const json none = Request("textDocument/hover", {{"textDocument", {{"uri", "untitled:c"}}},
                                                   {"position", {{"line", 3}, {"character", 1}}}});
  EXPECT_TRUE(none["result"].is_null()) << none;
}

TEST_F(ServerTest, PullDiagnosticsWithoutPush) {
  Initialize({{"textDocument", {{"diagnostic", json::object()}}}});
  // A client that pulls is not pushed to.
  EXPECT_TRUE(Open("untitled:d", "FROM debian:latest\n").empty());
  const json r = Request("textDocument/diagnostic", {{"textDocument", {{"uri", "untitled:d"}}}});
  ASSERT_EQ(r["result"]["kind"], "full");
  bool latest = false;
  for (const json& d : r["result"]["items"]) latest = latest || d["code"] == "DL3007";
  EXPECT_TRUE(latest) << r;
}

TEST_F(ServerTest, AConfigurationChangeAsksAPullingClientToPullAgain) {
  Initialize({{"textDocument", {{"diagnostic", json::object()}}},
              {"workspace", {{"diagnostics", {{"refreshSupport", true}}}}}});
  Open("untitled:e", "FROM debian:latest\n");
  const std::vector<json> out = Send({{"jsonrpc", "2.0"},
                                      {"method", "workspace/didChangeConfiguration"},
                                      {"params", {{"settings", json::object()}}}});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["method"], "workspace/diagnostic/refresh");
  EXPECT_TRUE(out[0].contains("id"));
}

TEST_F(ServerTest, AsksToWatchConfigFilesWhenTheClientCan) {
  Initialize({{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
  const std::vector<json> out =
      Send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]["method"], "client/registerCapability");
  EXPECT_TRUE(out[0].contains("id"));
  const json& reg = out[0]["params"]["registrations"][0];
  EXPECT_EQ(reg["method"], "workspace/didChangeWatchedFiles");
  std::set<std::string> globs;
  for (const json& w : reg["registerOptions"]["watchers"]) globs.insert(w["globPattern"]);
  EXPECT_TRUE(globs.contains("**/.shipshape.yaml"));
  EXPECT_TRUE(globs.contains("**/.hadolint.yaml"));
  EXPECT_TRUE(globs.contains("**/.dockerignore"));
  // The client's answer needs none.
  EXPECT_TRUE(Send({{"jsonrpc", "2.0"}, {"id", out[0]["id"]}, {"result", nullptr}}).empty());
}

TEST_F(ServerTest, NoRegistrationWithoutTheCapability) {
  Initialize();
  EXPECT_TRUE(
      Send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}}).empty());
}

}  // namespace
}  // namespace shipshape::lsp
