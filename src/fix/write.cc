#include "fix/write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "base/file.h"

namespace shipshape::fix {

namespace {

/// Writes `text` to a new temporary file beside `target` with permissions `mode`, flushed to
/// disk and closed; sets `temp` to its name. Returns the error (naming `path`), empty on
/// success; on error no temporary file is left. `fail_after_bytes` (>= 0) simulates a full disk
/// after that many bytes (the tests' hook).
std::string WriteTemp(const std::string& path, const std::filesystem::path& target, mode_t mode,
                      std::string_view text, long fail_after_bytes, std::string& temp) {
  const std::string name = fmt::format(".{}.shipshape-XXXXXX", target.filename().string());
  temp = target.parent_path().empty() ? name : (target.parent_path() / name).string();
  const int fd = mkstemp(temp.data());
  if (fd < 0) {
    return fmt::format("{}: cannot create a temporary file beside it: {}", path,
                       std::strerror(errno));
  }
  auto fail = [&](std::string message) {
    close(fd);
    unlink(temp.c_str());
    return message;
  };
  if (fchmod(fd, mode) != 0) {
    return fail(fmt::format("{}: cannot set the permissions of the temporary file: {}", path,
                            std::strerror(errno)));
  }
  std::size_t done = 0;
  while (done < text.size()) {
    std::size_t chunk = text.size() - done;
    if (fail_after_bytes >= 0) {
      if (done >= static_cast<std::size_t>(fail_after_bytes)) {
        return fail(fmt::format("{}: cannot write the fixed file: {}", path,
                                std::strerror(ENOSPC)));
      }
      chunk = std::min(chunk, static_cast<std::size_t>(fail_after_bytes) - done);
    }
    const ssize_t n = write(fd, text.data() + done, chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return fail(fmt::format("{}: cannot write the fixed file: {}", path, std::strerror(errno)));
    }
    done += static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0) {
    return fail(fmt::format("{}: cannot write the fixed file: {}", path, std::strerror(errno)));
  }
  if (close(fd) != 0) {
    unlink(temp.c_str());
    return fmt::format("{}: cannot write the fixed file: {}", path, std::strerror(errno));
  }
  return {};
}

}  // namespace


std::string WriteAtomically(const std::string& path, std::string_view expected,
                            std::string_view text, const WriteOptions& options) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) {
    return fmt::format("{}: cannot read its permissions: {}", path, std::strerror(errno));
  }
  const base::ReadResult now = base::ReadFile(path);
  if (!now.ok()) return fmt::format("{}: {}", path, now.error);
  if (now.text != expected) {
    return fmt::format("{}: changed on disk while it was being fixed; not written", path);
  }
  // A symlink stays a symlink: the file it points to is the one replaced.
  std::error_code ec;
  std::filesystem::path target(path);
  if (std::filesystem::is_symlink(target, ec)) {
    target = std::filesystem::canonical(target, ec);
    if (ec) return fmt::format("{}: cannot resolve the link: {}", path, ec.message());
  }
  std::string temp;
  if (std::string error =
          WriteTemp(path, target, st.st_mode & 07777, text, options.fail_after_bytes, temp);
      !error.empty()) {
    return error;
  }
  // Last look before replacing: a change made meanwhile wins over the fix.
  const base::ReadResult again = base::ReadFile(path);
  if (!again.ok() || again.text != expected) {
    unlink(temp.c_str());
    return fmt::format("{}: changed on disk while it was being fixed; not written", path);
  }
  if (rename(temp.c_str(), target.c_str()) != 0) {
    const int e = errno;
    unlink(temp.c_str());
    return fmt::format("{}: cannot replace it with the fixed file: {}", path, std::strerror(e));
  }
  return {};
}

std::string CreateExclusively(const std::string& path, std::string_view text) {
  const std::filesystem::path target(path);
  // A new file gets the usual mode (0666 less the umask).
  const mode_t mask = umask(0);
  umask(mask);
  std::string temp;
  if (std::string error = WriteTemp(path, target, 0666 & ~mask, text, -1, temp); !error.empty()) {
    return error;
  }
  // link() fails when the name exists: a file created meanwhile is never replaced.
  if (link(temp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    unlink(temp.c_str());
    if (e == EEXIST) return fmt::format("{}: appeared while it was being created; not written", path);
    return fmt::format("{}: cannot create it: {}", path, std::strerror(e));
  }
  unlink(temp.c_str());
  return {};
}

}  // namespace shipshape::fix
