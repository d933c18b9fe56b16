"""Log lines: JSON lines an aggregator can parse, and no secret in a line in either format."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bot.logs import configure_logging, register_secret

API_KEY = "kt-admin-4f9c2a7e1b3d5c8e"
BOT_TOKEN = "123456789:AAH" + "x7Qm2Lp9Vr4Tn6Zs1Kd8Fg3Hj5Wc0Yb_-e"  # 35 characters after ':'
DB_PASSWORD = "S3cret-Pg-Passw0rd"
FORMATS = ["text", "json"]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """configure_logging replaces the root handlers; give the next test the ones it had."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    httpx_level = logging.getLogger("httpx").level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(httpx_level)


def capture(log_format: str, write: Callable[[logging.Logger], None]) -> str:
    stream = io.StringIO()
    configure_logging("INFO", log_format, stream=stream)
    write(logging.getLogger("tests.logs"))
    return stream.getvalue()


def json_lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


def message_of(log_format: str, output: str) -> str:
    """The message as a reader sees it: the line for text, the parsed field for JSON."""
    if log_format == "json":
        (record,) = json_lines(output)
        return record["message"]
    return output


def test_json_lines_parse_and_carry_the_core_keys() -> None:
    output = capture("json", lambda log: (log.info("first %s", "line"), log.warning("second")))
    first, second = json_lines(output)
    assert first["message"] == "first line"
    assert first["level"] == "INFO" and second["level"] == "WARNING"
    assert first["logger"] == "tests.logs"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", first["ts"])
    assert "exc" not in first


def test_json_multiline_message_stays_on_one_line() -> None:
    output = capture("json", lambda log: log.info("one\ntwo"))
    assert len(output.splitlines()) == 1
    assert json_lines(output)[0]["message"] == "one\ntwo"


def test_json_exception_carries_the_traceback() -> None:
    def write(log: logging.Logger) -> None:
        try:
            1 / 0  # noqa: B018
        except ZeroDivisionError:
            log.exception("report failed")

    (record,) = json_lines(capture("json", write))
    assert record["message"] == "report failed"
    assert record["level"] == "ERROR"
    assert record["exc"].startswith("Traceback (most recent call last)")
    assert "ZeroDivisionError: division by zero" in record["exc"]


def test_json_extra_fields_appear() -> None:
    class Campaign:
        def __str__(self) -> str:
            return "campaign #12"

    output = capture(
        "json",
        lambda log: log.info(
            "synced", extra={"tracker_id": 5, "ok": True, "note": None, "obj": Campaign()}
        ),
    )
    (record,) = json_lines(output)
    assert record["tracker_id"] == 5
    assert record["ok"] is True and record["note"] is None
    assert record["obj"] == "campaign #12"
    assert "lineno" not in record and "args" not in record


def test_text_format_is_the_usual_line() -> None:
    output = capture("text", lambda log: log.info("started"))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO tests\.logs: started\n", output)


# (what is logged, the secret, what must still be there)
SECRET_CASES = [
    pytest.param(
        lambda log: log.info(
            "request headers %s", {"Api-Key": API_KEY, "Accept": "application/json"}
        ),
        API_KEY,
        ["request headers {'Api-Key': '***', 'Accept': 'application/json'}"],
        id="header-dict",
    ),
    pytest.param(
        lambda log: log.info("GET /admin_api/v1/campaigns?api_key=%s&limit=5 -> 200", API_KEY),
        API_KEY,
        ["GET /admin_api/v1/campaigns?api_key=***&limit=5 -> 200"],
        id="query-param",
    ),
    pytest.param(
        lambda log: log.info('sent {"api_key": "%s", "id": 7}', API_KEY),
        API_KEY,
        ['sent {"api_key": "***", "id": 7}'],
        id="json-body",
    ),
    pytest.param(
        lambda log: log.info("Api-Key: %s\nAccept: */*", API_KEY),
        API_KEY,
        ["Api-Key: ***\nAccept: */*"],
        id="header-line",
    ),
    pytest.param(
        lambda log: log.warning(
            "HTTP Request: POST https://api.telegram.org/bot%s/getMe failed", BOT_TOKEN
        ),
        BOT_TOKEN,
        ["POST https://api.telegram.org/bot<bot-token>/getMe failed"],
        id="bot-token-url",
    ),
    pytest.param(
        lambda log: log.info(
            "connecting to postgresql://keitaro:%s@db.internal:5432/bot", DB_PASSWORD
        ),
        DB_PASSWORD,
        ["connecting to postgresql://keitaro:***@db.internal:5432/bot"],
        id="postgres-url",
    ),
    pytest.param(
        lambda log: log.info("settings loaded, key kt-registered-secret-9931 in use"),
        "kt-registered-secret-9931",
        ["settings loaded, key *** in use"],
        id="registered-secret",
    ),
]


