// Docker image references (`alpine:3.19`, `ghcr.io/org/app@sha256:...`) parsed as
// distribution/reference's ParseNormalizedNamed does, which is what BuildKit uses for `FROM`.
#pragma once

#include <string>
#include <string_view>

namespace shipshape::model {

/// A parsed reference, or the error distribution/reference gives for it.
struct ImageRef {
  /// Registry host with optional port (`docker.io`, `localhost:5000`, `[::1]:5000`).
  std::string domain;
  /// Repository path inside the registry (`library/alpine`).
  std::string path;
  /// Tag without `:`, empty when absent (no implicit `latest`).
  std::string tag;
  /// Digest `algorithm:hex`, empty when absent.
  std::string digest;
  /// `domain/path`, e.g. `docker.io/library/alpine`.
  std::string name;
  /// The normalized full reference: name, then `:tag` and `@digest` when present.
  std::string normalized;
  /// The short form the docker CLI prints (`alpine:3.19`, `org/app`, `ghcr.io/org/app`).
  std::string familiar;
  /// distribution/reference's (or go-digest's) error text, empty on success.
  std::string error;

  bool ok() const { return error.empty(); }
};

/// reference.ParseNormalizedNamed: familiar names get the `docker.io` domain and official
/// images the `library/` namespace; the repository must be lower case; tags match
/// `[\w][\w.-]{0,127}`; digests must be valid sha256/sha384/sha512 hex.
ImageRef ParseNormalizedNamed(std::string_view s);

/// reference.Parse: the reference as written, without normalisation (the domain is empty when
/// the first path component cannot be a registry).
ImageRef ParseReference(std::string_view s);

/// reference.ParseDockerRef's string for a parsed reference: adds `:latest` when there is
/// neither tag nor digest, and drops the tag when both are present.
std::string DockerRefString(const ImageRef& ref);

}  // namespace shipshape::model
