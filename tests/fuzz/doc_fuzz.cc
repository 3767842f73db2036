// libFuzzer target: ReadDoc on arbitrary bytes. The Word binary format is
// parsed by wvWare in a child process (killed after 5 s, output capped), so
// what is fuzzed here is our side: the OLE checks, the converter's exit and
// output handling and the HTML walker on whatever wvWare makes of mutated
// files. A Status or a valid Document that goes through the pipeline; never a
// crash, a hang or a leaked child or temporary directory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/document.h"
#include "extract/extract.h"
#include "tests/fuzz/fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  disclose::ExtractOptions options = disclose::fuzz::Options();
  options.max_zip_entry_bytes = 32ull << 20;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  disclose::fuzz::CheckPipeline(disclose::ReadDoc(bytes, "fuzz.doc", options));
  return 0;
}
