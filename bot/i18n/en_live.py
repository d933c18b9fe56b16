"""English texts of the live conversion feed: notifications, summaries, the tracker failing
and back, the daily reconciliation, and the buttons under a notification."""

TEXTS: dict[str, str] = {
    "lvm.times": "🕘 click {click} → conversion {conversion} ({zone})",
    "lvm.on_tracker": "📡 {tracker}",
    "lvm.overwritten": "⚠️ <b>Sale → lead</b>: a later postback overwrote the sale ({money})",
    "lvm.b_campaign": "📂 Campaign",
    "lvm.b_click": "🔎 Click trail",
    "lvm.b_mute_hour": "🔕 Mute 1 h",
    "lvm.b_mute_day": "🔕 Until tomorrow",
    "lvm.b_unmute": "🔔 Unmute",
    "lvm.b_today": "📊 Today's stats",
    "lvm.changes": "🔁 {n:p:status change|status changes}",
    "lvm.biggest": "<b>Biggest:</b>",
    "lvm.summary_burst": "⚡ <b>{n:p:new conversion|new conversions} in a minute</b> · {tracker}",
    "lvm.summary_quiet": (
        "🌙 <b>Quiet hours are over</b>: {n:p:conversion|conversions} since {since} · {tracker}"
    ),
    "lvm.summary_away": (
        "💤 <b>While I was away</b> (since {since}): {n:p:conversion|conversions} · {tracker}"
    ),
    "lvm.summary_outage": (
        "📡 <b>While {tracker} was not answering</b> (since {since}): {n:p:conversion|conversions}"
    ),
    "lvm.skipped": (
        "⚠️ {n:p:conversion|conversions} before {before} were not sent: the bot was away "
        "for more than 6 hours. The tracker has them all."
    ),
    "lvm.failing": (
        "⚠️ The live feed cannot read {tracker} since {since}: {reason}\n"
        "I keep trying and will tell you once it answers; nothing recorded meanwhile is lost."
    ),
    "lvm.recovered": "✅ {tracker} answers again (it failed since {since}). The feed caught up.",
    "lvm.reconciled": (
        "🧾 {tracker}: Keitaro recorded {n:p:conversion|conversions} yesterday "
        "({sales:p:sale|sales}, {money}); you were notified of {told}."
    ),
    "lvm.missed_named": "Not notified:",
    "lvm.missed_muted": "🔕 {n} while their campaign was muted",
    "lvm.missed_before_on": "⏸ {n} before the feed was turned on",
    "lvm.missed_late": (
        "🐢 {n:p:was|were} recorded by Keitaro later than the feed looks back ({minutes} min)"
    ),
    "lvm.missed_away": "💤 {n:p:was|were} too old to send after the bot was away",
    "lvm.missed_undeliverable": "⚠️ {n} could not be delivered: Telegram refused the message",
    "lvm.missed_held": "🌙 {n} held by quiet hours: told when they end",
    "lvm.missed_in_progress": "⏳ {n} being sent right now",
    "lvm.muted": "🔕 {campaign} is muted until {until}.",
    "lvm.unmuted": "🔔 {campaign} is no longer muted.",
    "lvm.not_yours": "This button is not for you, or its tracker is gone.",
}
