#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "output/format_util.h"
#include "output/report.h"

namespace shipshape::output {

void AppendJsonString(std::string& out, std::string_view s) {
  // Valid UTF-8 is escaped here, exactly as nlohmann::json::dump does (ensure_ascii off);
  // anything else goes through nlohmann, whose error handler replaces invalid bytes.
  const std::size_t mark = out.size();
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet appended (none needs escaping)
  for (std::size_t k = 0; k < s.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(s[k]);
    if (c >= 0x80) {
      const base::DecodedRune r = base::DecodeRune(s, k);
      if (r.rune == base::kRuneError && r.width == 1) {
        out.resize(mark);
        out += nlohmann::json(std::string(s))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      k += r.width - 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, k - run);
    run = k + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

namespace {

/// Each finding is dumped on its own: the same bytes as one array, without building it.
class JsonWriter final : public StreamWriter {
 public:
  void Append(const lint::FileResult&, std::string_view rendered, std::string& out) override {
    if (rendered.empty()) return;
    out += started_ ? ',' : '[';
    started_ = true;
    out += rendered;
  }

  std::string Render(const lint::FileResult& f) const override {
    std::string out;
    const syntax::Dockerfile& df = f.dockerfile;
    auto it = std::back_inserter(out);
    const auto number = [&](std::string_view key, auto n) {
      out += key;
      const fmt::format_int digits(n);
      out.append(digits.data(), digits.size());
    };
    std::string path;  // the same in every finding: escaped once
    if (!f.diagnostics.empty()) AppendJsonString(path, df.path());
    for (const base::Diagnostic& d : f.diagnostics) {
      const base::Position begin = df.lines().PositionOf(d.range.begin);
      const base::Position end = df.lines().PositionOf(d.range.end);
      if (!out.empty()) out += ',';
      out += "{\"code\":";
      AppendJsonString(out, d.code.empty() ? std::string_view("DL1000") : d.code);
      number(",\"column\":", begin.column);
      out += ",\"file\":";
      out += path;
      out += ",\"level\":";
      AppendJsonString(out, base::SeverityName(d.severity));
      number(",\"line\":", begin.line);
      out += ",\"message\":";
      AppendJsonString(out, d.message);
      number(",\"endLine\":", end.line);
      number(",\"endColumn\":", end.column);
      if (d.image) {
        // An image finding: the image, the layer (null: the config) and the path inside.
        out += ",\"image\":";
        AppendJsonString(out, d.image->image);
        if (d.image->layer >= 0) {
          fmt::format_to(it, ",\"layer\":{{\"index\":{},\"created_by\":", d.image->layer);
          AppendJsonString(out, d.image->created_by);
          out += '}';
        } else {
          out += ",\"layer\":null";
        }
        out += ",\"image_path\":";
        if (d.image->path.empty()) {
          out += "null";
        } else {
          AppendJsonString(out, d.image->path);
        }
      }
      if (d.fix) {
        out += ",\"fix\":{\"title\":";
        AppendJsonString(out, d.fix->title);
        out += ",\"applicability\":";
        AppendJsonString(out, ApplicabilityName(d.fix->applicability));
        out += ",\"edits\":[";
        bool first = true;
        for (const base::Edit& e : d.fix->edits) {
          const base::Position eb = df.lines().PositionOf(e.range.begin);
          const base::Position ee = df.lines().PositionOf(e.range.end);
          if (!first) out += ',';
          first = false;
          fmt::format_to(it, "{{\"line\":{},\"column\":{},\"endLine\":{},\"endColumn\":{},\"content\":",
                         eb.line, eb.column, ee.line, ee.column);
          AppendJsonString(out, e.text);
          out += '}';
        }
        out += ']';
        // Edits of another file (a `.dockerignore`): append, creating it when missing.
        if (!d.fix->file_edits.empty()) {
          out += ",\"fileEdits\":[";
          for (std::size_t k = 0; k < d.fix->file_edits.size(); ++k) {
            const base::FileEdit& e = d.fix->file_edits[k];
            if (k) out += ',';
            out += "{\"path\":";
            AppendJsonString(out, e.path);
            fmt::format_to(it, ",\"create\":{},\"append\":", e.expected ? "false" : "true");
            AppendJsonString(out, e.append);
            out += '}';
          }
          out += ']';
        }
        out += '}';
      }
      out += '}';
    }
    return out;
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
