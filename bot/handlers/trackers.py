"""Connecting trackers and managing them: the address, the key (deleted once read), checks.

A failed connection says why and keeps the dialog where it was, so the user sends another
key (or address) without starting over. Every tracker button is re-checked against the
caller's own trackers: a forged id finds nothing.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.chat_action import ChatActionSender

from bot.handlers import menu
from bot.handlers.states import Connect, TrackerEdit
from bot.i18n import Translator
from bot.services.netguard import PrivateAddressError, UnresolvableHostError, ensure_public
from bot.services.request import chat_of
from bot.services.trackers import adopt_tracker_zone
from bot.ui.callbacks import TrackerCb
from bot.ui.errors import describe
from bot.ui.format import esc
from bot.ui.keyboards import button, cancel_row, markup, menu_button
from bot.ui.screens import Screen, delete_quietly, present
from keitaro import InvalidTrackerUrl, KeitaroClient, KeitaroError
from keitaro.client import clean_api_key
from keitaro.dialect import detect_report_dialect
from keitaro.urls import host_of, normalize_tracker_url, postback_key_from
from storage import Tracker, TrackerNameTaken, User


def create_router() -> Router:
    router = Router(name="trackers")
    router.message.register(on_connect_command, Command("connect"))
    # commands typed mid-dialog (/menu, /help) go to their own handlers, not into the dialog
    answer = F.text & ~F.text.startswith("/")
    router.message.register(on_url, Connect.url, answer)
    router.message.register(on_key, Connect.api_key, answer)
    router.message.register(on_trackers_command, Command("trackers"))
    router.callback_query.register(on_tracker_button, TrackerCb.filter())
    router.message.register(on_rename, TrackerEdit.rename, answer)
    router.message.register(on_postback_key, TrackerEdit.postback, answer)
    return router


# --- connecting -----------------------------------------------------------------------------------


async def check_address(text: str, services: Any) -> str:
    """The tracker's root URL; raises InvalidTrackerUrl, PrivateAddressError..."""
    url = normalize_tracker_url(text)
    await ensure_public(url, allow_private=services.settings.allow_private_trackers)
    return url


def address_error(t: Translator, error: Exception) -> str:
    host = (
        str(error.args[0])
        if isinstance(error, PrivateAddressError | UnresolvableHostError) and error.args
        else ""
    )
    if isinstance(error, InvalidTrackerUrl):
        return t("e.invalid_url") + "\n" + t("connect.url_example")
    return describe(t, error, host)


async def connect(
    message: Message, url: str, key_text: str, *, t: Translator, user: User, services: Any,
    state: FSMContext, bot: Bot,
) -> None:  # fmt: skip
    """Verify the key with a light read; on success store the tracker and make it active.

    A user without a time zone gets the one of the key's owner on the tracker (said in the
    success message); when the tracker does not tell, nothing is said and UTC stays. The
    report dialect the tracker speaks is found out by one small report and kept (when it
    cannot be told, the first reports tell it later).
    """
    try:
        api_key = clean_api_key(key_text)
        client = KeitaroClient(url, api_key, pool=services.pool)
        async with ChatActionSender.typing(bot=bot, chat_id=message.chat.id, initial_sleep=0.5):
            await client.check()
            dialect = await detect_report_dialect(client)
    except KeitaroError as error:
        await state.set_state(Connect.api_key)
        await state.update_data(url=url)
        # a refused key is often a key of another tracker: the address is one tap away too
        rows = [[button(t.plain("b.change_address"), TrackerCb(op="a").pack())]]
        rows.append(cancel_row(t.plain("b.cancel")))
        text = f"❌ {describe(t, error, host_of(url))}\n\n{t('connect.try_again')}"
        await message.answer(text, reply_markup=markup(*rows))
        return
    same = [known for known in await services.trackers.list(user.id) if known.url == url]
    if same:  # the same tracker again: a new key for it, not a second copy
        await services.trackers.set_api_key(user.id, same[0].id, api_key.reveal())
        if dialect is not None:
            await services.trackers.set_report_dialect(user.id, same[0].id, dialect)
        services.clients.forget(same[0].id)
        services.cache.forget(same[0].id)
        tracker = await services.trackers.get(user.id, same[0].id)
        done = t("connect.key_updated", name=tracker.name)
    else:
        tracker = await services.trackers.add(
            user.id, host_of(url), url, api_key.reveal(), report_dialect=dialect
        )
        done = t("connect.done", name=tracker.name)
    await services.users.set_active_tracker(user.id, tracker.id)
    zone = await adopt_tracker_zone(services, user.id, url, api_key)
    if zone is not None:
        done += "\n" + t("connect.timezone", zone=zone)
    await state.clear()
    await message.answer(done)
    fresh = await services.users.get(user.id)
    screen = await menu.main_screen(
        t=t, tracker=tracker, client=await services.clients.client(tracker), user=fresh,
        services=services,
    )  # fmt: skip
    await present(message, screen)


