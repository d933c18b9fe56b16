"""The Bot API methods the fake server answers, one small function each.

Each takes the server and the call's `Params`, returns the `result` Telegram would return, or
raises `ApiError` with Telegram's status and wording. They are registered by name in
`METHODS` (case-insensitive, like Telegram's router).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .errors import ApiError, bad_request
from .markup import check_reply_markup
from .params import Params, Upload
from .store import ChatState, StoredFile, commands_key, image_kind, image_size, public

if TYPE_CHECKING:
    from .telegram import FakeTelegram

Method = Callable[["FakeTelegram", Params], Any]
METHODS: dict[str, Method] = {}

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
MAX_UPLOAD = 50 * 1024 * 1024
MAX_PHOTO = 10 * 1024 * 1024
CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_CONTENT_KEYS = ("text", "entities", "caption", "caption_entities", "source", "parse_mode")
_MEDIA_KEYS = ("photo", "document")


def api(name: str) -> Callable[[Method], Method]:
    def register(function: Method) -> Method:
        METHODS[name.lower()] = function
        return function

    return register


# ----- shared pieces --------------------------------------------------------------------------


def _text(tg: FakeTelegram, p: Params) -> dict[str, Any]:
    source = p.text("text")
    parse_mode = p.text("parse_mode")
    visible, entities = tg.render(source, parse_mode, p.obj("entities"), caption=False)
    content: dict[str, Any] = {"text": visible}
    if entities:
        content["entities"] = entities
    content["source"], content["parse_mode"] = source, parse_mode
    return content


def _caption(tg: FakeTelegram, p: Params) -> dict[str, Any]:
    source = p.text("caption")
    if not source:
        return {}
    parse_mode = p.text("parse_mode")
    visible, entities = tg.render(source, parse_mode, p.obj("caption_entities"), caption=True)
    content: dict[str, Any] = {"caption": visible} if visible else {}
    if entities:
        content["caption_entities"] = entities
    content["source"], content["parse_mode"] = source, parse_mode
    return content


def _markup(state: ChatState, p: Params) -> dict[str, Any]:
    """Inline keyboards travel with the message; reply keyboards stay with the chat."""
    markup = check_reply_markup(p.obj("reply_markup"))
    if markup is None:
        return {}
    if "inline_keyboard" in markup:
        return {"reply_markup": markup}
    state.reply_keyboard = None if markup.get("remove_keyboard") else markup
    return {}


def _reply_to(state: ChatState, p: Params) -> dict[str, Any]:
    reply = p.obj("reply_parameters") or {}
    message_id = reply.get("message_id") or p.integer("reply_to_message_id")
    if not message_id:
        return {}
    original = state.messages.get(int(message_id))
    if original is None:
        if reply.get("allow_sending_without_reply") or p.flag("allow_sending_without_reply"):
            return {}
        raise bad_request("message to be replied not found")
    return {"reply_to_message": public(original)}


def _own_message(state: ChatState, p: Params, tg: FakeTelegram, missing: str) -> dict[str, Any]:
    if p.has("inline_message_id") and not p.has("chat_id"):
        raise bad_request("MESSAGE_ID_INVALID")
    message = state.messages.get(p.require_int("message_id"))
    if message is None:
        raise bad_request(missing)
    if message.get("from", {}).get("id") != tg.bot_id:
        raise bad_request("message can't be edited")
    return message


def _same_content(old: dict[str, Any], new: dict[str, Any]) -> bool:
    keys = ("text", "entities", "caption", "caption_entities", "reply_markup")
    return all(old.get(key) == new.get(key) for key in keys)


def _edited(tg: FakeTelegram, state: ChatState, old: dict[str, Any], new: dict[str, Any]) -> Any:
    if _same_content(old, new):
        raise bad_request(NOT_MODIFIED)
    tg.spend_rate("edit")
    new["edit_date"] = tg.now()
    return public(tg.replace(state, new))


def _without(message: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: value for key, value in message.items() if key not in keys}


def _input_file(tg: FakeTelegram, value: Upload | str | None, field: str) -> StoredFile:
    """An uploaded file (checked and stored) or a file_id Telegram already has."""
    folder = "photos" if field == "photo" else "documents"
    if value is None:
        raise bad_request(f"there is no {field} in the request")
    if isinstance(value, str):
        stored = tg.files.by_id.get(value)
        if stored is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        if not stored.file_path.startswith(folder):
            kind = stored.file_path.split("/")[0].rstrip("s").capitalize()
            raise bad_request(f"can't use file of type {kind} as {field.capitalize()}")
        return stored
    if not value.content:
        raise bad_request("file must be non-empty")
    if len(value.content) > (MAX_PHOTO if field == "photo" else MAX_UPLOAD):
        raise ApiError(413, "Request Entity Too Large")
    if field == "photo":
        if image_kind(value.content) is None:
            raise bad_request("IMAGE_PROCESS_FAILED")
        width, height = image_size(value.content)
        if width + height > 10000 or max(width, height) > 20 * max(min(width, height), 1):
            raise bad_request("PHOTO_INVALID_DIMENSIONS")
    return tg.files.add(value.name, value.content, folder, save=True)


def _media_content(stored: StoredFile, field: str) -> dict[str, Any]:
    content: dict[str, Any] = {
        field: stored.as_photo() if field == "photo" else stored.as_document()
    }
    if stored.saved_to is not None:
        content["saved_to"] = str(stored.saved_to)
    return content


# ----- identity, webhook, commands ------------------------------------------------------------


@api("getMe")
def get_me(tg: FakeTelegram, p: Params) -> Any:
    return {
        **tg.me,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


@api("logOut")
@api("close")
def log_out(tg: FakeTelegram, p: Params) -> Any:
    return True


@api("setWebhook")
def set_webhook(tg: FakeTelegram, p: Params) -> Any:
    tg.webhook_url = p.text("url", "") or ""
    tg.webhook_secret = p.text("secret_token", "") or ""
    tg.webhook_updates = list(p.obj("allowed_updates", []) or [])
    return True


@api("deleteWebhook")
def delete_webhook(tg: FakeTelegram, p: Params) -> Any:
    tg.webhook_url = ""
    if p.flag("drop_pending_updates"):
        tg.updates.clear()
    return True


@api("getWebhookInfo")
def get_webhook_info(tg: FakeTelegram, p: Params) -> Any:
    return {
        "url": tg.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": len(tg.updates),
    }


@api("getUpdates")
def get_updates(tg: FakeTelegram, p: Params) -> Any:
    return tg.take_updates(p)


def _commands_target(p: Params) -> tuple[dict[str, Any] | None, str]:
    language = p.text("language_code", "") or ""
    if language and not re.fullmatch(r"[a-z]{2}", language):
        raise bad_request("LANGUAGE_CODE_INVALID")
    return p.obj("scope"), language


@api("setMyCommands")
def set_my_commands(tg: FakeTelegram, p: Params) -> Any:
    commands = p.obj("commands")
    if not isinstance(commands, list):
        raise bad_request("commands is empty")
    if len(commands) > 100:
        raise bad_request("BOT_COMMANDS_TOO_MUCH")
    for command in commands:
        if not _COMMAND_NAME.fullmatch(str(command.get("command", ""))):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    scope, language = _commands_target(p)
    tg.commands[commands_key(scope, language)] = [
        {"command": item["command"], "description": item["description"]} for item in commands
    ]
    return True


@api("getMyCommands")
def get_my_commands(tg: FakeTelegram, p: Params) -> Any:
    scope, language = _commands_target(p)
    return tg.commands_for(language, scope)


@api("deleteMyCommands")
def delete_my_commands(tg: FakeTelegram, p: Params) -> Any:
    scope, language = _commands_target(p)
    tg.commands.pop(commands_key(scope, language), None)
    return True


@api("setMyName")
@api("setMyDescription")
@api("setMyShortDescription")
def set_profile_text(tg: FakeTelegram, p: Params) -> Any:
    language = p.text("language_code", "") or ""
    tg.profile.setdefault(language, {}).update(
        {key: value for key, value in p.raw.items() if key != "language_code"}
    )
    return True


@api("setChatMenuButton")
def set_chat_menu_button(tg: FakeTelegram, p: Params) -> Any:
    button = p.obj("menu_button") or {"type": "default"}
    if p.has("chat_id"):
        tg.resolve_chat(p).menu_button = button
    else:
        tg.default_menu_button = button
    return True


@api("getChatMenuButton")
def get_chat_menu_button(tg: FakeTelegram, p: Params) -> Any:
    if p.has("chat_id"):
        return tg.resolve_chat(p).menu_button or tg.default_menu_button
    return tg.default_menu_button


# ----- chats ------------------------------------------------------------------------------------


@api("getChat")
def get_chat(tg: FakeTelegram, p: Params) -> Any:
    gifts = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
    return {
        **tg.resolve_chat(p).chat,
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": {**dict.fromkeys(gifts, True), "gifts_from_channels": False},
    }


@api("getChatMember")
def get_chat_member(tg: FakeTelegram, p: Params) -> Any:
    state = tg.resolve_chat(p)
    user_id = p.require_int("user_id")
    user = tg.me if user_id == tg.bot_id else tg.users.get(user_id)
    if user is None:
        user = {"id": user_id, "is_bot": False, "first_name": str(user_id)}
    if user_id not in tg.admins.get(state.chat["id"], set()):
        return {"status": "member", "user": user}
    rights = (
        "can_manage_chat",
        "can_delete_messages",
        "can_manage_video_chats",
        "can_restrict_members",
        "can_promote_members",
        "can_change_info",
        "can_invite_users",
        "can_post_stories",
        "can_edit_stories",
        "can_delete_stories",
        "can_send_welcome_messages",
    )
    return {
        "status": "administrator",
        "user": user,
        "can_be_edited": False,
        "is_anonymous": False,
        **dict.fromkeys(rights, True),
    }


@api("sendChatAction")
def send_chat_action(tg: FakeTelegram, p: Params) -> Any:
    state = tg.writable_chat(p)
    action = p.text("action")
    if action not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    state.actions.append(action)
    tg.emit("action", state.chat["id"], {"action": action})
    return True


# ----- messages -------------------------------------------------------------------------------


@api("sendMessage")
def send_message(tg: FakeTelegram, p: Params) -> Any:
    state = tg.writable_chat(p)
    content = {**_text(tg, p), **_markup(state, p), **_reply_to(state, p)}
    tg.spend_rate("send")
    return public(tg.post(state, content))


@api("editMessageText")
def edit_message_text(tg: FakeTelegram, p: Params) -> Any:
    state = tg.writable_chat(p)
    old = _own_message(state, p, tg, "message to edit not found")
    if "text" not in old:
        raise bad_request("there is no text in the message to edit")
    new = {**_without(old, (*_CONTENT_KEYS, "reply_markup", "edit_date")), **_text(tg, p)}
    markup = check_reply_markup(p.obj("reply_markup"), inline_only=True)
    if markup is not None:  # no reply_markup in the edit removes the keyboard, as on Telegram
        new["reply_markup"] = markup
    return _edited(tg, state, old, new)


@api("editMessageCaption")
def edit_message_caption(tg: FakeTelegram, p: Params) -> Any:
    state = tg.writable_chat(p)
    old = _own_message(state, p, tg, "message to edit not found")
    if not any(key in old for key in _MEDIA_KEYS):
        raise bad_request("there is no caption in the message to edit")
    new = {**_without(old, (*_CONTENT_KEYS, "reply_markup", "edit_date")), **_caption(tg, p)}
    markup = check_reply_markup(p.obj("reply_markup"), inline_only=True)
    if markup is not None:
        new["reply_markup"] = markup
    return _edited(tg, state, old, new)


@api("editMessageReplyMarkup")
def edit_message_reply_markup(tg: FakeTelegram, p: Params) -> Any:
    state = tg.writable_chat(p)
    old = _own_message(state, p, tg, "message to edit not found")
    new = _without(old, ("reply_markup", "edit_date"))
    markup = check_reply_markup(p.obj("reply_markup"), inline_only=True)
    if markup is not None:
        new["reply_markup"] = markup
    return _edited(tg, state, old, new)


def _delete(tg: FakeTelegram, state: ChatState, message_id: int) -> bool:
    if state.messages.pop(message_id, None) is None:
        return False
    state.deleted.append(message_id)
    tg.emit("deleted", state.chat["id"], {"message_id": message_id})
    return True


@api("deleteMessage")
def delete_message(tg: FakeTelegram, p: Params) -> Any:
    state = tg.resolve_chat(p)
    if not _delete(tg, state, p.require_int("message_id")):
        raise bad_request("message to delete not found")
    return True


@api("deleteMessages")
def delete_messages(tg: FakeTelegram, p: Params) -> Any:
    state = tg.resolve_chat(p)
    ids = p.obj("message_ids")
    if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
        raise bad_request("message_ids must contain 1-100 identifiers")
    for message_id in ids:
        _delete(tg, state, int(message_id))  # missing ones are skipped, as documented
    return True


@api("answerCallbackQuery")
def answer_callback_query(tg: FakeTelegram, p: Params) -> Any:
    query = tg.pending_callbacks.pop(p.text("callback_query_id") or "", None)
    if query is None:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = p.text("text") or ""
    if len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    answer = {"text": text, "show_alert": p.flag("show_alert"), "url": p.text("url")}
    tg.callback_answers[query["id"]] = answer
    chat_id = query["message"]["chat"]["id"]
    tg.emit("answer", chat_id, {"callback_query_id": query["id"], **answer})
    return True


@api("pinChatMessage")
def pin_chat_message(tg: FakeTelegram, p: Params) -> Any:
    state = tg.resolve_chat(p)
    message_id = p.require_int("message_id")
    if message_id not in state.messages:
        raise bad_request("message to pin not found")
    state.pinned = message_id
    return True


@api("unpinChatMessage")
def unpin_chat_message(tg: FakeTelegram, p: Params) -> Any:
    tg.resolve_chat(p).pinned = None
    return True


# ----- files ------------------------------------------------------------------------------------


def _send_media(tg: FakeTelegram, p: Params, field: str) -> Any:
    state = tg.writable_chat(p)
    caption = _caption(tg, p)
    markup, reply = _markup(state, p), _reply_to(state, p)
    stored = _input_file(tg, p.file(field), field)
    tg.spend_rate("send")
    return public(tg.post(state, {**_media_content(stored, field), **caption, **markup, **reply}))


@api("sendDocument")
def send_document(tg: FakeTelegram, p: Params) -> Any:
    return _send_media(tg, p, "document")


@api("sendPhoto")
def send_photo(tg: FakeTelegram, p: Params) -> Any:
    return _send_media(tg, p, "photo")


@api("sendMediaGroup")
def send_media_group(tg: FakeTelegram, p: Params) -> Any:
    state = tg.writable_chat(p)
    media = p.obj("media")
    if not isinstance(media, list) or not 2 <= len(media) <= 10:
        raise bad_request("wrong number of media in the album (2-10 expected)")
    kinds = {item.get("type") for item in media}
    if not kinds <= {"photo", "document"}:
        raise bad_request("only photo and document albums are emulated")
    if len(kinds) > 1:
        raise bad_request("document can't be mixed with other media types")
    prepared = []
    for item in media:
        field = item["type"]
        stored = _input_file(tg, p.attachment(str(item.get("media", ""))), field)
        item_params = Params({**item, "parse_mode": item.get("parse_mode", p.text("parse_mode"))})
        prepared.append({**_media_content(stored, field), **_caption(tg, item_params)})
    group = f"{tg.bot_id}{len(tg.calls):012d}"
    messages = []
    for content in prepared:
        tg.spend_rate("send")
        messages.append(public(tg.post(state, {**content, "media_group_id": group})))
    return messages


@api("getFile")
def get_file(tg: FakeTelegram, p: Params) -> Any:
    stored = tg.files.by_id.get(p.text("file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    return stored.as_file()


# ----- copies -------------------------------------------------------------------------------------


def _original(tg: FakeTelegram, p: Params, missing: str) -> dict[str, Any]:
    source = tg.resolve_chat(p, "from_chat_id")
    message = source.messages.get(p.require_int("message_id"))
    if message is None:
        raise bad_request(missing)
    return message


@api("copyMessage")
def copy_message(tg: FakeTelegram, p: Params) -> Any:
    original = _original(tg, p, "message to copy not found")
    state = tg.writable_chat(p)
    keys = (*_CONTENT_KEYS, *_MEDIA_KEYS)
    content = {key: original[key] for key in keys if key in original}
    if p.has("caption"):
        content = {**_without(content, _CONTENT_KEYS), **_caption(tg, p)}
    content.update(_markup(state, p))
    tg.spend_rate("copy")
    return {"message_id": tg.post(state, content)["message_id"]}


@api("forwardMessage")
def forward_message(tg: FakeTelegram, p: Params) -> Any:
    original = _original(tg, p, "message to forward not found")
    state = tg.writable_chat(p)
    keys = (*_CONTENT_KEYS, *_MEDIA_KEYS)
    content = {key: original[key] for key in keys if key in original}
    origin = {"type": "user", "sender_user": original.get("from", tg.me), "date": original["date"]}
    tg.spend_rate("forward")
    return public(tg.post(state, {**content, "forward_origin": origin}))