@pytest.mark.parametrize("log_format", FORMATS)
@pytest.mark.parametrize(("write", "secret", "kept"), SECRET_CASES)
def test_secrets_never_reach_the_line(
    log_format: str, write: Callable[[logging.Logger], None], secret: str, kept: list[str]
) -> None:
    register_secret("kt-registered-secret-9931")
    output = capture(log_format, write)
    assert secret not in output
    message = message_of(log_format, output)
    for text in kept:
        assert text in message


@pytest.mark.parametrize("log_format", FORMATS)
def test_secret_in_an_exception_is_masked_in_the_traceback(log_format: str) -> None:
    def write(log: logging.Logger) -> None:
        try:
            raise RuntimeError(f"GET https://api.telegram.org/bot{BOT_TOKEN}/getUpdates: 502")
        except RuntimeError:
            log.exception("polling failed for api_key=%s", API_KEY)

    output = capture(log_format, write)
    assert BOT_TOKEN not in output and API_KEY not in output
    assert "RuntimeError: GET https://api.telegram.org/bot<bot-token>/getUpdates: 502" in (
        json_lines(output)[0]["exc"] if log_format == "json" else output
    )
    assert "polling failed for api_key=***" in output


def test_secret_in_an_extra_field_is_masked() -> None:
    output = capture("json", lambda log: log.info("call", extra={"url": f"/x?api_key={API_KEY}"}))
    assert API_KEY not in output
    assert json_lines(output)[0]["url"] == "/x?api_key=***"


def test_registered_url_encoded_secret_is_masked() -> None:
    register_secret("p@ss/w0rd:x")
    output = capture("text", lambda log: log.info("dsn host=db pw %s end", "p%40ss%2Fw0rd%3Ax"))
    assert "p%40ss%2Fw0rd%3Ax" not in output
    assert "dsn host=db pw *** end" in output


def test_short_values_are_not_registered() -> None:
    register_secret("abc")
    output = capture("text", lambda log: log.info("abc is not a secret"))
    assert "abc is not a secret" in output


@pytest.mark.parametrize("log_format", FORMATS)
def test_a_bad_format_call_still_logs_redacted(log_format: str) -> None:
    output = capture(log_format, lambda log: log.info("token %s and %s", BOT_TOKEN))
    assert BOT_TOKEN not in output
    assert "token %s and %s (args not merged: ('<bot-token>',))" in message_of(log_format, output)


def test_configuring_twice_logs_a_line_once() -> None:
    first, second = io.StringIO(), io.StringIO()
    configure_logging("INFO", "text", stream=first)
    configure_logging("INFO", "json", stream=second)
    logging.getLogger("tests.logs").info("once")
    assert first.getvalue() == ""
    assert [record["message"] for record in json_lines(second.getvalue())] == ["once"]


def test_httpx_is_quiet_unless_debug() -> None:
    configure_logging("INFO", stream=io.StringIO())
    assert logging.getLogger("httpx").level == logging.WARNING
    configure_logging("DEBUG", stream=io.StringIO())
    assert logging.getLogger("httpx").level == logging.DEBUG


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="log format"):
        configure_logging("INFO", "xml", stream=io.StringIO())
