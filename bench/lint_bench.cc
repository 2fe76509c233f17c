// The stages after parsing, over the whole corpus on one core, so that a regression shows which
// one grew: every rule (default set) on parsed and modelled files, the whole pipeline for one
// file (parse, model, rules, suppressions), and writing the tty and JSON reports.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "corpus.h"
#include "lint/engine.h"
#include "lint/lint.h"
#include "model/model.h"
#include "output/formats.h"
#include "syntax/parser.h"

namespace {

using shipshape::bench::Corpus;
using shipshape::bench::CorpusBytes;

void BM_RulesCorpus(benchmark::State& state) {
  struct Parsed {
    shipshape::syntax::Dockerfile df;
    std::unique_ptr<shipshape::model::Model> model;
  };
  std::vector<std::unique_ptr<Parsed>> parsed;
  for (const std::string& text : Corpus()) {
    auto p = std::make_unique<Parsed>(Parsed{shipshape::syntax::Parse("f", text), nullptr});
    p->model = std::make_unique<shipshape::model::Model>(shipshape::model::Model::Build(p->df));
    parsed.push_back(std::move(p));
  }
  const shipshape::lint::Selection selection;
  const shipshape::rules::Options options;
  for (auto _ : state) {
    for (const auto& p : parsed) {
      auto found = shipshape::lint::RunRules(p->df, *p->model, options, selection);
      benchmark::DoNotOptimize(found.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
}
BENCHMARK(BM_RulesCorpus)->Unit(benchmark::kMillisecond)->MinTime(1.0)->Repetitions(3)->ReportAggregatesOnly(true);

void BM_LintCorpus(benchmark::State& state) {
  std::vector<std::string> copies;
  for (auto _ : state) {
    state.PauseTiming();
    copies = Corpus();
    state.ResumeTiming();
    for (std::string& text : copies) {
      shipshape::lint::FileResult r = shipshape::lint::LintText("f", std::move(text));
      benchmark::DoNotOptimize(r.diagnostics.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Corpus().size()));
}
BENCHMARK(BM_LintCorpus)->Unit(benchmark::kMillisecond)->MinTime(1.0)->Repetitions(3)->ReportAggregatesOnly(true);

void Report(benchmark::State& state, const char* format) {
  std::vector<shipshape::lint::FileResult> results;
  std::size_t findings = 0;
  for (const std::string& text : Corpus()) {
    results.push_back(shipshape::lint::LintText("f", text));
    findings += results.back().diagnostics.size();
  }
  std::string out;
  for (auto _ : state) {
    out.clear();
    shipshape::output::WriteReport(format, out, results, {});
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * findings));
  state.counters["findings"] = static_cast<double>(findings);
}
void BM_ReportTty(benchmark::State& state) { Report(state, "tty"); }
void BM_ReportJson(benchmark::State& state) { Report(state, "json"); }
BENCHMARK(BM_ReportTty)->Unit(benchmark::kMillisecond)->MinTime(1.0)->Repetitions(3)->ReportAggregatesOnly(true);
BENCHMARK(BM_ReportJson)->Unit(benchmark::kMillisecond)->MinTime(1.0)->Repetitions(3)->ReportAggregatesOnly(true);

}  // namespace
