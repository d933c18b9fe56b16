"""The "Details" button: the request as sent (key masked) and the tracker's raw answer."""

from __future__ import annotations

import json

from aiogram import Router
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.i18n import Translator
from bot.ui import format as fmt
from bot.ui.callbacks import DetailsCb
from bot.ui.screens import TEXT_LIMIT
from keitaro import ApiResult
from storage import User

#: longer details go as a JSON document instead of a message
INLINE_LIMIT = TEXT_LIMIT - 600


def create_router() -> Router:
    router = Router(name="results")
    router.callback_query.register(on_details, DetailsCb.filter())
    return router


def details_json(result: ApiResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=_bytes)


def _bytes(value: object) -> object:
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


async def on_details(
    query: CallbackQuery,
    callback_data: DetailsCb,
    t: Translator,
    user: User,
    services: object,
    callback_answer: CallbackAnswer,
) -> None:
    result: ApiResult | None = await services.results.get(user.id, callback_data.token)  # type: ignore[attr-defined]
    if not isinstance(query.message, Message):
        return
    if result is None:
        callback_answer.text = t.plain("details.gone")
        callback_answer.show_alert = True
        return
    status = "✅" if result.success else "❌"
    head = t(
        "details.head",
        status=status,
        action=result.action,
        code=result.status_code if result.status_code is not None else "—",
        ms=f"{result.elapsed_ms:.0f}",
    )
    request = result.request
    lines = [
        head,
        f"<b>{fmt.esc(request.method)}</b> <code>{fmt.esc(request.url)}</code>",
        "<b>headers</b>: " + fmt.esc(json.dumps(request.headers, ensure_ascii=False)),
    ]
    if request.query:
        lines.append("<b>query</b>: " + fmt.esc(json.dumps(request.query, ensure_ascii=False)))
    if request.body is not None:
        lines.append(
            "<b>body</b>: " + fmt.esc(json.dumps(request.body, ensure_ascii=False, default=str))
        )
    answer = json.dumps(result.data, ensure_ascii=False, indent=1, default=_bytes)
    full = (
        "\n".join(lines) + f"\n\n<b>{t.plain('details.answer')}</b>\n<pre>{fmt.esc(answer)}</pre>"
    )
    if len(full) <= INLINE_LIMIT:
        await query.message.answer(full)
        return
    document = BufferedInputFile(details_json(result).encode(), filename=f"{result.action}.json")
    caption = "\n".join(lines)
    if len(caption) > 1000:
        caption = head
    await query.message.answer_document(document, caption=caption)
