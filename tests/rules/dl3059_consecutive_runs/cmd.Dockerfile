FROM mcr.microsoft.com/windows/servercore:ltsc2022
# cmd runs `powershell -Command` scripts: their statements are counted too.
RUN powershell -Command $ErrorActionPreference = 'Stop'; Remove-Item C:\tmp -Recurse
RUN setx /M PATH "%PATH%;C:\tools"
# expect: DL3059 @1 "line 4"
RUN mkdir C:\data
RUN mkdir C:\logs & mkdir C:\cache
