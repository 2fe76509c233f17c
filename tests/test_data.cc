#include "test_data.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace shipshape::testing {

std::string SharedPath(const std::string& relative) {
  const char* env = std::getenv("SHIPSHAPE_SHARED_DIR");
  std::string base = env && *env ? env : SHIPSHAPE_SHARED_DIR;
  return base + "/" + relative;
}

std::string SourcePath(const std::string& relative) {
  return std::string(SHIPSHAPE_SOURCE_DIR) + "/" + relative;
}

std::string ReadFileOrFail(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path
                  << " (set SHIPSHAPE_SHARED_DIR to the folder holding conformance/ and corpus/)";
    return {};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string ReadGzipOrFail(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) {
    ADD_FAILURE() << "cannot read " << path;
    return out;
  }
  char buffer[1 << 16];
  int n;
  while ((n = gzread(f, buffer, sizeof buffer)) > 0)
    out.append(buffer, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
}

ProcessResult RunShipshape(const std::vector<std::string>& args, const std::string& cwd,
                           const std::vector<std::pair<std::string, std::string>>& env) {
  ProcessResult result;
  std::vector<std::string> argv = {SHIPSHAPE_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargs;
  for (std::string& a : argv) cargs.push_back(a.data());
  cargs.push_back(nullptr);
  const std::filesystem::path tmp = std::filesystem::temp_directory_path();
  const std::string base = (tmp / ("shipshape-run-" + std::to_string(getpid()))).string();
  const std::string out = base + ".out", err = base + ".err";
  const pid_t pid = fork();
  if (pid < 0) return result;
  if (pid == 0) {
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int in = open("/dev/null", O_RDONLY);
    if (o < 0 || e < 0 || in < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0 || dup2(in, 0) < 0) _exit(127);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    execv(cargs[0], cargs.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) == pid && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  result.out = ReadFileOrFail(out);
  result.err = ReadFileOrFail(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return result;
}

}  // namespace shipshape::testing
