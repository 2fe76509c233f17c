// JSON-RPC over a byte stream as the Language Server Protocol frames it: header lines
// (`Content-Length: N`, optionally `Content-Type`), an empty line, then N bytes of JSON.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace shipshape::lsp {

/// A message longer than this is refused (its bytes are skipped): no editor sends a Dockerfile
/// this large, and the limit keeps a bad header from claiming all memory.
inline constexpr std::size_t kMaxMessageBytes = 64u << 20;
/// A header block longer than this is malformed.
inline constexpr std::size_t kMaxHeaderBytes = 8192;

/// Splits a byte stream into message bodies. Bytes are fed as they arrive; malformed framing is
/// reported and skipped, so one bad message never stops the stream.
class FrameReader {
 public:
  enum class Status : unsigned char {
    kMessage,   ///< a body is ready
    kError,     ///< a malformed header block or an over-large body was skipped
    kNeedMore,  ///< feed more bytes
  };

  void Feed(std::string_view bytes) { buffer_.append(bytes); }

  /// The next message: its body in `body`, or on kError why the framing was bad in `error`.
  Status Next(std::string& body, std::string& error);

 private:
  std::string buffer_;
  std::size_t pos_ = 0;
  /// Bytes of a refused body still to be dropped.
  std::size_t skip_ = 0;
};

/// `body` with its header, ready to write.
std::string Frame(std::string_view body);

}  // namespace shipshape::lsp
