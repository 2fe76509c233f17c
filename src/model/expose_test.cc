#include "model/expose.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace shipshape::model {
namespace {

using Ports = std::vector<std::string>;

TEST(ExposeTest, ProtocolsAndRanges) {
  EXPECT_EQ(ParsePortSpec("80").ports, (Ports{"80/tcp"}));
  EXPECT_EQ(ParsePortSpec("53/UDP").ports, (Ports{"53/udp"}));
  EXPECT_EQ(ParsePortSpec("53/UDP").proto_as_written, "UDP");
  EXPECT_EQ(ParsePortSpec("7000-7002/sctp").ports, (Ports{"7000/sctp", "7001/sctp", "7002/sctp"}));
  EXPECT_EQ(ParsePortSpec("0").ports, (Ports{"0/tcp"}));
  EXPECT_EQ(ParsePortSpec("65535").ports, (Ports{"65535/tcp"}));
  // A host range with a single container port is a pool, not an error.
  EXPECT_EQ(ParsePortSpec("8000-8010:80").ports, (Ports{"80/tcp"}));
}

TEST(ExposeTest, Parts) {
  const PortSpec spec = ParsePortSpec("127.0.0.1:8080:80/tcp");
  ASSERT_TRUE(spec.ok()) << spec.error;
  EXPECT_EQ(spec.ip, "127.0.0.1");
  EXPECT_EQ(spec.host_port, "8080");
  EXPECT_EQ(spec.container_port, "80");
}

TEST(ExposeTest, Errors) {
  EXPECT_EQ(ParsePortSpec("80/xyz").error, "invalid port: \"80/xyz\": invalid proto: xyz");
  EXPECT_EQ(ParsePortSpec("80/TCPX").error, "invalid port: \"80/TCPX\": invalid proto: tcpx");
  EXPECT_EQ(ParsePortSpec("/tcp").error, "invalid port: \"/tcp\": no port specified");
  EXPECT_EQ(ParsePortSpec("65536").error, "invalid containerPort: 65536");
  EXPECT_EQ(ParsePortSpec("8o").error, "invalid containerPort: 8o");
  EXPECT_EQ(ParsePortSpec("9-8").error, "invalid containerPort: 9-8");
  EXPECT_EQ(ParsePortSpec("1-2-3").error, "invalid containerPort: 1-2-3");
  EXPECT_EQ(ParsePortSpec("x:80").error, "invalid hostPort: x");
  EXPECT_EQ(ParsePortSpec("1-3:1-2").error,
            "invalid ranges specified for container and host Ports: 1-2 and 1-3");
  EXPECT_EQ(ParsePortSpec("localhost:80:80").error, "invalid IP address: localhost");
  EXPECT_EQ(ParsePortSpec("01.2.3.4:80:80").error, "invalid IP address: 01.2.3.4");
  EXPECT_EQ(ParsePortSpec("[::1:80:80").error,
            "invalid IP address [::1: address [::1:: missing ']' in address");
  EXPECT_EQ(ParsePortSpec("[::1]x:80:80").error,
            "invalid IP address [::1]x: address [::1]x:: missing port in address");
  EXPECT_EQ(ParsePortSpec("[fe80::1%eth0]:80:80").error, "invalid IP address: fe80::1%eth0");
}

TEST(ExposeTest, GoIpAddresses) {
  for (const char* ok : {"0.0.0.0", "255.255.255.255", "::", "::1", "fe80::1", "1:2:3:4:5:6:7:8",
                         "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "2001:db8::"}) {
    EXPECT_TRUE(IsGoIpAddress(ok)) << ok;
  }
  for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.04", "1..2.3", "localhost",
                          ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "1:2:3:4:5:6:7::8",
                          "fe80::1%eth0", "1:2:3:4:5:1.2.3.4", ":1"}) {
    EXPECT_FALSE(IsGoIpAddress(bad)) << bad;
  }
}

TEST(ExposeTest, SpecListStopsAtFirstError) {
  const PortSpecsResult r = ParsePortSpecs({"80", "bad", "90"});
  EXPECT_EQ(r.error, "invalid containerPort: bad");
  EXPECT_TRUE(r.ports.empty());
}

}  // namespace
}  // namespace shipshape::model
