// Throughput over the whole corpus (../shared/corpus/files) on one core: the parser (MB/s and
// files/s; target of issue #2: at least 200 MB/s), parser plus model, and the shell model
// (RUN scripts per second).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus.h"
#include "model/model.h"
#include "shell/commands.h"
#include "syntax/parser.h"

namespace {

using shipshape::bench::Corpus;
using shipshape::bench::CorpusBytes;

void BM_ParseCorpus(benchmark::State& state) {
  const std::vector<std::string>& files = Corpus();
  if (files.empty()) {
    state.SkipWithError("corpus not found (set SHIPSHAPE_SHARED_DIR)");
    return;
  }
  std::vector<std::string> copies;
  for (auto _ : state) {
    // The parser takes ownership of each text, as after reading a file; copying the corpus
    // for that is not the parser's time.
    state.PauseTiming();
    copies = files;
    state.ResumeTiming();
    for (std::string& text : copies) {
      shipshape::syntax::Dockerfile df = shipshape::syntax::Parse("f", std::move(text));
      benchmark::DoNotOptimize(df.instructions.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * files.size()));
}
BENCHMARK(BM_ParseCorpus)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0)
    ->Repetitions(7)
    ->ReportAggregatesOnly(true);

void BM_ParseAndModelCorpus(benchmark::State& state) {
  const std::vector<std::string>& files = Corpus();
  std::vector<std::string> copies;
  for (auto _ : state) {
    state.PauseTiming();
    copies = files;
    state.ResumeTiming();
    for (std::string& text : copies) {
      shipshape::syntax::Dockerfile df = shipshape::syntax::Parse("f", std::move(text));
      shipshape::model::Model m = shipshape::model::Model::Build(df);
      benchmark::DoNotOptimize(m.stages().data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * files.size()));
}
BENCHMARK(BM_ParseAndModelCorpus)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

/// The shell model over every RUN of the corpus: RUN scripts per second (items) and the bytes
/// of those scripts per second. Files are parsed and modelled before timing starts.
void BM_ShellCorpus(benchmark::State& state) {
  struct Parsed {
    shipshape::syntax::Dockerfile df;
    shipshape::model::Model model;
    std::vector<std::size_t> runs;
  };
  std::vector<std::unique_ptr<Parsed>> parsed;
  std::int64_t runs = 0, bytes = 0;
  for (const std::string& text : Corpus()) {
    auto p = std::make_unique<Parsed>(Parsed{shipshape::syntax::Parse("f", text), {}, {}});
    p->model = shipshape::model::Model::Build(p->df);
    for (std::size_t i = 0; i < p->df.instructions.size(); ++i) {
      const auto& inst = p->df.instructions[i];
      if (inst.keyword == shipshape::syntax::Keyword::kRun) {
        p->runs.push_back(i);
        bytes += inst.range.size();
      }
    }
    runs += static_cast<std::int64_t>(p->runs.size());
    parsed.push_back(std::move(p));
  }
  for (auto _ : state) {
    for (const auto& p : parsed) {
      for (std::size_t i : p->runs) {
        shipshape::shell::Analysis a = shipshape::shell::Analysis::Analyze(p->model, i);
        benchmark::DoNotOptimize(a.commands().data());
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * runs);
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_ShellCorpus)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
