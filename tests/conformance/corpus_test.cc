// The real-world corpus (../shared/corpus/files) against BuildKit's own parse of each file
// (../shared/conformance/buildkit-corpus/dumps.jsonl.gz), plus the byte-range round trip.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/go_quote.h"
#include "lint/lint.h"
#include "syntax/dump.h"
#include "syntax/line_parsers.h"
#include "syntax/parser.h"
#include "test_data.h"

namespace shipshape::syntax {
namespace {

using nlohmann::json;
using testing::ReadFileOrFail;
using testing::SharedPath;

struct CorpusCase {
  std::string sha1;
  std::string text;
  std::optional<std::string> dump;
  std::optional<std::string> error;
};

const std::vector<CorpusCase>& Corpus() {
  static const std::vector<CorpusCase> cases = [] {
    std::vector<CorpusCase> out;
    const std::string all =
        testing::ReadGzipOrFail(SharedPath("conformance/buildkit-corpus/dumps.jsonl.gz"));
    std::size_t pos = 0;
    while (pos < all.size()) {
      std::size_t nl = all.find('\n', pos);
      if (nl == std::string::npos) nl = all.size();
      const json j = json::parse(all.substr(pos, nl - pos), nullptr, false);
      pos = nl + 1;
      if (!j.is_object()) continue;
      CorpusCase c;
      c.sha1 = j["sha1"].get<std::string>();
      c.text = ReadFileOrFail(
          SharedPath("corpus/files/" + c.sha1.substr(0, 2) + "/" + c.sha1 + ".Dockerfile"));
      if (j.contains("dump")) c.dump = j["dump"].get<std::string>();
      if (j.contains("error")) c.error = j["error"].get<std::string>();
      out.push_back(std::move(c));
    }
    return out;
  }();
  return cases;
}

TEST(CorpusConformance, EveryFileParsesAsBuildKitParsesIt) {
  std::size_t accepted = 0, rejected = 0, mismatches = 0;
  for (const CorpusCase& c : Corpus()) {
    const Dockerfile df = Parse(c.sha1, c.text);
    const SyntaxError* error = df.FirstBuildKitError();
    if (c.dump) {
      ++accepted;
      const std::string dump = Dump(df);
      if (error || dump != *c.dump) {
        if (++mismatches <= 10) {
          ADD_FAILURE() << c.sha1 << (error ? ": unexpected error " + error->BuildKitText() : "")
                        << "\n--- got\n"
                        << dump << "\n--- want\n"
                        << *c.dump;
        }
      }
    } else {
      ++rejected;
      if (!error || error->BuildKitText() != *c.error) {
        if (++mismatches <= 10) {
          ADD_FAILURE() << c.sha1 << ": want error `" << *c.error << "`, got `"
                        << (error ? error->BuildKitText() : "none") << "`";
        }
      }
    }
  }
  EXPECT_EQ(mismatches, 0u);
  EXPECT_EQ(accepted, 6429u);
  EXPECT_EQ(rejected, 16u);
}

TEST(CorpusConformance, LintReportsSyntaxErrorsOnExactlyTheRejectedFiles) {
  std::size_t with_errors = 0;
  for (const CorpusCase& c : Corpus()) {
    const lint::FileResult r = lint::LintText(c.sha1, c.text);
    bool syntax_error = false;
    for (const base::Diagnostic& d : r.diagnostics) syntax_error = syntax_error || d.code.empty();
    EXPECT_EQ(syntax_error, c.error.has_value()) << c.sha1;
    with_errors += syntax_error;
  }
  EXPECT_EQ(with_errors, 16u);
}

/// The source pieces of `inst` (one per joined physical line), as source byte ranges.
std::vector<base::Range> Pieces(const Instruction& inst) {
  std::vector<base::Range> pieces;
  for (std::size_t i = 0; i < inst.segments.size(); ++i) {
    const std::uint32_t len =
        (i + 1 < inst.segments.size() ? inst.segments[i + 1].logical
                                      : static_cast<std::uint32_t>(inst.original.size())) -
        inst.segments[i].logical;
    pieces.push_back({inst.segments[i].source, inst.segments[i].source + len});
  }
  return pieces;
}

/// `range` of the source with the continuation gaps of `inst` cut out: the logical text.
std::string Unsplice(std::string_view text, const Instruction& inst, base::Range range) {
  std::string out;
  for (const base::Range& p : Pieces(inst)) {
    const std::uint32_t b = std::max(p.begin, range.begin);
    const std::uint32_t e = std::min(p.end, range.end);
    if (b < e) out.append(text.substr(b, e - b));
  }
  return out;
}

bool ViewsInto(std::string_view inner, std::string_view outer) {
  return inner.data() >= outer.data() && inner.data() + inner.size() <= outer.data() + outer.size();
}

/// Checks one node: its range lies in the instruction and gives back its logical text.
void CheckNode(std::string_view text, const Instruction& inst, std::string_view value,
               base::Range range, bool json_element, const std::string& label) {
  ASSERT_TRUE(inst.range.Contains(range)) << label;
  if (range.empty()) {  // a missing part (ENV without value): nothing to give back
    EXPECT_TRUE(value.empty()) << label;
    return;
  }
  const std::string logical = Unsplice(text, inst, range);
  if (ViewsInto(value, inst.original) && !json_element) {
    EXPECT_EQ(logical, value) << label;
  } else if (json_element) {
    std::vector<LexedWord> words;
    const std::string array = "[" + logical + "]";
    ASSERT_EQ(ParseJsonArray(array, words), JsonArray::kStrings) << label << ": " << logical;
    ASSERT_EQ(words.size(), 1u) << label;
    EXPECT_EQ(words[0].Value(array), value) << label;
  } else {
    EXPECT_FALSE(logical.empty()) << label;
  }
}

void CheckInstruction(std::string_view text, const Instruction& inst, const std::string& label) {
  CheckNode(text, inst, inst.word.value, inst.word.range, false, label + " keyword");
  for (const Flag& f : inst.flags) {
    ASSERT_TRUE(inst.range.Contains(f.range)) << label;
    const std::string raw = Unsplice(text, inst, f.range);
    EXPECT_EQ(raw.substr(0, 2), "--") << label;
    if (ViewsInto(f.text, inst.original)) {
      EXPECT_EQ(raw, f.text) << label;
    }
  }
  for (std::size_t i = 0; i < inst.args.size(); ++i) {
    // HEALTHCHECK's type word precedes its (maybe JSON) command.
    const bool json = inst.json && !(inst.keyword == Keyword::kHealthcheck && i == 0);
    CheckNode(text, inst, inst.args[i].value, inst.args[i].range, json, label + " arg");
  }
  for (const KeyValue& kv : inst.pairs) {
    CheckNode(text, inst, kv.key.value, kv.key.range, false, label + " key");
    CheckNode(text, inst, kv.value.value, kv.value.range, false, label + " value");
  }
  for (const Heredoc& h : inst.heredocs) {
    EXPECT_TRUE(inst.range.Contains(h.word)) << label;
    EXPECT_NE(Unsplice(text, inst, h.word).find(h.name.substr(0, 1)), std::string::npos) << label;
    std::string_view terminator = base::Slice(text, h.terminator);
    if (h.chomp) {
      while (!terminator.empty() && terminator[0] == '\t') terminator.remove_prefix(1);
    }
    if (h.terminated) {
      EXPECT_EQ(terminator, h.name) << label;
    }
    EXPECT_EQ(h.body.end, h.terminated ? h.terminator.begin : h.body.end) << label;
  }
  if (inst.trigger) {
    // The trigger shares the ONBUILD's logical line: check its nodes against the parent.
    Instruction view;
    view.segments = inst.segments;
    view.original = inst.original;
    view.range = inst.range;
    const Instruction& t = *inst.trigger;
    CheckNode(text, view, t.word.value, t.word.range, false, label + " trigger");
    for (const Word& w : t.args)
      CheckNode(text, view, w.value, w.range, t.json, label + " trigger arg");
  }
}

TEST(CorpusConformance, ByteRangesRoundTrip) {
  for (const CorpusCase& c : Corpus()) {
    const Dockerfile df = Parse(c.sha1, c.text);
    const std::string_view text = df.text();
    // Instructions, comments and directives tile the file: what lies between is blank.
    std::vector<base::Range> covered;
    for (const Instruction& inst : df.instructions) covered.push_back(inst.range);
    for (const Comment& cm : df.comments) covered.push_back(cm.range);
    for (const Directive& d : df.directives) covered.push_back(d.range);
    std::sort(covered.begin(), covered.end(),
              [](const base::Range& a, const base::Range& b) { return a.begin < b.begin; });
    std::uint32_t at = df.bom_size;
    for (const base::Range& r : covered) {
      if (r.begin < at) continue;  // a comment inside an instruction's continuation
      for (std::uint32_t i = at; i < r.begin; ++i) {
        ASSERT_TRUE(std::isspace(static_cast<unsigned char>(text[i])))
            << c.sha1 << " byte " << i << " is outside every node";
      }
      at = r.end;
    }
    for (std::size_t i = 0; i < df.instructions.size(); ++i) {
      const Instruction& inst = df.instructions[i];
      // An instruction's range starts at its keyword and holds its whole logical line.
      EXPECT_EQ(Unsplice(text, inst, inst.range), inst.original) << c.sha1 << " #" << i;
      CheckInstruction(text, inst, c.sha1 + " #" + std::to_string(i));
    }
    if (::testing::Test::HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace shipshape::syntax
