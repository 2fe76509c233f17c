# A fragment's base image, and what ran before it, are unknown: no variable is known undefined.
RUN echo "$JAVA_HOME"
COPY $SRC /app/
