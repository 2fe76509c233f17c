# A Windows SHELL marks a Windows image whatever the base is called.
FROM example.com/base:1.0
SHELL ["powershell", "-Command"]
USER ContainerUser
