// The corpus (../shared/corpus/files, or $SHIPSHAPE_SHARED_DIR/corpus/files) read once, in path
// order, for the microbenchmarks.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace shipshape::bench {

inline const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> files = [] {
    std::vector<std::string> out;
    const char* env = std::getenv("SHIPSHAPE_SHARED_DIR");
    const std::filesystem::path dir =
        std::filesystem::path(env && *env ? env : SHIPSHAPE_SHARED_DIR) / "corpus" / "files";
    std::vector<std::filesystem::path> paths;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         it != std::filesystem::recursive_directory_iterator(); ++it) {
      if (it->is_regular_file()) paths.push_back(it->path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
    return out;
  }();
  return files;
}

inline std::size_t CorpusBytes() {
  std::size_t n = 0;
  for (const std::string& f : Corpus()) n += f.size();
  return n;
}

}  // namespace shipshape::bench
