#include "model/signal.h"

#include <gtest/gtest.h>

namespace shipshape::model {
namespace {

TEST(SignalTest, Names) {
  EXPECT_EQ(ParseSignal("SIGTERM").number, 15);
  EXPECT_EQ(ParseSignal("term").number, 15);
  EXPECT_EQ(ParseSignal("SigKill").number, 9);
  EXPECT_EQ(ParseSignal("CLD").number, 17);
  EXPECT_EQ(ParseSignal("sigrtmin").number, 34);
  EXPECT_EQ(ParseSignal("RTMIN+15").number, 49);
  EXPECT_EQ(ParseSignal("SIGRTMAX-14").number, 50);
  EXPECT_EQ(ParseSignal("RTMAX").number, 64);
}

TEST(SignalTest, Numbers) {
  EXPECT_EQ(ParseSignal("9").number, 9);
  EXPECT_EQ(ParseSignal("+15").number, 15);
  EXPECT_EQ(ParseSignal("-9").number, -9);
  EXPECT_EQ(ParseSignal("1000").number, 1000);
}

TEST(SignalTest, Invalid) {
  for (const char* bad : {"0", "-0", "", "SIG", "SIGSIGTERM", "RTMIN+16", "RTMAX-15", "RTMIN+0",
                          "RTMIN+01", "UNUSED", "TERM ", "1.5", "99999999999999999999"}) {
    EXPECT_EQ(ParseSignal(bad).error, std::string("invalid signal: ") + bad) << bad;
  }
}

}  // namespace
}  // namespace shipshape::model
