# Windows users are names (ContainerUser, ContainerAdministrator): Windows images are skipped.
FROM mcr.microsoft.com/windows:1809 AS a
USER ContainerAdministrator
FROM mcr.microsoft.com/nanoserver-insider
USER ContainerAdministrator
