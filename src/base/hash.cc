#include "base/hash.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#if SHIPSHAPE_CRYPTO_DLOPEN
#include <dlfcn.h>
#endif

#include <type_traits>

namespace shipshape::base {
namespace {

/// The libcrypto functions a hash needs. Loaded with dlopen in the usual builds: linked
/// statically, libcrypto's tables add some 17,000 relocations that every start of shipshape
/// would apply (a quarter of `lint`'s start-up on one file); linked shared, its loading and
/// relocation. The fully static build cannot dlopen and links them.
struct Crypto {
  EVP_MD_CTX* (*ctx_new)() = nullptr;
  void (*ctx_free)(EVP_MD_CTX*) = nullptr;
  int (*init)(EVP_MD_CTX*, const EVP_MD*, ENGINE*) = nullptr;
  int (*update)(EVP_MD_CTX*, const void*, size_t) = nullptr;
  int (*final)(EVP_MD_CTX*, unsigned char*, unsigned int*) = nullptr;
  const EVP_MD* (*sha256)() = nullptr;
  const EVP_MD* (*sha512)() = nullptr;
  std::string error;
};

const Crypto& Api() {
  static const Crypto api = [] {
    Crypto c;
#if SHIPSHAPE_CRYPTO_DLOPEN
    void* lib = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) {
      const char* why = dlerror();
      c.error = fmt::format("OpenSSL's libcrypto is not installed (Debian's package libssl3): {}",
                            why ? why : "libcrypto.so.3 not found");
      return c;
    }
    auto load = [&](auto& fn, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(lib, name));
      if (fn == nullptr && c.error.empty()) c.error = fmt::format("libcrypto.so.3 has no {}", name);
    };
    load(c.ctx_new, "EVP_MD_CTX_new");
    load(c.ctx_free, "EVP_MD_CTX_free");
    load(c.init, "EVP_DigestInit_ex");
    load(c.update, "EVP_DigestUpdate");
    load(c.final, "EVP_DigestFinal_ex");
    load(c.sha256, "EVP_sha256");
    load(c.sha512, "EVP_sha512");
#else
    c.ctx_new = EVP_MD_CTX_new;
    c.ctx_free = EVP_MD_CTX_free;
    c.init = EVP_DigestInit_ex;
    c.update = EVP_DigestUpdate;
    c.final = EVP_DigestFinal_ex;
    c.sha256 = EVP_sha256;
    c.sha512 = EVP_sha512;
#endif
    return c;
  }();
  return api;
}

}  // namespace

Hash::Hash(std::string_view algorithm) : algorithm_(algorithm == "sha512" ? "sha512" : "sha256") {
  const Crypto& c = Api();
  if (!c.error.empty()) return;
  EVP_MD_CTX* ctx = c.ctx_new();
  if (ctx && c.init(ctx, algorithm_ == "sha512" ? c.sha512() : c.sha256(), nullptr) != 1) {
    c.ctx_free(ctx);
    ctx = nullptr;
  }
  ctx_ = ctx;
}

Hash::~Hash() {
  if (ctx_) Api().ctx_free(static_cast<EVP_MD_CTX*>(ctx_));
}

void Hash::Update(const void* data, std::size_t size) {
  if (ctx_ && size) Api().update(static_cast<EVP_MD_CTX*>(ctx_), data, size);
}

std::string Hash::Finish() {
  if (!ctx_) return {};
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (Api().final(static_cast<EVP_MD_CTX*>(ctx_), md, &len) != 1) return {};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = algorithm_ + ":";
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 15];
  }
  return out;
}

std::string Digest(std::string_view bytes, std::string_view algorithm) {
  Hash h(algorithm);
  h.Update(bytes.data(), bytes.size());
  return h.Finish();
}

const std::string& HashUnavailable() { return Api().error; }

}  // namespace shipshape::base
