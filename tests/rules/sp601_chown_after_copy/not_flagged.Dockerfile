FROM debian:12
COPY app /app
# Another path.
RUN chown -R nobody /srv
COPY app2 /app2
# Several paths, or a command in a subshell.
RUN chown nobody /app2 /srv && (chmod 700 /app2)
COPY app3 /app3
RUN echo ok
# Not directly after the COPY.
RUN chown -R nobody /app3
# A variable destination.
COPY app4 $DEST
RUN chown -R nobody $DEST
