#include "base/go_strconv.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "base/go_quote.h"
#include "base/utf8.h"

namespace shipshape::base {
namespace {

constexpr char kErrSyntax[] = "invalid syntax";
constexpr char kErrRange[] = "value out of range";

// strconv.NumError.Error().
std::string NumError(std::string_view func, std::string_view num, std::string_view err) {
  std::string out = "strconv.";
  out += func;
  out += ": parsing ";
  AppendGoQuoted(out, num);
  out += ": ";
  out += err;
  return out;
}

char Lower(char c) { return static_cast<char>(c | ('x' - 'X')); }

// strconv's underscoreOK: underscores only between digits (or after a base prefix).
bool UnderscoreOk(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (Lower(s[1]) == 'b' || Lower(s[1]) == 'o' || Lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = Lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && Lower(c) >= 'a' && Lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

// ParseUint's body; errors are reported against `func` and `num` (ParseInt passes its own).
GoResult<std::uint64_t> ParseUintImpl(std::string_view s, int base, int bit_size,
                                      std::string_view func, std::string_view num) {
  GoResult<std::uint64_t> result;
  if (s.empty()) {
    result.error = NumError(func, num, kErrSyntax);
    return result;
  }
  const bool base0 = base == 0;
  const std::string_view s0 = s;
  if (base == 0) {
    base = 10;
    if (s[0] == '0') {
      if (s.size() >= 3 && Lower(s[1]) == 'b') {
        base = 2;
        s.remove_prefix(2);
      } else if (s.size() >= 3 && Lower(s[1]) == 'o') {
        base = 8;
        s.remove_prefix(2);
      } else if (s.size() >= 3 && Lower(s[1]) == 'x') {
        base = 16;
        s.remove_prefix(2);
      } else {
        base = 8;
        s.remove_prefix(1);
      }
    }
  } else if (base < 2 || base > 36) {
    result.error = NumError(func, num, "invalid base " + std::to_string(base));
    return result;
  }
  if (bit_size == 0) {
    bit_size = 64;
  } else if (bit_size < 0 || bit_size > 64) {
    result.error = NumError(func, num, "invalid bit size " + std::to_string(bit_size));
    return result;
  }
  constexpr std::uint64_t kMaxUint64 = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t cutoff = kMaxUint64 / static_cast<std::uint64_t>(base) + 1;
  const std::uint64_t max_val = bit_size == 64 ? kMaxUint64 : (std::uint64_t{1} << bit_size) - 1;
  bool underscores = false;
  std::uint64_t n = 0;
  for (const char c : s) {
    int digit;
    if (c == '_' && base0) {
      underscores = true;
      continue;
    } else if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (Lower(c) >= 'a' && Lower(c) <= 'z') {
      digit = Lower(c) - 'a' + 10;
    } else {
      result.error = NumError(func, num, kErrSyntax);
      return result;
    }
    if (digit >= base) {
      result.error = NumError(func, num, kErrSyntax);
      return result;
    }
    // Go reports overflow as soon as it happens, even if a later byte is not a digit.
    if (n >= cutoff) {
      result.value = max_val;
      result.error = NumError(func, num, kErrRange);
      return result;
    }
    n *= static_cast<std::uint64_t>(base);
    const std::uint64_t n1 = n + static_cast<std::uint64_t>(digit);
    if (n1 < n || n1 > max_val) {
      result.value = max_val;
      result.error = NumError(func, num, kErrRange);
      return result;
    }
    n = n1;
  }
  if (underscores && !UnderscoreOk(s0)) {
    result.error = NumError(func, num, kErrSyntax);
    return result;
  }
  result.value = n;
  return result;
}

// What readFloat in strconv/atof.go accepts, as a whole string.
struct FloatSyntax {
  bool ok = false;
  bool negative = false;
  bool hex = false;
  // Mantissa digits (no sign, prefix, dot or underscores) and the decimal/binary point position
  // within them, for telling overflow from underflow.
  std::string digits;
  std::int64_t point = 0;
  std::int64_t exponent = 0;
  // The text for std::from_chars: sign, mantissa with dot, exponent; no `+`, `0x` or `_`.
  std::string text;
};

FloatSyntax ReadFloat(std::string_view s) {
  FloatSyntax f;
  std::size_t i = 0;
  bool underscores = false;
  if (i >= s.size()) return f;
  if (s[i] == '+') {
    ++i;
  } else if (s[i] == '-') {
    f.negative = true;
    f.text.push_back('-');
    ++i;
  }
  char exp_char = 'e';
  if (i + 2 < s.size() && s[i] == '0' && Lower(s[i + 1]) == 'x') {
    i += 2;
    exp_char = 'p';
    f.hex = true;
  }
  bool saw_dot = false;
  bool saw_digits = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      underscores = true;
      continue;
    }
    if (c == '.') {
      if (saw_dot) break;
      saw_dot = true;
      f.point = static_cast<std::int64_t>(f.digits.size());
      f.text.push_back('.');
      continue;
    }
    if ((c >= '0' && c <= '9') || (f.hex && Lower(c) >= 'a' && Lower(c) <= 'f')) {
      saw_digits = true;
      f.digits.push_back(c);
      f.text.push_back(c);
      continue;
    }
    break;
  }
  if (!saw_digits) return f;
  if (!saw_dot) f.point = static_cast<std::int64_t>(f.digits.size());
  if (i < s.size() && Lower(s[i]) == exp_char) {
    f.text.push_back(exp_char);
    ++i;
    if (i >= s.size()) return f;
    std::int64_t sign = 1;
    if (s[i] == '+') {
      ++i;
    } else if (s[i] == '-') {
      ++i;
      sign = -1;
      f.text.push_back('-');
    }
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return f;
    std::int64_t e = 0;
    for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); ++i) {
      if (s[i] == '_') {
        underscores = true;
        continue;
      }
      f.text.push_back(s[i]);
      if (e < 10000) e = e * 10 + (s[i] - '0');
    }
    f.exponent = e * sign;
  } else if (f.hex) {
    return f;  // A hex mantissa needs a 'p' exponent.
  }
  if (underscores && !UnderscoreOk(s.substr(0, i))) return f;
  f.ok = i == s.size();
  return f;
}

