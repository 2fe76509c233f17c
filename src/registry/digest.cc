#include "registry/digest.h"

#include <fmt/format.h>

#if SHIPSHAPE_REGISTRY
#include <openssl/evp.h>
#endif

namespace shipshape::registry {

std::string Sha256Digest(std::string_view bytes) {
#if SHIPSHAPE_REGISTRY
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &size, EVP_sha256(), nullptr) != 1) return "";
  std::string out = "sha256:";
  for (unsigned int i = 0; i < size; ++i) out += fmt::format("{:02x}", md[i]);
  return out;
#else
  (void)bytes;
  return "";  // built without OpenSSL: nothing is fetched, so nothing is hashed
#endif
}

bool IsSha256Digest(std::string_view digest) {
  if (digest.size() != 7 + 64 || !digest.starts_with("sha256:")) return false;
  for (const char c : digest.substr(7)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace shipshape::registry
