"""English texts (HTML). Every key exists in ru.py too; a test keeps the two in step."""

TEXTS: dict[str, str] = {
    # onboarding
    "start.greeting": (
        "👋 Hi, {name}! I am your Keitaro tracker in Telegram.\n"
        "• Today's profit, ROI and the campaigns that earn or burn money, in one tap\n"
        "• Campaigns, streams, offers, clicks and conversions at hand\n"
        "• Morning digests with charts, in your time zone"
    ),
    "connect.ask_url": (
        "🔗 Send your tracker's address — the one you log in to, e.g. <code>trk.example.com</code>"
    ),
    "connect.url_example": "For example: <code>https://trk.example.com</code>",
    "connect.ask_key": (
        "🔑 Now send the API key of <b>{host}</b> (Keitaro → Profile → API keys).\n"
        "I delete your message with the key as soon as I have read it."
    ),
    "connect.try_again": "Send another key, or change the address.",
    "connect.done": "✅ Connected: <b>{name}</b>. The key is stored encrypted.",
    "connect.key_updated": "✅ New key saved for <b>{name}</b> (encrypted).",
    "connect.timezone": (
        "🕐 Time zone: <b>{zone}</b> (from your tracker); change it in /settings."
    ),
    "connect.delete_yourself": (
        "⚠️ I could not delete your message with the key: please delete it yourself."
    ),
    "help": (
        "<b>What I can do</b>\n"
        "/menu — today's numbers and every section of the tracker\n"
        "/stats — profit, ROI and reports · /digest — numbers on a schedule\n"
        "/live — each new conversion as it comes (/live on, /live off)\n"
        "/alerts — alert rules · /alert — a new one (in one line too: /alert roi &lt; -30)\n"
        "/campaigns — your campaigns; /offers, /streams, /landings, /logs\n"
        "/conversion — record a conversion (also in one line or as JSON)\n"
        "/click &lt;subid&gt; — a click's trail and its conversions\n"
        "/costs — upload costs from a CSV · /actions — create, change or archive anything\n"
        "/connect — connect a tracker (also <code>/connect &lt;address&gt; &lt;key&gt;</code>)\n"
        "/trackers — switch, rename, test or remove trackers\n"
        "/lang — language · /settings — settings · /cancel — leave a dialog"
    ),
    "lang.choose": "🌐 Choose the language:",
    "lang.set": "✅ Language: English.",
    "cancelled": "✖️ Cancelled.",
    "nothing_to_cancel": "There is nothing to cancel.",
    "access.denied": "⛔ This bot is private. Ask its owner to add your Telegram id.",
    "throttled": "🐢 Too fast — give me a second.",
    "fallback.in_dialog": "I did not understand that here.",
    "fallback.unknown_command": "I do not know that command. /help lists what I can do.",
    "fallback.text": "Open the menu to see what I can do.",
    "stale.button": "This button is out of date.",
    "stale.screen": "That screen is out of date. Open the menu again.",
    # menu
    "menu.header": "📊 <b>Keitaro</b> · {name} ({host})",
    "menu.header_host": "📊 <b>Keitaro</b> · {host}",
    "menu.today": (
        "Today: profit {profit} · ROI {roi} · {clicks:p:click|clicks} · {conversions} conv."
    ),
    "menu.today_failed": "Today's numbers could not be read: {reason}",
    "menu.no_tracker": "No tracker is connected yet. Connect one to start.",
    "menu.more": "⋯ <b>More sections</b>",
    "menu.tracker_settings": "⚙️ <b>Tracker settings</b> (integrations)",
    "menu.filters": "🧩 <b>Stream filters and types</b>",
    "settings.title": "⚙️ <b>Settings</b>",
    # browsing
    "browse.pick": "Choose {parent} to see its {what}:",
    "browse.choose": "{what}: choose what to show.",
    "browse.page": "page {page} of {pages} · {total} in all",
    "browse.found": "“{query}”",
    "browse.nothing_found": "Nothing found. Try another name or an id.",
    "browse.empty": "Nothing here yet.",
    "browse.restricted_hint": (
        "If you expected entries here, the API key may belong to a user whose access to this "
        "section is restricted."
    ),
    "browse.gone": (
        "This item ({what} #{id}) no longer exists: it may have been archived or deleted."
    ),
    "search.ask": "🔎 Send a name (or part of it) or an id.",
    "result.ok": "✅ {status}",
    "details.gone": "These details are no longer kept. Open the item again.",
    "details.head": "{status} <b>{action}</b> · {code} · {ms} ms",
    "details.answer": "Answer",
    # trackers
    "trackers.title": "🔑 <b>Your trackers</b>",
    "trackers.none": "None yet.",
    "trackers.card": (
        "🔑 <b>{name}</b>\nAddress: {url}\nAPI key: <code>{key}</code>\nPostback key: {postback}"
    ),
    "trackers.gone": "That tracker is not among yours (any more).",
    "trackers.works": "✅ The tracker answers ({ms} ms).",
    "trackers.ask_name": "✏️ Send the new name.",
    "trackers.name_taken": "You already have a tracker called “{name}”. Send another name.",
    "trackers.ask_postback": (
        "📮 Send the tracker's postback URL (Maintenance → Settings → Postback URL) or just its "
        "key. I delete your message once read."
    ),
    "trackers.bad_postback": (
        "That is neither a postback URL (…/&lt;key&gt;/postback) nor a key. Try again."
    ),
    "trackers.postback_saved": "✅ Postback key saved (encrypted).",
    "trackers.confirm_remove": (
        "🗑 Remove <b>{name}</b>? Its key and its digests are deleted from the bot; the tracker "
        "itself is not touched."
    ),
    "trackers.removed": "🗑 Removed <b>{name}</b>.",
    "yes": "yes",
    "no": "no",
    # errors: the cause and the next step
    "e.bad_key": "🔑 The tracker refused the API key. It may have been revoked, or copied with a "
    "space. Send the key again.",
    "e.forbidden": "🚫 This key's user has no permission for that. Use an admin key, or ask the "
    "tracker's owner for access.",
    "e.cloudflare": "🛡 Cloudflare in front of {host} blocked the bot before Keitaro saw it. Allow "
    "the bot in Cloudflare or use the panel's direct address.",
    "e.plan": "💳 The tracker's plan has no Admin API for this.",
    "e.not_found": "🔍 The tracker does not have that (any more): it may have been archived.",
    "e.unsupported": "🧩 This tracker's version does not have that action.",
    "e.invalid": "✏️ The tracker refused the data:",
    "e.rate_limited": "🐢 The tracker asks to slow down. Try again in a minute.",
    "e.server": "💥 The tracker failed (server error). Try again in a minute.",
    "e.unreachable": "🌐 {host} could not be reached. The tracker or its network may be down; "
    "nothing was changed. Check the address.",
    "e.connection_lost": "🌐 The connection to {host} broke before the answer came. Check before "
    "repeating a change.",
    "e.timeout": "⏱ {host} did not answer in time. The tracker or its network may be slow.",
    "e.tls": "🔒 {host} failed the secure connection (HTTPS). Check the tracker's certificate, "
    "or send the address with http:// if the tracker has none.",
    "e.not_keitaro": "🧩 That address answered with a web page, not the Keitaro API. Send the "
    "panel address (the one you log in to), e.g. https://trk.example.com",
    "e.bad_postback_key": "📮 The tracker does not know this postback key.",
    "e.postback_key_missing": "📮 I need the tracker's postback key for this.",
    "e.invalid_url": "🔗 That does not look like a web address.",
    "e.private_address": "🚫 {host} is a private or local address; this bot does not connect to "
    "those.",
    "e.unresolvable": "🌐 {host} does not resolve: check the spelling.",
    "e.error": "❌ Something went wrong with the tracker.",
    "e.internal": "💥 Something went wrong on my side. It is logged; try again or open /menu.",
    "e.short": "Something went wrong",
    # buttons
    "b.cancel": "✖️ Cancel",
    "b.menu": "Menu",
    "b.connect": "🔗 Connect a tracker",
    "menu.b.alerts": "🔔 Alerts",
    "menu.b.live": "📡 Live feed",
    "menu.b.digests": "🗞 Digests",
    "b.more": "More",
    "b.settings": "Settings",
    "b.trackers": "Trackers",
    "b.language": "Language",
    "b.details": "Details",
    "b.back": "Back",
    "b.retry": "Retry",
    "b.prev": "Prev",
    "b.next": "Next",
    "b.search": "Search",
    "b.all_fields": "All fields",
    "b.change_address": "🔗 Change the address",
    "b.add_tracker": "Add a tracker",
    "b.use": "Use this one",
    "b.test": "Test",
    "b.rename": "Rename",
    "b.postback_key": "Postback key",
    "b.remove": "Remove",
    "b.confirm_remove": "Yes, remove",
    "b.keep": "No, keep it",
    # resources
    "r.campaigns": "Campaigns",
    "r.streams": "Streams",
    "r.offers": "Offers",
    "r.landing_pages": "Landings",
    "r.traffic_sources": "Traffic sources",
    "r.affiliate_networks": "Affiliate networks",
    "r.domains": "Domains",
    "r.groups": "Groups",
    "r.users": "Users",
    "r.facebook": "Facebook integrations",
    "r.stats": "Stats",
    "r.clicks": "Clicks",
    "r.conversions": "Conversions",
    "r.botlist": "Bots (IP list)",
    "r.blacklist": "Blacklist",
    "r.postbacks": "Postbacks",
    "r.logs": "Logs",
    "r.filters": "Filters",
    "r.stream_types": "Stream types",
    "r.stream_schemas": "Stream schemas",
    "r.stream_actions": "Stream actions",
    "r.avscan": "AVScan",
    "r.imklo": "IMKLO",
    "r.deleted_streams": "Archived streams",
    "r.files": "Files",
    "r.tracker_settings": "Tracker settings",
    "l.streams": "Streams",
    "l.postbacks": "Postbacks",
    "l.blacklist": "Blacklist",
    "l.campaign": "Campaign",
    "l.offer": "Offer",
    "l.landing": "Landing",
    "l.network": "Affiliate network",
    "l.default_campaign": "Default campaign",
    # report columns
    "col.campaign": "campaign",
    "col.clicks": "clicks",
    "col.conversions": "conv.",
    "col.revenue": "revenue",
    "col.cost": "cost",
    "col.profit": "profit",
    "col.roi": "ROI",
    "col.datetime": "time",
    "col.sub_id": "subid",
    "col.country": "country",
    "col.device_type": "device",
    "col.postback_datetime": "time",
    "col.status": "status",
    # fields
    "f.state": "State",
    "f.cost": "Cost",
    "f.cost_type": "Cost model",
    "f.source": "Source",
    "f.domain": "Domain",
    "f.group": "Group",
    "f.alias": "Alias",
    "f.type": "Type",
    "f.schema": "Schema",
    "f.action": "Action",
    "f.weight": "Weight",
    "f.filters": "Filters",
    "f.offers": "Offers",
    "f.landings": "Landings",
    "f.payout": "Payout",
    "f.payout_type": "Payout type",
    "f.network": "Affiliate network",
    "f.countries": "Countries",
    "f.url": "URL",
    "f.postback_url": "Postback URL",
    "f.statuses": "Statuses",
    "f.template": "Template",
    "f.offer_param": "Offer parameters",
    "f.offer_count": "Offers",
    "f.network_status": "DNS",
    "f.domain_error": "Problem",
    "fc.network_status.validating": "⏳ being checked",
    "fc.network_status.active": "✅ works",
    "fc.network_status.error": "❌ does not point to the tracker",
    "fc.ssl_status.issued": "✅ certificate issued",
    "fc.ssl_status.error": "❌ certificate failed",
    "fc.ssl_status.pending": "⏳ certificate being issued",
    "f.ssl": "SSL",
    "f.default_campaign": "Default campaign",
    "f.catch_not_found": "Catch 404",
    "f.position": "Position",
    "f.language": "Language",
    "f.timezone": "Time zone",
    "f.ad_account": "Ad account",
    "f.proxy": "Proxy",
    "state.active": "active",
    "state.disabled": "paused",
    "state.deleted": "archived",
    # choices
    "arg.campaigns": "Campaign groups",
    "arg.offers": "Offer groups",
    "arg.landings": "Landing groups",
    "arg.domains": "Domain groups",
    "arg.system": "System",
    "arg.traffic": "Traffic",
    "arg.postbacks": "Postbacks",
    "arg.sent_postbacks": "Sent postbacks",
    "arg.ssl": "SSL",
    "arg.sub_id_1": "sub_id_1",
    "arg.sub_id_2": "sub_id_2",
    "arg.sub_id_3": "sub_id_3",
    "arg.source": "Source",
    "arg.keyword": "Keyword",
    "arg.ip": "IP",
}
