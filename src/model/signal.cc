#include "model/signal.h"

#include <array>
#include <utility>

#include "base/go_strconv.h"
#include "base/utf8.h"

namespace shipshape::model {
namespace {

// Linux signal numbers; real-time signals are relative to glibc's SIGRTMIN (34) and SIGRTMAX
// (64), as moby/sys/signal defines them.
constexpr int kRtMin = 34;
constexpr int kRtMax = 64;

constexpr std::array<std::pair<std::string_view, int>, 34> kNamedSignals = {{
    {"ABRT", 6},    {"ALRM", 14},   {"BUS", 7},   {"CHLD", 17}, {"CLD", 17},  {"CONT", 18},
    {"FPE", 8},     {"HUP", 1},     {"ILL", 4},   {"INT", 2},   {"IO", 29},   {"IOT", 6},
    {"KILL", 9},    {"PIPE", 13},   {"POLL", 29}, {"PROF", 27}, {"PWR", 30},  {"QUIT", 3},
    {"SEGV", 11},   {"STKFLT", 16}, {"STOP", 19}, {"SYS", 31},  {"TERM", 15}, {"TRAP", 5},
    {"TSTP", 20},   {"TTIN", 21},   {"TTOU", 22}, {"URG", 23},  {"USR1", 10}, {"USR2", 12},
    {"VTALRM", 26}, {"WINCH", 28},  {"XCPU", 24}, {"XFSZ", 25},
}};

// RTMIN, RTMIN+1..RTMIN+15, RTMAX-14..RTMAX-1, RTMAX: exactly these spellings (so no
// `RTMIN+01` or `RTMIN+0`).
bool LookUpRealtime(std::string_view name, int* number) {
  if (name == "RTMIN" || name == "RTMAX") {
    *number = name == "RTMIN" ? kRtMin : kRtMax;
    return true;
  }
  if (name.size() < 7 || name.size() > 8) return false;
  const std::string_view prefix = name.substr(0, 6);
  const std::string_view digits = name.substr(6);
  if (digits[0] < '1' || digits[0] > '9') return false;
  int offset = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return false;
    offset = offset * 10 + (c - '0');
  }
  if (prefix == "RTMIN+" && offset <= 15) {
    *number = kRtMin + offset;
    return true;
  }
  if (prefix == "RTMAX-" && offset <= 14) {
    *number = kRtMax - offset;
    return true;
  }
  return false;
}

}  // namespace

SignalResult ParseSignal(std::string_view value) {
  SignalResult result;
  const base::GoResult<std::int64_t> n = base::Atoi(value);
  if (n.ok()) {
    if (n.value == 0) {
      result.error = "invalid signal: " + std::string(value);
    } else {
      result.number = n.value;
    }
    return result;
  }
  std::string name = base::ToUpper(value);
  if (name.starts_with("SIG")) name.erase(0, 3);
  for (const auto& [known, number] : kNamedSignals) {
    if (name == known) {
      result.number = number;
      return result;
    }
  }
  int number = 0;
  if (LookUpRealtime(name, &number)) {
    result.number = number;
    return result;
  }
  result.error = "invalid signal: " + std::string(value);
  return result;
}

}  // namespace shipshape::model
