// Code point classes generated from the Unicode database (tools/gen_unicode_tables.py).
#pragma once

#include <cstddef>
#include <cstdint>

namespace shipshape::base {

struct CodePointRange {
  char32_t first;
  char32_t last;
};

/// A non-ASCII code point and its simple case mapping (sorted by `from`).
struct CaseMapping {
  char32_t from;
  char32_t to;
};

extern const CodePointRange kLetterRanges[];
extern const std::size_t kLetterRangesSize;
extern const CodePointRange kDigitRanges[];
extern const std::size_t kDigitRangesSize;
extern const CodePointRange kPrintRanges[];
extern const std::size_t kPrintRangesSize;
extern const CaseMapping kToLower[];
extern const std::size_t kToLowerSize;
extern const CaseMapping kToUpper[];
extern const std::size_t kToUpperSize;

}  // namespace shipshape::base
