"""``/costs``: a CSV of spend → a preview (columns, totals, skipped rows) → Send.

The parsed file waits in the dialog's data as JSON, so Send still works after a restart.
Sending calls ``clicks.update_costs`` once per campaign; Keitaro replaces the cost of the
matched clicks, so sending again (or uploading the same file again) never doubles it.
"""

from __future__ import annotations

import asyncio
import io
import secrets
import time
from typing import Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.chat_action import ChatActionSender

from bot.costs import CostFileError, CostUpload, read_upload, resolve_campaign
from bot.costs.render import error_text, money, preview_text
from bot.costs.values import parse_currency
from bot.handlers.states import CostsDialog
from bot.i18n import Html, Translator
from bot.services.calls import perform
from bot.services.request import TrackerRequest
from bot.services.writes import Outcome
from bot.ui.callbacks import CostsCb
from bot.ui.errors import describe
from bot.ui.keyboards import button, cancel_row, markup, menu_button
from bot.ui.screens import Screen, present
from keitaro import KeitaroClient, KeitaroError
from storage import Tracker, User

COMMAND = "/costs"
MAX_MB = 5
FILE_SUFFIXES = (".csv", ".tsv", ".txt")
CURRENCY_BUTTONS = ("USD", "EUR", "RUB")
#: Telegram allows about one edit a second per chat; progress edits no faster than that
PROGRESS_EVERY = 1.0
_COSTS_STATES = (CostsDialog.waiting, CostsDialog.preview)


def create_router() -> Router:
    router = Router(name="costs")
    router.message.register(on_document, F.document, takes_file)
    router.message.register(on_costs_command, Command("costs"))
    router.callback_query.register(on_send, CostsCb.filter(F.op == "s"))
    router.callback_query.register(on_currency_button, CostsCb.filter(F.op == "c"))
    router.message.register(
        on_currency_typed, CostsDialog.preview, F.text.regexp(r"^\s*[A-Za-z]{3}\s*$")
    )
    router.message.register(on_unexpected, StateFilter(*_COSTS_STATES), ~F.text.startswith("/"))
    return router


def caption_command(message: Message) -> str | None:
    """The argument of a ``/costs [campaign]`` caption ("" without one); None otherwise."""
    caption = (message.caption or "").strip()
    head, _, rest = caption.partition(" ")
    if head.split("@")[0].lower() != COMMAND:
        return None
    return rest.strip()


async def takes_file(message: Message, raw_state: str | None) -> bool:
    """In the costs dialog any document; outside every dialog a ``/costs`` caption or a file
    that looks like CSV. Other dialogs keep their documents."""
    if raw_state in {s.state for s in _COSTS_STATES}:
        return True
    if raw_state is not None or message.document is None:
        return False
    if caption_command(message) is not None:
        return True
    name = (message.document.file_name or "").lower()
    return name.endswith(FILE_SUFFIXES) or message.document.mime_type == "text/csv"


async def user_campaigns(services: Any, client: KeitaroClient, tracker: Tracker) -> dict[int, str]:
    result = await perform(services, client, tracker, "campaigns.list", cached=True)
    items = result.data if isinstance(result.data, list) else []
    return {int(c["id"]): str(c.get("name") or "") for c in items if isinstance(c, dict)}


async def choose_campaign(
    message: Message, argument: str, campaigns: dict[int, str], t: Translator
) -> int | bool | None:
    """The campaign an argument names; False (after telling the user) when there is none."""
    if not argument:
        return None
    found = resolve_campaign(argument, campaigns)
    if isinstance(found, str):
        await message.answer(t("costs.campaign_unknown", value=argument))
        return False
    await message.answer(t("costs.campaign_chosen", name=campaigns[found], id=found))
    return found


async def on_costs_command(
    message: Message, command: CommandObject, state: FSMContext, t: Translator,
    user: User, tracker: Tracker | None, client: KeitaroClient | None, services: Any,
) -> None:  # fmt: skip
    if tracker is None or client is None:
        await message.answer(t("costs.no_tracker"))
        return
    await state.clear()
    chosen = None
    if command.args:
        try:
            campaigns = await user_campaigns(services, client, tracker)
        except KeitaroError as error:
            await message.answer(describe(t, error))
            return
        chosen = await choose_campaign(message, command.args.strip(), campaigns, t)
        if chosen is False:
            return
    await state.set_state(CostsDialog.waiting)
    await state.update_data(campaign_id=chosen)
    text = t("costs.intro", timezone=user.timezone or "UTC")
    await message.answer(text, reply_markup=markup(cancel_row(t.plain("b.cancel"))))


