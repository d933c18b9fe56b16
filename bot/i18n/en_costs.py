"""English texts of cost uploads (``/costs``)."""

TEXTS: dict[str, str] = {
    "costs.intro": (
        "💸 <b>Upload costs</b>\n"
        "Send a CSV file (📎 → File) with a date or a period, a campaign (its id or exact "
        "name), the cost and, if you like, a currency and a sub_id / source / creative_id / "
        "ad_campaign_id / keyword column to split the cost by. Excel and Google Sheets "
        "exports work as they are (<code>,</code> <code>;</code> or tab, UTF-8 or "
        "Windows-1251, <code>12,50</code> or <code>12.50</code>, English or Russian headers).\n"
        "<pre>date,campaign,sub_id_1,cost,currency\n"
        "2026-11-01,FB | DE | Offer A,,125.40,USD\n"
        "01.11.2026 - 07.11.2026,12,adset-7,80,USD</pre>\n"
        "A day covers 00:00–23:59 in your time zone ({timezone}). Uploading the same file "
        "again replaces the costs, it never adds them up.\n"
        "No campaign column? Send the file with the caption <code>/costs &lt;campaign id&gt;"
        "</code>."
    ),
    "costs.campaign_chosen": "Rows without a campaign go to <b>{name}</b> (#{id}).",
    "costs.campaign_unknown": "🔍 You have no campaign “{value}”. Use its id or exact name.",
    "costs.no_tracker": "Connect a tracker first: /connect",
    "costs.not_document": "Send the CSV as a file (📎 → File), or /cancel.",
    "costs.nothing_pending": "That preview is gone: send the file again.",
    "costs.tracker_changed": "The active tracker changed since the preview: send the file again.",
    # the preview
    "costs.preview.head": "📄 <b>{file}</b>: {rows:p:row|rows} will be sent",
    "costs.preview.columns": "<b>Columns</b>",
    "costs.preview.column": "• {header} → {role}",
    "costs.preview.ignored": "Ignored: {names}",
    "costs.preview.campaigns": "<b>Costs by campaign</b> ({timezone})",
    "costs.preview.campaign": "• {name} (#{id}): {amount}",
    "costs.preview.more_campaigns": "…and {count:p:more campaign|more campaigns}",
    "costs.preview.total": "<b>Total: {amount}</b>",
    "costs.preview.currency_asked": (
        "💱 The file has no currency column: the costs are taken in <b>{currency}</b>. "
        "Tap another currency or type its code."
    ),
    "costs.preview.skipped": "⚠️ <b>Skipped {count:p:row|rows}</b>",
    "costs.preview.skipped_line": "• line {line}: {reason}",
    "costs.preview.more_skipped": "…and {count} more",
    "costs.preview.replaces": (
        "Sending replaces these campaigns' costs for these periods; sending again never adds "
        "them up."
    ),
    "costs.role.when": "date / period",
    "costs.role.start": "start",
    "costs.role.end": "end",
    "costs.role.campaign": "campaign",
    "costs.role.cost": "cost",
    "costs.role.currency": "currency",
    "costs.role.filter": "filter {key}",
    # why a row was skipped
    "costs.skip.bad_date": "the date “{value}” is not a date or a period",
    "costs.skip.unknown_campaign": "unknown campaign “{value}”",
    "costs.skip.ambiguous_campaign": "several campaigns are called “{value}”: use the id",
    "costs.skip.no_campaign": "no campaign",
    "costs.skip.no_cost": "no cost",
    "costs.skip.bad_cost": "the cost “{value}” is not an amount",
    "costs.skip.bad_currency": "the currency “{value}” is not a currency code",
    "costs.skip.totals": "a totals row",
    # why a whole file was refused
    "costs.error.not_csv": (
        "❌ This is not a CSV file. Save the table as CSV (File → Save as / Download → CSV) "
        "and send that."
    ),
    "costs.error.empty": "❌ The file is empty.",
    "costs.error.no_rows": "❌ The file has a header but no rows.",
    "costs.error.too_many_rows": (
        "❌ The file has more than {limit:p:row|rows}: split it into parts."
    ),
    "costs.error.too_big": "❌ The file is larger than {limit} MB: split it into parts.",
    "costs.error.download": "❌ I could not download the file from Telegram. Send it again.",
    "costs.error.no_cost_column": (
        "❌ I found no cost column (cost, spend, расход, сумма). The columns are: {columns}"
    ),
    "costs.error.no_date_column": (
        "❌ I found no date column (date, day, period, start/end, дата). The columns are: {columns}"
    ),
    "costs.error.no_campaign": (
        "❌ The file has no campaign column. Add one (campaign id or exact name), or send the "
        "file with the caption <code>/costs &lt;campaign id&gt;</code>."
    ),
    "costs.error.all_bad": "❌ No row of the file can be used:",
    "costs.error.footer": "Nothing was sent. Fix the file and send it again, or /cancel.",
    # sending
    "costs.progress": "⏳ Sending costs: {done}/{total} campaigns…",
    "costs.done": "✅ Costs updated: {campaigns:p:campaign|campaigns}, {amount}.",
    "costs.resumed": (
        "↩️ Resumed where it stopped: {earlier} of {total:p:campaign|campaigns} had been sent "
        "before; nothing was sent twice."
    ),
    "costs.if_stopped": (
        "<i>If this stops moving (the bot was restarted), press Continue: what was sent is "
        "not sent again.</i>"
    ),
    "costs.b.continue": "▶️ Continue",
    "costs.failed": (
        "❌ The costs of {name} (#{id}) were not accepted.\n{reason}\n"
        "Campaigns sent before it: {done} of {total}. Press Send to try again: re-sending "
        "replaces the costs, it never doubles them."
    ),
    "b.costs_send": "✅ Send",
}
