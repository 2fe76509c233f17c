// EXPOSE port specs as BuildKit reads them after variable expansion
// (dockerfile2llb/convert_expose.go): `[ip:][hostPort:]containerPort[/proto]`, port ranges,
// bracketed IPv6 addresses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shipshape::model {

/// One port spec taken apart and checked.
struct PortSpec {
  /// The IP part as written (brackets kept), empty when absent.
  std::string ip;
  /// The host port or range, empty when absent.
  std::string host_port;
  /// The container port or range, without the protocol.
  std::string container_port;
  /// The protocol as written after `/` (any case), empty when absent.
  std::string proto_as_written;
  /// tcp, udp or sctp, lower case; tcp when absent.
  std::string proto;
  /// The exposed ports as `<port>/<proto>`, one per port of the container range.
  std::vector<std::string> ports;
  /// BuildKit's error text (e.g. `invalid containerPort: 8o`), empty on success.
  std::string error;

  bool ok() const { return error.empty(); }
};

/// The exposed ports of several specs, in order, or the first error.
struct PortSpecsResult {
  std::vector<std::string> ports;
  std::string error;

  bool ok() const { return error.empty(); }
};

/// Parses one port spec exactly as BuildKit's parsePortSpec does.
PortSpec ParsePortSpec(std::string_view spec);

/// Parses each spec in turn (BuildKit's parsePortSpecs) and concatenates their ports.
PortSpecsResult ParsePortSpecs(const std::vector<std::string>& specs);

/// Whether Go's net.ParseIP accepts `s`: dotted-decimal IPv4 (no leading zeros) or IPv6
/// (`::`, embedded IPv4), no zone.
bool IsGoIpAddress(std::string_view s);

}  // namespace shipshape::model
