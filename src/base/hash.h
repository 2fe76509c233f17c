// SHA-256 and SHA-512 through OpenSSL's libcrypto (EVP), for content digests (image blobs,
// registry manifests). libcrypto is loaded when the first hash is made, not at start-up (see
// hash.cc); the fully static build links it in.
#pragma once

#include <string>
#include <string_view>

namespace shipshape::base {

/// A streaming hash named by a digest's algorithm.
class Hash {
 public:
  /// `algorithm`: `sha256` or `sha512`; anything else hashes as sha256 (and will not match).
  explicit Hash(std::string_view algorithm = "sha256");
  ~Hash();
  Hash(const Hash&) = delete;
  Hash& operator=(const Hash&) = delete;
  void Update(const void* data, std::size_t size);
  /// `sha256:<lower-case hex>` (or `sha512:...`); the hash is done after this. Empty when
  /// libcrypto could not be loaded (HashUnavailable says why).
  std::string Finish();

 private:
  void* ctx_ = nullptr;
  std::string algorithm_;
};

/// `sha256:<hex>` of `bytes` (empty when libcrypto could not be loaded).
std::string Digest(std::string_view bytes, std::string_view algorithm = "sha256");

/// Why hashes cannot be made (libcrypto is missing); empty when they can.
const std::string& HashUnavailable();

}  // namespace shipshape::base
