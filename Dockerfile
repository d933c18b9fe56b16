# keitaro-bot: the bot as one container. `docker compose up -d` (compose.yaml) runs it with
# PostgreSQL and Redis; `docker run --env-file .env -v keitaro-data:/app/data keitaro-bot` runs
# it alone on the SQLite file.

# ---- build: the package and its dependencies in a virtualenv -------------------------------
FROM python:3.11-slim AS build

ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# A virtualenv at the same path in both stages is the whole install: the runtime stage copies
# it and nothing else (no source tree, no build tools, no pip cache).
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src
# Only what the package build reads: pyproject.toml names README.md as the readme, so the
# build fails without it. A new top-level package needs a line here too.
COPY pyproject.toml README.md ./
COPY bot/ bot/
COPY keitaro/ keitaro/
COPY storage/ storage/
# Not editable: an editable install would point into /src, which the runtime stage drops.
# Every dependency (asyncpg, cryptography, matplotlib...) has a manylinux wheel for amd64
# and arm64, so no compiler is needed; on another architecture add build-essential here.
RUN pip install '.[production]'

# ---- runtime -------------------------------------------------------------------------------
FROM python:3.11-slim

# WEBHOOK_LISTEN and METRICS_LISTEN on 0.0.0.0:8080: inside a container the server has to
# listen on every interface to be reachable at all, and one fixed port is what EXPOSE, the
# HEALTHCHECK and compose.yaml count on (/healthz and /metrics in polling mode too).
# Publish another host port with -p 9000:8080 rather than changing these.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/opt/venv/bin:$PATH \
    WEBHOOK_LISTEN=0.0.0.0:8080 \
    METRICS_LISTEN=0.0.0.0:8080

# A fixed uid, so a bind-mounted data folder can be prepared for it: chown 10001 ./data
RUN groupadd --gid 10001 bot \
    && useradd --uid 10001 --gid bot --create-home --shell /usr/sbin/nologin bot

COPY --from=build /opt/venv /opt/venv

WORKDIR /app
# DB_PATH defaults to data/bot.sqlite3, relative to WORKDIR. The folder exists and belongs to
# `bot` before VOLUME, so a new named volume starts out writable by the bot (the generated
# key file for API keys is written here too when SECRET_KEY is unset: keep it with the data).
RUN mkdir /app/data && chown bot:bot /app/data

USER bot
# Matplotlib builds its font cache on first import (several seconds); do it now, into the
# image, instead of on the first chart a user asks for.
RUN python -c "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot"

VOLUME ["/app/data"]
EXPOSE 8080

# No curl in slim: Python's urllib. Any error (refused, timeout, the 503 of an unhealthy bot)
# exits non-zero. ProxyHandler({}) keeps HTTP(S)_PROXY, if set for the trackers, out of it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.build_opener(u.ProxyHandler({})).open('http://127.0.0.1:8080/healthz', timeout=4)"]

# Exec form: python is PID 1 and gets SIGTERM itself, finishes the updates in flight and closes
# the database (compose.yaml gives it 30 s before SIGKILL).
CMD ["python", "-m", "bot", "run"]
