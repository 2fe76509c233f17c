FROM alpine
RUN ["a", 1]
ENV A
CMD ["ok"]
