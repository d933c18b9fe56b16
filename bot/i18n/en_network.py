"""English texts of the HTTP layer's refusals: answers too big or impossible to read."""

TEXTS: dict[str, str] = {
    "e.too_large": "📦 {host} sent an answer too big to read. Ask for less: a shorter period "
    "or a filter (for example by campaign).",
    "e.unreadable": "🧩 {host} sent an answer I cannot read: the data is damaged or built in a "
    "way Keitaro never builds it. Try again; if it repeats, check that this is a Keitaro "
    "tracker.",
    "reading.partial": "⚠️ Part of the tracker's answer could not be read; shown is what could be.",
    "reading.entries": "Entries left out: {count}.",
    "reading.values": "Numbers not read (missing from the totals): {count}.",
}
