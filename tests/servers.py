"""Real PostgreSQL and Redis servers on loopback, started from the machine's binaries.

Each server lives in a temporary directory and is stopped (and the directory removed) when
the test session ends. Where a binary is missing, `start_postgres` / `start_redis` return
None and the tests that need them are skipped with the reason (`.ci/run` installs both, so CI
runs them). Used by the tests and by ``bench/``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN_DIRS = (
    "/usr/lib/postgresql/17/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/15/bin",
)
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _find(name: str, extra_dirs: tuple[str, ...] = ()) -> str | None:
    for folder in extra_dirs:
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
    return shutil.which(name)


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as ``postgres`` (or ``nobody``) then."""
    if os.geteuid() != 0:
        return command
    for user in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(user)
            return ["runuser", "-u", user, "--", *command]
    return command


def _owned_by_server_user(path: Path) -> None:
    if os.geteuid() != 0:
        return
    for user in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            entry = pwd.getpwnam(user)
            os.chown(path, entry.pw_uid, entry.pw_gid)
            return


@dataclass
class PostgresServer:
    folder: Path
    port: int
    bin_dir: Path
    databases: list[str] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"postgresql://bot@127.0.0.1:{self.port}"

    def url(self, database: str = "postgres") -> str:
        return f"{self.base_url}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database on the server; its URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        self._psql(f'CREATE DATABASE "{name}"')
        self.databases.append(name)
        return self.url(name)

    def _psql(self, sql: str) -> None:
        subprocess.run(  # noqa: S603 - our own binaries, our own SQL
            [str(self.bin_dir / "psql"), "-q", "-v", "ON_ERROR_STOP=1", self.url(), "-c", sql],
            check=True,
            capture_output=True,
            timeout=START_TIMEOUT,
        )

    def stop(self) -> None:
        subprocess.run(  # noqa: S603
            _as_server_user(
                [
                    str(self.bin_dir / "pg_ctl"),
                    "-D",
                    str(self.folder / "data"),
                    "-m",
                    "immediate",
                    "stop",
                ]
            ),
            capture_output=True,
            timeout=START_TIMEOUT,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start_postgres() -> PostgresServer | None:
    initdb = _find("initdb", PG_BIN_DIRS)
    if initdb is None:
        return None
    bin_dir = Path(initdb).resolve().parent
    folder = Path(tempfile.mkdtemp(prefix="kbot-pg-"))
    folder.chmod(0o755)
    data = folder / "data"
    data.mkdir()
    _owned_by_server_user(data)
    subprocess.run(  # noqa: S603
        _as_server_user(
            [initdb, "-D", str(data), "-U", "bot", "--auth=trust", "--encoding=UTF8", "--no-sync"]
        ),
        check=True,
        capture_output=True,
        timeout=120,
    )
    port = free_port()
    options = (
        f"-p {port} -c listen_addresses=127.0.0.1 -k {data} -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(  # noqa: S603
        _as_server_user(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(data / "server.log"),
                "-w",
                "-t",
                "60",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
        timeout=90,
    )
    return PostgresServer(folder=folder, port=port, bin_dir=bin_dir)


@dataclass
class RedisServer:
    folder: Path
    port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_redis() -> RedisServer | None:
    binary = _find("redis-server")
    if binary is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="kbot-redis-"))
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return RedisServer(folder=folder, port=port, process=process)
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("redis-server did not start")
