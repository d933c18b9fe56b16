"""Every GUESS about Keitaro that this package relies on, in one place.

``shared/keitaro-api.md`` marks what public sources could not confirm. Each constant below
names the section it comes from; when a real tracker says otherwise, correct it here and the
client, the catalog and the sandbox follow.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Final

# §2.1/§5 — The request schema lists only CPC, CPUC and CPM for ``cost_type``; the entity schema
# and the PHP client list all eight, and the tracker UI offers them all. We accept all eight.
COST_TYPES: Final = ("CPC", "CPUC", "CPM", "CPA", "CPS", "CPUV", "CPV", "RevShare")

# §2.8 — ``/groups?type=`` takes campaigns, offers, landings; newer trackers also ``domains``.
GROUP_TYPES: Final = ("campaigns", "offers", "landings", "domains")

# §2.1 — tracking parameters (``parameters``, cost filters) go to sub_id_15 in the spec; reports
# and logs of newer trackers know sub_id_1..30.
SUB_ID_COUNT: Final = 15
REPORT_SUB_ID_COUNT: Final = 30

# §4.1 — Newer trackers take ``dimensions``/``measures``; v9 knows ``grouping``/``metrics`` (and
# ``dimensions`` as an alias); the published ReportsRequest lists only ``grouping``/``metrics``.
# A tracker ignores the pair it does not know and answers its default metrics (GUESS: without
# cost and revenue, hence $0.00). We send the newer pair until a tracker's answers show that it
# speaks "legacy": the bot probes each tracker at connect (``keitaro.dialect``) and remembers
# it, and the client switches (and asks again, once) when a report lacks the asked measures.
REPORT_DIALECT: Final = "dimensions"  # or "legacy"
REPORT_DIALECT_KEYS: Final = {
    "dimensions": ("dimensions", "measures"),
    "legacy": ("grouping", "metrics"),
}
# GUESS: the probe — the cheapest report that tells the dialects apart: no grouping, today, one
# row, with the totals (so a day without traffic still answers with keys), cost being a measure
# no tracker counts by default.
REPORT_DIALECT_PROBE: Final = {
    "range": {"interval": "today"},
    "dimensions": [],
    "measures": ["clicks", "cost"],
    "summary": True,
    "limit": 1,
}

# §4.1 — intervals the spec lists, plus two seen in client code.
REPORT_INTERVALS: Final = (
    "today",
    "yesterday",
    "7_days_ago",
    "first_day_of_this_week",
    "1_month_ago",
    "first_day_of_this_month",
    "1_year_ago",
    "first_day_of_this_year",
    "all_time",
    "30_days_ago",
    "6_months_ago",
)

# §1.3 — money and counters may arrive as strings ("0.0000") depending on the version; report,
# click-log and conversion-log columns named here are coerced to numbers by the client.
NUMERIC_COLUMNS: Final = frozenset(
    {
        "clicks", "campaign_unique_clicks", "stream_unique_clicks", "global_unique_clicks",
        "uc_campaign_rate", "uc_stream_rate", "uc_global_rate", "bots", "bot_share", "proxies",
        "empty_referrers", "conversions", "leads", "sales", "rejected", "rebills", "approve",
        "lp_clicks", "lp_ctr", "lp_views", "landing_clicked", "cr", "crs", "crl", "roi",
        "roi_confirmed", "epc", "epc_confirmed", "cps", "cpa", "cpc", "cpl", "ecpc", "ecpm",
        "ecpm_confirmed", "ec", "ec_confirmed", "profitability", "cost", "revenue", "profit",
        "lead_revenue", "sale_revenue", "rejected_revenue", "profit_confirmed",
        "campaign_id", "offer_id", "landing_id", "stream_id", "ts_id", "conversion_id",
        "affiliate_network_id", "campaign_group_id",
    }
)  # fmt: skip

# §2.2 — the stream actions list lives at /streams_actions (spec, 2026 client) or
# /stream_actions (v9 and older clients). The client tries the first, then the second.
STREAM_ACTIONS_PATHS: Final = ("/streams_actions", "/stream_actions")

# §2.15 — /logs/types is POST in the spec and GET in v9. The client tries POST, then GET.
LOG_TYPES_METHODS: Final = ("POST", "GET")

# §1.4 — the message Keitaro gives for a route it does not have; it makes a 400 an
# "endpoint not supported by this tracker version" rather than bad input.
NO_ROUTE_MARKER: Final = "does not match any route"

# §1.4, §9 — signs that a 403 comes from Cloudflare in front of the tracker, not from Keitaro.
CLOUDFLARE_MARKERS: Final = ("cloudflare", "cf-ray", "error 1010", "browser_signature_banned")

# §1.4 — a 402 means "no Admin API on this plan" only when it says so; v9 answers 402 for
# every error, so other 402s keep their own message.
LICENSE_MARKERS: Final = ("available only in", "not available in that edition")

# §3 — the postback's plain-text answers. Anything else is treated as an error to read.
POSTBACK_OK: Final = "success"
POSTBACK_BAD_KEY_PREFIX: Final = "incorrect postback code"
POSTBACK_BAD_SUBID: Final = "incorrect subid"
#: with this parameter Keitaro answers with its value (gif, jsonp, echo) instead of "Success"
POSTBACK_RETURN_PARAM: Final = "return"

# §3 — Keitaro keeps unknown postback parameters with the conversion (``params``); the bot's
# comment travels as ``comment``. No source shows where the UI reads a comment from.
POSTBACK_COMMENT_PARAM: Final = "comment"

# §1.3 — Keitaro reads a parameter from the query string, then from the body. The spec puts
# ``update_file``'s ``data`` in the query; the catalog sends it in the JSON body instead, so
# file contents fit in any URL length limit. ``avscan_key`` goes where the spec puts it, in the
# query (required there): a body may not be read on a PUT of that route. The URL then holds a
# key, so it is masked wherever the bot shows or logs a request (``keitaro.masking``: the
# request view's ``query``, and httpx's request log lines); a proxy in front of the tracker
# may still log it.

# §2.1, §9 — the spec requires ``alias`` on campaign create and Keitaro wants it unique; when
# the user gives none, the client makes one (the sandbox generates one the same way).
CAMPAIGN_ALIAS_LENGTH: Final = 8

# §2.7 — the spec requires ``is_ssl`` on domain create; v9 forces it to false anyway.
DOMAIN_CREATE_IS_SSL: Final = False

# §2.7 — GUESS: the field with the expiry of a domain's SSL certificate. It is not in the
# OpenAPI nor in any capture, and real trackers may not send it at all: read it as optional
# ("YYYY-MM-DD HH:MM:SS" in UTC when present). The sandbox sets it on an "expiring" domain.
SSL_EXPIRY_FIELD: Final = "ssl_expires_at"

# §1.5, §9 — a restricted key gets empty lists rather than 403 on most list endpoints.
EMPTY_LIST_HINT: Final = (
    "The tracker returned an empty list. If you expected entries here, the API key may belong "
    "to a user whose access to this section is restricted."
)


# §1.2, §2.9 — there is no "/me" endpoint, so nothing says which user an API key belongs to.
# GUESS: the key's owner is the only user when ``/users`` lists exactly one, else the first
# ADMIN in the list (Keitaro sorts it by login; the first admin is usually the one who set the
# tracker up). A user-level key cannot read ``/users`` at all (403), so its owner stays unknown.
def key_owner(users: Any) -> dict[str, Any] | None:
    """The user (from a ``users.list`` answer) whose API key this probably is, or None."""
    if not isinstance(users, list):
        return None
    entries = [user for user in users if isinstance(user, dict)]
    if len(entries) == 1:
        return entries[0]
    return next((user for user in entries if str(user.get("type", "")).upper() == "ADMIN"), None)


# --- report labels (the blacklist) -------------------------------------------------------------

#: ``POST /report/labels`` ``items``: the spec shows an object and says "like
#: {"value":"blacklist"}"; the most likely reading is a map of report value → label, and
#: removing a label is sending the value with an empty one (shared/keitaro-api.md §2.11).
LABEL_REMOVED = ""


#: the report columns whose values a campaign's labels (black- and whitelists) hold, offered
#: as buttons where a form asks for one; GUESS: §2.12 names sub_id_N, source, keyword and ip
#: as examples, a typed other column is sent as typed
LABEL_COLUMNS: Final = (
    *(f"sub_id_{n}" for n in range(1, 16)), "source", "keyword", "ip",
)  # fmt: skip


def label_items(value: str, label: str | None) -> dict[str, str]:
    """The ``items`` that put ``label`` ("blacklist", "whitelist") on one report value, or
    take its label off (``None``)."""
    return {value: label if label is not None else LABEL_REMOVED}


# --- the live conversion feed ------------------------------------------------------------------

# §2.13 — the conversion log's columns the live feed reads. An unknown column fails the whole
# request (§9), so only columns the published list names; sub_ids up to 15, as every version
# has them (REPORT_SUB_ID_COUNT is a newer tracker's).
LIVE_COLUMNS: Final = (
    "conversion_id", "sub_id", "tid", "status", "previous_status", "original_status",
    "revenue", "campaign", "campaign_id", "offer", "offer_id", "country", "country_code",
    "ts", "ts_id", "click_datetime", "postback_datetime",
    *(f"sub_id_{n}" for n in range(1, SUB_ID_COUNT + 1)),
)  # fmt: skip
#: rows a page of the log; GUESS: Keitaro caps ``limit`` somewhere, 1,000 is below any seen
LIVE_PAGE: Final = 1000
#: GUESS: a status change moves the row's ``postback_datetime`` to the later postback (the
#: sandbox does; real trackers keep the last postback's time), so a window by that column
#: sees changes as well as new conversions.
LIVE_WINDOW_COLUMN: Final = "postback_datetime"


def live_window(start: str, end: str) -> dict[str, Any]:
    """The log request body (without paging) for conversions whose postback time is in
    [start, end), both "YYYY-MM-DD HH:MM:SS" in UTC. GUESS: ``range`` takes times, not only
    dates (§2.13 shows dates); a ``BETWEEN`` filter on the same column says the same to a
    tracker that reads only the dates, so either reading returns the window."""
    return {
        "range": {"from": start, "to": end, "timezone": "UTC"},
        "columns": list(LIVE_COLUMNS),
        "filters": [
            {"name": LIVE_WINDOW_COLUMN, "operator": "BETWEEN", "expression": [start, end]}
        ],
        # the id second: rows with the same second keep one order between pages
        "sort": [
            {"name": LIVE_WINDOW_COLUMN, "order": "ASC"},
            {"name": "conversion_id", "order": "ASC"},
        ],
    }


def alert_range(start: datetime, end: datetime) -> dict[str, Any]:
    """The report range of an alert's sliding window ("the last 30 minutes"), in UTC.
    GUESS: ``report/build`` takes "YYYY-MM-DD HH:MM:SS" in ``range.from``/``to`` (§4.2 says
    both forms are used in practice). A tracker that read only the dates would answer for the
    whole days the window touches: a "3h" rule would judge the day so far, and a "no clicks
    in 30 minutes" rule would stay quiet."""
    fmt = "%Y-%m-%d %H:%M:%S"
    return {
        "from": start.astimezone(UTC).strftime(fmt),
        "to": end.astimezone(UTC).strftime(fmt),
        "timezone": "UTC",
    }


