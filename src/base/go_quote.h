// Go's strconv.Quote, which BuildKit's parse-tree dump uses for every value.
#pragma once

#include <string>
#include <string_view>

namespace shipshape::base {

/// Appends `s` as a Go double-quoted string literal (strconv.Quote) to `out`.
void AppendGoQuoted(std::string& out, std::string_view s);

/// `s` as a Go double-quoted string literal.
std::string GoQuote(std::string_view s);

/// Go's strconv.IsPrint.
bool IsGoPrint(char32_t r);

}  // namespace shipshape::base
