# shipshape-test: --default-set
# No start command of its own: nginx's image runs the server.
# expect: DL3057 @1 "although its base image `nginx:1.27` runs a server"
FROM nginx:1.27
COPY site/ /usr/share/nginx/html/
