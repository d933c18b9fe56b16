"""The aiohttp application: routes registered from the action catalog, the middleware that
plays Keitaro's transport (faults, API keys, restricted users, unknown routes, error bodies),
the postback URL and the ``/_sandbox`` control endpoints (faults, requests, conversions,
scenarios)."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

from keitaro.catalog import ACTIONS, Action, Target
from keitaro.sandbox import postback
from keitaro.sandbox.context import RUNTIME_KEY, Call, Runtime
from keitaro.sandbox.errors import NO_PERMISSION, ApiError
from keitaro.sandbox.events import apply_events, parse_events
from keitaro.sandbox.faults import Faults, parse_flag
from keitaro.sandbox.garble import garble_answer
from keitaro.sandbox.handlers import HANDLERS, Handler
from keitaro.sandbox.scenarios import SCENARIOS, ScenarioError

ADMIN_PREFIX = "/admin_api/v1"
CONTROL_PREFIX = "/_sandbox"
#: what a restricted (user-level) key may not touch at all
RESTRICTED_PREFIXES = ("/users", "/logs", "/integrations", "/clicks/clean")
LOGIN_PAGE = (
    "<!DOCTYPE html><html><head><title>Keitaro</title></head><body>"
    '<div class="login-page"><form method="post" action="/admin/?object=auth.login">'
    '<input name="login"><input name="password" type="password"><button>Sign in</button>'
    "</form></div></body></html>"
)
CLOUDFLARE_PAGE = (
    "<!DOCTYPE html><html><head><title>Access denied | tracker used Cloudflare to restrict "
    "access</title></head><body><h1>Error 1010</h1><p>Access denied</p><p>The owner of this "
    "website has banned your access based on your browser's signature "
    "(browser_signature_banned).</p><p>Cloudflare Ray ID: 8c1f2e3d4a5b6c7d</p></body></html>"
)
log = logging.getLogger(__name__)
STATE_KEY: web.RequestKey[dict[str, Any]] = web.RequestKey("keitaro_sandbox_request", dict)
STALL_KEY: web.RequestKey[bool] = web.RequestKey("keitaro_sandbox_stall", bool)
#: set when the app shuts down, so that requests held by the "timeout" outage let go (the
#: server would otherwise wait for them)
CLOSING_KEY: web.AppKey[asyncio.Event] = web.AppKey("keitaro_sandbox_closing", asyncio.Event)

dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))


def json_answer(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=dumps)


# --- routes ---------------------------------------------------------------------------------


def _field_pattern(name: str) -> str:
    """The aiohttp placeholder of a path field: ids match digits only, so
    ``/campaigns/deleted`` never reaches ``/campaigns/{id}``."""
    if name == "id" or name.endswith("_id"):
        return "{" + name + r":\d+}"
    if name == "postback_key":
        return "{postback_key:[A-Za-z0-9_-]+}"
    return "{" + name + ":[a-z_]+}"


def route_path(path: str, fields: tuple[str, ...]) -> str:
    """A catalog path with its placeholders (the action's ``path_fields``) as an aiohttp
    route."""
    for name in fields:
        path = path.replace("{" + name + "}", _field_pattern(name))
    return path


def action_routes() -> list[tuple[str, str, Action]]:
    """(method, full path, action) for every catalog route and fallback, each route once;
    plain paths first so they win over placeholders (``/logs/types`` over ``/logs/{type}``)."""
    seen: dict[tuple[str, str], tuple[str, str, Action]] = {}
    for action in ACTIONS.values():
        base = "" if action.target is Target.POSTBACK else ADMIN_PREFIX
        fields = action.path_fields
        # fallback paths take no placeholders (the catalog checks it)
        variants = [(action.method, action.path), *((f.method, f.path) for f in action.fallbacks)]
        if action.target is Target.POSTBACK:
            variants.append(("POST", action.path))  # Keitaro takes postbacks by GET or POST
        for method, path in variants:
            shape = path
            for name in fields:
                shape = shape.replace("{" + name + "}", "{}")
            route = (method, base + route_path(path, fields), action)
            seen.setdefault((method, base + shape), route)
    return sorted(seen.values(), key=lambda r: ("{" in r[1], r[1], r[0]))


def _admin_endpoint(
    handler: Handler, action: Action
) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def endpoint(request: web.Request) -> web.StreamResponse:
        runtime = request.app[RUNTIME_KEY]
        body = await _read_body(request)
        params: dict[str, Any] = dict(body) if isinstance(body, dict) else {}
        params.update(request.query)  # the query wins, as Keitaro's getParam()
        call = Call(request, runtime, params, body, request[STATE_KEY]["restricted"])
        if not action.is_safe and not await _stall(request, runtime.faults, before=True):
            return json_answer({"error": "Client went away"}, 499)
        result = handler(call)
        if not action.is_safe:
            await _stall(request, runtime.faults, before=False)
        if isinstance(result, web.StreamResponse):
            return result
        if action.is_safe and runtime.faults.garble:  # reads only: writes stay as they were
            result = garble_answer(result, runtime.faults.garble, request.path_qs)
        return json_answer(result)

    return endpoint


async def _stall(request: web.Request, faults: Faults, *, before: bool) -> bool:
    """Hold a write as ``write_stall`` says; False when the client left while it was held
    before the change (which is then not made)."""
    if before:  # called first for every write: decide once whether this one is held
        request[STALL_KEY] = faults.write_stall > 0 and faults.write_stall_skip <= 0
        if faults.write_stall > 0 and faults.write_stall_skip > 0:
            faults.write_stall_skip -= 1
    if not request.get(STALL_KEY) or faults.write_stall_before != before:
        return True
    if not before:  # the change is made; the answer is slow, for a client still waiting
        await _hold(request, faults.write_stall)
        return True
    return await _hold(request, faults.write_stall)


async def _hold(request: web.Request, seconds: float) -> bool:
    """Wait ``seconds``, or False as soon as the client has hung up (a handler sleeping on
    for nobody would hold the server's shutdown for the rest of the delay)."""
    loop = asyncio.get_running_loop()
    until = loop.time() + seconds
    while loop.time() < until:
        transport = request.transport
        if transport is None or transport.is_closing():
            return False
        await asyncio.sleep(min(0.02, max(0.0, until - loop.time())))
    return True


async def _hang(request: web.Request, faults: Faults) -> bool:
    """Hold a request while the tracker is down by "timeout": until the outage ends (True:
    answer it then), the client hangs up or the sandbox stops (False)."""
    closing = request.app[CLOSING_KEY]
    while faults.down == "timeout":
        transport = request.transport
        if transport is None or transport.is_closing() or closing.is_set():
            return False
        await asyncio.sleep(0.02)
    return True


async def _read_body(request: web.Request) -> Any:
    """JSON if it looks like JSON, a form if it looks like one, else nothing (as Keitaro)."""
    if not request.body_exists:
        return None
    try:
        text = (await request.read()).decode(request.charset or "utf-8").strip()
    except (UnicodeDecodeError, LookupError):
        raise ApiError(400, {"error": "Malformed UTF-8 characters in request body"}) from None
    if not text:
        return None
    if text[0] in "{[":
        try:
            return json.loads(text)
        except ValueError:
            raise ApiError(400, {"error": "Invalid JSON in request body"}) from None
    if "=" in text:
        return dict(parse_qsl(text, keep_blank_values=True))
    return None


async def _postback(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME_KEY]
    params: dict[str, Any] = {}
    body = await _read_body(request)
    if isinstance(body, dict):
        params.update(body)
    params.update(request.query)
    if not await _stall(request, runtime.faults, before=True):
        return web.Response(text="Client went away", status=499)
    text = postback.receive(
        runtime.store,
        request.match_info["postback_key"],
        runtime.postback_key,
        params,
        str(request.url),
        runtime.schedule,
    )
    await _stall(request, runtime.faults, before=False)
    payload, content_type = postback.answer(params, text)
    return web.Response(body=payload, content_type=content_type)


async def _faults_get(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME_KEY]
    return json_answer({**runtime.faults.as_dict(), "requests": len(runtime.requests)})


async def _faults_set(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME_KEY]
    body = await _read_body(request)
    if not isinstance(body, dict):
        return json_answer({"error": "Send a JSON object of fault switches"}, 400)
    try:
        reset = parse_flag(body.pop("reset", False))
    except ValueError:
        return json_answer({"error": "Fault 'reset' must be true or false"}, 400)
    try:
        unknown = Faults().update(body)  # check every value before changing anything
    except ValueError as error:
        return json_answer({"error": str(error)}, 400)
    if unknown:
        return json_answer({"error": f"Unknown faults: {', '.join(unknown)}"}, 400)
    if reset:
        runtime.faults.reset()
    runtime.faults.update(body)
    return json_answer(runtime.faults.as_dict())


async def _conversions_post(request: web.Request) -> web.Response:
    """Exact conversions and status changes (see ``events.py``)."""
    runtime = request.app[RUNTIME_KEY]
    body = await _read_body(request)
    try:
        made = apply_events(runtime.store, parse_events(runtime.store, body))
    except (ValueError, KeyError) as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else str(error)
        return json_answer({"error": message}, 400)
    return json_answer({"conversions": made})


async def _scenario_post(request: web.Request) -> web.Response:
    """Play one scenario switch: ``{"name": "losing", "campaign_id": 3, ...}`` (see
    ``scenarios.py``); ``{"ok": true, ...}`` with what it did, or a 400 saying what is wrong."""
    runtime = request.app[RUNTIME_KEY]
    body = await _read_body(request)
    if not isinstance(body, dict) or not isinstance(body.get("name"), str):
        return json_answer(
            {
                "error": 'Send a JSON object {"name": "<scenario>", ...its arguments}; '
                f"scenarios: {', '.join(SCENARIOS)}"
            },
            400,
        )
    args = dict(body)
    name = args.pop("name")
    try:
        details = runtime.store.scenarios.play(name, args)
    except ScenarioError as error:
        return json_answer({"error": str(error)}, 400)
    return json_answer({"ok": True, "name": name, **details})


async def _scenario_get(_request: web.Request) -> web.Response:
    """The scenario switches with a line on each (for a help text)."""
    return json_answer({"scenarios": dict(SCENARIOS)})


async def _requests_get(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME_KEY]
    return json_answer([list(r) for r in runtime.requests])


# --- middleware -----------------------------------------------------------------------------


def _api_key(request: web.Request) -> str:
    key = request.query.get("api_key") or request.headers.get("Api-Key") or ""
    if not key:
        auth = request.headers.get("Authorization", "")
        if auth.lower().startswith("bearer "):
            key = auth[7:].strip()
    return key


@web.middleware
async def keitaro_middleware(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Keitaro's transport around every handler; an error no handler expected becomes a JSON
    500 (as Keitaro's own "Internal error"), never aiohttp's plain-text page."""
    try:
        return await _transport(request, handler)
    except web.HTTPException:
        raise  # aiohttp's own answers (404 of an unknown control path...)
    except Exception:
        # the method and path only: no headers, no query string, so no API key in the log
        log.exception("Unexpected error in %s %s", request.method, request.path)
        return json_answer({"error": "Internal error"}, 500)


async def _transport(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    path = request.path
    if path.startswith(CONTROL_PREFIX):
        try:
            return await handler(request)
        except ApiError as error:
            return json_answer(error.body, error.status)
    runtime = request.app[RUNTIME_KEY]
    runtime.store.catch_up()  # the traffic scenarios owe up to now, before anything reads
    runtime.requests.append((request.method, path))
    runtime.in_flight += 1
    runtime.most_in_flight = max(runtime.most_in_flight, runtime.in_flight)
    try:
        return await _answer(request, handler, runtime)
    finally:
        runtime.in_flight -= 1


async def _answer(
    request: web.Request,
    handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
    runtime: Runtime,
) -> web.StreamResponse:
    path = request.path
    faults = runtime.faults
    if faults.latency > 0 and not await _hold(request, faults.latency):
        return web.Response(text="Client went away", status=499)  # nobody reads it
    if faults.cloudflare:
        return web.Response(
            status=403,
            text=CLOUDFLARE_PAGE,
            content_type="text/html",
            headers={"cf-ray": "8c1f2e3d4a5b6c7d-FRA", "Server": "cloudflare"},
        )
    if faults.fail_5xx > 0:
        faults.fail_5xx -= 1
        return json_answer({"error": "Internal error"}, faults.status_5xx)
    is_admin = path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/")
    if not is_admin:
        try:
            return await handler(request)
        except ApiError as error:
            return json_answer(error.body, error.status)
    if faults.down == "timeout" and not await _hang(request, faults):
        return web.Response(text="Client went away", status=499)  # nobody reads it
    if faults.down == "5xx":
        return json_answer({"error": "Internal error"}, faults.status_5xx)
    if faults.html:
        return web.Response(text=LOGIN_PAGE, content_type="text/html")
    key = _api_key(request)
    if faults.down == "revoked" or key not in (runtime.api_key, runtime.restricted_key):
        return json_answer({"error": "Invalid API key"}, 401)
    restricted = faults.restricted or key == runtime.restricted_key
    if getattr(request.match_info, "http_exception", None) is not None:
        return json_answer(
            {"error": f"URL '{request.method} {request.url}' does not match any route"}, 400
        )
    relative = path[len(ADMIN_PREFIX) :]
    if restricted and (
        relative.startswith(RESTRICTED_PREFIXES)
        or (relative.startswith("/botlist") and request.method != "GET")
    ):
        return json_answer({"error": NO_PERMISSION}, 403)
    request[STATE_KEY] = {"restricted": restricted}
    try:
        return await handler(request)
    except ApiError as error:
        return json_answer(error.body, error.status)


# --- the app --------------------------------------------------------------------------------


def build_app(runtime: Runtime) -> web.Application:
    """An application serving ``runtime``; every catalog action gets its route."""
    app = web.Application(middlewares=[keitaro_middleware], client_max_size=64 * 1024**2)
    app[RUNTIME_KEY] = runtime
    closing = asyncio.Event()
    app[CLOSING_KEY] = closing
    router = app.router
    router.add_get(CONTROL_PREFIX + "/faults", _faults_get)
    router.add_post(CONTROL_PREFIX + "/faults", _faults_set)
    router.add_get(CONTROL_PREFIX + "/requests", _requests_get)
    router.add_post(CONTROL_PREFIX + "/conversions", _conversions_post)
    router.add_get(CONTROL_PREFIX + "/scenario", _scenario_get)
    router.add_post(CONTROL_PREFIX + "/scenario", _scenario_post)
    for method, path, action in action_routes():
        if action.target is Target.POSTBACK:
            router.add_route(method, path, _postback)
        else:
            router.add_route(method, path, _admin_endpoint(HANDLERS[action.name], action))

    async def cancel_pending(_app: web.Application) -> None:
        runtime.cancel_pending()

    async def let_go(_app: web.Application) -> None:
        closing.set()

    app.on_shutdown.append(let_go)
    app.on_cleanup.append(cancel_pending)
    return app


missing = sorted(set(ACTIONS) - set(HANDLERS))
if missing:  # every catalog action must be served
    raise RuntimeError(f"sandbox has no handler for {missing}")
