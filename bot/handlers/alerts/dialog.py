"""The new-rule dialog (also Edit: the same dialog filled from the rule, opened at its
confirm screen), step by step, every step answered by a button or by typing.

What it asks depends on what the rule watches (``draft.STEPS``): for a threshold the
measure, the condition, the number, the window, per what, the guard, the reminder interval
and where to send; fewer for the other kinds. A wrong typed answer is explained (the same
texts as ``/alert``'s) and that step asks again; at the first step a whole rule can be typed
in one line. The draft is JSON in the FSM data (``alert``), so a restart resumes it.

Why not the generic form engine (``bot.forms``): it walks the pydantic parameter model of a
Keitaro API action from the catalog, its choices, pickers and confirmation end in that
action's call, and its progress, texts and outcome (the tracker's answer, the write
journal) are about the tracker. A rule is a local record whose steps depend on earlier
answers (a threshold's guard, no window for a cap) and whose result is a row in our
database; hosting it there would mean a fake action and special cases in the engine's
every layer, so the dialog is its own, small, and built on the ``/alert`` parser.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message

from bot.alerts.parse import RuleError, parse_rule
from bot.alerts.rules import line_of
from bot.handlers.alerts.card import show_card
from bot.handlers.alerts.common import (
    describe,
    own_rule,
    own_tracker,
    say,
    target_refused,
    target_words,
)
from bot.handlers.alerts.draft import (
    COOLDOWNS,
    GUARD_PRESETS,
    KEEP_WORDS,
    KINDS,
    NO_WORDS,
    OP_CODES,
    draft_of_rule,
    is_ratio,
    new_draft,
    next_step,
    read_cooldown,
    read_group,
    read_guards,
    read_measure,
    read_op,
    read_value,
    read_window,
    rule_of_draft,
    set_kind,
    steps_of,
)
from bot.handlers.alerts.listing import show_list
from bot.handlers.alerts.steps import confirm_screen, step_screen
from bot.handlers.chat_target import read_target
from bot.handlers.states import AlertDialog
from bot.handlers.turn import Turn
from bot.i18n import Translator
from bot.ui.screens import Screen
from storage import Tracker
from storage.alerts import MAX_RULES

#: the FSM data key of the dialog's draft
DATA_KEY = "alert"


def explain(t: Translator, error: RuleError) -> str:
    """Why an answer (or a line) is not a rule, in the user's words (HTML)."""
    return t(error.key, word=error.word)


async def draft_of(turn: Turn) -> dict[str, Any] | None:
    """The dialog's draft, None when no dialog is open (a stale button)."""
    if await turn.state.get_state() != AlertDialog.step.state:
        return None
    draft = (await turn.state.get_data()).get(DATA_KEY)
    return dict(draft) if isinstance(draft, dict) else None


async def keep(turn: Turn, draft: dict[str, Any]) -> None:
    await turn.state.update_data({DATA_KEY: draft})


async def end(turn: Turn) -> None:
    """The dialog is over: its state and its draft go, other dialogs' data stays."""
    await turn.state.set_state(None)
    data = await turn.state.get_data()
    if DATA_KEY in data:
        data.pop(DATA_KEY)
        await turn.state.set_data(data)


async def confirm(turn: Turn, draft: dict[str, Any]) -> Screen:
    t = turn.t
    tracker = await turn.services.trackers.get(turn.user.id, int(draft.get("tracker") or 0))
    target = await target_words(t, turn.bot, int(draft.get("chat") or 0), turn.chat,
                                turn.user.id)  # fmt: skip
    name = tracker.name if tracker else "?"
    try:
        rule = rule_of_draft(draft)
    except RuleError as error:
        return confirm_screen(t, draft, "", "", target, name, problem=explain(t, error))
    return confirm_screen(t, draft, describe(t, rule), line_of(rule), target, name)


async def show_step(
    turn: Turn, draft: dict[str, Any], step: str, *, note: str = "", below: bool = False
) -> None:
    """Ask ``step`` (or show the confirm screen, or the list of steps to change)."""
    await turn.state.set_state(AlertDialog.step)
    draft["step"] = step
    if step == "confirm":  # from here on, a changed step comes back to this screen
        draft["review"] = True
    await keep(turn, draft)
    if step == "confirm":
        screen = await confirm(turn, draft)
    else:
        screen = step_screen(turn.t, draft, step, turn.chat, turn.user.id)
    if note:
        screen = Screen(f"{note}\n\n{screen.text}", screen.keyboard)
    await (turn.post(screen) if below else turn.show(screen))


