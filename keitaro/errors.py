"""Typed errors: each says in plain words what went wrong and carries the masked request.

``code`` is a stable identifier the bot translates; ``reason`` is the English explanation;
``result`` holds the failed ``ApiResult`` (status and raw answer) for a "Details" view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from keitaro.result import ApiResult, RequestInfo


class KeitaroError(Exception):
    """Base of everything the client raises about a tracker or an action."""

    code: ClassVar[str] = "error"
    #: repeating the same call may help (false for a write whose fate is unknown)
    retryable: bool = False

    def __init__(
        self,
        reason: str,
        *,
        request: RequestInfo | None = None,
        status_code: int | None = None,
        result: ApiResult | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.request = request
        self.status_code = status_code
        self.result = result

    def __str__(self) -> str:
        if self.request is None:
            return self.reason
        status = f" → {self.status_code}" if self.status_code is not None else ""
        return f"{self.reason} ({self.request.method} {self.request.url}{status})"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class UnknownActionError(KeitaroError, KeyError):
    code = "unknown_action"

    def __str__(self) -> str:  # KeyError would quote the message
        return self.reason


class AuthenticationError(KeitaroError):
    """401: the key is wrong, revoked or missing."""

    code = "bad_key"


class PermissionDeniedError(KeitaroError):
    """403: the key's user may not do this (a restricted user, a demo tracker)."""

    code = "forbidden"


class CloudflareBlockedError(PermissionDeniedError):
    """403 from Cloudflare in front of the tracker, before Keitaro saw the request."""

    code = "cloudflare"


class PlanError(KeitaroError):
    """402: the tracker's plan has no Admin API (or not this feature)."""

    code = "plan"


class NotFoundError(KeitaroError):
    """404: no such entity (archived campaigns are not found either)."""

    code = "not_found"


class UnsupportedEndpointError(NotFoundError):
    """The tracker has no such route: its version lacks the action."""

    code = "unsupported"


class ValidationError(KeitaroError):
    """400/406/422, or parameters refused before sending: ``fields`` maps field → messages."""

    code = "invalid"

    def __init__(self, reason: str, *, fields: dict[str, list[str]] | None = None, **kw: Any):
        super().__init__(reason, **kw)
        self.fields: dict[str, list[str]] = fields or {}


class RateLimitedError(KeitaroError):
    """429: too many requests; ``retry_after`` seconds when the tracker said."""

    code = "rate_limited"
    retryable = True

    def __init__(self, reason: str, *, retry_after: float | None = None, **kw: Any):
        super().__init__(reason, **kw)
        self.retry_after = retry_after


class ServerError(KeitaroError):
    """5xx: the tracker failed."""

    code = "server"
    retryable = True


class ConnectionFailedError(KeitaroError):
    """Nothing answered: DNS, refused connection, network down. Nothing was changed."""

    code = "unreachable"
    retryable = True


class ConnectionLostError(KeitaroError):
    """The connection broke after the request went out: a write may or may not have happened."""

    code = "connection_lost"
    retryable = True


class TrackerTimeoutError(KeitaroError):
    """The tracker did not answer in time. A write may or may not have happened."""

    code = "timeout"
    retryable = True


class TLSError(KeitaroError):
    """The tracker's certificate or TLS setup was refused."""

    code = "tls"


class NotKeitaroError(KeitaroError):
    """The answer is not JSON: a web page, a login form, another site."""

    code = "not_keitaro"


class PrivateAddressError(KeitaroError):
    """The tracker's host resolves to a loopback, private or reserved address: not connected.

    Checked on every new connection (see :mod:`keitaro.netguard`), so a host whose DNS later
    points inside the network is refused too. Nothing was sent.
    """

    code = "private_address"


class AnswerTooLargeError(KeitaroError):
    """The answer is over the size limit: refused unread (or while reading), never parsed."""

    code = "too_large"

    def __init__(self, reason: str, *, limit: int = 0, **kw: Any) -> None:
        super().__init__(reason, **kw)
        #: the limit in bytes that was passed
        self.limit = limit


class UnreadableAnswerError(KeitaroError):
    """The answer is data, but not data we can safely read: nested absurdly deep, rows that
    are not records, a body that does not decompress. Not ``not_keitaro``: the address may be
    right and a real tracker may have answered, so "send the panel address" would mislead."""

    code = "unreadable"


class PostbackKeyError(KeitaroError):
    """The tracker refused the postback key."""

    code = "bad_postback_key"


class PostbackKeyMissingError(KeitaroError):
    """A conversion needs the tracker's postback key and none is known."""

    code = "postback_key_missing"


__all__ = [name for name in dir() if name.endswith("Error")]
