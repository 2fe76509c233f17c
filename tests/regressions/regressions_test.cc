// Replays tests/regressions/<target>/* through the fuzz targets (fuzz/targets.h): inputs that
// once crashed or broke a property, plus a few seeds, so every test build (and the sanitizer
// build) checks them again.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fuzz/targets.h"
#include "test_data.h"

namespace shipshape {
namespace {

namespace fs = std::filesystem;

TEST(Regressions, EveryInputRunsThroughItsTarget) {
  const fs::path root = testing::SourcePath("tests/regressions");
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  std::size_t inputs = 0;
  for (const fs::path& dir : dirs) {
    const fuzz::TargetFn target = fuzz::FindTarget(dir.filename().string());
    if (target == nullptr) {
      ADD_FAILURE() << dir << " names no fuzz target (see fuzz/targets.h)";
      continue;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    EXPECT_FALSE(files.empty()) << dir << " is empty";
    for (const fs::path& file : files) {
      const std::string data = testing::ReadFileOrFail(file.string());
      // A failing property abort()s the test binary: name the input first.
      std::fprintf(stderr, "regression input: %s\n", file.string().c_str());
      target(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
      ++inputs;
    }
  }
  EXPECT_GT(inputs, 0u);
}

TEST(Regressions, EveryTargetHasADirectory) {
  for (const fuzz::Target& t : fuzz::Targets()) {
    EXPECT_TRUE(fs::is_directory(testing::SourcePath("tests/regressions/" + std::string(t.name))))
        << t.name;
  }
}

}  // namespace
}  // namespace shipshape
