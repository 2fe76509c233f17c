// `shipshape pin`: pins the images Dockerfiles pull to the digests their tags serve (Registry
// HTTP API v2, or the lock file with --offline), checks pins with --check, refreshes them
// with --update. Exit codes: 0 done (or nothing to pin), 1 --check found an unpinned or stale
// reference, 2 an error (nothing is written then).
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace shipshape::cli {

struct PinFlags {
  std::vector<std::string> paths;
  bool check = false;
  bool update = false;
  bool offline = false;
  bool diff = false;
  /// One lock file for every Dockerfile (default: shipshape.lock beside each one).
  std::string lock;
  std::vector<std::string> insecure_registries;
  double timeout_seconds = 30;
};

/// Adds `pin [PATH...]` and its flags to `app`, writing into `flags`.
/// `options` false: the command's name and description only (start-up builds in full only
/// the command that runs).
CLI::App* AddPinCommand(CLI::App& app, PinFlags& flags, bool options = true);

/// Runs `pin`; returns the exit code.
int RunPin(const PinFlags& flags);

}  // namespace shipshape::cli