// Go's special(): [+-]inf, [+-]infinity, nan (case-insensitive), the whole string.
bool SpecialFloat(std::string_view s, double* value) {
  double sign = 1;
  std::string_view rest = s;
  bool signed_ = false;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    sign = rest[0] == '-' ? -1 : 1;
    rest.remove_prefix(1);
    signed_ = true;
  }
  const std::string lower = AsciiLower(rest);
  if (lower == "inf" || lower == "infinity") {
    *value = sign * std::numeric_limits<double>::infinity();
    return true;
  }
  if (!signed_ && lower == "nan") {
    *value = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  return false;
}

// Go's float64 -> int64 conversion on amd64: out-of-range and NaN give the "integer
// indefinite" value (math.MinInt64) instead of undefined behaviour.
std::int64_t GoFloatToInt64(double v) {
  if (std::isnan(v) || v >= 9223372036854775808.0 || v < -9223372036854775808.0) {
    return std::numeric_limits<std::int64_t>::min();
  }
  return static_cast<std::int64_t>(v);
}

// time.quote: ASCII printable kept (with `"` and `\` escaped), every byte of anything else as
// \xNN.
std::string TimeQuote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || c < ' ') {
      // A valid multi-byte rune, or a single invalid byte, is escaped byte by byte.
      const std::size_t width = c < 0x80 ? 1 : DecodeRune(s, i).width;
      for (std::size_t j = 0; j < width; ++j) {
        const auto b = static_cast<unsigned char>(s[i + j]);
        out += "\\x";
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 0xF]);
      }
      i += width;
      continue;
    }
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(static_cast<char>(c));
    ++i;
  }
  out.push_back('"');
  return out;
}

}  // namespace

GoResult<bool> ParseBool(std::string_view s) {
  GoResult<bool> result;
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") {
    result.value = true;
  } else if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") {
    result.value = false;
  } else {
    result.error = NumError("ParseBool", s, kErrSyntax);
  }
  return result;
}

GoResult<std::uint64_t> ParseUint(std::string_view s, int base, int bit_size) {
  return ParseUintImpl(s, base, bit_size, "ParseUint", s);
}

