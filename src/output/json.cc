#include <nlohmann/json.hpp>

#include "output/report.h"

namespace shipshape::output {
namespace {

std::string_view ApplicabilityName(base::Applicability a) {
  switch (a) {
    case base::Applicability::kSafe: return "safe";
    case base::Applicability::kUnsafe: return "unsafe";
    case base::Applicability::kDisplayOnly: return "display-only";
  }
  return "safe";
}

}  // namespace

namespace {

/// Each finding is dumped on its own: the same bytes as one array, without building it.
class JsonWriter final : public StreamWriter {
 public:
  void Add(const lint::FileResult& f, std::string& out) override {
    const syntax::Dockerfile& df = f.dockerfile;
    for (const base::Diagnostic& d : f.diagnostics) {
      const base::Position begin = df.lines().PositionOf(d.range.begin);
      const base::Position end = df.lines().PositionOf(d.range.end);
      nlohmann::ordered_json j;
      j["code"] = d.code.empty() ? "DL1000" : d.code;
      j["column"] = begin.column;
      j["file"] = df.path();
      j["level"] = base::SeverityName(d.severity);
      j["line"] = begin.line;
      j["message"] = d.message;
      j["endLine"] = end.line;
      j["endColumn"] = end.column;
      if (d.fix) {
        nlohmann::ordered_json fix;
        fix["title"] = d.fix->title;
        fix["applicability"] = ApplicabilityName(d.fix->applicability);
        nlohmann::ordered_json edits = nlohmann::ordered_json::array();
        for (const base::Edit& e : d.fix->edits) {
          const base::Position eb = df.lines().PositionOf(e.range.begin);
          const base::Position ee = df.lines().PositionOf(e.range.end);
          edits.push_back({{"line", eb.line},
                           {"column", eb.column},
                           {"endLine", ee.line},
                           {"endColumn", ee.column},
                           {"content", e.text}});
        }
        fix["edits"] = std::move(edits);
        j["fix"] = std::move(fix);
      }
      out += started_ ? ',' : '[';
      started_ = true;
      // Invalid UTF-8 in a message or path is replaced rather than throwing.
      out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    }
  }

  void Finish(std::string& out) override {
    out += started_ ? "]\n" : "[]\n";
  }

 private:
  bool started_ = false;
};

}  // namespace

std::unique_ptr<StreamWriter> MakeJsonWriter() { return std::make_unique<JsonWriter>(); }

void WriteJson(std::string& out, const std::vector<lint::FileResult>& files) {
  JsonWriter w;
  for (const lint::FileResult& f : files) w.Add(f, out);
  w.Finish(out);
}

}  // namespace shipshape::output
