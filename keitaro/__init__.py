"""An async client for the Keitaro Admin API, its action catalog, and a sandbox tracker.

async with HttpPool() as pool:
    client = KeitaroClient("trk.example.com", api_key, pool=pool)
    result = await client.call("campaigns.disable", id=7)
"""

from keitaro.catalog import ACTIONS, Access, Action, get_action
from keitaro.client import KeitaroClient
from keitaro.errors import (
    AuthenticationError,
    CloudflareBlockedError,
    ConnectionFailedError,
    ConnectionLostError,
    KeitaroError,
    NotFoundError,
    NotKeitaroError,
    PermissionDeniedError,
    PlanError,
    PostbackKeyError,
    PostbackKeyMissingError,
    RateLimitedError,
    ServerError,
    TLSError,
    TrackerTimeoutError,
    UnknownActionError,
    UnsupportedEndpointError,
    ValidationError,
)
from keitaro.masking import Secret, mask
from keitaro.result import ApiResult, RequestInfo
from keitaro.transport import HttpPool, Timeouts, shared_pool
from keitaro.urls import InvalidTrackerUrl, normalize_tracker_url, parse_postback_url

__all__ = [
    "ACTIONS",
    "Access",
    "Action",
    "ApiResult",
    "AuthenticationError",
    "CloudflareBlockedError",
    "ConnectionFailedError",
    "ConnectionLostError",
    "HttpPool",
    "InvalidTrackerUrl",
    "KeitaroClient",
    "KeitaroError",
    "NotFoundError",
    "NotKeitaroError",
    "PermissionDeniedError",
    "PlanError",
    "PostbackKeyError",
    "PostbackKeyMissingError",
    "RateLimitedError",
    "RequestInfo",
    "Secret",
    "ServerError",
    "TLSError",
    "Timeouts",
    "TrackerTimeoutError",
    "UnknownActionError",
    "UnsupportedEndpointError",
    "ValidationError",
    "get_action",
    "mask",
    "normalize_tracker_url",
    "parse_postback_url",
    "shared_pool",
]
