// What the CI formats share: a finding seen as a format sees it (code, severity, positions),
// stable fingerprints, XML and URI escaping. Internal to src/output.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/source.h"
#include "lint/fingerprint.h"
#include "lint/lint.h"
#include "rules/rule.h"

namespace shipshape::output {

using lint::kSyntaxErrorCode;

/// One diagnostic as the formats print it.
struct Finding {
  const base::Diagnostic* diagnostic = nullptr;
  /// The rule code, DL1000 for a syntax error.
  std::string_view code;
  /// The diagnostic's severity; always error for a syntax error.
  base::Severity severity = base::Severity::kError;
  bool syntax_error = false;
  /// The rule, or nullptr (syntax errors, codes the registry does not know).
  const rules::Rule* rule = nullptr;
  /// 1-based line and code-point column of the range's start and (exclusive) end.
  base::Position begin;
  base::Position end;
  /// The end without a trailing line break: a range that takes in the `\n` (or `\r\n`) of its
  /// last line ends at that line's end instead of column 1 of the next line. Formats that
  /// reject ranges past a line's end (SonarQube, GitHub) use it.
  base::Position trimmed_end;
  /// The diagnostic's range with that end (and clamped to the text).
  base::Range trimmed;
  /// `hash:occurrence` (lint::Fingerprints with the reported path): a 16-hex-digit hash of the
  /// code, the path and the flagged line's trimmed text, and the 1-based count of identical
  /// findings so far in the file. It does not change when lines are added above or below.
  std::string fingerprint;
  /// The message as the text formats print it: for a finding about a container image, with
  /// where it is in the image (output::ImageNote).
  std::string message;
};

/// The findings of one file, in its order.
std::vector<Finding> Findings(const lint::FileResult& file);

/// ` [layer 2 `RUN ...`, /etc/passwd]` for a finding about a container image (with the image's
/// name when the report's file is another one, a Dockerfile); empty otherwise.
std::string ImageNote(const base::Diagnostic& d, std::string_view file);

/// The page of a rule code (kRuleDocsBaseUrl + CODE.md).
std::string RuleUrl(std::string_view code);

using lint::HashHex;
using lint::LineText;

/// Column of byte `offset` as the GNU standard counts it: 1-based, tab stops every 8 columns,
/// every other code point one column.
std::uint32_t GnuColumn(const syntax::Dockerfile& df, std::uint32_t offset);

/// Offset of the last code point of the non-empty `range` (for inclusive ends).
std::uint32_t LastCodePoint(std::string_view text, base::Range range);

/// Appends `s` escaped for XML 1.0 content (`attribute`: also tab, CR and LF as character
/// references, which attribute normalisation would otherwise turn into spaces). Characters
/// XML 1.0 does not allow (most C0 controls, U+FFFE, U+FFFF) and invalid UTF-8 become U+FFFD.
void AppendXmlEscaped(std::string& out, std::string_view s, bool attribute);

/// A file path as a URI reference: bytes other than unreserved ASCII and `/` percent-encoded;
/// an absolute path becomes a `file://` URI.
std::string PathToUri(std::string_view path);

/// `safe`, `unsafe` or `display-only`, as the json format names them.
std::string_view ApplicabilityName(base::Applicability applicability);

/// The `## <title>` section of a rule's doc, without its heading and surrounding blank lines.
std::string_view DocSection(std::string_view doc, std::string_view title);

/// A Code Climate issue for `finding` in the file at `path` (codeclimate and
/// gitlab_codeclimate).
nlohmann::ordered_json CodeClimateIssue(const Finding& finding, std::string_view path);

}  // namespace shipshape::output
