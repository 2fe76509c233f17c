#include "cli/image_command.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <fmt/format.h>

#include "base/file.h"
#include "config/load.h"
#include "config/lookup.h"
#include "image/audit.h"
#include "image/image.h"
#include "lint/lint.h"
#include "model/model.h"
#include "output/formats.h"
#include "output/report.h"
#include "rules/image/image_context.h"
#include "syntax/parser.h"

namespace shipshape::cli {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

void WriteAll(int fd, const std::string& s) {
  std::size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = write(fd, s.data() + done, s.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

void PrintError(const std::string& message) {
  WriteAll(STDERR_FILENO, fmt::format("shipshape: error: {}\n", message));
}

bool Reaches(base::Severity severity, config::FailureThreshold threshold) {
  switch (threshold) {
    case config::FailureThreshold::kError: return severity <= base::Severity::kError;
    case config::FailureThreshold::kWarning: return severity <= base::Severity::kWarning;
    case config::FailureThreshold::kInfo: return severity <= base::Severity::kInfo;
    case config::FailureThreshold::kStyle: return true;
    case config::FailureThreshold::kNone: return false;
  }
  return false;
}

std::string OneLine(std::string s, std::size_t width) {
  for (char& c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  if (s.size() > width) {
    s.resize(width - 3);
    s.append("...");
  }
  return s;
}

/// The tty report's part about one image: what it is, its efficiency, a row per layer.
std::string LayerTable(const image::Image& img, std::string_view name) {
  std::string out;
  auto it = std::back_inserter(out);
  std::string platform = img.config.os + "/" + img.config.architecture;
  if (!img.config.variant.empty()) platform += "/" + img.config.variant;
  fmt::format_to(it, "{}: {}{}, {}, {} layer{}, {} ({} in layers); efficiency {:.1f} %, {} wasted\n",
                 name, image::LayoutName(img.layout),
                 img.reference.empty() ? "" : fmt::format(" {}", img.reference), platform,
                 img.layers.size(), img.layers.size() == 1 ? "" : "s",
                 rules::HumanBytes(img.total_bytes), rules::HumanBytes(img.layer_bytes),
                 img.efficiency.score * 100, rules::HumanBytes(img.efficiency.wasted_bytes));
  fmt::format_to(it, "  {:>5}  {:>9}  {:<50}  {}\n", "layer", "size", "created_by", "top paths");
  for (std::size_t i = 0; i < img.layers.size(); ++i) {
    const image::Layer& l = img.layers[i];
    std::string top;
    for (const auto& [path, bytes] : l.top_paths) {
      top += fmt::format("{}/{} {}", top.empty() ? "" : ", ", path, rules::HumanBytes(bytes));
    }
    fmt::format_to(it, "  {:>5}  {:>9}  {:<50}  {}\n", i, rules::HumanBytes(l.content_bytes),
                   OneLine(l.created_by.empty() ? "-" : l.created_by, 50), top);
  }
  out += '\n';
  return out;
}

}  // namespace

CLI::App* AddImageCommand(CLI::App& app, ImageFlags& flags, bool options) {
  CLI::App* cmd = app.add_subcommand(
      "image",
      "Audit built images: docker save archives, OCI layouts, oci-archives (`-` reads a tar "
      "from standard input)");
  flags.command = cmd;
  if (!options) return cmd;
  cmd->add_option("paths", flags.paths,
                  "Image archives (docker save, podman save, oci-archive) or OCI layout folders")
      ->required();
  cmd->add_option("--platform", flags.platform,
                  "Audit only this platform's image (os/arch[/variant], e.g. linux/arm64); "
                  "default: every image in the file");
  cmd->add_option("--dockerfile", flags.dockerfile,
                  "The Dockerfile the image was built from: findings from a layer also point at "
                  "the instruction that made it");
  cmd->add_option("-c,--config", flags.config_file,
                  "Configuration file (no lookup then; a name containing `hadolint` is read as "
                  "hadolint's)");
  OptionSet every(*cmd);
  AddReportFlags(every, flags.settings, flags.report);
  cmd->add_flag("--no-color", flags.no_color, "No colour in the output");
  cmd->add_option("--color", flags.settings.color,
                  "Colour: auto (a terminal without NO_COLOR), always or never");
  return cmd;
}

int RunImage(const ImageFlags& in) {
  ImageFlags flags = in;
  ApplyReportFlags(flags.report, flags.settings);
  if (flags.no_color) flags.settings.no_color = true;
  config::Result<config::Layer> cli = config::FromFlags(flags.settings);
  if (!cli) {
    PrintError(cli.error().ToString());
    return kExitError;
  }
  const config::Env env = config::ProcessEnvironment();
  std::optional<std::filesystem::path> explicit_config;
  if (flags.config_file) explicit_config = *flags.config_file;
  config::Loader loader(config::Roots::From(env), explicit_config);
  config::Result<config::Settings> run =
      loader.SettingsFor("-", config::FromEnvironment(env), *cli);
  if (!run) {
    PrintError(run.error().ToString());
    return kExitError;
  }
  for (const config::Problem& w : run->warnings) {
    WriteAll(STDERR_FILENO, fmt::format("shipshape: warning: {}\n", w.ToString()));
  }
  const lint::LintOptions options = config::OptionsFor(*run, "-");

  std::vector<std::string> formats = run->format.value;
  if (formats.empty()) formats.push_back("tty");
  while (formats.size() < flags.report.outputs.size()) formats.push_back("tty");
  for (const std::string& f : formats) {
    if (!output::IsFormatName(f)) {
      PrintError(fmt::format("unknown format `{}`", f));
      return kExitError;
    }
  }
  output::Color color = output::Color::kAuto;
  if (run->color.value == config::Color::kAlways) color = output::Color::kAlways;
  if (run->color.value == config::Color::kNever || run->no_color.value) color = output::Color::kNever;

  // The Dockerfile, parsed once; each report that maps findings into it parses its own copy.
  std::string dockerfile_text;
  std::optional<syntax::Dockerfile> dockerfile;
  std::optional<model::Model> model;
  if (flags.dockerfile) {
    base::ReadResult file = base::ReadFile(*flags.dockerfile);
    if (!file.ok()) {
      PrintError(fmt::format("{}: {}", *flags.dockerfile, file.error));
      return kExitError;
    }
    dockerfile_text = file.text;
    dockerfile.emplace(syntax::Parse(*flags.dockerfile, std::move(file.text)));
    model.emplace(model::Model::Build(*dockerfile));
  }

  bool error = false, failing = false;
  std::vector<lint::FileResult> results;
  std::vector<std::string> tables;
  image::ReadOptions read_options;
  read_options.platform = flags.platform;
  for (const std::string& path : flags.paths) {
    image::ReadResult read = image::Read(path, read_options);
    if (!read.ok()) {
      PrintError(read.error);
      error = true;
      continue;
    }
    for (const image::Image& img : read.images) {
      std::string name = path == "-" ? "<stdin>" : path;
      if (read.images.size() > 1) {
        name += fmt::format(" ({}/{}{}{})", img.config.os, img.config.architecture,
                            img.config.variant.empty() ? "" : "/", img.config.variant);
      }
      image::Image shown = img;
      shown.source = path == "-" ? "<stdin>" : path;
      image::AuditResult audit = image::Audit(
          shown, options.selection, dockerfile ? &*dockerfile : nullptr, model ? &*model : nullptr);
      lint::FileResult on_image{syntax::Parse(name, ""), {}};
      lint::FileResult on_dockerfile{syntax::Parse(flags.dockerfile.value_or(""), dockerfile_text), {}};
      for (std::size_t i = 0; i < audit.diagnostics.size(); ++i) {
        base::Diagnostic& d = audit.diagnostics[i];
        if (Reaches(d.severity, run->failure_threshold.value)) failing = true;
        (audit.mapped[i] ? on_dockerfile : on_image).diagnostics.push_back(std::move(d));
      }
      std::stable_sort(on_dockerfile.diagnostics.begin(), on_dockerfile.diagnostics.end(),
                       [](const base::Diagnostic& a, const base::Diagnostic& b) {
                         return a.range.begin < b.range.begin;
                       });
      results.push_back(std::move(on_image));
      if (!on_dockerfile.diagnostics.empty()) results.push_back(std::move(on_dockerfile));
      tables.push_back(LayerTable(shown, name));
    }
  }

  for (std::size_t i = 0; i < formats.size(); ++i) {
    output::ReportOptions report_options;
    const std::string file = i < flags.report.outputs.size() ? flags.report.outputs[i] : "";
    report_options.color = file.empty() && output::UseColor(color);
    std::string out;
    if (formats[i] == "tty") {
      for (const std::string& t : tables) out += t;
    }
    output::WriteReport(formats[i], out, results, report_options);
    if (file.empty()) {
      WriteAll(STDOUT_FILENO, out);
    } else {
      std::ofstream f(file, std::ios::binary | std::ios::trunc);
      f << out;
      if (!f) {
        PrintError(fmt::format("{}: cannot write the {} report", file, formats[i]));
        error = true;
      }
    }
  }
  if (error) return kExitError;
  if (failing && !run->no_fail.value) return kExitFindings;
  return kExitClean;
}

}  // namespace shipshape::cli
