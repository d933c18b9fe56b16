"""``KeitaroClient``: performs any catalog action against one tracker and returns an ApiResult.

Every call goes through :meth:`KeitaroClient.call`; the attribute shortcuts
(``client.campaigns.disable(7)``) and the typed helpers are thin layers over it.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import ssl
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any, Concatenate, ParamSpec, TypeVar

import httpx
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from keitaro import errors
from keitaro.catalog import ACTIONS, Action, Params, Target, get_action
from keitaro.dialect import asked_measures, missing_measures, other_dialect
from keitaro.guesses import EMPTY_LIST_HINT, REPORT_DIALECT
from keitaro.masking import Secret, mask, mask_postback_path, scrub
from keitaro.models import ENTITY_MODELS, tidy_entities
from keitaro.reports import normalize_grid, to_dialect
from keitaro.responses import error_for, parse_body, postback_outcome
from keitaro.result import ApiResult, RequestInfo, Unreadable
from keitaro.transport import HttpPool, read_answer, shared_pool
from keitaro.urls import admin_api_url, host_of, normalize_tracker_url, parse_postback_url

log = logging.getLogger("keitaro.client")

GRID_ACTIONS = frozenset({"reports.build", "clicks.log", "conversions.log"})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: how the tracker is checked when it is connected: the lightest read there is (§9)
HEALTH_CHECK = ("groups.list", {"type": "campaigns"})

_P = ParamSpec("_P")
_R = TypeVar("_R")
#: the loop time by which the current ``call`` must be over (see :func:`_under_deadline`)
_call_deadline: ContextVar[float | None] = ContextVar("keitaro_call_deadline", default=None)


def _under_deadline(
    method: Callable[Concatenate[KeitaroClient, _P], Awaitable[_R]],
) -> Callable[Concatenate[KeitaroClient, _P], Awaitable[_R]]:
    """One deadline for everything a ``call`` does: every route, attempt, backoff and body.

    httpx's timeouts bound single operations, so a server trickling a byte every few seconds
    would never trip them. The deadline is set here, once per call, and enforced by
    ``_perform`` (which knows the request to attach to the timeout error).
    """

    @functools.wraps(method)
    async def bounded(self: KeitaroClient, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        when = asyncio.get_running_loop().time() + self.deadline
        token = _call_deadline.set(when)
        try:
            return await method(self, *args, **kwargs)
        finally:
            _call_deadline.reset(token)

    return bounded


class KeitaroClient:
    """One tracker, one API key; any number of them share the process's HTTP pool."""

    def __init__(
        self,
        url: str,
        api_key: str | Secret,
        *,
        postback_key: str | Secret | None = None,
        postback_url: str | None = None,
        pool: HttpPool | None = None,
        retries: int = 2,
        backoff: float = 0.3,
        report_dialect: str | None = None,
        on_report_dialect: Callable[[str], Awaitable[Any]] | None = None,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        deadline: float | None = None,
        observer: Callable[[ApiResult], None] | None = None,
        on_call: Callable[[str, str, float], None] | None = None,
    ) -> None:
        """``deadline``: seconds a whole :meth:`call` may take (default: the pool's
        ``Timeouts.total``, 45 s). ``report_dialect``: what the tracker is known to speak
        (None: not known yet, ``REPORT_DIALECT`` is tried); ``on_report_dialect`` is awaited
        with the dialect when reports prove one other than the known one. ``observer`` sees
        every successful result (the bot counts what answers left unread). ``on_call`` is
        told of every call, (action, outcome, seconds): ``"ok"`` or the error's class name
        (the bot's metrics)."""
        if deadline is not None and deadline <= 0:
            raise ValueError("deadline is a positive number of seconds")
        self.root = normalize_tracker_url(url)
        self._api_key = clean_api_key(api_key)
        self.postback_root = self.root
        key = postback_key.reveal() if isinstance(postback_key, Secret) else postback_key
        if postback_url:
            address = parse_postback_url(postback_url)
            self.postback_root, key = address.root, key or address.key
        self._postback_key = Secret(key) if key else None
        self._pool = pool
        self.retries = retries
        self.backoff = backoff
        self.report_dialect = report_dialect or REPORT_DIALECT
        self.on_report_dialect = on_report_dialect
        self.observer = observer
        self.on_call = on_call
        self._told_dialect = report_dialect
        #: measures missing from answers in both dialects: the tracker does not have them
        self._absent_measures: set[str] = set()
        self._sleep = sleep
        self._deadline = deadline
        self._secrets = tuple(s for s in (self._api_key.reveal(), key) if s)

    def __repr__(self) -> str:
        return f"KeitaroClient({self.root!r}, api_key={mask(self._api_key.reveal())!r})"

    __str__ = __repr__

    @property
    def host(self) -> str:
        return host_of(self.root)

    @property
    def deadline(self) -> float:
        """Seconds one :meth:`call` may take in all."""
        if self._deadline is not None:
            return self._deadline
        return (self._pool or shared_pool()).timeouts.total

    @property
    def has_postback_key(self) -> bool:
        return self._postback_key is not None

    def __getattr__(self, resource: str) -> _Resource:
        if resource.startswith("_") or not any(a.resource == resource for a in ACTIONS.values()):
            raise AttributeError(resource)
        return _Resource(self, resource)

    # --- the one way in ---------------------------------------------------------------------

    @_under_deadline
    async def call(
        self,
        action: str | Action,
        params: BaseModel | dict[str, Any] | None = None,
        /,
        **kwargs: Any,
    ) -> ApiResult:
        """Perform ``action`` with ``params`` (a model, a dict or keywords).

        Returns a successful ``ApiResult``; raises a ``KeitaroError`` subclass otherwise, whose
        ``result`` holds the failed call (masked request, status, answer).
        """
        spec = self._action(action)
        started = time.monotonic()
        try:
            validated = self._validate(spec, params, kwargs)
            built = spec.build_request(validated)
            body = built.body
            if spec.name == "reports.build" and isinstance(body, dict):
                result = await self._report(spec, built.method, built.path, built.query, body)
            else:
                result = await self._routed(spec, built.method, built.path, built.query, body)
        except errors.KeitaroError as error:
            if self.on_call is not None:
                self.on_call(spec.name, type(error).__name__, time.monotonic() - started)
            raise
        if self.on_call is not None:
            self.on_call(spec.name, "ok", time.monotonic() - started)
        _keep_asked_id(result, getattr(validated, "id", None))
        if self.observer is not None:
            self.observer(result)
        return result

    async def _routed(
        self, spec: Action, method: str, path: str, query: dict[str, Any], body: Any
    ) -> ApiResult:
        """The action's route, then its fallbacks while the tracker has no such route."""
        routes = [(method, path)]
        routes += [(fallback.method, fallback.path) for fallback in spec.fallbacks]
        for index, (method, path) in enumerate(routes):
            try:
                return await self._perform(spec, method, path, query, body)
            except errors.UnsupportedEndpointError:
                if index == len(routes) - 1:
                    raise
                log.info(
                    "%s: %s %s is not routed here, trying the next route", spec.name, method, path
                )
        raise AssertionError("unreachable")  # pragma: no cover

    async def _report(
        self, spec: Action, method: str, path: str, query: dict[str, Any], body: dict[str, Any]
    ) -> ApiResult:
        """A report in the tracker's dialect. An answer without the measures asked for means
        the tracker ignored them (it speaks the other dialect): ask again, once, in the other;
        when that answer has more of them, the client speaks it from now on and says so
        (``on_report_dialect``). Measures missing both ways are ones the tracker lacks."""
        dialect = self.report_dialect
        result = await self._routed(spec, method, path, query, to_dialect(body, dialect))
        asked = asked_measures(body)
        missing = missing_measures(asked, result.data)
        if missing is None or not missing:
            if missing is not None:
                await self._learned_dialect(dialect)
            return result
        if missing <= self._absent_measures:
            return result
        other = other_dialect(dialect)
        again = await self._routed(spec, method, path, query, to_dialect(body, other))
        missing_again = missing_measures(asked, again.data)
        if missing_again is None or len(missing_again) >= len(missing):
            self._absent_measures |= missing
            return result
        log.info("%s: reports come in the %s dialect, not %s", self.host, other, dialect)
        self.report_dialect = other
        self._absent_measures = set(missing_again)
        await self._learned_dialect(other)
        return again

    async def _learned_dialect(self, dialect: str) -> None:
        """Tell ``on_report_dialect`` a dialect the tracker's answers proved, once per change."""
        if dialect == self._told_dialect:
            return
        self._told_dialect = dialect
        if self.on_report_dialect is None:
            return
        try:
            await self.on_report_dialect(dialect)
        except Exception:  # storing it is a nicety: the report itself is fine
            log.exception("%s: could not keep the report dialect", self.host)

    async def check(self) -> ApiResult:
        """Verify the URL and the key with the lightest read the API has."""
        name, params = HEALTH_CHECK
        return await self.call(name, params)

    # --- typed shortcuts (all through ``call``) -----------------------------------------------

    async def create_conversion(self, conversion: BaseModel | dict[str, Any] | str) -> ApiResult:
        """Record a conversion from the simplified form, a dict, or raw JSON text.

        The JSON must include ``click_id`` (or Keitaro's ``subid``); any other postback
        parameter it holds is passed on. Nothing is sent when the click id is missing.
        """
        if isinstance(conversion, str):
            conversion = parse_json_object(conversion)
        return await self.call("conversions.create", conversion)

    async def report(self, **params: Any) -> ApiResult:
        """``reports.build``: rows, total and (with ``summary=True``) totals, numbers as numbers."""
        return await self.call("reports.build", **params)

    # --- steps ------------------------------------------------------------------------------

    @staticmethod
    def _action(action: str | Action) -> Action:
        if isinstance(action, Action):
            return action
        try:
            return get_action(action)
        except KeyError as exc:
            raise errors.UnknownActionError(str(exc.args[0])) from None

    def _validate(self, spec: Action, params: Any, kwargs: dict[str, Any]) -> Params:
        try:
            validated = spec.validate(params, **kwargs)
        except PydanticValidationError as exc:
            fields: dict[str, list[str]] = {}
            for problem in exc.errors(include_input=False, include_url=False):
                where = ".".join(str(part) for part in problem["loc"]) or "__root__"
                fields.setdefault(where, []).append(problem["msg"])
            detail = "; ".join(f"{k}: {' '.join(v)}" for k, v in fields.items())
            raise errors.ValidationError(
                f"{spec.name}: invalid parameters: {detail}", fields=fields
            ) from None
        if spec.target is Target.POSTBACK and not getattr(validated, "postback_key", None):
            if self._postback_key is None:
                raise errors.PostbackKeyMissingError(
                    "The tracker's postback key is needed to record conversions. Send the "
                    "postback URL from the tracker's settings (Maintenance → Settings)."
                )
            validated = validated.model_copy(update={"postback_key": self._postback_key.reveal()})
        return validated

    def _url(self, spec: Action, path: str) -> str:
        if spec.target is Target.POSTBACK:
            return f"{self.postback_root}{path}"
        return admin_api_url(self.root, path)

    def _headers(self, spec: Action) -> dict[str, str]:
        if spec.target is Target.POSTBACK:
            return {}  # the postback URL needs no key: never send it to a traffic domain
        return {"Api-Key": self._api_key.reveal()}

    def _describe(self, method: str, url: str, headers: dict[str, str], query: Any, body: Any):
        shown = {name: mask(value) for name, value in headers.items()}
        return RequestInfo(
            method=method,
            url=mask_postback_path(url),
            headers=shown,
            query=scrub(query, self._secrets),
            body=scrub(body, self._secrets),
        )

    async def _perform(
        self, spec: Action, method: str, path: str, query: dict[str, Any], body: Any
    ) -> ApiResult:
        url = self._url(spec, path)
        headers = self._headers(spec)
        info = self._describe(method, url, headers, query, body)
        pool = self._pool or shared_pool()
        loop = asyncio.get_running_loop()
        when = _call_deadline.get()
        if when is None:  # called other than through ``call``
            when = loop.time() + self.deadline
        started = time.perf_counter()
        scope = asyncio.timeout_at(when)
        try:
            async with scope:
                response, raw = await self._send(
                    spec, pool, info, when, method, url, headers, query, body
                )
        except TimeoutError:
            if not scope.expired():
                raise
            error = self._timeout_error(info, spec, within=self.deadline)
            log.warning("%s: %s %s: over the deadline", spec.name, method, info.url)
            raise error from None
        elapsed = (time.perf_counter() - started) * 1000
        try:
            content, _is_json = parse_body(response, raw)
        except errors.UnreadableAnswerError as error:
            error.request, error.status_code = info, response.status_code
            log.warning("%s: %s %s: %s", spec.name, method, info.url, error.code)
            raise
        if self._secrets and any(s.encode() in raw for s in self._secrets):
            content = scrub(content, self._secrets)
        failure = self._failure(spec, response, content, info)
        if failure is not None:
            failure.result = ApiResult(
                info, spec.resource, spec.operation, False, response.status_code, content, elapsed
            )
            log.warning(
                "%s failed: %s %s → %s (%s, %.0f ms)",
                spec.name,
                method,
                info.url,
                response.status_code,
                failure.code,
                elapsed,
            )
            raise failure
        data, warnings = self._shape(spec, content)
        log.debug(
            "%s: %s %s → %s (%.0f ms)", spec.name, method, info.url, response.status_code, elapsed
        )
        return ApiResult(
            info, spec.resource, spec.operation, True, response.status_code, data, elapsed, warnings
        )

    async def _send(
        self,
        spec: Action,
        pool: HttpPool,
        info: RequestInfo,
        when: float,
        method: str,
        url: str,
        headers: dict[str, str],
        query: dict[str, Any],
        body: Any,
    ) -> tuple[httpx.Response, bytes]:
        """Send and read the answer (streamed, under the pool's size limit); retry safe reads
        on failures that may pass, writes only when unsent; no backoff past ``when``."""
        attempts = 1 + max(0, self.retries)
        limit = pool.answer_limit(download=spec.operation == "download")
        loop = asyncio.get_running_loop()
        for attempt in range(attempts):
            last = attempt == attempts - 1
            response: httpx.Response | None = None
            try:
                request = pool.client.build_request(
                    method, url, params=query or None, json=body, headers=headers
                )
                # Never follow: httpx would carry the Api-Key header to wherever it points.
                response = await pool.client.send(request, stream=True, follow_redirects=False)
                if spec.is_safe and response.status_code in RETRY_STATUSES and not last:
                    delay = self._delay(attempt, response)
                    if loop.time() + delay < when:  # else this answer is the one to tell
                        await response.aclose()
                        await self._sleep(delay)
                        continue
                return response, await read_answer(response, limit)
            except httpx.HTTPError as exc:
                error = self._transport_error(exc, info, spec)
                # A connection that never opened sent nothing, so even a write may be repeated.
                unsent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
                delay = self._delay(attempt)
                if (
                    last
                    or not error.retryable
                    or not (spec.is_safe or unsent)
                    or loop.time() + delay >= when
                ):
                    log.warning("%s: %s %s: %s", spec.name, method, info.url, error.code)
                    raise error from None
                await self._sleep(delay)
            except errors.KeitaroError as error:
                # the connection guard (private_address) and the body reader (too_large,
                # unreadable) know no request: attach it
                error.request = info
                if response is not None:
                    error.status_code = response.status_code
                log.warning("%s: %s %s: %s", spec.name, method, info.url, error.code)
                raise
            except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
                # never chain: the original text may quote a header value, i.e. the key
                raise errors.KeitaroError(
                    f"The request could not be built ({type(exc).__name__}). Check the "
                    "tracker address and the API key for stray characters.",
                    request=info,
                ) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _delay(self, attempt: int, response: httpx.Response | None = None) -> float:
        if response is not None and response.status_code == 429:
            value = response.headers.get("retry-after", "")
            if value.replace(".", "", 1).isdigit():
                return min(float(value), 30.0)
        return self.backoff * (2**attempt)

    @staticmethod
    def _timeout_error(
        info: RequestInfo, spec: Action, *, within: float | None = None
    ) -> errors.TrackerTimeoutError:
        """The tracker was too slow: one operation timed out, or the whole call's deadline."""
        host = host_of(info.url)
        when = "in time" if within is None else f"within {within:g} s"
        error = errors.TrackerTimeoutError(
            f"{host} did not answer {when}. The tracker or its network may be slow or "
            f"down.{_unknown_fate(spec)}",
            request=info,
        )
        # a write's fate is unknown; a slow report would only be slow again
        error.retryable = spec.is_safe and spec.name not in GRID_ACTIONS
        return error

    @classmethod
    def _transport_error(
        cls, exc: httpx.HTTPError, info: RequestInfo, spec: Action
    ) -> errors.KeitaroError:
        host = host_of(info.url)
        unknown_fate = _unknown_fate(spec)
        if _caused_by_tls(exc):
            return errors.TLSError(
                f"{host} failed the secure (TLS) connection. Check the tracker's HTTPS "
                "certificate, or use http:// if it has none.",
                request=info,
            )
        if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
            return errors.ConnectionFailedError(
                f"{host} could not be reached ({type(exc).__name__}). Check the address; the "
                "tracker or its network may be down. Nothing was changed.",
                request=info,
            )
        if isinstance(exc, httpx.TimeoutException):
            return cls._timeout_error(info, spec)
        error = errors.ConnectionLostError(
            f"The connection to {host} broke before the answer came "
            f"({type(exc).__name__}).{unknown_fate}",
            request=info,
        )
        # a write's fate is unknown; a slow report would only be slow again
        error.retryable = spec.is_safe and spec.name not in GRID_ACTIONS
        return error

    def _failure(
        self, spec: Action, response: httpx.Response, content: Any, info: RequestInfo
    ) -> errors.KeitaroError | None:
        if spec.target is Target.POSTBACK:
            return postback_outcome(response, content, info, self._secrets)
        if 200 <= response.status_code < 300 and not isinstance(content, str):
            if _shape_is_plausible(spec, content):
                problem = _grid_problem(spec, content)
                if problem is None:
                    return None
                return errors.UnreadableAnswerError(
                    f"The tracker's answer to {spec.name} {problem}: that is no report or log "
                    "Keitaro sends.",
                    request=info,
                    status_code=response.status_code,
                )
            return errors.NotKeitaroError(
                f"The tracker's answer to {spec.name} has an unexpected shape "
                f"({type(content).__name__}). Is this the panel address of a Keitaro tracker?",
                request=info,
                status_code=response.status_code,
            )
        return error_for(response, content, info, self._secrets)

    @staticmethod
    def _shape(spec: Action, content: Any) -> tuple[Any, list[str]]:
        data = content
        if spec.extract and isinstance(data, dict):
            # a campaign without outgoing postbacks may simply not carry the key
            data = data.get(spec.extract, [] if spec.returns_list else None)
        unread = Unreadable()
        if spec.name in GRID_ACTIONS:
            data = normalize_grid(data, unread)
        elif spec.resource in ENTITY_MODELS or spec.extract:
            data = tidy_entities(data, unread)
        if spec.target is Target.POSTBACK and isinstance(data, str):
            data = {"answer": data.strip()}
        lists_entities = spec.operation == "list" and spec.resource in ENTITY_MODELS
        warnings: list[str] = [EMPTY_LIST_HINT] if lists_entities and data == [] else []
        if unread:
            warnings.append(unread.note())
        return data, warnings