GoResult<std::int64_t> ParseInt(std::string_view s, int base, int bit_size) {
  GoResult<std::int64_t> result;
  if (s.empty()) {
    result.error = NumError("ParseInt", s, kErrSyntax);
    return result;
  }
  const std::string_view s0 = s;
  bool negative = false;
  if (s[0] == '+') {
    s.remove_prefix(1);
  } else if (s[0] == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  GoResult<std::uint64_t> un = ParseUintImpl(s, base, bit_size, "ParseInt", s0);
  const bool range_error = !un.ok() && un.error.ends_with(kErrRange);
  if (!un.ok() && !range_error) {
    result.error = std::move(un.error);
    return result;
  }
  if (bit_size == 0) bit_size = 64;
  const std::uint64_t cutoff = std::uint64_t{1} << (bit_size - 1);
  if (!negative && un.value >= cutoff) {
    result.value = static_cast<std::int64_t>(cutoff - 1);
    result.error = NumError("ParseInt", s0, kErrRange);
    return result;
  }
  if (negative && un.value > cutoff) {
    result.value = cutoff == (std::uint64_t{1} << 63) ? std::numeric_limits<std::int64_t>::min()
                                                      : -static_cast<std::int64_t>(cutoff);
    result.error = NumError("ParseInt", s0, kErrRange);
    return result;
  }
  if (negative) {
    result.value = un.value == (std::uint64_t{1} << 63) ? std::numeric_limits<std::int64_t>::min()
                                                        : -static_cast<std::int64_t>(un.value);
  } else {
    result.value = static_cast<std::int64_t>(un.value);
  }
  return result;
}

GoResult<std::int64_t> Atoi(std::string_view s) {
  GoResult<std::int64_t> result;
  if (!s.empty() && s.size() < 19) {
    // Go's fast path for short inputs: [+-]?[0-9]+, nothing else (no underscores).
    std::string_view digits = s;
    if (digits[0] == '-' || digits[0] == '+') {
      digits.remove_prefix(1);
      if (digits.empty()) {
        result.error = NumError("Atoi", s, kErrSyntax);
        return result;
      }
    }
    std::int64_t n = 0;
    for (const char c : digits) {
      if (c < '0' || c > '9') {
        result.error = NumError("Atoi", s, kErrSyntax);
        return result;
      }
      n = n * 10 + (c - '0');
    }
    result.value = s[0] == '-' ? -n : n;
    return result;
  }
  result = ParseInt(s, 10, 0);
  if (!result.ok()) {
    // Same NumError, reported for Atoi.
    result.error.replace(0, std::string_view("strconv.ParseInt").size(), "strconv.Atoi");
  }
  return result;
}

GoResult<double> ParseFloat(std::string_view s) {
  GoResult<double> result;
  if (SpecialFloat(s, &result.value)) return result;
  const FloatSyntax f = ReadFloat(s);
  if (!f.ok) {
    result.value = 0;
    result.error = NumError("ParseFloat", s, kErrSyntax);
    return result;
  }
  double value = 0;
  const char* begin = f.text.data();
  const char* end = begin + f.text.size();
  const auto [ptr, ec] = std::from_chars(
      begin, end, value, f.hex ? std::chars_format::hex : std::chars_format::general);
  if (ec == std::errc::result_out_of_range) {
    // Overflow when the magnitude is at least 1, underflow (Go: zero, no error) otherwise.
    std::size_t first = 0;
    while (first < f.digits.size() && f.digits[first] == '0') ++first;
    const std::int64_t scale = f.hex ? 4 : 1;
    const std::int64_t magnitude =
        (f.point - static_cast<std::int64_t>(first) - 1) * scale + f.exponent;
    if (magnitude >= 0) {
      result.value = f.negative ? -std::numeric_limits<double>::infinity()
                                : std::numeric_limits<double>::infinity();
      result.error = NumError("ParseFloat", s, kErrRange);
    } else {
      result.value = f.negative ? -0.0 : 0.0;
    }
    return result;
  }
  if (ec != std::errc() || ptr != end) {
    result.error = NumError("ParseFloat", s, kErrSyntax);
    return result;
  }
  result.value = value;
  return result;
}

GoResult<std::int64_t> ParseDuration(std::string_view s) {
  GoResult<std::int64_t> result;
  const std::string_view orig = s;
  const auto invalid = [&]() {
    GoResult<std::int64_t> r;
    r.error = "time: invalid duration " + TimeQuote(orig);
    return r;
  };
  constexpr std::uint64_t kLimit = std::uint64_t{1} << 63;
  std::uint64_t d = 0;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return result;
  if (s.empty()) return invalid();
  while (!s.empty()) {
    if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid();
    // Leading integer; overflow is an invalid duration.
    std::uint64_t v = 0;
    std::size_t i = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (v > kLimit / 10) return invalid();
      v = v * 10 + static_cast<std::uint64_t>(s[i] - '0');
      if (v > kLimit) return invalid();
    }
    const bool pre = i > 0;
    s.remove_prefix(i);
    // Fraction: stops accumulating precision on overflow instead of failing.
    std::uint64_t f = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      std::size_t j = 0;
      bool overflow = false;
      for (; j < s.size() && s[j] >= '0' && s[j] <= '9'; ++j) {
        if (overflow) continue;
        if (f > (kLimit - 1) / 10) {
          overflow = true;
          continue;
        }
        const std::uint64_t y = f * 10 + static_cast<std::uint64_t>(s[j] - '0');
        if (y > kLimit) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s.remove_prefix(j);
    }
    if (!pre && !post) return invalid();
    std::size_t u = 0;
    while (u < s.size() && s[u] != '.' && !(s[u] >= '0' && s[u] <= '9')) ++u;
    if (u == 0) {
      result.error = "time: missing unit in duration " + TimeQuote(orig);
      return result;
    }
    const std::string_view unit_name = s.substr(0, u);
    s.remove_prefix(u);
    std::uint64_t unit;
    if (unit_name == "ns") {
      unit = 1;
    } else if (unit_name == "us" || unit_name == "\xC2\xB5s" || unit_name == "\xCE\xBCs") {
      unit = 1000;  // "µs" is U+00B5 (micro sign) or U+03BC (Greek mu).
    } else if (unit_name == "ms") {
      unit = 1000 * 1000;
    } else if (unit_name == "s") {
      unit = 1000 * 1000 * 1000;
    } else if (unit_name == "m") {
      unit = 60ULL * 1000 * 1000 * 1000;
    } else if (unit_name == "h") {
      unit = 3600ULL * 1000 * 1000 * 1000;
    } else {
      result.error =
          "time: unknown unit " + TimeQuote(unit_name) + " in duration " + TimeQuote(orig);
      return result;
    }
    if (v > kLimit / unit) return invalid();
    v *= unit;
    if (f > 0) {
      // float64 keeps fractions of hours nanosecond-accurate, as in Go.
      v += static_cast<std::uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > kLimit) return invalid();
    }
    d += v;
    if (d > kLimit) return invalid();
  }
  if (negative) {
    result.value =
        d == kLimit ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(d);
    return result;
  }
  if (d > kLimit - 1) return invalid();
  result.value = static_cast<std::int64_t>(d);
  return result;
}