#: The query of the S2S postback URL the bot asks a buyer to paste into a campaign's
#: postbacks (Campaign → S2S postbacks): our parameter name → Keitaro's macro. GUESS: the
#: macro names follow Keitaro's documented postback macros ({subid}, {status}, {payout},
#: {currency}, {campaign_id}...); {tid}, {offer_name}, {country} and {source} are less sure.
#: A macro Keitaro does not know reaches us as the literal "{name}", which the bot reads as
#: absent, so a wrong guess here costs a line of the notification, never the notification.
S2S_MACROS: Final[tuple[tuple[str, str], ...]] = (
    ("subid", "{subid}"),
    ("status", "{status}"),
    ("payout", "{payout}"),
    ("currency", "{currency}"),
    ("tid", "{tid}"),
    ("campaign_id", "{campaign_id}"),
    ("campaign", "{campaign_name}"),
    ("offer_id", "{offer_id}"),
    ("offer", "{offer_name}"),
    ("country", "{country}"),
    ("source", "{source}"),
    ("sub_id_1", "{sub_id_1}"),
    ("sub_id_2", "{sub_id_2}"),
    ("sub_id_3", "{sub_id_3}"),
    ("sub_id_4", "{sub_id_4}"),
)
#: the statuses a campaign's S2S postback can send (the OpenAPI description's list)
S2S_STATUSES: Final[tuple[str, ...]] = ("lead", "sale", "rejected", "rebill")


def campaign_base(tracker_url: str) -> str:
    """Where a campaign without a domain of its own answers: GUESS: the tracker's own
    address (the one the Admin API is on), as a fresh install's campaigns do; §2.1 says only
    that ``domain`` is computed and may be null."""
    scheme, _, rest = tracker_url.partition("://")
    host = rest.split("/", 1)[0]
    return f"{scheme}://{host}/" if host else ""
