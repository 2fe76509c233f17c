FROM debian:12
# BuildKit rejects this one: its syntax error is reported, and it is neither judged nor deleted.
CMD --doit [ "a", "b" ]
CMD ["b"]
