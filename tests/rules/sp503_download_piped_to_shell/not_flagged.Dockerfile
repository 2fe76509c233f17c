FROM debian:12
# Saved to a file, checked, then run.
RUN curl -fsSLo /tmp/i.sh https://get.example.com/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh
# The shell runs a script file or code, not the download.
RUN curl -fsSL https://example.com/x | sh /tmp/filter.sh
RUN curl -fsSL https://example.com/x | bash -c 'wc -c'
# Downloads to files; an archive piped to tar.
RUN wget -q https://example.com/x.sh | sh
RUN curl -fsSL https://example.com/a.tar.gz | tar -xz -C /opt
RUN curl -O https://example.com/x.sh | sh
