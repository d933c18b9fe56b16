"""The one pooled HTTP client that every tracker of the process shares."""

from __future__ import annotations

import asyncio
import weakref
import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpcore
import httpx

from keitaro import errors
from keitaro.masking import install_log_filters
from keitaro.netguard import GuardedBackend

# Our own name: Cloudflare in front of some trackers blocks default library user agents.
USER_AGENT = "keitaro-bot/0.1 (Telegram bot for the Keitaro Admin API)"
MB = 1024 * 1024
#: the most a JSON (or text) answer may weigh, decoded; parsed, it takes ~5-10 times more
DEFAULT_MAX_ANSWER_BYTES = 8 * MB
#: downloads (zip files of landings and offers): a bot cannot send a bigger file to a chat
DEFAULT_MAX_DOWNLOAD_BYTES = 50 * MB
#: what we can decompress with a bounded output; httpx would otherwise offer br/zstd too
ACCEPT_ENCODING = "gzip, deflate"


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds. Reports can be slow, so reads get a long read timeout.

    ``connect``/``read``/``write``/``pool`` bound each network operation (a server that
    trickles a byte every few seconds never trips them); ``total`` bounds a whole
    ``KeitaroClient.call``: every attempt, retry, backoff sleep and the reading of the body.
    """

    connect: float = 10.0
    read: float = 60.0
    write: float = 30.0
    pool: float = 10.0
    total: float = 45.0

    def httpx(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


class HttpPool:
    """Owns one ``httpx.AsyncClient``: connections are reused across calls and trackers.

    Create it once (the app does) and hand it to every ``KeitaroClient``; close it on shutdown.

    ``allow_private=False`` refuses every connection whose address is not public, checked on
    the address actually connected to, for every new connection (:mod:`keitaro.netguard`).
    Environment proxies (``HTTPS_PROXY``...) are then not used: through a proxy, the address
    reached is the proxy's business and could not be checked. A pool given its own
    ``transport`` (benchmarks, tests) is left as it is.

    The answer limits live here, not on each ``KeitaroClient``: they protect the process's
    memory, which every tracker of the pool shares, so one setting serves them all.
    ``max_answer_bytes`` bounds JSON and text answers (decoded size); ``max_download_bytes``
    bounds binary ``*.download`` answers (default: 50 MB, what a bot may send to a chat, or
    the answer limit if that is bigger).
    """

    def __init__(
        self,
        *,
        timeouts: Timeouts | None = None,
        max_connections: int = 100,
        max_keepalive: int = 20,
        transport: httpx.AsyncBaseTransport | None = None,
        verify: bool = True,
        allow_private: bool = True,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
        max_download_bytes: int | None = None,
    ) -> None:
        if max_answer_bytes < 1 or (max_download_bytes is not None and max_download_bytes < 1):
            raise ValueError("answer limits are positive numbers of bytes")
        install_log_filters()
        self.timeouts = timeouts or Timeouts()
        self.allow_private = allow_private
        self.max_answer_bytes = max_answer_bytes
        self.max_download_bytes = max_download_bytes or max(
            DEFAULT_MAX_DOWNLOAD_BYTES, max_answer_bytes
        )
        limits = httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_keepalive
        )
        #: True when every connection's address is checked (see :mod:`keitaro.netguard`)
        self.guarded = transport is None and not allow_private
        if self.guarded:
            transport = guarded_transport(verify=verify, limits=limits)
        self.client = httpx.AsyncClient(
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "application/json",
                "Accept-Encoding": ACCEPT_ENCODING,
            },
            timeout=self.timeouts.httpx(),
            limits=limits,
            follow_redirects=False,
            transport=transport,
            verify=verify,
        )

    def answer_limit(self, *, download: bool = False) -> int:
        return self.max_download_bytes if download else self.max_answer_bytes

    @property
    def closed(self) -> bool:
        return self.client.is_closed

    async def aclose(self) -> None:
        await self.client.aclose()

    async def __aenter__(self) -> HttpPool:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


def guarded_transport(*, verify: bool, limits: httpx.Limits) -> httpx.AsyncHTTPTransport:
    """httpx's own transport, whose connection pool connects through :class:`GuardedBackend`.

    httpx (0.28 and the installed 0.29) takes no ``network_backend``: the transport builds its
    ``httpcore.AsyncConnectionPool`` itself. So we let it build one (that is how the SSL
    context comes out exactly as httpx makes it: certifi, ``SSL_CERT_FILE``...) and replace
    it with an identical pool that has our backend. ``_pool`` is private; the check below
    fails loudly, at start-up, if a future httpx changes it.
    """
    transport = httpx.AsyncHTTPTransport(verify=verify, limits=limits)
    built = getattr(transport, "_pool", None)
    if type(built) is not httpcore.AsyncConnectionPool:
        raise RuntimeError(
            f"httpx {httpx.__version__} builds no httpcore.AsyncConnectionPool: the private "
            "address guard cannot be installed; update keitaro/transport.py"
        )
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=built._ssl_context,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        http1=True,
        http2=False,
        network_backend=GuardedBackend(),
    )
    return transport


# --- reading answers ------------------------------------------------------------------------


async def read_answer(response: httpx.Response, limit: int) -> bytes:
    """The whole decoded body of a streamed ``response``, refused once it passes ``limit``.

    Refuses at once when Content-Length says more than ``limit``; otherwise counts the bytes
    as they come and stops as soon as there are more. gzip and deflate (all we ask for) are
    decompressed here with a bounded output, so a small compressed bomb cannot expand past
    the limit in one piece; an encoding we did not ask for is left to httpx's decoder (one
    network chunk may then expand before it is counted). The response is always closed.

    Raises :class:`errors.AnswerTooLargeError` or :class:`errors.UnreadableAnswerError`
    (without the request: the caller attaches it); network failures stay ``httpx`` errors.
    """
    try:
        try:
            content = response.content  # already read (an event hook may read it)
        except httpx.ResponseNotRead:
            pass
        else:
            if len(content) > limit:
                raise _too_large(limit)
            return content
        declared = response.headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        buffer = bytearray()
        pieces = _decoded(response, limit)
        try:
            async for piece in pieces:
                buffer += piece
                if len(buffer) > limit:
                    raise _too_large(limit)
        finally:
            await pieces.aclose()
        return bytes(buffer)
    finally:
        await response.aclose()


async def _decoded(response: httpx.Response, limit: int) -> AsyncIterator[bytes]:
    codings = [
        part.strip().lower()
        for part in response.headers.get("content-encoding", "").split(",")
        if part.strip() and part.strip().lower() != "identity"
    ]
    if not codings:
        async for chunk in response.aiter_raw():
            yield chunk
        return
    if len(codings) > 1 or codings[0] not in ("gzip", "x-gzip", "deflate"):
        try:
            async for chunk in response.aiter_bytes():
                yield chunk
        except httpx.DecodingError:
            raise _unreadable() from None
        return
    inflater = _Inflater(gzip=codings[0] != "deflate")
    produced = 0
    async for chunk in response.aiter_raw():
        for piece in inflater.feed(chunk, room=limit - produced + 1):
            produced += len(piece)
            yield piece
    for piece in inflater.flush(room=limit - produced + 1):
        yield piece


#: the most one inflated piece may hold: a 64 KB network chunk of repetitive JSON inflates to
#: megabytes, and a piece that large next to the buffer would double what a big answer costs
INFLATED_PIECE = 256 * 1024


class _Inflater:
    """zlib with an output bound: never more than ``room`` bytes out of one ``feed``, in
    pieces of at most ``INFLATED_PIECE``."""

    def __init__(self, *, gzip: bool) -> None:
        self._gzip = gzip
        self._started = False
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS)

    def feed(self, data: bytes, *, room: int) -> Iterator[bytes]:
        try:
            out = self._zlib.decompress(data, min(room, INFLATED_PIECE))
        except zlib.error:
            if self._gzip or self._started:
                raise _unreadable() from None
            # "deflate" is zlib-wrapped by the RFC and raw by many servers (as httpx allows)
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            try:
                out = self._zlib.decompress(data, min(room, INFLATED_PIECE))
            except zlib.error:
                raise _unreadable() from None
        self._started = True
        while True:
            room -= len(out)
            yield out
            tail = self._zlib.unconsumed_tail
            if not tail or room <= 0:  # past the limit: the caller stops reading
                return
            try:
                out = self._zlib.decompress(tail, min(room, INFLATED_PIECE))
            except zlib.error:
                raise _unreadable() from None

    def flush(self, *, room: int) -> Iterator[bytes]:
        try:
            yield self._zlib.flush(max(room, 1))
        except zlib.error:
            raise _unreadable() from None


def _too_large(limit: int) -> errors.AnswerTooLargeError:
    return errors.AnswerTooLargeError(
        f"The tracker's answer was too big to read (over {limit / MB:g} MB). Ask for less: "
        "a shorter period, fewer groupings, or a filter.",
        limit=limit,
    )


def _unreadable() -> errors.UnreadableAnswerError:
    return errors.UnreadableAnswerError(
        "The tracker's answer could not be decompressed: it arrived damaged."
    )


_shared: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, HttpPool] = (
    weakref.WeakKeyDictionary()
)


def shared_pool() -> HttpPool:
    """The process-wide pool of the running event loop, for clients given none."""
    loop = asyncio.get_running_loop()
    pool = _shared.get(loop)
    if pool is None or pool.closed:
        pool = _shared[loop] = HttpPool()
    return pool
