#include "test_data.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
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

}  // namespace shipshape::testing
