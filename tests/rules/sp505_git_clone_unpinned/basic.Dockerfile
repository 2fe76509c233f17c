FROM golang:1.23
# expect: SP505 @5 "default branch"
RUN git clone https://github.com/example/tool.git /src
# expect: SP505 @5 "the branch points to"
RUN git clone --branch main https://github.com/example/tool.git /src2
# expect: SP505 @13
ONBUILD RUN git clone https://github.com/example/x.git
