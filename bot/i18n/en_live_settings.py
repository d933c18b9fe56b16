"""English texts of /live: the live feed's settings screen and its questions."""

TEXTS: dict[str, str] = {
    "live.title": "<b>📡 Live feed · {tracker}</b>",
    "live.state_off": "⚪️ Off",
    "live.state_on": "🟢 On: each new conversion comes as the tracker records it",
    "live.state_blocked": (
        "⏸ Paused: the chat blocked the bot or removed it. Unblock it or add the bot back, "
        "then turn the feed on again."
    ),
    "live.state_failing": (
        "⚠️ On, but {tracker} has not answered since {time}: conversions come once it does"
    ),
    "live.summary": (
        "🏷 Statuses: {statuses}\n"
        "🗂 Scope: {scope}\n"
        "💵 Minimum revenue: {revenue}\n"
        "🎯 Send to: {target}\n"
        "🌙 Quiet hours: {quiet}\n"
        "📦 {burst}"
    ),
    "live.statuses_all": "all (new ones too)",
    "live.status_lead": "Lead",
    "live.status_sale": "Sale",
    "live.status_rejected": "Rejected",
    "live.revenue_none": "none",
    "live.quiet_off": "off",
    "live.quiet_hours": "{start}–{end} ({zone}), then one summary",
    "live.burst_line": "More than {count} a minute: one summary",
    "live.target_private": "your private chat with me",
    "live.b_on": "▶️ Turn on",
    "live.b_off": "⏸ Turn off",
    "live.b_statuses": "🏷 Statuses",
    "live.b_scope": "🗂 Scope",
    "live.b_revenue": "💵 Minimum",
    "live.b_target": "🎯 Send to",
    "live.b_quiet": "🌙 Quiet hours",
    "live.b_burst": "📦 Burst",
    "live.b_settings": "⚙️ Live feed settings",
    "live.back": "⬅️ Back",
    "live.turned_on": "🟢 The feed is on",
    "live.turned_off": "⚪️ The feed is off",
    "live.saved": "✅ Saved.",
    "live.no_tracker": "Connect a tracker first: /connect",
    "live.tracker_gone": "That tracker is not one of yours (any more): nothing was changed.",
    "live.usage": (
        "“{value}” is not something /live knows: /live shows the settings, /live on and "
        "/live off turn the feed on and off."
    ),
    "live.on_done": (
        "🟢 <b>The live feed of {tracker} is on.</b> New conversions come here as the tracker "
        "records them."
    ),
    "live.off_done": (
        "⚪️ The live feed of {tracker} is off. Its settings are kept: /live on turns it on again."
    ),
    "live.off_already": "The live feed of {tracker} is not on. /live on turns it on.",
    # statuses
    "live.statuses_title": (
        "<b>🏷 Which statuses should the feed tell?</b> · {tracker}\n"
        "Tap one to turn it on or off. “All statuses” also tells the ones the tracker adds later."
    ),
    "live.statuses_all_button": "All statuses",
    "live.statuses_one": "Keep at least one status.",
    "live.status_unknown": "That status is not in the list: here it is as it is now.",
    # scope (the shared picker)
    "live.scope_title": (
        "<b>🗂 Which conversions should the feed tell?</b>\n"
        "Now: {scope}\n\n"
        "The whole tracker, one campaign group, or the campaigns you choose."
    ),
    "live.scope_failed": (
        "⚠️ Could not get the list from {tracker}:\n{reason}\n\n"
        "The feed's settings are unchanged: retry, or go back."
    ),
    # minimum revenue
    "live.revenue_ask": (
        "<b>💵 Minimum revenue</b> · {tracker}\n"
        "Now: {revenue}\n\n"
        "Send the smallest revenue worth a message, e.g. 5 or 12.5; 0 tells every conversion. "
        "Rejections are told whatever their amount."
    ),
    "live.revenue_zero": "No minimum",
    "live.revenue_bad": "“{value}” is not an amount. Send a number like 5 or 12.5 (0: none).",
    "live.revenue_negative": "The minimum cannot be negative ({value}). Send 0 or more, e.g. 5.",
    # where to send
    "live.target_ask": (
        "<b>🎯 Where should the feed go?</b> · {tracker}\n"
        "Now: {target}\n\n"
        "Tap “This chat”, or send the id of a group chat (e.g. -1001234567890). You must be "
        "an administrator there, and the bot a member.\n"
        "Simplest: add the bot to the group and type /live on there."
    ),
    "live.target_this": "📍 This chat",
    "live.bad_target": "“{value}” is not a chat id: a number like -1001234567890.",
    "live.target_not_admin": (
        "You are not an administrator of chat {chat} (or the bot cannot see it). Ask an "
        "administrator to set the feed up there, or send it to a chat of yours."
    ),
    "live.target_no_bot": "The bot is not a member of chat {chat}. Add it there, then retry.",
    # quiet hours
    "live.quiet_ask": (
        "<b>🌙 Quiet hours</b> · {tracker}\n"
        "Now: {quiet}\n\n"
        "During them conversions are held and come as one summary when they end ({zone}). "
        "Tap one, or type your own like 22:30-07:00."
    ),
    "live.quiet_off_button": "🔔 No quiet hours",
    "live.quiet_bad": (
        "“{value}” is not a pair of times. Type it like 22:30-07:00 (two different times)."
    ),
    # burst
    "live.burst_ask": (
        "<b>📦 Burst</b> · {tracker}\n"
        "Now: {count}\n\n"
        "When more conversions than this come within a minute, they come as one summary "
        "instead of a message each. Tap one, or type a number from 2 to 100."
    ),
    "live.burst_bad": "“{value}” does not fit: type a whole number from 2 to 100.",
    "live.type_it": "Type the value as text, or tap a button above; /cancel leaves.",
    "live.b_s2s": "⚡ Instant (S2S postback)",
    "live.b_s2s_new": "🔄 New address",
    "live.b_s2s_new_yes": "🔄 Yes, a new address",
    "live.s2s": (
        "⚡ <b>Instant notifications: {tracker}</b>\n\n"
        "Keitaro can tell me about a conversion the moment it records it. In Keitaro open a "
        "campaign → <b>S2S postbacks</b> → Add, method GET, every status, and paste:\n\n"
        "<code>{url}</code>\n\n"
        "I keep reading the conversion log too: nothing is lost if a postback does not "
        "arrive, and nothing is told twice.\n"
        "Keep the address to yourself: whoever has it can send notifications to your chat."
    ),
    "live.s2s_off": (
        "⚡ <b>Instant notifications: {tracker}</b>\n\n"
        "They need my web server reachable from the internet, and it is not set up here. "
        "Whoever runs the bot sets WEBHOOK_URL (or PUBLIC_URL with METRICS_LISTEN). Until "
        "then the feed reads the conversion log every half a minute."
    ),
    "live.s2s_new_ask": (
        "A new address for {tracker}? The old one stops working at once: paste the new one "
        "into every campaign that uses it."
    ),
    "live.s2s_renewed": "✅ A new address. The old one no longer works.",
}
