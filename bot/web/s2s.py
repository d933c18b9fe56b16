"""``/s2s/<token>``: Keitaro's S2S postbacks, into the live feed at once.

A wrong or an old token gets a bare 404, the same answer as any path the server does not
serve, after the same work (one indexed lookup of the token's hash), so the endpoint never
tells whether a tracker exists. Each address is rate-limited (``S2S_RATE`` a second, a burst
of five seconds' worth); beyond it the answer is 429 and nothing is told.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from typing import TYPE_CHECKING

from aiohttp import web

from bot.live.instant import COUNTS, InstantFeed

if TYPE_CHECKING:
    from bot.app import Services

log = logging.getLogger(__name__)
#: addresses whose rate is remembered (the oldest forgotten first)
REMEMBERED = 10_000
#: the biggest postback body read
MAX_BODY = 16 * 1024


class PerToken:
    """A token bucket per address: ``rate`` a second, ``rate × 5`` saved up."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.capacity = max(1.0, rate * 5)
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, token: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        tokens, stamp = self._buckets.pop(token, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - stamp) * self.rate)
        allowed = tokens >= 1
        self._buckets[token] = (tokens - 1 if allowed else tokens, now)
        while len(self._buckets) > REMEMBERED:
            self._buckets.popitem(last=False)
        return allowed


def not_found() -> web.Response:
    return web.Response(status=404, text="404: Not Found")


class S2SEndpoint:
    def __init__(self, services: Services, feed: InstantFeed) -> None:
        self.services = services
        self.feed = feed
        self.limits = PerToken(services.settings.s2s_rate)

    async def handle(self, request: web.Request) -> web.Response:
        token = request.match_info.get("token", "")
        tracker = await self.services.trackers.by_s2s_token(token)
        if tracker is None:
            COUNTS["wrong_token"] += 1
            return not_found()
        if not self.limits.allow(token):
            COUNTS["rate_limited"] += 1
            return web.Response(status=429, text="Too Many Requests")
        params = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if (request.content_length or 0) > MAX_BODY:
                return web.Response(status=413, text="Too Large")
            try:
                body = await request.post()
            except (ValueError, UnicodeDecodeError, LookupError):
                return web.Response(status=400, text="Bad Request")
            params.update({key: str(value) for key, value in body.items()})
        outcome = await self.feed.receive(tracker, params)
        log.info("S2S postback for tracker %s: %s", tracker.id, outcome)
        return web.Response(text="OK")
