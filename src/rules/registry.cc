// The one sorted table of every rule. A rule is added here and in its own file only.
#include "rules/registry.h"

#include <algorithm>

#include "base/utf8.h"

namespace shipshape::rules {

extern const Rule kDL1001;
extern const Rule kDL3000;
extern const Rule kDL3001;
extern const Rule kDL3002;
extern const Rule kDL3003;
extern const Rule kDL3004;
extern const Rule kDL3006;
extern const Rule kDL3007;
extern const Rule kDL3008;
extern const Rule kDL3009;
extern const Rule kDL3010;
extern const Rule kDL3011;
extern const Rule kDL3012;
extern const Rule kDL3013;
extern const Rule kDL3014;
extern const Rule kDL3015;
extern const Rule kDL3016;
extern const Rule kDL3018;
extern const Rule kDL3019;
extern const Rule kDL3020;
extern const Rule kDL3021;
extern const Rule kDL3022;
extern const Rule kDL3023;
extern const Rule kDL3024;
extern const Rule kDL3025;
extern const Rule kDL3026;
extern const Rule kDL3027;
extern const Rule kDL3028;
extern const Rule kDL3029;
extern const Rule kDL3030;
extern const Rule kDL3032;
extern const Rule kDL3033;
extern const Rule kDL3034;
extern const Rule kDL3035;
extern const Rule kDL3036;
extern const Rule kDL3037;
extern const Rule kDL3038;
extern const Rule kDL3040;
extern const Rule kDL3041;
extern const Rule kDL3042;
extern const Rule kDL3043;
extern const Rule kDL3044;
extern const Rule kDL3045;
extern const Rule kDL3046;
extern const Rule kDL3047;
extern const Rule kDL3048;
extern const Rule kDL3049;
extern const Rule kDL3050;
extern const Rule kDL3051;
extern const Rule kDL3052;
extern const Rule kDL3053;
extern const Rule kDL3054;
extern const Rule kDL3055;
extern const Rule kDL3056;
extern const Rule kDL3057;
extern const Rule kDL3058;
extern const Rule kDL3059;
extern const Rule kDL3060;
extern const Rule kDL3061;
extern const Rule kDL3062;
extern const Rule kDL3063;
extern const Rule kDL3064;
extern const Rule kDL3065;
extern const Rule kDL3066;
extern const Rule kDL3067;
extern const Rule kDL4000;
extern const Rule kDL4001;
extern const Rule kDL4003;
extern const Rule kDL4004;
extern const Rule kDL4005;
extern const Rule kDL4006;
extern const Rule kSP101;
extern const Rule kSP102;
extern const Rule kSP103;
extern const Rule kSP201;
extern const Rule kSP202;
extern const Rule kSP203;
extern const Rule kSP204;
extern const Rule kSP205;
extern const Rule kSP206;
extern const Rule kSP207;
extern const Rule kSP208;
extern const Rule kSP209;
extern const Rule kSP210;
extern const Rule kSP211;
extern const Rule kSP212;
extern const Rule kSP301;
extern const Rule kSP302;
extern const Rule kSP303;
extern const Rule kSP304;
extern const Rule kSP401;
extern const Rule kSP402;
extern const Rule kSP403;
extern const Rule kSP501;
extern const Rule kSP502;
extern const Rule kSP503;
extern const Rule kSP504;
extern const Rule kSP505;
extern const Rule kSP506;
extern const Rule kSP507;
extern const Rule kSP508;
extern const Rule kSP509;
extern const Rule kSP601;
extern const Rule kSP602;
extern const Rule kSP603;
extern const Rule kSP604;
extern const Rule kSP701;
extern const Rule kSP702;
extern const Rule kSP703;
extern const Rule kSP704;
extern const Rule kSP705;
extern const Rule kSP801;
extern const Rule kSP802;
extern const Rule kSP803;
extern const Rule kSP804;
extern const Rule kSP805;
extern const Rule kSP806;
extern const Rule kSP807;
extern const Rule kSP808;
extern const Rule kSP809;
extern const Rule kSP810;
extern const Rule kSP811;
extern const Rule kSP812;

namespace {

const Rule* const kRules[] = {
    &kDL1001,
    &kDL3000,
    &kDL3001,
    &kDL3002,
    &kDL3003,
    &kDL3004,
    &kDL3006,
    &kDL3007,
    &kDL3008,
    &kDL3009,
    &kDL3010,
    &kDL3011,
    &kDL3012,
    &kDL3013,
    &kDL3014,
    &kDL3015,
    &kDL3016,
    &kDL3018,
    &kDL3019,
    &kDL3020,
    &kDL3021,
    &kDL3022,
    &kDL3023,
    &kDL3024,
    &kDL3025,
    &kDL3026,
    &kDL3027,
    &kDL3028,
    &kDL3029,
    &kDL3030,
    &kDL3032,
    &kDL3033,
    &kDL3034,
    &kDL3035,
    &kDL3036,
    &kDL3037,
    &kDL3038,
    &kDL3040,
    &kDL3041,
    &kDL3042,
    &kDL3043,
    &kDL3044,
    &kDL3045,
    &kDL3046,
    &kDL3047,
    &kDL3048,
    &kDL3049,
    &kDL3050,
    &kDL3051,
    &kDL3052,
    &kDL3053,
    &kDL3054,
    &kDL3055,
    &kDL3056,
    &kDL3057,
    &kDL3058,
    &kDL3059,
    &kDL3060,
    &kDL3061,
    &kDL3062,
    &kDL3063,
    &kDL3064,
    &kDL3065,
    &kDL3066,
    &kDL3067,
    &kDL4000,
    &kDL4001,
    &kDL4003,
    &kDL4004,
    &kDL4005,
    &kDL4006,
    &kSP101,
    &kSP102,
    &kSP103,
    &kSP201,
    &kSP202,
    &kSP203,
    &kSP204,
    &kSP205,
    &kSP206,
    &kSP207,
    &kSP208,
    &kSP209,
    &kSP210,
    &kSP211,
    &kSP212,
    &kSP301,
    &kSP302,
    &kSP303,
    &kSP304,
    &kSP401,
    &kSP402,
    &kSP403,
    &kSP501,
    &kSP502,
    &kSP503,
    &kSP504,
    &kSP505,
    &kSP506,
    &kSP507,
    &kSP508,
    &kSP509,
    &kSP601,
    &kSP602,
    &kSP603,
    &kSP604,
    &kSP701,
    &kSP702,
    &kSP703,
    &kSP704,
    &kSP705,
    &kSP801,
    &kSP802,
    &kSP803,
    &kSP804,
    &kSP805,
    &kSP806,
    &kSP807,
    &kSP808,
    &kSP809,
    &kSP810,
    &kSP811,
    &kSP812,
};

}  // namespace

std::span<const Rule* const> AllRules() { return kRules; }

const Rule* FindRule(std::string_view code_or_name) {
  // The common case, a code as written in the table (kRules is sorted by code).
  const auto exact = std::lower_bound(
      std::begin(kRules), std::end(kRules), code_or_name,
      [](const Rule* r, std::string_view code) { return r->code < code; });
  if (exact != std::end(kRules) && (*exact)->code == code_or_name) return *exact;
  for (const Rule* r : kRules) {
    if (base::EqualsIgnoreCase(r->code, code_or_name) || r->name == code_or_name) return r;
  }
  // A BuildKit check name, when exactly one rule answers to it.
  const Rule* found = nullptr;
  for (const Rule* r : kRules) {
    if (!r->buildkit_name.empty() && base::EqualsIgnoreCase(r->buildkit_name, code_or_name)) {
      if (found) return nullptr;
      found = r;
    }
  }
  return found;
}

namespace {

/// `DL`, `SP4`, `SC20`: letters then digits only.
bool IsCodePrefix(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) ++i;
  if (i == 0) return false;
  for (std::size_t j = i; j < s.size(); ++j) {
    if (s[j] < '0' || s[j] > '9') return false;
  }
  return true;
}

}  // namespace