async def ask_url(event: Message | CallbackQuery, state: FSMContext, t: Translator) -> None:
    await state.set_state(Connect.url)
    await present(event, Screen(t("connect.ask_url"), markup(cancel_row(t.plain("b.cancel")))))


async def on_connect_command(
    message: Message, command: CommandObject, state: FSMContext, t: Translator, **data: Any
) -> None:
    parts = (command.args or "").split()
    if not parts:
        await ask_url(message, state, t)
        return
    if len(parts) >= 2:
        await delete_quietly(message)  # it holds the key
    try:
        url = await check_address(parts[0], data["services"])
    except (InvalidTrackerUrl, PrivateAddressError, UnresolvableHostError) as error:
        await state.set_state(Connect.url)
        await message.answer(
            address_error(t, error), reply_markup=markup(cancel_row(t.plain("b.cancel")))
        )
        return
    if len(parts) == 1:
        await state.set_state(Connect.api_key)
        await state.update_data(url=url)
        await message.answer(
            t("connect.ask_key", host=host_of(url)),
            reply_markup=markup(cancel_row(t.plain("b.cancel"))),
        )
        return
    await connect(
        message, url, parts[1], t=t, state=state, **_only(data, "user", "services", "bot")
    )


async def on_url(message: Message, state: FSMContext, t: Translator, services: Any) -> None:
    try:
        url = await check_address(message.text or "", services)
    except (InvalidTrackerUrl, PrivateAddressError, UnresolvableHostError) as error:
        await message.answer(
            address_error(t, error), reply_markup=markup(cancel_row(t.plain("b.cancel")))
        )
        return
    await state.set_state(Connect.api_key)
    await state.update_data(url=url)
    await message.answer(
        t("connect.ask_key", host=host_of(url)),
        reply_markup=markup(cancel_row(t.plain("b.cancel"))),
    )


async def on_key(message: Message, state: FSMContext, t: Translator, **data: Any) -> None:
    deleted = await delete_quietly(message)
    if not deleted:
        await message.answer(t("connect.delete_yourself"))
    url = (await state.get_data()).get("url")
    if not url:
        await ask_url(message, state, t)
        return
    await connect(
        message, url, message.text or "", t=t, state=state, **_only(data, "user", "services", "bot")
    )


