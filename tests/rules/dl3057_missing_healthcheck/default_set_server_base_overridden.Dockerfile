# shipshape-test: --default-set
# nginx's image, but the start command is a one-shot job: no server runs.
FROM nginx:1.27
COPY render.sh /render.sh
CMD ["/render.sh"]
