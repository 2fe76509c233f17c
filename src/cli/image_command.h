// `shipshape image PATH...`: audits built container images (docker save archives, OCI layouts,
// oci-archives, `-` for a tar on standard input) with the image rules, lint's report formats,
// selection flags and exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/report_flags.h"
#include "config/settings.h"

namespace shipshape::cli {

struct ImageFlags {
  std::vector<std::string> paths;
  /// `os/arch[/variant]`: audit only that platform's image.
  std::string platform;
  /// The Dockerfile the image was built from: findings from a layer point at its instruction.
  std::optional<std::string> dockerfile;
  std::optional<std::string> config_file;
  config::Flags settings;
  ReportFlags report;
  bool no_color = false;
  /// The command itself, to ask which flags were given.
  CLI::App* command = nullptr;
};

/// Adds `image` to `app`, writing into `flags`.
/// `options` false: the command's name and description only (start-up builds in full only
/// the command that runs).
CLI::App* AddImageCommand(CLI::App& app, ImageFlags& flags, bool options = true);

/// Audits the images; 0 clean, 1 findings at the failure threshold, 2 unreadable input.
int RunImage(const ImageFlags& flags);

}  // namespace shipshape::cli
