// STOPSIGNAL values as BuildKit checks them (moby/sys/signal ParseSignal with the Linux table).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace shipshape::model {

/// A signal number, or BuildKit's error text.
struct SignalResult {
  /// The signal number (any non-zero integer is accepted as written, negative ones included).
  std::int64_t number = -1;
  /// `invalid signal: <value>`, empty on success.
  std::string error;

  bool ok() const { return error.empty(); }
};

/// Validates an expanded STOPSIGNAL value: a non-zero integer (Go's strconv.Atoi syntax, so
/// `+15` and `-9` pass) or a Linux signal name, case-insensitive, with an optional `SIG`
/// prefix (`TERM`, `sigkill`, `SIGRTMIN+3`).
SignalResult ParseSignal(std::string_view value);

}  // namespace shipshape::model
