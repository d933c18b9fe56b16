"""English texts of scheduled digests: the digest itself and the /digest dialog."""

TEXTS: dict[str, str] = {
    "digest.title.yesterday": "☀️ Yesterday · {date} · {tracker}",
    "digest.title.today": "📊 Today so far · {date} · {tracker}",
    "digest.months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "digest.weekdays": "Mon Tue Wed Thu Fri Sat Sun",
    "digest.late": "⏰ late: the bot was offline at {time}",
    "digest.failed": "⚠️ The numbers could not be fetched from {tracker}:\n{reason}",
    "digest.chart_title": "Last 14 days, {tracker}",
    "digest.settings_button": "⚙️ Digest settings",
    "digest.list_title": "<b>🗓 Your digests</b>",
    "digest.list_empty": (
        "No digests yet. A digest brings yesterday's numbers (or today's so far) to a chat "
        "at the time you choose."
    ),
    "digest.line": (
        "{number}. {icon} {time} {days} · {timezone} · {tracker}{scope} → {target}{chart}"
    ),
    "digest.line_scope": " · 🗂 {scope}",
    "digest.next": "   next: {when}",
    "digest.paused_line": "   ⏸ paused",
    "digest.target_here": "this chat",
    "digest.target_chat": "chat {chat}",
    "digest.chart_on": " · 📈",
    "digest.every_day": "every day",
    "digest.weekdays_only": "weekdays",
    "digest.new": "➕ New digest",
    "digest.pause": "⏸ {number}",
    "digest.resume": "▶️ {number}",
    "digest.delete": "🗑 {number}",
    "digest.edit": "✏️ {number}",
    "digest.delete_ask": "Delete digest {number} ({time} {days})?",
    "digest.delete_yes": "🗑 Delete",
    "digest.back": "⬅️ Back",
    "digest.deleted": "Digest deleted.",
    "digest.gone": "That digest no longer exists.",
    "digest.no_tracker": "Connect a tracker first: /connect",
    "digest.ask_time": ("<b>🕘 What time?</b> Tap one or type it as HH:MM (e.g. 08:30)."),
    "digest.bad_time": "“{value}” is not a time of day. Type it as HH:MM, e.g. 09:00.",
    "digest.ask_days": "<b>📅 Which days?</b> At {time}.",
    "digest.days_every": "Every day",
    "digest.days_weekdays": "Weekdays",
    "digest.days_pick": "Choose days…",
    "digest.days_done": "✅ Done",
    "digest.days_pick_title": "<b>📅 Choose the days</b> (tap to turn on or off)",
    "digest.days_none": "Choose at least one day",
    "digest.ask_timezone": (
        "<b>🌍 Which time zone?</b> Tap one or type its name, e.g. Europe/Berlin."
    ),
    "digest.timezone_yours": "{timezone} (yours)",
    "digest.bad_timezone": "“{value}” is not a time zone name. Type it like Europe/Berlin.",
    "digest.ask_tracker": "<b>📡 Which tracker?</b>",
    "digest.tracker_active": "{name} (active)",
    "digest.confirm": (
        "<b>🗓 New digest</b>\n"
        "{time} {days} · {timezone}\n"
        "Tracker: {tracker}\n"
        "Counts: {scope}\n"
        "Period: {period}\n"
        "Content: totals with change{ranking}{chart}\n"
        "Send to: {target}"
    ),
    "digest.confirm_chart": ", chart of 14 days",
    "digest.confirm_ranking": ", best and losing campaigns",
    "digest.period_yesterday": "yesterday",
    "digest.period_today": "today so far",
    "digest.toggle_chart_on": "📈 Chart: on",
    "digest.toggle_chart_off": "📈 Chart: off",
    "digest.toggle_ranking_on": "🏆 Top & bottom: on",
    "digest.toggle_ranking_off": "🏆 Top & bottom: off",
    "digest.toggle_period": "📆 Period: {period}",
    "digest.target_other": "🎯 Another chat…",
    "digest.target_this": "🎯 This chat",
    "digest.save": "✅ Save",
    "digest.ask_target": (
        "Send the id of a group chat (e.g. -1001234567890). You must be an administrator "
        "there, and the bot a member."
    ),
    "digest.bad_target": "“{value}” is not a chat id: a number like -1001234567890.",
    "digest.target_not_admin": (
        "You are not an administrator of chat {chat} (or the bot cannot see it). "
        "Ask an administrator, or send the digest here."
    ),
    "digest.target_no_bot": "The bot is not a member of chat {chat}. Add it there, then retry.",
    "digest.saved": "✅ Saved. Next digest: {when}.",
    "digest.resumed": "▶️ Resumed",
    "digest.paused": "⏸ Paused",
    "digest.now_sending": "Sending the digest…",
    # the scope: what a digest counts
    "digest.scope_button": "🗂 Scope: {scope}",
    "digest.scope_all": "everything",
    "digest.scope_title": (
        "<b>🗂 What should the digest count?</b>\n"
        "Now: {scope}\n\n"
        "The whole tracker, one campaign group, or the campaigns you choose."
    ),
    "digest.scope_everything": "🌐 Everything",
    "digest.scope_group": "🗂 A campaign group…",
    "digest.scope_campaigns": "☑️ Chosen campaigns…",
    "digest.scope_groups_title": "<b>🗂 Which campaign group?</b> {tracker}{page}",
    "digest.scope_no_groups": (
        "{tracker} has no campaign groups. Choose campaigns instead, or count everything."
    ),
    "digest.scope_campaigns_title": (
        "<b>☑️ Which campaigns?</b> {tracker} · chosen: {chosen}{page}\n"
        "Tap to choose or unchoose, then Done."
    ),
    "digest.scope_no_campaigns": "{tracker} has no campaigns yet.",
    "digest.scope_done": "✅ Done ({count})",
    "digest.scope_none": "Choose at least one campaign",
    "digest.scope_missing": "That is no longer in the tracker: the list is up to date now.",
    "digest.scope_count": "{count:p:campaign|campaigns}",
    "digest.page": " · page {page} of {pages}",
    "digest.scope_failed": (
        "⚠️ Could not get the list from {tracker}:\n{reason}\n\n"
        "Your digest settings are kept: retry, or go back."
    ),
    "digest.scope_reset": (
        "🗂 The scope is back to everything: the group or campaigns were chosen on another tracker."
    ),
    "digest.tracker_gone": "That tracker is no longer connected.",
    # the buttons under a delivered digest
    "digest.open_stats": "📊 Open stats",
    "digest.pause_losing": "⏸ Pause losing ({count})",
    "digest.owner_only": "Only the owner of this digest can pause campaigns from it.",
    "digest.pause_ask": "<b>⏸ Pause the losing campaigns ({count})?</b>\n{title}",
    "digest.pause_more": "…and {count} more",
    "digest.pause_yes": "⏸ Pause {count}",
    "digest.pause_no": "✖️ Keep them running",
    "digest.pause_nothing": "✅ No campaign is losing money now ({title}): nothing to pause.",
    "digest.pause_already": "Already paused: {count}",
    "digest.pause_all_paused": "✅ The losing campaigns ({count}) are paused already ({title}).",
    "digest.pause_failed": "⚠️ Could not get the numbers from {tracker}:\n{reason}",
    "digest.pause_done": "<b>⏸ Paused {paused} of {count}</b>",
    "digest.pause_ok_line": "✅ {name}",
    "digest.pause_fail_line": "⚠️ {name}: {reason}",
    "digest.pause_kept": "Nothing was paused.",
    "digest.pause_stale": "The list was out of date: here it is again.",
    "digest.use_buttons": "Tap one of the buttons above; /cancel leaves the dialog.",
    "digest.pause_undo": "↩️ Undo",
    "digest.pause_undone": "<b>▶️ Resumed {resumed} of {count}</b>",
}