async def download(bot: Bot, message: Message) -> bytes:
    buffer = await bot.download(message.document, destination=io.BytesIO())  # type: ignore[arg-type]
    return buffer.getvalue() if isinstance(buffer, io.BytesIO) else b""


async def on_document(
    message: Message, state: FSMContext, t: Translator, user: User, bot: Bot,
    tracker: Tracker | None, client: KeitaroClient | None, services: Any,
) -> None:  # fmt: skip
    """Read the file against the user's campaigns and show the preview; a refused file says
    why and leaves the dialog waiting for a fixed one."""
    if tracker is None or client is None:
        await message.answer(t("costs.no_tracker"))
        return
    document = message.document
    assert document is not None  # the F.document filter
    cancel = markup(cancel_row(t.plain("b.cancel")))
    if (document.file_size or 0) > MAX_MB * 1024 * 1024:
        await message.answer(error_text(t, CostFileError("too_big", limit=MAX_MB)))
        return
    try:
        async with ChatActionSender.typing(bot=bot, chat_id=message.chat.id, initial_sleep=0.5):
            content = await download(bot, message)
            campaigns = await user_campaigns(services, client, tracker)
    except KeitaroError as error:
        await message.answer(describe(t, error), reply_markup=cancel)
        return
    except (TelegramAPIError, OSError):  # Telegram's file servers: "send it again"
        await message.answer(t("costs.error.download"), reply_markup=cancel)
        return
    data = await state.get_data()
    chosen = data.get("campaign_id") if await state.get_state() else None
    argument = caption_command(message)
    if argument:
        chosen = await choose_campaign(message, argument, campaigns, t)
        if chosen is False:
            return
    await state.set_state(CostsDialog.waiting)
    await state.set_data({"campaign_id": chosen})
    try:
        # a big file takes seconds to read: in a thread, so other users are not kept waiting
        upload = await asyncio.to_thread(
            read_upload, content, campaigns, timezone=user.timezone or "UTC",
            default_campaign=chosen,
        )  # fmt: skip
    except CostFileError as error:
        await message.answer(error_text(t, error), reply_markup=cancel)
        return
    file_name = document.file_name or "costs.csv"
    await state.set_state(CostsDialog.preview)
    await state.set_data(
        {"campaign_id": chosen, "file": file_name, "tracker_id": tracker.id,
         "upload": upload.to_json(), "upload_id": new_upload_id()}
    )  # fmt: skip
    await present(message, preview_screen(t, upload, file_name))


def preview_screen(t: Translator, upload: CostUpload, file_name: str) -> Screen:
    rows = []
    if not upload.has_currency_column:
        choices = dict.fromkeys((*CURRENCY_BUTTONS, upload.currency))
        rows.append(
            [
                button(
                    f"• {code}" if code == upload.currency else code,
                    CostsCb(op="c", arg=code).pack(),
                )
                for code in choices
            ]
        )
    rows.append(
        [button(t.plain("b.costs_send"), CostsCb(op="s").pack()),
         *cancel_row(t.plain("b.cancel"))]
    )  # fmt: skip
    return Screen(preview_text(t, upload, file_name), markup(*rows))


async def pending(state: FSMContext) -> tuple[CostUpload, dict[str, Any]] | None:
    """The previewed file, when the dialog is still at its preview."""
    if await state.get_state() != CostsDialog.preview.state:
        return None
    data = await state.get_data()
    if not isinstance(data.get("upload"), dict):
        return None
    return CostUpload.from_json(data["upload"]), data


async def set_currency(
    event: Message | CallbackQuery, code: str, state: FSMContext, t: Translator
) -> None:
    found = await pending(state)
    currency = parse_currency(code)
    if found is None or currency is None:
        await present(event, Screen(t("costs.nothing_pending")))
        return
    upload, data = found
    if not upload.has_currency_column:
        upload.currency = currency
        # other amounts: a new upload, whatever the old one sent
        await state.update_data(upload=upload.to_json(), upload_id=new_upload_id())
    await present(event, preview_screen(t, upload, data.get("file", "")))


