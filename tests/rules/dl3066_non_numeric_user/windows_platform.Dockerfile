FROM example.com/linux:1.0 AS linux
USER ContainerUser
FROM --platform=windows/amd64 example.com/base:1.0
USER ContainerUser
