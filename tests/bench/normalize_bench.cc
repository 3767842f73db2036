// Google Benchmark: Normalize (and the writers) on seed documents, read once outside the loop, so
// the numbers are the normalizer's own cost. Target: well under 10 ms per document.
//   ./build/tests/disclose_bench --benchmark_filter=Normalize
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "export/export.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kInputs = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures" / "golden" / "inputs";
const char* const kSeeds[] = {"000_28c5b8c0e71a2a67.txt", "001_1d3965113ca8330b.txt",
                              "002_5b42121fa295fc4a.txt", "003_f226edb144d9e567.txt",
                              "004_4b22c8c51bd978dc.txt"};

// Reads seed `index` once; a missing or unreadable seed skips the benchmark with a message.
const Document* Seed(benchmark::State& state, int index) {
  static Document documents[std::size(kSeeds)];
  static bool loaded[std::size(kSeeds)] = {};
  if (!loaded[index]) {
    std::ifstream in(kInputs / kSeeds[index], std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Result<Document> document = ReadText(bytes, kSeeds[index], ExtractOptions{});
    if (!document.ok()) {
      state.SkipWithError(document.status().ToString().c_str());
      return nullptr;
    }
    documents[index] = std::move(document).value();
    loaded[index] = true;
  }
  return &documents[index];
}

void BM_Normalize(benchmark::State& state) {
  const Document* document = Seed(state, static_cast<int>(state.range(0)));
  if (document == nullptr) return;
  for (auto _ : state) {
    NormalizedDocument normalized = Normalize(*document, NormalizeOptions{});
    benchmark::DoNotOptimize(normalized);
  }
  state.SetLabel(kSeeds[state.range(0)]);
}
BENCHMARK(BM_Normalize)->DenseRange(0, std::size(kSeeds) - 1)->Unit(benchmark::kMillisecond);

// Real PDFs of about 30 pages (../shared/real), read once: the yardstick is normalizing
// a 30-page document in well under 10 ms of CPU beyond reading it.
const char* const kRealPdfs[] = {"js_procuratorate_2018_budget_full.pdf",
                                 "js_rendaban_2018_budget_full.pdf",
                                 "sh_putuo_finance_2024_final.pdf"};

void BM_NormalizeRealPdf(benchmark::State& state) {
  const char* name = kRealPdfs[state.range(0)];
  const fs::path path = fs::path(DISCLOSE_SHARED_DIR) / "real" / name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    state.SkipWithError((path.string() + " not present").c_str());
    return;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ExtractOptions options;
  options.enable_ocr = false;
  Result<Document> document = ReadPdf(bytes, name, options);
  if (!document.ok()) {
    state.SkipWithError(document.status().ToString().c_str());
    return;
  }
  for (auto _ : state) {
    NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
    benchmark::DoNotOptimize(normalized);
  }
  state.SetLabel(std::string(name) + ", " + std::to_string(document.value().pages.size()) +
                 " pages");
}
BENCHMARK(BM_NormalizeRealPdf)
    ->DenseRange(0, std::size(kRealPdfs) - 1)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();

void BM_ReadText(benchmark::State& state) {
  std::ifstream in(kInputs / kSeeds[state.range(0)], std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (auto _ : state) {
    Result<Document> document = ReadText(bytes, kSeeds[state.range(0)], ExtractOptions{});
    benchmark::DoNotOptimize(document);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.SetLabel(kSeeds[state.range(0)]);
}
BENCHMARK(BM_ReadText)->DenseRange(0, std::size(kSeeds) - 1)->Unit(benchmark::kMillisecond);

void BM_Export(benchmark::State& state) {
  const Document* document = Seed(state, static_cast<int>(state.range(0)));
  if (document == nullptr) return;
  const NormalizedDocument normalized = Normalize(*document, NormalizeOptions{});
  for (auto _ : state) {
    std::string json = DocumentToJson(*document, normalized);
    std::string csv = FactsToCsv(*document, normalized);
    benchmark::DoNotOptimize(json);
    benchmark::DoNotOptimize(csv);
  }
  state.SetLabel(kSeeds[state.range(0)]);
}
BENCHMARK(BM_Export)->DenseRange(0, std::size(kSeeds) - 1)->Unit(benchmark::kMillisecond);

// The indented layout (--pretty, the goldens' form): the same writer, about twice the bytes.
void BM_ExportPretty(benchmark::State& state) {
  const Document* document = Seed(state, static_cast<int>(state.range(0)));
  if (document == nullptr) return;
  const NormalizedDocument normalized = Normalize(*document, NormalizeOptions{});
  for (auto _ : state) {
    std::string json = DocumentToJson(*document, normalized, JsonStyle::kPretty);
    benchmark::DoNotOptimize(json);
  }
  state.SetLabel(kSeeds[state.range(0)]);
}
BENCHMARK(BM_ExportPretty)->DenseRange(0, std::size(kSeeds) - 1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace disclose
