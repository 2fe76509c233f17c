FROM golang:1.23
ARG COMMIT=4f2a1c9
RUN git clone --depth 1 --branch v1.4.2 https://github.com/example/tool.git /src
RUN git clone https://github.com/example/tool.git /s && cd /s && git checkout 4f2a1c9e
RUN git clone https://github.com/example/tool.git /t && git -C /t checkout "$COMMIT"
RUN git clone https://github.com/example/tool.git /u && cd /u && git reset --hard 4f2a1c9e
RUN git clone https://github.com/example/vision.git /v
RUN cd /v && git checkout "${VISION_COMMIT}"