def _only(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {name: data[name] for name in names}


# --- managing -------------------------------------------------------------------------------------


async def trackers_screen(t: Translator, user: User, services: Any) -> Screen:
    trackers = await services.trackers.list(user.id)
    fresh = await services.users.get(user.id)
    active = fresh.active_tracker_id if fresh else None
    lines = [t("trackers.title")]
    rows = []
    for tracker in trackers:
        mark = "✅" if tracker.id == active else "▫️"
        lines.append(f"{mark} <b>{esc(tracker.name)}</b> — {esc(host_of(tracker.url))}")
        rows.append(
            [button(f"{mark} {tracker.name[:40]}", TrackerCb(op="o", id=tracker.id).pack())]
        )
    if not trackers:
        lines.append(t("trackers.none"))
    rows.append([button(f"➕ {t.plain('b.add_tracker')}", TrackerCb(op="a").pack())])
    rows.append([menu_button(f"« {t.plain('b.menu')}")])
    return Screen("\n".join(lines), markup(*rows))


def tracker_card(t: Translator, tracker: Tracker, active: bool) -> Screen:
    text = t(
        "trackers.card",
        name=tracker.name,
        url=tracker.url,
        key=tracker.api_key_hint,
        postback=t.plain("yes") if tracker.has_postback_key else t.plain("no"),
    )
    rows = []
    if not active:
        rows.append([button(f"✅ {t.plain('b.use')}", TrackerCb(op="u", id=tracker.id).pack())])
    rows += [
        [
            button(f"🧪 {t.plain('b.test')}", TrackerCb(op="x", id=tracker.id).pack()),
            button(f"✏️ {t.plain('b.rename')}", TrackerCb(op="r", id=tracker.id).pack()),
        ],
        [
            button(f"📮 {t.plain('b.postback_key')}", TrackerCb(op="k", id=tracker.id).pack()),
            button(f"🗑 {t.plain('b.remove')}", TrackerCb(op="d", id=tracker.id).pack()),
        ],
        [button(f"« {t.plain('b.trackers')}", TrackerCb(op="l").pack())],
    ]
    return Screen(text, markup(*rows))


async def on_trackers_command(message: Message, t: Translator, user: User, services: Any) -> None:
    await present(message, await trackers_screen(t, user, services))


async def on_tracker_button(
    query: CallbackQuery, callback_data: TrackerCb, state: FSMContext, t: Translator, user: User,
    services: Any, bot: Bot,
) -> None:  # fmt: skip
    op = callback_data.op
    if op == "l":
        await present(query, await trackers_screen(t, user, services))
        return
    if op == "a":
        await ask_url(query, state, t)
        return
    tracker = await services.trackers.get(user.id, callback_data.id)
    if tracker is None:  # removed, or not this user's: the same answer either way
        await present(
            query,
            Screen(
                t("trackers.gone"),
                markup([button(t.plain("b.trackers"), TrackerCb(op="l").pack())]),
            ),
        )
        return
    fresh = await services.users.get(user.id)
    active = fresh is not None and fresh.active_tracker_id == tracker.id
    if op == "u":
        await services.users.set_active_tracker(user.id, tracker.id)
        await present(query, tracker_card(t, tracker, True))
    elif op == "x":
        client = await services.clients.client(tracker)
        try:
            result = await client.check()
            note = t("trackers.works", ms=f"{result.elapsed_ms:.0f}")
        except KeitaroError as error:
            note = f"❌ {describe(t, error, client.host)}"
        card = tracker_card(t, tracker, active)
        await present(query, Screen(f"{card.text}\n\n{note}", card.keyboard))
    elif op == "r":
        await state.set_state(TrackerEdit.rename)
        await state.update_data(tracker_id=tracker.id)
        await present(
            query, Screen(t("trackers.ask_name"), markup(cancel_row(t.plain("b.cancel"))))
        )
    elif op == "k":
        await state.set_state(TrackerEdit.postback)
        await state.update_data(tracker_id=tracker.id)
        await present(
            query, Screen(t("trackers.ask_postback"), markup(cancel_row(t.plain("b.cancel"))))
        )
    elif op == "d":
        await ask_to_remove(query, t, tracker, services)
    elif op == "D" and not await services.confirmations.redeem(
        chat_of(query, user), user.id, query.message.message_id if query.message else None,
        f"tracker-remove:{tracker.id}",
    ):  # fmt: skip
        await ask_to_remove(query, t, tracker, services, note=t("confirm.again"))
    elif op == "D":
        await services.trackers.remove(user.id, tracker.id)
        services.clients.forget(tracker.id)
        services.cache.forget(tracker.id)
        screen = await trackers_screen(t, user, services)
        await present(
            query,
            Screen(
                t("trackers.removed", name=tracker.name) + "\n\n" + screen.text, screen.keyboard
            ),
        )
    else:
        await present(query, tracker_card(t, tracker, active))


async def ask_to_remove(
    query: CallbackQuery, t: Translator, tracker: Tracker, services: Any, note: str = ""
) -> None:
    """Remove this tracker? The answer counts only from this message, for a short while."""
    rows = [
        [button(f"🗑 {t.plain('b.confirm_remove')}", TrackerCb(op="D", id=tracker.id).pack())],
        [button(t.plain("b.keep"), TrackerCb(op="o", id=tracker.id).pack())],
    ]
    text = t("trackers.confirm_remove", name=tracker.name)
    message = await present(query, Screen(f"{note}\n\n{text}" if note else text, markup(*rows)))
    user_id = query.from_user.id
    chat_id = query.message.chat.id if query.message else user_id
    await services.confirmations.issue(chat_id, user_id, message, f"tracker-remove:{tracker.id}")


async def on_rename(
    message: Message, state: FSMContext, t: Translator, user: User, services: Any
) -> None:
    tracker_id = (await state.get_data()).get("tracker_id")
    name = (message.text or "").strip()[:64]
    if not name:
        await message.answer(t("trackers.ask_name"))
        return
    try:
        renamed = await services.trackers.rename(user.id, int(tracker_id or 0), name)
    except TrackerNameTaken:
        await message.answer(t("trackers.name_taken", name=name))
        return
    await state.clear()
    tracker = await services.trackers.get(user.id, int(tracker_id or 0)) if renamed else None
    if tracker is None:
        await present(message, await trackers_screen(t, user, services))
        return
    fresh = await services.users.get(user.id)
    await present(
        message,
        tracker_card(t, tracker, fresh is not None and fresh.active_tracker_id == tracker.id),
    )


async def on_postback_key(
    message: Message, state: FSMContext, t: Translator, user: User, services: Any
) -> None:
    key = postback_key_from(message.text or "")
    await delete_quietly(message)
    if key is None:
        await message.answer(
            t("trackers.bad_postback"), reply_markup=markup(cancel_row(t.plain("b.cancel")))
        )
        return
    tracker_id = int((await state.get_data()).get("tracker_id") or 0)
    if not await services.trackers.set_postback_key(user.id, tracker_id, key):
        await state.clear()
        await present(message, Screen(t("trackers.gone")))
        return
    await state.clear()
    services.clients.forget(tracker_id)
    tracker = await services.trackers.get(user.id, tracker_id)
    fresh = await services.users.get(user.id)
    card = tracker_card(t, tracker, fresh is not None and fresh.active_tracker_id == tracker_id)
    await present(message, Screen(t("trackers.postback_saved") + "\n\n" + card.text, card.keyboard))
