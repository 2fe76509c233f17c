#include "base/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace shipshape::base {
namespace {

/// Appends everything `fd` yields to `out`; returns the error text, empty on success.
std::string ReadFd(int fd, std::string& out) {
  char buffer[65536];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n == 0) return {};
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::strerror(errno);
    }
    if (out.size() + static_cast<std::size_t>(n) > kMaxFileBytes)
      return "file is larger than 64 MiB";
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

ReadResult ReadFile(const std::string& path) {
  ReadResult result;
  if (path == "-") {
    result.error = ReadFd(STDIN_FILENO, result.text);
    if (!result.ok()) result.text.clear();
    return result;
  }
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {{}, std::strerror(errno)};
  struct stat st {};
  if (fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      close(fd);
      return {{}, "Is a directory"};
    }
    if (S_ISREG(st.st_mode)) {
      if (static_cast<std::size_t>(st.st_size) > kMaxFileBytes) {
        close(fd);
        return {{}, "file is larger than 64 MiB"};
      }
      result.text.reserve(static_cast<std::size_t>(st.st_size));
    }
  }
  result.error = ReadFd(fd, result.text);
  close(fd);
  if (!result.ok()) result.text.clear();
  return result;
}

}  // namespace shipshape::base
