// Windows or Linux: the one decision per stage that every rule, the shell model and the
// ShellCheck pass share (Model::IsWindowsStage, Model::IsWindowsAt).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "model/image_ref.h"

namespace shipshape::model {

/// What a signal says about the operating system a stage builds for.
enum class Os : std::uint8_t { kUnknown, kLinux, kWindows };

/// What a base image reference says: Windows for Microsoft's Windows images (every
/// `mcr.microsoft.com/windows*`, `nanoserver*` and `servercore*` name, `-insider` ones
/// included, `microsoft/windowsservercore` and `microsoft/nanoserver`), any image whose tag is a
/// Windows one (`*-nanoserver-*`, `*windowsservercore*`, `ltsc2019`, `1809`, ...) or whose name
/// ends in `-windows` or starts with `windows-`; Linux for the well-known Linux
/// distributions and the official language and server images (`debian`, `alpine`, `python`,
/// `node`, `nginx`, `gcr.io/distroless/...`, ...) with a non-Windows tag; unknown otherwise.
Os ImageOs(const ImageRef& image);

/// What a `--platform` value says (`windows/amd64`, `linux/arm64`; unknown otherwise).
Os PlatformOs(std::string_view platform);

/// What a SHELL says: Windows for `cmd` and `powershell` (`pwsh` runs on Linux too: unknown),
/// Linux for POSIX shells (`sh`, `bash`, `dash`, `ash`, `ksh`, `zsh`, `busybox`).
Os ShellOs(std::span<const std::string> shell);

/// Whether a WORKDIR or COPY/ADD destination is a Windows path (`C:\app`, `c:/app`).
bool IsWindowsPath(std::string_view path);

}  // namespace shipshape::model
