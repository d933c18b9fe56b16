"""English texts of /alerts and /alert: the list, a rule's card, the dialog, Test, the
buttons under an alert, quiet hours, and why a line is not a rule."""

TEXTS: dict[str, str] = {
    # the list
    "alerts.title": "<b>🔔 Alerts · {tracker}</b>",
    "alerts.page": "page {page} of {pages}",
    "alerts.line": "{number}. {icon} {rule} — <i>{state}</i>",
    "alerts.line_broken": "{number}. ⚠️ a rule that no longer reads: open it to delete it",
    "alerts.state_watching": "watching",
    "alerts.state_firing": "firing for {what}",
    "alerts.state_muted": "{what} muted",
    "alerts.state_paused": "paused",
    "alerts.empty": (
        "No rules yet. A rule watches the tracker and tells you when something needs you: a "
        "campaign burning money, traffic gone, an offer at its cap, the tracker down."
    ),
    "alerts.examples": (
        "One line is enough:\n"
        "<code>/alert roi &lt; -30</code> — ROI below −30% today (once spend is $10)\n"
        "<code>/alert profit &lt; -50 spend &gt;= 20</code> — a campaign losing $50 today\n"
        "<code>/alert clicks = 0 30m</code> — an active campaign without clicks for 30 min\n"
        "<code>/alert cost &gt;= 30 conversions = 0</code> — $30 spent, not one conversion\n"
        "<code>/alert cr drop 50%</code> — CR at half of the last 7 days' or less\n"
        "<code>/alert cap 90%</code> — an offer at 90% of its daily cap\n"
        "<code>/alert domains 7d</code> — a domain failing, or its SSL ending within 7 days\n"
        "<code>/alert down 10m</code> — the tracker not answering for 10 minutes\n"
        "Or build one step by step: ➕ New rule."
    ),
    "alerts.examples_short": (
        "For example:\n"
        "<code>/alert roi &lt; -30</code> — ROI below −30% today\n"
        "<code>/alert clicks = 0 30m</code> — an active campaign without clicks for 30 min\n"
        "<code>/alert cost &gt;= 30 conversions = 0</code> — $30 spent, not one conversion\n"
        "/alert alone builds a rule step by step."
    ),
    "alerts.quiet_line": "🌙 Quiet hours: {hours}",
    "alerts.quiet_hours": "{start}–{end} ({zone})",
    "alerts.quiet_none": "off",
    "alerts.b_new": "➕ New rule",
    "alerts.b_quiet": "🌙 Quiet hours",
    "alerts.b_prev": "« Prev",
    "alerts.b_next": "Next »",
    "alerts.no_tracker": "Connect a tracker first: /connect",
    "alerts.tracker_gone": "That tracker is not one of yours (any more): nothing was changed.",
    "alerts.not_yours": "This is not your rule (or it was deleted): nothing was changed.",
    "alerts.n.campaign": "{n:p:campaign|campaigns}",
    "alerts.n.offer": "{n:p:offer|offers}",
    "alerts.n.source": "{n:p:source|sources}",
    "alerts.n.country": "{n:p:country|countries}",
    "alerts.n.domain": "{n:p:domain|domains}",
    "alerts.n.tracker": "{n:p:tracker|trackers}",
    "alerts.minutes": "{n} min",
    "alerts.hours": "{n} h",
    "alerts.days": "{n:p:day|days}",
    "alerts.on": "on",
    "alerts.off": "off",
    "alerts.and_more": "and {n} more",
    # the card
    "alerts.card_title": "<b>🔔 Rule #{number}</b> · {tracker}",
    "alerts.card_watching": "🟢 Watching: nothing fires now",
    "alerts.card_firing": "🔴 Firing for {what}: {names}",
    "alerts.card_muted": "🔕 Muted for {what}",
    "alerts.card_paused": "⏸ Paused: it tells nothing until resumed",
    "alerts.card_target": "🎯 Sends to: {target}",
    "alerts.card_cooldown": "⏱ Reminds every {every} while it lasts",
    "alerts.card_recovery": "✅ Says when it is over: {state}",
    "alerts.card_auto": "🤖 Pauses the campaign itself: {state} (at most {n} an hour)",
    "alerts.target_here": "this chat",
    "alerts.target_private": "your private chat with me",
    "alerts.target_group": "{title} (chat {chat})",
    "alerts.target_chat": "chat {chat}",
    "alerts.b_edit": "✏️ Edit",
    "alerts.b_pause": "⏸ Pause",
    "alerts.b_resume": "▶️ Resume",
    "alerts.b_test": "🧪 Test",
    "alerts.b_delete": "🗑 Delete",
    "alerts.b_recovery": "✅ When over: {state}",
    "alerts.b_auto": "🤖 Auto-pause: {state}",
    "alerts.b_back": "« Back",
    "alerts.paused": "⏸ Paused",
    "alerts.resumed": "▶️ Watching again",
    "alerts.saved": "✅ Saved. It watches from now on.",
    "alerts.delete_ask": "🗑 <b>Delete rule #{number}?</b>\n{rule}",
    "alerts.b_delete_yes": "🗑 Yes, delete",
    "alerts.b_delete_no": "No",
    "alerts.deleted": "🗑 Deleted",
    "alerts.deleted_note": "🗑 Rule #{number} is deleted.",
    "alerts.create_refused": (
        "⚠️ Not saved: this tracker is not one of yours any more, or it has {n} rules "
        "already (the most one tracker can have). Delete one in /alerts first."
    ),
    # the dialog
    "alerts.dialog_new": "<b>🔔 New alert rule</b> · step {step} of {steps}",
    "alerts.dialog_edit": "<b>✏️ Rule #{number}</b> · change",
    "alerts.dialog_change": "<b>🔔 New alert rule</b> · change",
    "alerts.dialog_over": "This dialog is over. Open /alerts again.",
    "alerts.step_moved": "That step is answered already: here is the current one.",
    "alerts.ask_kind": (
        "What should it watch?\n<i>Or type the whole rule in one line, e.g.</i> "
        "<code>roi &lt; -30</code>"
    ),
    "alerts.kind_threshold": "📉 A number crosses a line",
    "alerts.kind_no_traffic": "🚫 No traffic",
    "alerts.kind_drop": "📊 A drop against the last 7 days",
    "alerts.kind_spend": "💸 Spend without conversions",
    "alerts.kind_cap": "🧢 An offer near its cap",
    "alerts.kind_domain": "🌐 Domain trouble",
    "alerts.kind_down": "🆘 The tracker down",
    "alerts.ask_measure": "Which number? (or type it: roi, cr, profit…)",
    "alerts.ask_drop_measure": "A drop of which number? (or type it)",
    "alerts.ask_op": "{measure} — when it is…",
    "alerts.ask_value": (
        "{measure} {op} what? Send the number ({unit}), e.g. <code>{example}</code>"
    ),
    "alerts.unit_money": "in dollars",
    "alerts.unit_percent": "in percent",
    "alerts.unit_count": "a count",
    "alerts.now": "Now: {value}",
    "alerts.ask_value_drop": (
        "{measure} below the same hours of the last 7 days by how much? Pick or type a "
        "percentage (1–100)."
    ),
    "alerts.ask_value_spend": (
        "Tell me when a campaign has spent how much without a conversion? Pick or type an "
        "amount in dollars."
    ),
    "alerts.ask_value_cap": (
        "Tell me when an offer has reached what share of its daily cap? Pick or type a "
        "percentage (1–100)."
    ),
    "alerts.ask_value_domain": (
        "Besides a failing domain or SSL: tell me how many days before its SSL certificate "
        "ends? Pick or type 1–90."
    ),
    "alerts.ask_value_down": (
        "Tell me when the tracker has not answered for how many minutes? Pick or type 1–1440."
    ),
    "alerts.ask_window": (
        "Over what time? Today and yesterday count as /stats counts them; a sliding window "
        "is the last minutes or hours (type e.g. <code>45m</code> or <code>2h</code>)."
    ),
    "alerts.ask_window_silent": (
        "No clicks for how long? (type e.g. <code>45m</code> or <code>2h</code>)\n"
        "<i>Only campaigns whose last day promised clicks in that time count.</i>"
    ),
    "alerts.ask_group": "Per what? Each one is judged on its own.",
    "alerts.g_campaign": "🎯 Campaign",
    "alerts.g_offer": "💼 Offer",
    "alerts.g_source": "📣 Traffic source",
    "alerts.g_country": "🌍 Country",
    "alerts.ask_guard": (
        "Only when… A second condition that must hold too, so that a few clicks page no one. "
        "Type your own, e.g. <code>spend &gt;= 20</code> or <code>clicks &gt;= 200</code>."
    ),
    "alerts.guard_ratio": "Now: {guard} (a ratio always has one).",
    "alerts.guard_now": "Now: {guard}.",
    "alerts.guard_none_now": "Now: no second condition.",
    "alerts.guard_needed": (
        "A ratio needs a second condition: on a handful of clicks it swings for nothing."
    ),
    "alerts.b_guard_keep": "✅ Keep: {guard}",
    "alerts.b_guard_none_kept": "✅ No second condition",
    "alerts.b_guard_default": "↩️ The default: {guard}",
    "alerts.b_guard_none": "✖️ No second condition",
    "alerts.ask_cooldown": (
        "While it lasts, remind me every… (or type e.g. <code>90m</code>, <code>1d</code>)"
    ),
    "alerts.ask_target": (
        "Where should its alerts go? To another group, send its chat id (like "
        "-1001234567890): you must be its administrator and I a member."
    ),
    "alerts.b_target_here": "📍 This chat",
    "alerts.b_target_me": "👤 My private chat",
    "alerts.bad_target": "“{value}” is not a chat id: a number like -1001234567890.",
    "alerts.target_not_admin": (
        "You are not an administrator of chat {chat} (or I cannot see it), so I will not send "
        "alerts there. Ask an administrator, or choose this chat."
    ),
    "alerts.target_no_bot": "I am not a member of chat {chat}. Add me there, then retry.",
    "alerts.confirm_new": "<b>🔔 New alert rule · check it</b> · {tracker}",
    "alerts.confirm_edit": "<b>✏️ Rule #{number} · check it</b> · {tracker}",
    "alerts.b_save": "✅ Save",
    "alerts.b_change": "✏️ Change a step",
    "alerts.b_cancel": "❌ Cancel",
    "alerts.ask_change": "Which step?",
    "alerts.step_kind": "What it watches",
    "alerts.step_measure": "The number",
    "alerts.step_op": "The condition",
    "alerts.step_value": "The threshold",
    "alerts.step_window": "The time",
    "alerts.step_group": "Per what",
    "alerts.step_guard": "Only when",
    "alerts.step_cooldown": "Reminders",
    "alerts.step_target": "Where it sends",
    "alerts.use_buttons": "Use the buttons below (or ✏️ Change a step).",
    "alerts.type_it": "Type the answer as text, or use the buttons above.",
    "alerts.cancelled": "✖️ Cancelled: nothing was saved.",
    # Test
    "alerts.test_title": "<b>🧪 Test of rule #{number}</b>\n{rule}",
    "alerts.test_firing": "Would fire now for {firing} ({looked} looked at):",
    "alerts.test_more": "and {n} more",
    "alerts.test_quiet": "✅ Nothing fires now ({looked} looked at).",
    "alerts.test_empty": "✅ Nothing fires now: nothing to look at in that time ({looked}).",
    "alerts.test_failed": "⚠️ Could not look: {reason}",
    "alerts.test_down_fine": "🟢 {tracker} answers now: the rule stays quiet.",
    "alerts.test_down_failing": (
        "🔴 {tracker} does not answer now: {reason}\nIf it stays so for {n} min, the rule "
        "tells you."
    ),
    "alerts.test_nothing_sent": "<i>Nothing was sent to anyone: this is only what it sees.</i>",
    "alerts.b_test_again": "🔄 Test again",
    # the buttons under an alert
    "alerts.muted": "🔕 {name}: muted until {until}",
    "alerts.unmuted": "🔔 {name}: alerts again",
    "alerts.no_stats": "There are no numbers to open for this one.",
    # quiet hours
    "alerts.quiet_ask": (
        "<b>🌙 Quiet hours for alerts</b>\nNow: {hours}\n\n"
        "During them alerts keep silent, except an offer at its cap and the tracker down. "
        "Pick, or type two times in your time zone ({zone}), e.g. <code>22:30-07:00</code>."
    ),
    "alerts.b_quiet_off": "🔔 No quiet hours",
    "alerts.quiet_bad": "“{value}” is not a pair of times. Type it like 22:30-07:00.",
    "alerts.quiet_saved": "✅ Quiet hours saved.",
    # why a line is not a rule (``error.word``: the word it stumbled on)
    "alert.err.empty": "The rule is empty.",
    "alert.err.short": (
        "The rule ends too soon: a number comes with a sign and a value, like "
        "<code>roi &lt; -30</code>."
    ),
    "alert.err.measure": (
        "“{word}” is not a number a rule can watch. It can watch: clicks, unique, "
        "conversions, leads, sales, revenue, spend, profit, ROI, CR, EPC, CPC, CPA, approve."
    ),
    "alert.err.operator": "“{word}” is not a comparison: use &lt;, &lt;=, &gt;, &gt;= or =.",
    "alert.err.number": "“{word}” is not a number: e.g. -30, 1.5 or 20.",
    "alert.err.window": (
        "“{word}” is not a time I can watch: today, yesterday, or from 5 minutes to 72 hours "
        "like 30m or 3h (for the tracker down: 1 minute to 24 hours)."
    ),
    "alert.err.group": "“{word}” is not something to go by: campaign, offer, source or country.",
    "alert.err.cooldown": (
        "“{word}” is not a reminder interval: from 10 minutes to 7 days, like every 4h."
    ),
    "alert.err.word": "I do not know what “{word}” means in a rule.",
    "alert.err.percent": "“{word}” is not a percentage from 1 to 100.",
    "alert.err.days": "“{word}” is not a number of days from 1 to 90.",
    "alert.err.no_traffic_group": ("“No traffic” watches campaigns only: leave out “by …”."),
    "alert.err.auto": (
        "Automatic pause works only for rules about campaigns or offers (a number crossing "
        "a line, no traffic, a drop, a cap)."
    ),
    "alerts.offer.none": "No stream sent this offer clicks today: nothing to pause.",
    "alerts.offer.ask": (
        "⏸ <b>Pause the {n:p:stream|streams} that sent this offer traffic today?</b>\nA "
        "stream stops all its offers, not only this one."
    ),
    "alerts.offer.line": "• {name} · {clicks:p:click|clicks}",
    "alerts.offer.more": "…and {n} more",
    "alerts.offer.yes": "⏸ Pause {n:p:stream|streams}",
    "alerts.offer.no": "✖️ No, keep them running",
    "alerts.offer.cancelled": "✖️ Nothing paused: the streams keep running.",
    "alerts.offer.stale": "This question is out of date: press ⏸ under the alert again.",
    "alerts.offer.failed": "❌ {name}: {reason}",
    "alerts.offer.ok": "⏸ {name}",
    "alerts.offer.resumed": "▶️ {name}",
    "alerts.offer.done": "⏸ <b>{n:p:stream|streams} paused</b>",
    "alerts.offer.undone": "▶️ <b>{n:p:stream|streams} resumed</b>",
    "alerts.offer.undo": "↩️ Undo (resume)",
}
