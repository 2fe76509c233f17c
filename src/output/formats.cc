#include "output/formats.h"

#include <algorithm>

namespace shipshape::output {

bool IsFormatName(std::string_view format) {
  return std::find(kFormatNames.begin(), kFormatNames.end(), format) != kFormatNames.end();
}

std::unique_ptr<StreamWriter> MakeTtyWriter(bool color);
std::unique_ptr<StreamWriter> MakeJsonWriter();

std::unique_ptr<StreamWriter> StreamWriter::Make(std::string_view format, bool color) {
  if (format == "tty") return MakeTtyWriter(color);
  if (format == "json") return MakeJsonWriter();
  return nullptr;
}

bool WriteReport(std::string_view format, std::string& out,
                 const std::vector<lint::FileResult>& files, const ReportOptions& options) {
  if (format == "tty") {
    WriteTty(out, files, options.color);
  } else if (format == "json") {
    WriteJson(out, files);
  } else if (format == "sarif") {
    WriteSarif(out, files, options);
  } else if (format == "checkstyle") {
    WriteCheckstyle(out, files);
  } else if (format == "codeclimate") {
    WriteCodeClimate(out, files);
  } else if (format == "gitlab_codeclimate") {
    WriteGitlabCodeClimate(out, files);
  } else if (format == "gnu") {
    WriteGnu(out, files);
  } else if (format == "junit") {
    WriteJunit(out, files, options);
  } else if (format == "github") {
    WriteGithub(out, files);
  } else if (format == "sonarqube") {
    WriteSonarQube(out, files);
  } else if (format == "codacy") {
    WriteCodacy(out, files);
  } else {
    return false;
  }
  return true;
}

}  // namespace shipshape::output
