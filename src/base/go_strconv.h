// Go standard-library number and duration parsing (strconv, time.ParseDuration) and docker
// go-units sizes, with Go's exact accept/reject rules and error texts, because BuildKit passes
// these errors through to the user verbatim.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace shipshape::base {

/// A parsed value or Go's error text. Like Go, `value` may be meaningful even on error (a
/// range error carries the clamped value).
template <typename T>
struct GoResult {
  T value{};
  /// Go's error text, empty on success.
  std::string error;

  bool ok() const { return error.empty(); }
};

/// strconv.ParseBool: 1 t T TRUE true True / 0 f F FALSE false False.
GoResult<bool> ParseBool(std::string_view s);

/// strconv.ParseInt(s, base, bit_size): base 0 (prefixes 0x 0o 0b 0, underscores) or 2..36,
/// bit_size 0 (= 64) or 1..64.
GoResult<std::int64_t> ParseInt(std::string_view s, int base, int bit_size);

/// strconv.ParseUint(s, base, bit_size); no sign accepted.
GoResult<std::uint64_t> ParseUint(std::string_view s, int base, int bit_size);

/// strconv.Atoi on a 64-bit platform.
GoResult<std::int64_t> Atoi(std::string_view s);

/// strconv.ParseFloat(s, 64): decimal and hex floats, underscores, inf/infinity/nan.
GoResult<double> ParseFloat(std::string_view s);

/// time.ParseDuration: a signed sequence of decimal numbers with units (ns us µs μs ms s m h),
/// in nanoseconds.
GoResult<std::int64_t> ParseDuration(std::string_view s);

/// docker/go-units RAMInBytes: `64m`, `1.5GiB`, `32 kb` (binary multiples, case-insensitive
/// suffix with optional `b` / `ib`).
GoResult<std::int64_t> RAMInBytes(std::string_view s);

}  // namespace shipshape::base
