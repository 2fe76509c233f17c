#include "base/go_strconv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace shipshape::base {
namespace {

constexpr std::int64_t kSecond = 1000 * 1000 * 1000;

TEST(GoStrconvTest, ParseBool) {
  for (const char* s : {"1", "t", "T", "TRUE", "true", "True"}) {
    const auto r = ParseBool(s);
    EXPECT_TRUE(r.ok() && r.value) << s;
  }
  for (const char* s : {"0", "f", "F", "FALSE", "false", "False"}) {
    const auto r = ParseBool(s);
    EXPECT_TRUE(r.ok() && !r.value) << s;
  }
  EXPECT_EQ(ParseBool("tRUE").error, R"(strconv.ParseBool: parsing "tRUE": invalid syntax)");
  EXPECT_EQ(ParseBool("").error, R"(strconv.ParseBool: parsing "": invalid syntax)");
  EXPECT_EQ(ParseBool("yes").error, R"(strconv.ParseBool: parsing "yes": invalid syntax)");
}

TEST(GoStrconvTest, ParseIntDecimal) {
  EXPECT_EQ(ParseInt("42", 10, 32).value, 42);
  EXPECT_EQ(ParseInt("-42", 10, 32).value, -42);
  EXPECT_EQ(ParseInt("+7", 10, 32).value, 7);
  EXPECT_EQ(ParseInt("x", 10, 32).error, R"(strconv.ParseInt: parsing "x": invalid syntax)");
  EXPECT_EQ(ParseInt("", 10, 32).error, R"(strconv.ParseInt: parsing "": invalid syntax)");
  EXPECT_EQ(ParseInt("-", 10, 32).error, R"(strconv.ParseInt: parsing "-": invalid syntax)");
  EXPECT_EQ(ParseInt("1_000", 10, 64).error,
            R"(strconv.ParseInt: parsing "1_000": invalid syntax)");
}

TEST(GoStrconvTest, ParseIntRange) {
  const auto big = ParseInt("2147483648", 10, 32);
  EXPECT_EQ(big.error, R"(strconv.ParseInt: parsing "2147483648": value out of range)");
  EXPECT_EQ(big.value, 2147483647);
  EXPECT_TRUE(ParseInt("-2147483648", 10, 32).ok());
  const auto small = ParseInt("-2147483649", 10, 32);
  EXPECT_EQ(small.error, R"(strconv.ParseInt: parsing "-2147483649": value out of range)");
  EXPECT_EQ(small.value, -2147483648LL);
  EXPECT_EQ(ParseInt("-9223372036854775808", 10, 64).value,
            std::numeric_limits<std::int64_t>::min());
  EXPECT_FALSE(ParseInt("9223372036854775808", 10, 64).ok());
  // Overflow is reported as soon as it happens, before a later bad byte.
  EXPECT_EQ(ParseInt("99999999999999999999x", 10, 64).error,
            R"(strconv.ParseInt: parsing "99999999999999999999x": value out of range)");
}

TEST(GoStrconvTest, ParseIntBaseZero) {
  EXPECT_EQ(ParseInt("0x1f", 0, 64).value, 31);
  EXPECT_EQ(ParseInt("0o17", 0, 64).value, 15);
  EXPECT_EQ(ParseInt("017", 0, 64).value, 15);
  EXPECT_EQ(ParseInt("0b101", 0, 64).value, 5);
  EXPECT_EQ(ParseInt("1_000", 0, 64).value, 1000);
  EXPECT_FALSE(ParseInt("1__0", 0, 64).ok());
  EXPECT_FALSE(ParseInt("_1", 0, 64).ok());
  EXPECT_EQ(ParseInt("1", 1, 64).error, R"(strconv.ParseInt: parsing "1": invalid base 1)");
  EXPECT_EQ(ParseInt("1", 10, 65).error, R"(strconv.ParseInt: parsing "1": invalid bit size 65)");
}

TEST(GoStrconvTest, ParseUint) {
  EXPECT_EQ(ParseUint("0700", 8, 32).value, 0700u);
  EXPECT_EQ(ParseUint("999", 8, 32).error, R"(strconv.ParseUint: parsing "999": invalid syntax)");
  EXPECT_EQ(ParseUint("-1", 10, 32).error, R"(strconv.ParseUint: parsing "-1": invalid syntax)");
  EXPECT_EQ(ParseUint("+1", 10, 32).error, R"(strconv.ParseUint: parsing "+1": invalid syntax)");
  EXPECT_EQ(ParseUint("4294967296", 10, 32).error,
            R"(strconv.ParseUint: parsing "4294967296": value out of range)");
  EXPECT_EQ(ParseUint("65535", 10, 16).value, 65535u);
  EXPECT_FALSE(ParseUint("65536", 10, 16).ok());
  EXPECT_EQ(ParseUint("18446744073709551615", 10, 64).value,
            std::numeric_limits<std::uint64_t>::max());
  EXPECT_FALSE(ParseUint("18446744073709551616", 10, 64).ok());
  EXPECT_EQ(ParseUint("zz", 36, 64).value, 35u * 36 + 35);
}

TEST(GoStrconvTest, Atoi) {
  EXPECT_EQ(Atoi("15").value, 15);
  EXPECT_EQ(Atoi("-9").value, -9);
  EXPECT_EQ(Atoi("+3").value, 3);
  EXPECT_EQ(Atoi("").error, R"(strconv.Atoi: parsing "": invalid syntax)");
  EXPECT_EQ(Atoi("+").error, R"(strconv.Atoi: parsing "+": invalid syntax)");
  EXPECT_EQ(Atoi("1x").error, R"(strconv.Atoi: parsing "1x": invalid syntax)");
  EXPECT_EQ(Atoi("99999999999999999999").error,
            R"(strconv.Atoi: parsing "99999999999999999999": value out of range)");
}

TEST(GoStrconvTest, ParseFloat) {
  EXPECT_DOUBLE_EQ(ParseFloat("1.5").value, 1.5);
  EXPECT_DOUBLE_EQ(ParseFloat("1.").value, 1.0);
  EXPECT_DOUBLE_EQ(ParseFloat(".5").value, 0.5);
  EXPECT_DOUBLE_EQ(ParseFloat("-2e3").value, -2000.0);
  EXPECT_DOUBLE_EQ(ParseFloat("1_000.5").value, 1000.5);
  EXPECT_DOUBLE_EQ(ParseFloat("0x1p4").value, 16.0);
  EXPECT_TRUE(std::isinf(ParseFloat("-Infinity").value));
  EXPECT_TRUE(std::isnan(ParseFloat("NaN").value));
  EXPECT_EQ(ParseFloat("0x1").error, R"(strconv.ParseFloat: parsing "0x1": invalid syntax)");
  EXPECT_EQ(ParseFloat("1e").error, R"(strconv.ParseFloat: parsing "1e": invalid syntax)");
  EXPECT_EQ(ParseFloat(".").error, R"(strconv.ParseFloat: parsing ".": invalid syntax)");
  EXPECT_EQ(ParseFloat("1 2").error, R"(strconv.ParseFloat: parsing "1 2": invalid syntax)");
  EXPECT_EQ(ParseFloat("+nan").error, R"(strconv.ParseFloat: parsing "+nan": invalid syntax)");
  EXPECT_EQ(ParseFloat("1e400").error,
            R"(strconv.ParseFloat: parsing "1e400": value out of range)");
  const auto tiny = ParseFloat("1e-400");
  EXPECT_TRUE(tiny.ok());
  EXPECT_EQ(tiny.value, 0.0);
}

TEST(GoStrconvTest, ParseDurationValues) {
  EXPECT_EQ(ParseDuration("0").value, 0);
  EXPECT_EQ(ParseDuration("-0").value, 0);
  EXPECT_EQ(ParseDuration("5s").value, 5 * kSecond);
  EXPECT_EQ(ParseDuration("1h2m3.5s").value, 3723 * kSecond + kSecond / 2);
  EXPECT_EQ(ParseDuration("1.5h").value, 5400 * kSecond);
  EXPECT_EQ(ParseDuration("-1.5ms").value, -1500000);
  EXPECT_EQ(ParseDuration(".5s").value, kSecond / 2);
  EXPECT_EQ(ParseDuration("300ns").value, 300);
  EXPECT_EQ(ParseDuration("2us").value, 2000);
  EXPECT_EQ(ParseDuration("2\xC2\xB5s").value, 2000);
  EXPECT_EQ(ParseDuration("2\xCE\xBCs").value, 2000);
  EXPECT_EQ(ParseDuration("9223372036854775807ns").value, std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(ParseDuration("-9223372036854775808ns").value,
            std::numeric_limits<std::int64_t>::min());
}

TEST(GoStrconvTest, ParseDurationErrors) {
  EXPECT_EQ(ParseDuration("abc").error, R"(time: invalid duration "abc")");
  EXPECT_EQ(ParseDuration("").error, R"(time: invalid duration "")");
  EXPECT_EQ(ParseDuration("-").error, R"(time: invalid duration "-")");
  EXPECT_EQ(ParseDuration("1").error, R"(time: missing unit in duration "1")");
  EXPECT_EQ(ParseDuration("1x").error, R"(time: unknown unit "x" in duration "1x")");
  EXPECT_EQ(ParseDuration("1S").error, R"(time: unknown unit "S" in duration "1S")");
  EXPECT_EQ(ParseDuration(".s").error, R"(time: invalid duration ".s")");
  EXPECT_EQ(ParseDuration("1s ").error, R"(time: unknown unit "s " in duration "1s ")");
  EXPECT_EQ(ParseDuration("9223372036854775808ns").error,
            R"(time: invalid duration "9223372036854775808ns")");
  // time.quote escapes every byte outside printable ASCII.
  EXPECT_EQ(ParseDuration("1\xC3\xA9").error,
            R"(time: unknown unit "\xc3\xa9" in duration "1\xc3\xa9")");
}

TEST(GoStrconvTest, RAMInBytes) {
  EXPECT_EQ(RAMInBytes("64m").value, 67108864);
  EXPECT_EQ(RAMInBytes("32").value, 32);
  EXPECT_EQ(RAMInBytes("32b").value, 32);
  EXPECT_EQ(RAMInBytes("32K").value, 32 * 1024);
  EXPECT_EQ(RAMInBytes("32kb").value, 32 * 1024);
  EXPECT_EQ(RAMInBytes("32KIB").value, 32 * 1024);
  EXPECT_EQ(RAMInBytes("32 mb").value, 32 * 1024 * 1024);
  EXPECT_EQ(RAMInBytes("1.5g").value, 1536LL * 1024 * 1024);
  EXPECT_EQ(RAMInBytes("32Pb").value, 32LL * 1024 * 1024 * 1024 * 1024 * 1024);
  EXPECT_EQ(RAMInBytes("32.3").value, 32);
  EXPECT_EQ(RAMInBytes("hello").error, "invalid size: 'hello'");
  EXPECT_EQ(RAMInBytes("").error, "invalid size: ''");
  EXPECT_EQ(RAMInBytes("-32").error, "invalid size: '-32'");
  EXPECT_EQ(RAMInBytes("32bm").error, "invalid suffix: 'bm'");
  EXPECT_EQ(RAMInBytes("32Xb").error, "invalid suffix: 'xb'");
  EXPECT_EQ(RAMInBytes("32mbyte").error, "invalid suffix: 'mbyte'");
  EXPECT_EQ(RAMInBytes("32m b").error, R"(strconv.ParseFloat: parsing "32m": invalid syntax)");
  EXPECT_EQ(RAMInBytes(" 32 ").error, R"(strconv.ParseFloat: parsing " 32": invalid syntax)");
  EXPECT_EQ(RAMInBytes("abc").error, "invalid size: 'abc'");
}

}  // namespace
}  // namespace shipshape::base
