"""Texts of writes that happen once, confirmations that expire, and group chats."""

TEXTS: dict[str, str] = {
    "confirm.again": (
        "⏳ <b>Nothing was done.</b> This confirmation was from an earlier screen or is more "
        "than two minutes old: check it as it is now and confirm again."
    ),
    "confirm.again_short": "Nothing was done: confirm again",
    "writes.unclear": (
        "⚠️ This was already sent at {when}, but no answer came back (the bot was restarted, "
        "or the tracker did not reply), and the tracker does not show whether it went through. "
        "Sending again may do it twice."
    ),
    "writes.already": (
        "✅ <b>Already done.</b> The attempt at {when} went through: the tracker shows it. "
        "Nothing was sent again."
    ),
    "writes.checked": "🔎 Checked the tracker at {when}.",
    "writes.still_unclear": "Still not shown in the tracker",
    "writes.b.check": "🔄 Check the tracker again",
    "writes.b.send_anyway": "⚠️ Send anyway",
    "group.key_refused": (
        "🔐 Never send an API key in a group: every member has seen it, even after I delete the "
        "message. Revoke that key in the tracker now (Profile → API keys), make a new one and "
        "send it to me in a private chat: {bot}."
    ),
    "group.connect_private": (
        "🔐 Trackers are connected in a private chat, where the key stays between us: open {bot} "
        "and send /connect there."
    ),
    "group.not_yours": "This screen belongs to another member. Send /menu to open your own.",
    "cancel.stopped": "⏹ Stopped: I no longer wait for the tracker's answer.",
}
