#include "cli/pin_command.h"

#include <unistd.h>

#include <CLI/App.hpp>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "base/file.h"
#include "fix/diff.h"
#include "fix/write.h"
#include "lint/discover.h"
#include "model/model.h"
#include "registry/client.h"
#include "registry/endpoint.h"
#include "registry/lock.h"
#include "registry/sites.h"
#include "syntax/parser.h"

namespace shipshape::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitCheckFailed = 1;
constexpr int kExitError = 2;

void Write(int fd, const std::string& s) {
  std::size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = write(fd, s.data() + done, s.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

/// One Dockerfile: its text, parse, model and image references.
struct File {
  std::string path;
  std::string lock_path;
  std::unique_ptr<syntax::Dockerfile> df;
  std::unique_ptr<model::Model> model;
  std::vector<registry::ImageSite> sites;
  /// The digest to write into each site (nullopt: leave it).
  std::vector<std::optional<std::string>> digests;
};

std::string Where(const File& f, const registry::ImageSite& site) {
  const base::Position p = f.df->lines().PositionOf(site.range.begin);
  return fmt::format("{}:{}:{}", f.path, p.line, p.column);
}

/// The reference as the docker CLI shows it, without its digest (`alpine:3.19`).
std::string Familiar(const model::ImageRef& ref) {
  return ref.familiar.substr(0, ref.familiar.find('@'));
}

std::string LockPathFor(const PinFlags& flags, const std::string& dockerfile) {
  if (!flags.lock.empty()) return flags.lock;
  const std::filesystem::path dir = std::filesystem::path(dockerfile).parent_path();
  return (dir / std::string(registry::kLockFileName)).string();
}

}  // namespace

CLI::App* AddPinCommand(CLI::App& app, PinFlags& flags, bool options) {
  CLI::App* pin = app.add_subcommand(
      "pin", "Pin the images Dockerfiles pull to the digests their tags serve");
  if (!options) return pin;
  pin->footer(
      "Exit status: 0 done (or nothing to pin), 1 --check found an unpinned reference or a "
      "digest its tag no longer serves, 2 an error (unknown tag, unauthorized, registry "
      "unreachable, bad lock file); on an error nothing is written.");
  pin->add_option("paths", flags.paths,
                  "Dockerfiles, or folders to search for them (default: the current folder)");
  pin->add_flag("--check", flags.check,
                "Write nothing; exit 1 when a reference is not pinned or its digest is not "
                "what its tag serves now (the lock's digest with --offline)");
  pin->add_flag("--update", flags.update,
                "Resolve every tag again, pinned ones too: rewrite digests that moved and "
                "refresh the lock file");
  pin->add_flag("--offline", flags.offline,
                "Contact no registry: digests come from the lock file only");
  pin->add_flag("--diff", flags.diff,
                "Print the changes (Dockerfiles and lock file) as a unified diff and write "
                "nothing");
  pin->add_option("--lock", flags.lock,
                  "The lock file (default: shipshape.lock beside each Dockerfile)");
  pin->add_option("--insecure-registry", flags.insecure_registries,
                  "A registry (host or host:port) reached over plain HTTP; loopback ones "
                  "always are")
      ->allow_extra_args(false);
  pin->add_option("--timeout", flags.timeout_seconds,
                  "Seconds each registry request may take (default 30)")
      ->check(CLI::Range(0.1, 3600.0));
  return pin;
}

int RunPin(const PinFlags& flags) {
  bool error = false;
  auto fail = [&](const std::string& message) {
    Write(STDERR_FILENO, fmt::format("shipshape: error: {}\n", message));
    error = true;
  };
  if (flags.check && flags.diff) {
    fail("pin: --check and --diff do not go together");
    return kExitError;
  }
  if (flags.offline && flags.update) {
    fail("pin: --update asks the registries, --offline forbids it");
    return kExitError;
  }

  // The Dockerfiles.
  std::vector<std::string> paths;
  std::set<std::string> seen;
  for (const std::string& path : flags.paths.empty() ? std::vector<std::string>{"."}
                                                     : flags.paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      lint::DiscoverResult found = lint::Discover(path, true);
      for (const std::string& e : found.errors) fail(e);
      for (std::string& f : found.files) {
        if (seen.insert(f).second) paths.push_back(f);
      }
    } else if (seen.insert(path).second) {
      paths.push_back(path);
    }
  }
  std::vector<File> files;
  for (const std::string& path : paths) {
    base::ReadResult read = base::ReadFile(path);
    if (!read.ok()) {
      fail(fmt::format("{}: {}", path, read.error));
      continue;
    }
    File f;
    f.path = path;
    f.lock_path = LockPathFor(flags, path);
    f.df = std::make_unique<syntax::Dockerfile>(syntax::Parse(path, std::move(read.text)));
    f.model = std::make_unique<model::Model>(model::Model::Build(*f.df));
    f.sites = registry::FindImageSites(*f.model);
    f.digests.resize(f.sites.size());
    files.push_back(std::move(f));
  }

  // The lock files, each read once.
  std::map<std::string, registry::LockRead> locks;
  for (const File& f : files) {
    if (locks.count(f.lock_path)) continue;
    registry::LockRead r = registry::ReadLock(f.lock_path);
    if (!r.ok()) fail(r.error);
    locks.emplace(f.lock_path, std::move(r));
  }
  if (error) return kExitError;

  // What each tag serves: from the registry (once per tag) or the lock.
  registry::ClientOptions options;
  options.insecure_registries = flags.insecure_registries;
  options.timeout_ms = static_cast<long>(flags.timeout_seconds * 1000);
  registry::Client client(options);
  std::map<std::string, registry::Resolution> resolved;
  auto from_registry = [&](const model::ImageRef& ref) -> const registry::Resolution& {
    const std::string key = registry::LockKey(ref);
    auto it = resolved.find(key);
    if (it == resolved.end()) it = resolved.emplace(key, client.Resolve(ref)).first;
    return it->second;
  };
  std::map<std::string, registry::Lock> new_locks;
  for (const auto& [path, r] : locks) new_locks[path] = r.lock;
  std::vector<std::string> findings;
  std::vector<std::string> changes;
  std::set<std::string> reported;  // errors already printed, once per tag
  for (File& f : files) {
    const registry::Lock& lock = locks.at(f.lock_path).lock;
    for (std::size_t i = 0; i < f.sites.size(); ++i) {
      const registry::ImageSite& site = f.sites[i];
      if (!site.problem.empty()) {
        // Not an error: the reference is not the Dockerfile's to pin (SP508 is silent too).
        Write(STDERR_FILENO, fmt::format("shipshape: warning: {}: `{}` is not pinned: {}\n",
                                         Where(f, site), site.written, site.problem));
        continue;
      }
      const std::string key = registry::LockKey(site.image);
      const bool tagged_pin = site.pinned() && !site.image.tag.empty();
      if (site.pinned() && !tagged_pin) continue;  // `image@sha256:...`: nothing to compare
      // Which digest the tag serves, if this mode needs to know.
      std::optional<std::string> serves;
      const bool need = flags.check || flags.update || !site.pinned();
      if (!need) {
        new_locks[f.lock_path].emplace(key, site.image.digest);  // record a hand-made pin
        continue;
      }
      const auto locked = lock.find(key);
      if (flags.offline || (!flags.check && !flags.update && locked != lock.end())) {
        if (locked == lock.end()) {
          fail(fmt::format("{}: `{}` is not in the lock file {} (run `shipshape pin` online to "
                           "record it)",
                           Where(f, site), key, f.lock_path));
          continue;
        }
        serves = locked->second;
      } else {
        const registry::Resolution& r = from_registry(site.image);
        if (!r.ok()) {
          if (reported.insert(r.error).second) fail(fmt::format("{}: {}", Where(f, site), r.error));
          else error = true;
          continue;
        }
        serves = r.digest;
        new_locks[f.lock_path][key] = r.digest;
      }
      if (flags.check) {
        if (!site.pinned()) {
          findings.push_back(fmt::format("{}: `{}` is not pinned by digest (its tag serves {})",
                                         Where(f, site), Familiar(site.image), *serves));
        } else if (site.image.digest != *serves) {
          findings.push_back(fmt::format(
              "{}: `{}` is pinned to {}, but its tag now serves {}{}", Where(f, site),
              Familiar(site.image), site.image.digest, *serves,
              flags.offline ? " (in the lock file)" : ""));
        }
        continue;
      }
      if (site.image.digest != *serves) {
        f.digests[i] = *serves;
        changes.push_back(fmt::format("{}: {} `{}` to {}", Where(f, site),
                                      site.pinned() ? "repinned" : "pinned",
                                      Familiar(site.image), *serves));
      }
    }
  }
  if (error) {
    Write(STDERR_FILENO, "shipshape: nothing was written\n");
    return kExitError;
  }
  if (flags.check) {
    for (const std::string& line : findings) Write(STDOUT_FILENO, line + "\n");
    std::size_t total = 0;
    for (const File& f : files) {
      for (const registry::ImageSite& site : f.sites) total += site.problem.empty() ? 1 : 0;
    }
    Write(STDERR_FILENO,
          findings.empty()
              ? fmt::format("shipshape: {} image reference(s) checked, all pinned\n", total)
              : fmt::format("shipshape: {} of {} image reference(s) not pinned to what their "
                            "tags serve\n",
                            findings.size(), total));
    return findings.empty() ? kExitOk : kExitCheckFailed;
  }

  // Every new text first; only then, and only when all are ready, anything written.
  struct Output {
    std::string path;
    std::optional<std::string> before;  // nullopt: a new file
    std::string after;
  };
  std::vector<Output> outputs;
  for (File& f : files) {
    const bool any = std::any_of(f.digests.begin(), f.digests.end(),
                                 [](const auto& d) { return d.has_value(); });
    if (!any) continue;
    registry::PinEdit edit = registry::ApplyDigests(*f.df, f.sites, f.digests);
    if (!edit.error.empty()) {
      fail(fmt::format("{}: {}", f.path, edit.error));
      continue;
    }
    outputs.push_back({f.path, std::string(f.df->text()), std::move(edit.text)});
  }
  if (!flags.offline) {
    for (const auto& [path, lock] : new_locks) {
      const registry::LockRead& old = locks.at(path);
      if (lock == old.lock && old.text) continue;
      if (lock.empty() && !old.text) continue;
      outputs.push_back({path, old.text, registry::FormatLock(lock)});
    }
  }
  if (error) {
    Write(STDERR_FILENO, "shipshape: nothing was written\n");
    return kExitError;
  }
  if (flags.diff) {
    for (const Output& o : outputs) {
      Write(STDOUT_FILENO, fix::UnifiedDiff(o.path, o.before.value_or(""), o.after, !o.before));
    }
    return kExitOk;
  }
  for (const Output& o : outputs) {
    const std::string e = o.before ? fix::WriteAtomically(o.path, *o.before, o.after)
                                   : fix::CreateExclusively(o.path, o.after);
    if (!e.empty()) fail(e);
  }
  for (const std::string& line : changes) Write(STDOUT_FILENO, line + "\n");
  return error ? kExitError : kExitOk;
}

}  // namespace shipshape::cli
