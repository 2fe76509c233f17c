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
};

}  // namespace

std::span<const Rule* const> AllRules() { return kRules; }

const Rule* FindRule(std::string_view code_or_name) {
  for (const Rule* r : kRules) {
    if (base::EqualsIgnoreCase(r->code, code_or_name) || r->name == code_or_name) return r;
  }
  return nullptr;
}

std::string Stem(const Rule& rule) {
  std::string stem = base::AsciiLower(rule.code);
  stem += '_';
  for (char c : rule.name) stem += c == '-' ? '_' : c;
  return stem;
}

}  // namespace shipshape::rules
