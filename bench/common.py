"""Shared pieces of the benchmarks: a sandbox in its own process, timing, printing."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

API_KEY = "bench-api-key-3f9a1c7e5b2d4068"
RESULTS = Path(__file__).resolve().parent / "results"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def sandbox_process(clicks: int = 25_000) -> Iterator[str]:
    """``python -m keitaro.sandbox`` in a process of its own, so it does not share our loop."""
    port = free_port()
    command = [
        sys.executable, "-m", "keitaro.sandbox", "--port", str(port),
        "--api-key", API_KEY, "--clicks", str(clicks),
    ]  # fmt: skip
    process = subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy()
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            time.sleep(0.1)
        else:
            raise RuntimeError("the sandbox did not start in 30 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


def describe(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median": statistics.median(ordered),
        "p90": ordered[int(len(ordered) * 0.9) - 1] if len(ordered) >= 10 else ordered[-1],
        "min": ordered[0],
        "max": ordered[-1],
    }


def save(name: str, payload: dict[str, object]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2))
    return path
