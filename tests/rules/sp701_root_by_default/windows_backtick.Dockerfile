# escape=`
# An image whose name says nothing, in a backtick-escape file: Windows (the tie-breaker).
FROM stefanscherer/chocolatey
RUN choco install -y git
