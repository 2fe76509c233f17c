#include "registry/digest.h"

#include "base/hash.h"

namespace shipshape::registry {

std::string Sha256Digest(std::string_view bytes) { return base::Digest(bytes, "sha256"); }

bool IsSha256Digest(std::string_view digest) {
  if (digest.size() != 7 + 64 || !digest.starts_with("sha256:")) return false;
  for (const char c : digest.substr(7)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace shipshape::registry