def _keep_asked_id(result: ApiResult, asked: Any) -> None:
    """An entity asked for by id whose answer carries no usable id is the one asked for: the
    card keeps its number and its buttons (the unreadable id is counted, see ``Unreadable``)."""
    data = result.data
    if not isinstance(asked, int) or isinstance(asked, bool) or not isinstance(data, dict):
        return
    if "id" not in data or isinstance(data["id"], int):
        return
    data["id"] = asked
    result.warnings.append(Unreadable(values=1).note())


def _unknown_fate(spec: Action) -> str:
    if spec.is_safe:
        return ""
    return " The change may or may not have been made: check before repeating it."


def _shape_is_plausible(spec: Action, content: Any) -> bool:
    """A read answers JSON of the expected kind; writes may answer anything, even nothing."""
    if not spec.is_safe:
        return True
    if isinstance(content, bytes):
        return spec.operation == "download"
    if spec.returns_list and not spec.extract:
        return isinstance(content, list)
    return isinstance(content, dict | list)


def _grid_problem(spec: Action, content: Any) -> str | None:
    """What makes a report or log answer unusable, or None: rows must be records (objects)."""
    if spec.name not in GRID_ACTIONS:
        return None
    rows = content.get("rows") if isinstance(content, dict) else content
    if rows is None or rows == {}:  # no rows (PHP may encode an empty array as {})
        return None
    if not isinstance(rows, list):
        return f"has rows that are not a list ({type(rows).__name__})"
    if rows and not any(isinstance(row, dict) for row in rows):
        return f"has rows that are not records ({type(rows[0]).__name__})"
    return None  # a stray among records is left out and told (``Unreadable``)