async def start(turn: Turn, tracker: Tracker, *, below: bool = False) -> None:
    """A new rule for ``tracker``, sent here unless changed."""
    await show_step(turn, new_draft(tracker.id, turn.chat), "kind", below=below)


async def on_new(query: CallbackQuery, callback_data: Any, **data: Any) -> None:
    turn = Turn.of(query, data)
    tracker = await own_tracker(turn, callback_data.t)
    if tracker is not None:
        await start(turn, tracker)


async def on_edit(query: CallbackQuery, callback_data: Any, **data: Any) -> None:
    """✏️ on a card (``arg`` ``c``: in place) or under an alert (a new message below it):
    the dialog filled from the rule, at its confirm screen."""
    turn = Turn.of(query, data)
    found = await own_rule(turn, callback_data.r)
    if found is None:
        return
    stored, rule = found
    draft = draft_of_rule(rule, tracker_id=stored.tracker_id, chat_id=stored.chat_id,
                          edit=stored.id)  # fmt: skip
    await show_step(turn, draft, "confirm", below=callback_data.arg != "c")


async def on_choice(query: CallbackQuery, callback_data: Any, **data: Any) -> None:
    """A step's button: ``arg`` is ``<step>.<choice>``."""
    turn = Turn.of(query, data)
    draft = await draft_of(turn)
    if draft is None:
        turn.toast("alerts.dialog_over", alert=True)
        return
    step, _, value = callback_data.arg.partition(".")
    if step != draft.get("step"):  # a button of a step already answered
        turn.toast("alerts.step_moved")
        await show_step(turn, draft, str(draft.get("step") or "kind"))
        return
    await answer(turn, draft, step, value, typed=False)


async def on_goto(query: CallbackQuery, callback_data: Any, **data: Any) -> None:
    """« Back, ✏️ Change a step (``arg`` empty: which one?), a step chosen to change, or back
    to the confirm screen."""
    turn = Turn.of(query, data)
    draft = await draft_of(turn)
    if draft is None:
        turn.toast("alerts.dialog_over", alert=True)
        return
    step = callback_data.arg
    if step == "":
        await show_step(turn, draft, "change")
    elif step == "confirm" or step in steps_of(draft):
        await show_step(turn, draft, step)
    else:
        turn.toast("stale.button")


async def on_typed(message: Message, **data: Any) -> None:
    turn = Turn.of(message, data)
    draft = await draft_of(turn)
    if draft is None:
        return
    step = str(draft.get("step") or "kind")
    if step in ("confirm", "change"):
        await show_step(turn, draft, step, note=turn.t("alerts.use_buttons"))
        return
    await answer(turn, draft, step, message.text or "", typed=True)


async def answer(turn: Turn, draft: dict[str, Any], step: str, text: str, *, typed: bool) -> None:
    """Take one step's answer and ask the next one; a wrong one asks the same step again."""
    kind = str(draft.get("kind"))
    try:
        if step == "kind":
            if typed:  # a whole rule in one line: straight to the confirm screen
                rule = parse_rule(text)
                typed_draft = draft_of_rule(rule, tracker_id=int(draft["tracker"]),
                                            chat_id=int(draft["chat"]),
                                            edit=int(draft.get("edit") or 0))  # fmt: skip
                await show_step(turn, typed_draft, "confirm")
                return
            if text not in KINDS:
                raise RuleError("alert.err.word", text[:40])
            if text == kind and draft.get("review"):
                await show_step(turn, draft, "confirm")
                return
            draft = set_kind(draft, text)
        elif step == "measure":
            draft["measure"] = read_measure(text)
        elif step == "op":
            draft["op"] = read_op(text) if typed else read_op(OP_CODES.get(text, text))
        elif step == "value":
            draft["value"] = read_value(kind, text)
        elif step == "window":
            draft["window"] = read_window(kind, text)
        elif step == "group":
            draft["group"] = read_group(text)
        elif step == "guard":
            if not await take_guard(turn, draft, text, typed=typed):
                return
        elif step == "cooldown":
            draft["cooldown"] = (
                int(text) if not typed and text.isdigit() and int(text) in COOLDOWNS
                else read_cooldown(text)
            )  # fmt: skip
        elif step == "target" and not await take_target(turn, draft, text, typed=typed):
            return
    except RuleError as error:
        await show_step(turn, draft, step, note=explain(turn.t, error))
        return
    await show_step(turn, draft, next_step(draft, step))


