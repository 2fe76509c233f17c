#include "test_data.h"

#include <gtest/gtest.h>

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

}  // namespace shipshape::testing
