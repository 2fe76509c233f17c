# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
# PowerShell splits words its own way: no fix.
# expect: DL3025 @5 fix=none
CMD Start-Service w3svc
CMD ["C:\\ServiceMonitor.exe", "w3svc"]
