// Content digests of what a registry serves (SHA-256, base/hash.h).
#pragma once

#include <string>
#include <string_view>

namespace shipshape::registry {

/// `sha256:<64 lower-case hex digits>` of `bytes`.
std::string Sha256Digest(std::string_view bytes);

/// Whether `digest` is `sha256:` followed by 64 lower-case hex digits.
bool IsSha256Digest(std::string_view digest);

}  // namespace shipshape::registry
