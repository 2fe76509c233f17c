FROM debian:12
# expect: SP503 @47 "`curl | sh` runs whatever the server sends"
RUN curl -fsSL https://get.example.com/i.sh | sh
# expect: SP503 @46 "`wget | bash`"
RUN wget -qO- https://get.example.com/i.sh | bash -s -- --version 1.2
# expect: SP503 @45 "`curl | python3`"
RUN curl -sSL https://install.example.com | python3 -
# expect: SP503 @52
RUN curl -fsSL https://get.example.com/i.sh | sudo sh
# Through another stage of the pipeline.
# expect: SP503 @57
RUN curl -fsSL https://get.example.com/i.sh | tee log | bash
# expect: SP503 @27
RUN sh -c 'curl -fsSL u | sh'
# expect: SP503 @55
ONBUILD RUN curl -fsSL https://get.example.com/i.sh | sh
