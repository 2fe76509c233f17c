// libFuzzer entry point for the `lsp` target (fuzz/targets.h); `make fuzz` builds and runs
// it.
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return shipshape::fuzz::FuzzLsp(data, size);
}