async def take_guard(turn: Turn, draft: dict[str, Any], text: str, *, typed: bool) -> bool:
    """The guard step's answer into the draft; False when it asked again instead."""
    word = text.strip().casefold()
    if word == "keep" or (typed and word in KEEP_WORDS):
        return True
    if word == "default":
        draft["guards"] = None
    elif word == "none" or (typed and word in NO_WORDS):
        if is_ratio(draft):  # a ratio on a handful of clicks pages for nothing
            await show_step(turn, draft, "guard", note=turn.t("alerts.guard_needed"))
            return False
        draft["guards"] = []
    elif not typed and word.startswith("p") and word[1:].isdigit():
        index = int(word[1:])
        if index >= len(GUARD_PRESETS):
            raise RuleError("alert.err.word", text[:40])
        draft["guards"] = [list(GUARD_PRESETS[index])]
    else:
        draft["guards"] = read_guards(text)
    return True


async def take_target(turn: Turn, draft: dict[str, Any], text: str, *, typed: bool) -> bool:
    """Where the alerts go: this chat, the user's private chat, or a group typed by its id
    that the user administers and the bot is in. False when it asked again instead."""
    if typed:
        found = await read_target(turn.t, turn.bot, text, turn.user.id, texts="alerts")
        if found.refusal:
            await show_step(turn, draft, "target", note=found.refusal)
            return False
        draft["chat"] = found.chat_id
        return True
    chat = turn.user.id if text == "me" else turn.chat
    problem = await target_refused(turn, chat)
    if problem is not None:
        turn.toast(problem, alert=True, chat=chat)
        return False
    draft["chat"] = chat
    return True


async def on_save(query: CallbackQuery, **data: Any) -> None:
    turn = Turn.of(query, data)
    draft = await draft_of(turn)
    if draft is None:
        turn.toast("alerts.dialog_over", alert=True)
        return
    try:
        rule = rule_of_draft(draft)
    except RuleError:
        await show_step(turn, draft, "confirm")
        return
    chat = int(draft.get("chat") or turn.chat)
    problem = await target_refused(turn, chat)  # they may have lost the rights since
    if problem is not None:
        turn.toast(problem, alert=True, chat=chat)
        return
    alerts, owner = turn.services.alerts, turn.user.id
    edit = int(draft.get("edit") or 0)
    if edit:
        before = await alerts.get(owner, edit)
        if before is None:
            await end(turn)
            await say(turn, "alerts.not_yours")
            return
        # a changed spec starts the rule afresh (the storage forgets what it saw): only then
        changes: dict[str, Any] = {}
        if before.spec != rule.to_json():
            changes["spec"] = rule.to_json()
        if before.chat_id != chat:
            changes["chat_id"] = chat
        if changes:
            await alerts.update(owner, edit, **changes)
        rule_id: int | None = edit
    else:
        rule_id = await alerts.create(owner, int(draft.get("tracker") or 0), chat, rule.to_json())
        if rule_id is None:
            note = turn.t("alerts.create_refused", n=MAX_RULES)
            await show_step(turn, draft, "confirm", note=note)
            return
    await end(turn)
    await show_card(turn, rule_id, note=turn.t("alerts.saved"))


async def on_cancel(query: CallbackQuery, **data: Any) -> None:
    """❌ Cancel: nothing saved; back to the rule's card (an edit) or the list."""
    turn = Turn.of(query, data)
    draft = (await turn.state.get_data()).get(DATA_KEY) or {}
    await end(turn)
    note = turn.t("alerts.cancelled")
    if draft.get("edit"):
        await show_card(turn, int(draft["edit"]), note=note)
        return
    await show_list(turn, int(draft.get("tracker") or 0), note=note)


async def on_not_text(message: Message, **data: Any) -> None:
    """A sticker or a photo where an answer is wanted: the step keeps waiting."""
    await message.answer(data["t"]("alerts.type_it"))