async def on_currency_button(
    query: CallbackQuery, callback_data: CostsCb, state: FSMContext, t: Translator
) -> None:
    await set_currency(query, callback_data.arg, state, t)


async def on_currency_typed(message: Message, state: FSMContext, t: Translator) -> None:
    await set_currency(message, (message.text or "").strip(), state, t)


async def on_send(
    query: CallbackQuery, state: FSMContext, t: Translator, bot: Bot, user: User,
    tracker: Tracker | None, client: KeitaroClient | None, services: Any,
    callback_answer: CallbackAnswer,
) -> None:  # fmt: skip
    """Send every campaign's payload once, editing one message with the progress.

    Each campaign is its own write in the journal (``bot.services.writes``): pressed again
    after a failure, a timeout or a crash, the upload resumes where it stopped, the campaigns
    already sent are not sent again, and the one on the wire is checked in the report first.
    """
    found = await pending(state)
    if found is None or tracker is None or client is None:
        callback_answer.text = t.plain("costs.nothing_pending")
        await present(query, Screen(t("costs.nothing_pending")))
        return
    upload, data = found
    if data.get("tracker_id") != tracker.id:
        await state.clear()
        await present(query, Screen(t("costs.tracker_changed")))
        return
    upload_id = str(data.get("upload_id") or "")
    if not upload_id:  # a preview kept from before write keys existed
        upload_id = new_upload_id()
        await state.update_data(upload_id=upload_id)
    payloads = upload.payloads()
    total = len(payloads)
    shown = await present(query, progress_screen(t, 0, total))
    chat_id = query.message.chat.id if query.message else query.from_user.id
    request = TrackerRequest(t, user, tracker, client, services, bot, chat_id)
    last_edit = time.monotonic()
    earlier = 0
    async with ChatActionSender.typing(bot=bot, chat_id=chat_id):
        for done, (campaign, payload) in enumerate(zip(upload.campaigns, payloads, strict=True)):
            key = f"costs:{upload_id}:{campaign.id}"
            try:
                sent = await services.writes.send(request, key, "clicks.update_costs", payload)
                if sent.outcome is Outcome.UNCLEAR:  # replacing costs twice cannot double them
                    sent = await services.writes.send(
                        request, key, "clicks.update_costs", payload, force=True
                    )
            except KeitaroError as error:
                text = t(
                    "costs.failed", name=campaign.name or "—", id=campaign.id, done=done,
                    total=total, reason=Html(describe(t, error)),
                )  # fmt: skip
                await present(query, Screen(text, preview_screen(t, upload, "").keyboard))
                return
            earlier += sent.outcome is Outcome.ALREADY
            if (
                shown is not None
                and done + 1 < total
                and time.monotonic() - last_edit >= PROGRESS_EVERY
            ):
                last_edit = time.monotonic()
                progress = progress_screen(t, done + 1, total)
                await shown.edit_text(progress.text, reply_markup=progress.keyboard)
    await state.clear()
    text = t("costs.done", campaigns=total, amount=money(upload.grand_totals()))
    if earlier:
        text += "\n" + t("costs.resumed", earlier=earlier, total=total)
    await present(query, Screen(text, markup([menu_button(t.plain("b.menu"))])))


def progress_screen(t: Translator, done: int, total: int) -> Screen:
    """How far the upload is, and Continue for when it stopped (the bot was restarted):
    pressed while it runs it only waits its turn and finds nothing left to send."""
    continue_button = button(t.plain("costs.b.continue"), CostsCb(op="s").pack())
    text = f"{t('costs.progress', done=done, total=total)}\n{t('costs.if_stopped')}"
    return Screen(text, markup([continue_button]))


def new_upload_id() -> str:
    """One upload's name in the write journal: its campaigns are written once each."""
    return secrets.token_urlsafe(6)


async def on_unexpected(message: Message, state: FSMContext, t: Translator) -> None:
    await message.answer(
        t("costs.not_document"), reply_markup=markup(cancel_row(t.plain("b.cancel")))
    )
