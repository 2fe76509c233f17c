# A USER-only fragment is not an image: nothing ships, so nothing is judged.
USER root
