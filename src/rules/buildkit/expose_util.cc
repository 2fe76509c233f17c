#include "rules/buildkit/expose_util.h"

namespace shipshape::rules {

ExposeWord ExposeSpecs(const Context& ctx, const syntax::Word& word) {
  ExposeWord out;
  std::string value;
  if (word.value.find_first_of("$\"'\\`") == std::string_view::npos) {
    value = std::string(word.value);
    out.literal = ctx.Text(word.range) == word.value;
  } else {
    // An ONBUILD trigger's variables belong to the downstream build.
    if (ctx.in_onbuild()) return out;
    model::Resolved r = ctx.model().Resolve(ctx.index(), word.value);
    if (!r.known || !r.error.empty()) return out;
    value = std::move(r.value);
  }
  std::string_view rest = value;
  while (!rest.empty()) {
    const std::size_t begin = rest.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos) break;
    rest.remove_prefix(begin);
    const std::size_t end = rest.find_first_of(" \t\r\n");
    out.specs.emplace_back(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  }
  return out;
}

}  // namespace shipshape::rules
