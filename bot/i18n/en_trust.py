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
}
