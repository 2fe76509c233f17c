# Windows containers have no UIDs: their users are names.
FROM mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2022 AS build
USER ContainerAdministrator
FROM mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022 AS runtime
USER ContainerUser
FROM runtime AS final
# Built FROM a Windows stage.
USER ContainerUser
