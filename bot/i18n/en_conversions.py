"""English texts of /conversion and /click (HTML). ru_conversions.py has the same keys."""

TEXTS: dict[str, str] = {
    # the dialog
    "cv.title": "🧾 <b>New conversion</b> ({n}/{of}).",
    "cv.ask_click_id": "Send the click id (subid).",
    "cv.ask_click_again": "Send another click id, or go on with this one.",
    "cv.ask_status": "Status? Tap one, or type your own (e.g. <code>hold</code>).",
    "cv.ask_revenue": "Revenue? (e.g. <code>25</code> or <code>12,5</code>)",
    "cv.ask_currency": "Currency? Tap one or type three letters (e.g. GBP).",
    "cv.ask_extras": "Transaction id and comment are optional.",
    "cv.ask_tid": (
        "Send the transaction id. A new one makes a separate conversion on the same click."
    ),
    "cv.ask_comment": "Send the comment.",
    "cv.ask_change": "What do you want to change?",
    "cv.ask_postback_key": (
        "📮 To send conversions I need the tracker's postback key, once. Send the postback URL "
        "(Keitaro → Maintenance → Settings → Postback URL) or just the key. I delete your "
        "message as soon as I have read it and keep the key encrypted."
    ),
    "cv.click_found": "✅ Click found: {campaign}, {time}, {country}.",
    "cv.click_missing": (
        "⚠️ The click log has no click <code>{click_id}</code> in the last {days:p:day|days}. The "
        "tracker ignores a conversion for a click it does not have."
    ),
    "cv.click_unchecked": "⚠️ The click log could not be read: {reason}",
    "cv.summary_click": "click <code>{click_id}</code>",
    "cv.summary_tid": "tid <code>{tid}</code>",
    "cv.summary_comment": "comment: {comment}",
    "cv.summary_extra": "also: {params}",
    "cv.status_default": "sale (no status)",
    "cv.offer_payout": "the offer's payout",
    "cv.custom_status": (
        "ℹ️ “{status}” is not one of Keitaro's statuses: the tracker maps it by its status lists "
        "(an unknown one becomes lead)."
    ),
    "cv.card_title": "🧾 <b>Check:</b>",
    "cv.unfinished": (
        "🧾 You have an unfinished conversion (or send a click id to start a new one):"
    ),
    # wrong answers
    "cv.bad_click_id": "✏️ A click id is one word of up to 128 characters. Send it again.",
    "cv.bad_status": "✏️ A status is one word of up to 64 characters. Send it again.",
    "cv.bad_revenue": (
        "✏️ The revenue must be a number, like <code>25</code> or <code>12,5</code>. Send it again."
    ),
    "cv.bad_currency": "✏️ A currency is three letters, like USD or EUR. Send it again.",
    "cv.bad_tid": "✏️ A transaction id is one word of up to 128 characters. Send it again.",
    "cv.bad_comment": "✏️ The comment is too long (1 000 characters at most). Send it again.",
    "cv.line_usage": (
        "✏️ That is more than one line can hold: click id, status, revenue, currency."
    ),
    "cv.json_bad": "✏️ That is not valid JSON ({detail}). Nothing was sent.",
    "cv.json_not_object": "✏️ The JSON must be an object in braces. Nothing was sent.",
    "cv.json_no_click": ("✏️ The JSON has no <code>click_id</code> (or subid). Nothing was sent."),
    "cv.json_invalid": "✏️ Some values in the JSON are wrong. Nothing was sent:",
    "cv.usage": (
        "One line: <code>/conversion &lt;click_id&gt; &lt;status&gt; &lt;revenue&gt; "
        "[currency]</code>\n"
        'JSON: <code>/conversion &#123;"click_id": "3b7k2a9f1c8e", "status": "sale", '
        '"revenue": 12.5&#125;</code>\n'
        "Or just /conversion to be asked step by step."
    ),
    # buttons
    "cv.status_lead": "Lead",
    "cv.status_sale": "Sale",
    "cv.status_rejected": "Rejected",
    "cv.status_rebill": "Rebill",
    "cv.b_skip": "Skip",
    "cv.b_skip_revenue": "Skip: the offer's payout",
    "cv.b_add_tid": "Add tid",
    "cv.b_add_comment": "Add comment",
    "cv.b_done": "Done",
    "cv.b_card": "Back to the card",
    "cv.b_anyway": "Send anyway",
    "cv.b_send": "Send",
    "cv.b_retry": "Send again",
    "cv.b_change": "Change",
    "cv.b_resume": "Continue",
    "cv.b_new": "Start over",
    "cv.b_check_again": "Check again",
    "cv.field_click_id": "Click id",
    "cv.field_status": "Status",
    "cv.field_revenue": "Revenue",
    "cv.field_currency": "Currency",
    "cv.field_tid": "Tid",
    "cv.field_comment": "Comment",
    # after sending
    "cv.sent": "⏳ Sent, waiting for the tracker to record it…",
    "cv.recorded": "✅ Recorded: conversion #{id} · {status} · {revenue} · {campaign}",
    "cv.not_yet": (
        "🕓 The tracker accepted it (Success) but has not shown it in the conversion log yet; "
        "check later."
    ),
    "cv.still_not": "Not in the conversion log yet.",
    "cv.check_gone": (
        "I no longer keep this conversion (the bot restarted). Look the click up with "
        "/click and its id."
    ),
    # /click
    "click.ask": "🖱 Send the click id (subid) to see its trail.",
    "click.not_found": (
        "🔍 The click log has no click <code>{sub_id}</code> in the last {days:p:day|days}."
    ),
    "click.title": "🖱 <b>Click</b> <code>{sub_id}</code>",
    "click.when": "🕓 {time} · {country}",
    "click.campaign": "🎯 Campaign: {name}",
    "click.stream": "🔀 Stream: {name}",
    "click.landing": "📄 Landing: {name}",
    "click.offer": "💼 Offer: {name}",
    "click.source": "📡 Source: {name}",
    "click.device": "📱 {device} · {os} · {browser}",
    "click.ip": "🌐 IP {ip}",
    "click.bot": "🤖 marked as a bot",
    "click.conversions": "🧾 <b>Conversions</b> ({count}):",
    "click.no_conversions": "🧾 No conversions.",
    "click.conversion": "#{id} · {history} · {revenue} · {time}",
    "click.original": "raw “{status}”",
    "click.conversions_failed": "🧾 The conversion log could not be read: {reason}",
}
