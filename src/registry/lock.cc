#include "registry/lock.h"

#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/file.h"
#include "model/image_ref.h"
#include "registry/digest.h"

namespace shipshape::registry {

std::string ParseLock(std::string_view text, Lock& lock) {
  lock.clear();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1e400
    return fmt::format("not JSON: {}", e.what());
  }
  if (!j.is_object()) return "not a JSON object";
  const auto version = j.find("version");
  if (version == j.end() || !version->is_number_integer()) return "no integer `version`";
  if (version->get<long long>() != kLockVersion) {
    return fmt::format("version {} is not one this shipshape reads ({})", version->dump(),
                       kLockVersion);
  }
  const auto images = j.find("images");
  if (images == j.end()) return "";
  if (!images->is_object()) return "`images` is not an object";
  for (const auto& [key, value] : images->items()) {
    const model::ImageRef ref = model::ParseNormalizedNamed(key);
    if (!ref.ok() || ref.tag.empty() || !ref.digest.empty() || ref.normalized != key) {
      return fmt::format("`images`: `{}` is not a normalized reference with a tag and no digest "
                         "(such as `docker.io/library/alpine:3.19`)",
                         key);
    }
    if (!value.is_string() || !IsSha256Digest(value.get<std::string>())) {
      return fmt::format("`images`: the digest of `{}` is not `sha256:` and 64 hex digits", key);
    }
    lock[key] = value.get<std::string>();
  }
  return "";
}

LockRead ReadLock(const std::string& path) {
  LockRead r;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return r;
  base::ReadResult file = base::ReadFile(path);
  if (!file.ok()) {
    r.error = fmt::format("{}: {}", path, file.error);
    return r;
  }
  if (const std::string error = ParseLock(file.text, r.lock); !error.empty()) {
    r.error = fmt::format("{}: {}", path, error);
  }
  r.text = std::move(file.text);
  return r;
}

std::string FormatLock(const Lock& lock) {
  nlohmann::ordered_json j;
  j["version"] = kLockVersion;
  j["images"] = nlohmann::ordered_json::object();
  for (const auto& [key, digest] : lock) j["images"][key] = digest;  // std::map: sorted
  return j.dump(2) + "\n";
}

}  // namespace shipshape::registry
