// `shipshape parse --dump` as a process, over the whole corpus: the same bytes BuildKit's dump
// has (plus a newline) and exit 0, or exit 1 with BuildKit's error on stderr.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "test_data.h"

namespace shipshape {
namespace {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
};

/// Runs `command` through the shell and collects its stdout (stderr folded in with 2>&1).
ProcessResult RunCommand(const std::string& command) {
  ProcessResult run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  char buffer[65536];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// SHIPSHAPE_CLI_CORPUS_STRIDE=N checks every Nth file only. `make test-sanitize` sets it: 6,445
// processes under ASan take minutes, while the same parser runs on every file in-process
// (CorpusConformance) and through one CLI process (CliCorpus.LintEveryFile...) under ASan too.
// `make test` always checks every file.
std::size_t Stride() {
  const char* env = std::getenv("SHIPSHAPE_CLI_CORPUS_STRIDE");
  const long n = env ? std::strtol(env, nullptr, 10) : 1;
  return n > 1 ? static_cast<std::size_t>(n) : 1;
}

TEST(CliCorpus, ParseDumpMatchesBuildKitForEveryFile) {
  const std::size_t stride = Stride();
  const std::string all =
      testing::ReadGzipOrFail(testing::SharedPath("conformance/buildkit-corpus/dumps.jsonl.gz"));
  ASSERT_FALSE(all.empty());
  std::size_t identical = 0, rejected = 0, total = 0;
  std::size_t accepted_in_data = 0, rejected_in_data = 0, accepted_checked = 0,
              rejected_checked = 0;
  for (std::size_t pos = 0; pos < all.size();) {
    std::size_t nl = all.find('\n', pos);
    if (nl == std::string::npos) nl = all.size();
    const nlohmann::json j = nlohmann::json::parse(all.substr(pos, nl - pos), nullptr, false);
    pos = nl + 1;
    if (!j.is_object()) continue;
    const bool has_dump = j.contains("dump");
    ++(has_dump ? accepted_in_data : rejected_in_data);
    if (total++ % stride != 0) continue;
    ++(has_dump ? accepted_checked : rejected_checked);
    const std::string sha1 = j["sha1"].get<std::string>();
    const std::string path =
        testing::SharedPath("corpus/files/" + sha1.substr(0, 2) + "/" + sha1 + ".Dockerfile");
    if (j.contains("dump")) {
      const ProcessResult run =
          RunCommand(std::string(SHIPSHAPE_BINARY) + " parse --dump '" + path + "'");
      if (run.exit_code == 0 && run.out == j["dump"].get<std::string>() + "\n") {
        ++identical;
      } else {
        ADD_FAILURE() << sha1 << ": exit " << run.exit_code;
      }
    } else {
      const ProcessResult run =
          RunCommand(std::string(SHIPSHAPE_BINARY) + " parse --dump '" + path + "' 2>&1");
      if (run.exit_code == 1 && run.out.find(j["error"].get<std::string>()) != std::string::npos) {
        ++rejected;
      } else {
        ADD_FAILURE() << sha1 << ": exit " << run.exit_code << ": " << run.out;
      }
    }
  }
  EXPECT_EQ(total, 6445u);
  EXPECT_EQ(accepted_in_data, 6429u);
  EXPECT_EQ(rejected_in_data, 16u);
  EXPECT_EQ(identical, accepted_checked);
  EXPECT_EQ(rejected, rejected_checked);
  if (stride == 1) {
    EXPECT_EQ(identical + rejected, 6445u);
  }
}

}  // namespace
}  // namespace shipshape
