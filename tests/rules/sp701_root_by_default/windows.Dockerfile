# Windows images run as ContainerUser or ContainerAdministrator, which USER in the Linux sense
# does not cover: they are not judged. Each family the model recognises (model/os.h) is here.
FROM mcr.microsoft.com/windowsservercore-insider AS a
RUN echo a
FROM mcr.microsoft.com/nanoserver-insider AS b
RUN echo b
FROM stefanscherer/node-windows:20 AS c
RUN echo c
FROM mcr.microsoft.com/windows:1809 AS d
RUN echo d
FROM python:3.12-windowsservercore-ltsc2022 AS e
RUN echo e
FROM microsoft/windowsservercore
RUN echo f
