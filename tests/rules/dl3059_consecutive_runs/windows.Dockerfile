# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
# PowerShell statements are counted (hadolint parses them as bash and, when that fails, counts
# no command and flags the RUN).
RUN $url = 'https://example.com/x.zip'; `
    Invoke-WebRequest -Uri $url -OutFile x.zip
RUN Expand-Archive x.zip -DestinationPath C:\x
# expect: DL3059 @1 "line 8"
RUN Remove-Item x.zip -Force