bool IsPresetName(std::string_view selector) {
  return base::EqualsIgnoreCase(selector, kRecommendedPreset) ||
         base::EqualsIgnoreCase(selector, kHardenedPreset);
}

int SelectorMatch(const Rule& rule, std::string_view selector) {
  if (selector.empty()) return 0;
  if (base::EqualsIgnoreCase(selector, "ALL")) return 1;
  if (base::EqualsIgnoreCase(selector, kRecommendedPreset)) return rule.default_enabled ? 2 : 0;
  if (base::EqualsIgnoreCase(selector, kHardenedPreset)) {
    return rule.default_enabled || (rule.presets & kHardened) ? 2 : 0;
  }
  if (base::EqualsIgnoreCase(rule.code, selector) || rule.name == selector ||
      (!rule.buildkit_name.empty() && base::EqualsIgnoreCase(rule.buildkit_name, selector))) {
    return 100;
  }
  if (IsCodePrefix(selector) && selector.size() < rule.code.size() &&
      base::EqualsIgnoreCase(rule.code.substr(0, selector.size()), selector)) {
    return 2 + static_cast<int>(selector.size());
  }
  return 0;
}

int SelectorMatchCode(std::string_view code, std::string_view selector) {
  if (selector.empty()) return 0;
  if (base::EqualsIgnoreCase(selector, "ALL")) return 1;
  if (IsPresetName(selector)) return 2;
  if (base::EqualsIgnoreCase(selector, code)) return 100;
  if (IsCodePrefix(selector) && selector.size() < code.size() &&
      base::EqualsIgnoreCase(code.substr(0, selector.size()), selector)) {
    return 2 + static_cast<int>(selector.size());
  }
  return 0;
}

bool IsKnownSelector(std::string_view selector) {
  if (IsPresetName(selector)) return true;
  for (const Rule* r : kRules) {
    if (SelectorMatch(*r, selector) > 0) return true;
  }
  if (!IsCodePrefix(selector)) return false;
  // A prefix of a family with no rule behind it yet (`SP4`), and ShellCheck's codes; a whole
  // code (`DL9999`, `SP999`) names a rule or nothing.
  const std::string upper = base::ToUpper(selector);
  const std::size_t letters = upper.find_first_of("0123456789");
  const std::string family = upper.substr(0, letters);
  const std::size_t digits = letters == std::string::npos ? 0 : upper.size() - letters;
  if (family == "DL") return digits < 4;
  if (family == "SP") return digits < 3;
  if (family == "SC") return digits <= 4;
  return false;
}

bool IsRetiredHadolintCode(std::string_view code) {
  // hadolint-rules.md: DL3017, DL3031, DL3039 removed by #677 (2021), DL3005 by #964 (2023).
  for (std::string_view retired : {"DL3005", "DL3017", "DL3031", "DL3039"}) {
    if (base::EqualsIgnoreCase(code, retired)) return true;
  }
  return false;
}

std::string Stem(const Rule& rule) {
  std::string stem = base::AsciiLower(rule.code);
  stem += '_';
  for (char c : rule.name) stem += c == '-' ? '_' : c;
  return stem;
}

}  // namespace shipshape::rules