GoResult<std::int64_t> RAMInBytes(std::string_view s) {
  GoResult<std::int64_t> result;
  result.value = -1;
  const std::size_t sep = s.find_last_of("01234567890. ");
  if (sep == std::string_view::npos) {
    result.error = "invalid size: '" + std::string(s) + "'";
    return result;
  }
  // A space right before the suffix separates it from the number and belongs to neither.
  const std::string_view num = s[sep] != ' ' ? s.substr(0, sep + 1) : s.substr(0, sep);
  std::string_view suffix = s.substr(sep + 1);
  const GoResult<double> parsed = ParseFloat(num);
  if (!parsed.ok()) {
    result.error = parsed.error;
    return result;
  }
  double size = parsed.value;
  if (size < 0) {
    result.error = "invalid size: '" + std::string(s) + "'";
    return result;
  }
  if (suffix.empty()) {
    result.value = GoFloatToInt64(size);
    return result;
  }
  const auto bad_suffix = [&](std::string_view shown) {
    GoResult<std::int64_t> r;
    r.value = -1;
    r.error = "invalid suffix: '" + std::string(shown) + "'";
    return r;
  };
  if (suffix.size() > 3) return bad_suffix(suffix);
  const std::string lower = ToLower(suffix);
  if (lower[0] == 'b') {
    if (lower.size() > 1) return bad_suffix(lower);
    result.value = GoFloatToInt64(size);
    return result;
  }
  double multiplier;
  switch (lower[0]) {
    case 'k':
      multiplier = 1024.0;
      break;
    case 'm':
      multiplier = 1024.0 * 1024;
      break;
    case 'g':
      multiplier = 1024.0 * 1024 * 1024;
      break;
    case 't':
      multiplier = 1024.0 * 1024 * 1024 * 1024;
      break;
    case 'p':
      multiplier = 1024.0 * 1024 * 1024 * 1024 * 1024;
      break;
    default:
      return bad_suffix(lower);
  }
  size *= multiplier;
  if ((lower.size() == 2 && lower[1] != 'b') || (lower.size() == 3 && lower.substr(1) != "ib")) {
    return bad_suffix(lower);
  }
  result.value = GoFloatToInt64(size);
  return result;
}

}  // namespace shipshape::base