def clean_api_key(api_key: str | Secret) -> Secret:
    """The key without the invisible characters copying adds; refuses what cannot be a key.

    The refusal never quotes the key: it would end up in a chat or a log.
    """
    raw = api_key.reveal() if isinstance(api_key, Secret) else api_key
    cleaned = "".join(ch for ch in raw if ch not in _INVISIBLE).strip()
    if not cleaned or not cleaned.isascii() or not cleaned.isprintable() or " " in cleaned:
        raise errors.AuthenticationError(
            "That API key has characters an API key cannot have (spaces, letters outside "
            "Latin, hidden symbols). Copy it again from the tracker: Profile → API keys."
        )
    return Secret(cleaned)


_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def parse_json_object(text: str) -> dict[str, Any]:
    """A JSON object typed by a person, or a ValidationError that says what is wrong."""
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise errors.ValidationError(
            f"That is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.",
            fields={"__root__": ["invalid JSON"]},
        ) from None
    if not isinstance(value, dict):
        raise errors.ValidationError(
            'The JSON must be an object: {"click_id": "...", ...}.',
            fields={"__root__": ["not an object"]},
        )
    return value


def _caused_by_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError) or str(seen).startswith("[SSL"):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class _Resource:
    """``client.campaigns`` — its attributes are the resource's actions."""

    __slots__ = ("_client", "_resource")

    def __init__(self, client: KeitaroClient, resource: str) -> None:
        self._client = client
        self._resource = resource

    def __dir__(self) -> list[str]:
        return [a.operation for a in ACTIONS.values() if a.resource == self._resource]

    def __getattr__(self, operation: str) -> Callable[..., Awaitable[ApiResult]]:
        spec = ACTIONS.get(f"{self._resource}.{operation}")
        if spec is None:
            raise AttributeError(operation)

        async def perform(*args: Any, **kwargs: Any) -> ApiResult:
            """One positional argument fills the first path field (``id`` or ``campaign_id``)."""
            if args:
                if len(args) > 1 or not spec.path_fields:
                    raise TypeError(f"{spec.name} takes keyword parameters")
                kwargs[spec.path_fields[0]] = args[0]
            return await self._client.call(spec, **kwargs)

        perform.__name__ = operation
        perform.__doc__ = spec.summary
        return perform
