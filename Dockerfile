# The outmoded GitHub Action's image: the package and git (for `changed-only`), nothing else.
# GitHub runs container actions as root and documents that their images must not set USER (the
# workspace and the runner's files would not be writable on every runner).  The entry point
# therefore opens the runner's files, then drops to the owner of the workspace (uid 1001 on
# GitHub-hosted runners): the checkout is read, and fixed, as that non-root user.
# The newest Python: outmoded reads code with the running interpreter's parser, so the image
# reads every syntax up to 3.15's (3.12's type parameters and f-strings, 3.14's t-strings and
# unparenthesised except lists), whatever the target (tests/realpython/test_tool_on_real_python.py).
FROM python:3.15-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# git's version follows the base image's Debian release; pinning it would break rebuilds.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/*

COPY . /tmp/outmoded
RUN pip install --no-cache-dir /tmp/outmoded \
    && install -m 0755 /tmp/outmoded/hooks/github-action /usr/local/bin/outmoded-github-action \
    && rm -rf /tmp/outmoded

ENTRYPOINT ["/usr/local/bin/outmoded-github-action"]
