# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
WORKDIR C:\app
WORKDIR \tools
# A Windows path is no plain path: no fix.
# expect: DL3000 @9 fix=none
WORKDIR logs
