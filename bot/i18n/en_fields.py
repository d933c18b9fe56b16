"""English field texts: label, hint and example of every form field, and choice labels."""

TEXTS: dict[str, str] = {
    # --- accept_parameters: asked as choice in traffic_sources.create, traffic_sources.update
    "fl.accept_parameters": "Accept parameters",
    "fh.accept_parameters": (
        "Yes: campaigns with this source read its parameters from the click URL, such as subs, "
        "keyword and click cost."
    ),
    "fx.accept_parameters": "Yes",
    # --- access_data: asked as json in users.update_access
    "fl.access_data": "Access rights",
    "fh.access_data": (
        "What the user can see and change in campaigns, offers, landings and other sections: "
        "everything, read only or chosen groups."
    ),
    "fx.access_data": "Campaigns read only; sections: campaigns, reports",
    # --- action_options: asked as json in streams.create, streams.update
    "fl.action_options": "Action options",
    "fh.action_options": (
        "Extra settings of the chosen action, if it needs any, such as a target address; usually "
        "not needed."
    ),
    "fx.action_options": "Address https://example.com",
    # --- action_payload: asked as any in streams.create, streams.update, landing_pages.create,
    #     landing_pages.update, offers.create, offers.update
    #     model says: Offer URL
    #     model says: URL or text
    #     model says: URL or text of the action
    "fl.action_payload": "URL or text",
    "fh.action_payload": (
        "What the action gives out: a URL to redirect to, a text or HTML page to show, or a "
        "campaign to pass the click to."
    ),
    "fx.action_payload": "https://example.com/lp/?sub={{subid}}",
    # --- action_type: asked as choice/text in streams.create, streams.update,
    #     landing_pages.create, landing_pages.update, offers.create, offers.update
    #     model says: Action, e.g. http
    #     model says: Action, e.g. http, campaign, status404
    "fl.action_type": "Action",
    "fh.action_type": (
        "What to do with the click: http redirects it, curl loads the page, status404 answers Not "
        "found, campaign sends it on."
    ),
    "fx.action_type": "http",
    "fc.action_type.curl": "Load page (CURL)",  # a choice, in landing_pages
    "fc.action_type.http": "HTTP redirect",  # a choice, in landing_pages
    "fc.action_type.local_file": "Local file",  # a choice, in landing_pages
    "fc.action_type.show_html": "Show HTML",  # a choice, in landing_pages
    "fc.action_type.show_text": "Show text",  # a choice, in landing_pages
    "fc.action_type.status404": "Error 404",  # a choice, in landing_pages
    # --- active: asked as choice in campaigns.list
    #     model says: Only active campaigns
    "fl.active": "Only active",
    "fh.active": "Yes: list only running campaigns, without the paused ones.",
    "fx.active": "Yes",
    # --- ad_account_id: asked as text in integrations.facebook_create, integrations.facebook_update
    #     model says: Ad account id
    "fl.ad_account_id": "Ad account",
    "fh.ad_account_id": (
        "Number of the Facebook ad account the tracker pulls spend from; you find it in Ads "
        "Manager."
    ),
    "fx.ad_account_id": "1234567890123456",
    # --- affiliate_network_id: asked as id in offers.create, offers.update
    #     model says: Affiliate network
    "fl.affiliate_network_id": "Affiliate network",
    "fh.affiliate_network_id": (
        "The network this offer comes from: the tracker adds its parameters to the offer URL; 0 "
        "for none."
    ),
    "fx.affiliate_network_id": "#3 or a name to search",
    # --- alias: asked as text in campaigns.create, campaigns.update
    #     model says: Alias (made up when empty)
    #     model says: Alias in the campaign URL
    "fl.alias": "Alias",
    "fh.alias": (
        "The part of the campaign link after the domain, Latin letters and digits; leave it empty "
        "and the tracker makes one up."
    ),
    "fx.alias": "fb-de-keto",
    # --- allow_indexing: asked as choice in domains.create, domains.update
    "fl.allow_indexing": "Allow indexing",
    "fh.allow_indexing": (
        "Yes: search engine robots may index the domain; for a tracking domain it is usually No."
    ),
    "fx.allow_indexing": "No",
    # --- alternative_offer_id: asked as id in offers.create, offers.update
    "fl.alternative_offer_id": "Alternative offer",
    "fh.alternative_offer_id": (
        "Where traffic goes once the offer's daily cap is used up; 0 to not switch."
    ),
    "fx.alternative_offer_id": "#41 or a name to search",
    # --- archive: asked as text in landing_pages.create, landing_pages.update, offers.create,
    #     offers.update
    #     model says: Zip as data:application/zip;base64,...
    "fl.archive": "Archive (zip)",
    "fh.archive": (
        "A zip archive as a base64 string starting with data:application/zip;base64; uploading it "
        "in the tracker panel is easier."
    ),
    "fx.archive": "data:application/zip;base64,UEsDBBQ…",
    # --- avscan_key: asked as text in integrations.avscan_set
    #     model says: AVScan key
    "fl.avscan_key": "AVScan key",
    "fh.avscan_key": (
        "Key of the AVScan service: with it the tracker checks whether your domains and landings "
        "got into antivirus bases."
    ),
    "fx.avscan_key": "a1b2c3d4e5f6",
    # --- bind_visitors: asked as choice in campaigns.create, campaigns.update
    #     model says: Bind visitors to streams, landings, offers
    "fl.bind_visitors": "Bind visitors",
    "fh.bind_visitors": (
        "A returning visitor gets to the same place as the first time: the same stream, landing, "
        "offer; works with weight rotation."
    ),
    "fx.bind_visitors": "Stream + landing + offer",
    "fc.bind_visitors.s": "Stream",  # a choice, in campaigns
    "fc.bind_visitors.sl": "Stream + landing",  # a choice, in campaigns
    "fc.bind_visitors.slo": "Stream + landing + offer",  # a choice, in campaigns
    # --- campaign_id: asked as id in streams.list, streams.create, streams.update, blacklist.get,
    #     blacklist.set, clicks.clean, postbacks.list, postbacks.set,
    #     integrations.facebook_add_campaign, integrations.facebook_remove_campaign
    #     model says: Campaign
    #     model says: Only this campaign
    "fl.campaign_id": "Campaign",
    "fh.campaign_id": (
        "The campaign this is about: pick it from the list, search by name or type its number."
    ),
    "fx.campaign_id": "#12 or a name to search",
    # --- campaign_ids: asked as ids in clicks.update_costs
    #     model says: Campaigns
    "fl.campaign_ids": "Campaigns",
    "fh.campaign_ids": "Campaigns whose clicks get the cost; several numbers separated by commas.",
    "fx.campaign_ids": "12, 15",
    # --- catch_not_found: asked as choice in domains.create, domains.update
    "fl.catch_not_found": "Catch 404",
    "fh.catch_not_found": (
        "Yes: clicks on paths that do not exist on the domain go to the default campaign instead "
        "of a 404 page."
    ),
    "fx.catch_not_found": "Yes",
    # --- click_id: asked as text in conversions.create
    #     model says: Click id (subid)
    "fl.click_id": "Click ID (subid)",
    "fh.click_id": (
        "Subid of the click the conversion belongs to: the network sends it in the postback, and "
        "it is in the click log."
    ),
    "fx.click_id": "3b7k2a9f1c8e",
    # --- collect_clicks: asked as choice in streams.create, streams.update
    "fl.collect_clicks": "Collect clicks",
    "fh.collect_clicks": (
        "No: clicks of this stream are not saved to the stats, for example bots; usually Yes."
    ),
    "fx.collect_clicks": "Yes",
    # --- columns: asked as list in clicks.log, conversions.log, reports.build
    "fl.columns": "Columns",
    "fh.columns": (
        "Which columns to show, comma separated, named as in the tracker: datetime, campaign, "
        "country, ip and others."
    ),
    "fx.columns": "datetime, campaign, country, ip",
    # --- comment: asked as text in conversions.create
    #     model says: Comment
    "fl.comment": "Comment",
    "fh.comment": (
        "A note on the conversion for yourself: why it was added by hand and where the data came "
        "from."
    ),
    "fx.comment": "Network postback never arrived",
    # --- comments: asked as text in streams.create, streams.update
    "fl.comments": "Comment",
    "fh.comments": "A note on the stream for you and the team: what it is for and what it tests.",
    "fx.comments": "Bots and moderators → white page",
    # --- conversion_cap_enabled: asked as choice in offers.create, offers.update
    "fl.conversion_cap_enabled": "Conversion cap",
    "fh.conversion_cap_enabled": (
        "Yes: the offer has a daily conversion cap; once it is reached, traffic goes to the "
        "alternative offer."
    ),
    "fx.conversion_cap_enabled": "Yes",
    # --- conversion_timezone: asked as text in offers.create, offers.update
    "fl.conversion_timezone": "Cap time zone",
    "fh.conversion_timezone": (
        "The time zone in which the network counts the day for the cap, as in its dashboard."
    ),
    "fx.conversion_timezone": "UTC",
    # --- cookies_ttl: asked as text in campaigns.create, campaigns.update
    #     model says: Uniqueness period, hours
    "fl.cookies_ttl": "Uniqueness period",
    "fh.cookies_ttl": (
        "For how many hours a repeat visit of the same visitor is not unique: 1 to 8760, usually "
        "24."
    ),
    "fx.cookies_ttl": "24",
    # --- cost: asked as text in campaigns.update_costs
    #     model says: Cost of the whole period
    "fl.cost": "Cost for the period",
    "fh.cost": (
        "How much was spent in the whole period; the tracker spreads it over the clicks and "
        "replaces the old cost."
    ),
    "fx.cost": "120.50",
    # --- cost_auto: asked as choice in campaigns.create, campaigns.update
    #     model says: Take the cost from the click URL
    "fl.cost_auto": "Cost from the link",
    "fh.cost_auto": (
        "Yes: the tracker takes each click's cost from the campaign link, where the source puts "
        "it, not from the Cost field."
    ),
    "fx.cost_auto": "Yes",
    # --- cost_currency: asked as text in campaigns.create, campaigns.update
    "fl.cost_currency": "Cost currency",
    "fh.cost_currency": (
        "The currency you pay the source in, three letters; leave empty for the tracker's currency."
    ),
    "fx.cost_currency": "USD",
    # --- cost_type: asked as choice in campaigns.create, campaigns.update
    #     model says: Cost model
    "fl.cost_type": "Cost model",
    "fh.cost_type": (
        "What you pay the source for: a click (CPC), 1000 impressions (CPM), a conversion (CPA) or "
        "a revenue share (RevShare)."
    ),
    "fx.cost_type": "CPC",
    "fc.cost_type.CPA": "CPA · per conversion",  # a choice, in campaigns
    "fc.cost_type.CPC": "CPC · per click",  # a choice, in campaigns
    "fc.cost_type.CPM": "CPM · per 1000 views",  # a choice, in campaigns
    "fc.cost_type.CPS": "CPS · per sale",  # a choice, in campaigns
    "fc.cost_type.CPUC": "CPUC · per unique click",  # a choice, in campaigns
    "fc.cost_type.CPUV": "CPUV · per visitor",  # a choice, in campaigns
    "fc.cost_type.CPV": "CPV · per visit",  # a choice, in campaigns
    "fc.cost_type.RevShare": "RevShare · % of revenue",  # a choice, in campaigns
    # --- cost_value: asked as text in campaigns.create, campaigns.update
    #     model says: Cost per unit
    "fl.cost_value": "Cost",
    "fh.cost_value": (
        "What you pay the source per unit of the chosen model: a click, 1000 impressions or a "
        "conversion; a percent for RevShare."
    ),
    "fx.cost_value": "0.05",
    # --- costs: asked as json in clicks.update_costs
    #     model says: Periods and their costs
    "fl.costs": "Costs by period",
    "fh.costs": (
        "One or more periods: start, end, amount, currency, time zone and, if needed, the subs to "
        "put the cost on."
    ),
    "fx.costs": "May 1, whole day: 120.50 USD, UTC",
    # --- country: asked as list in offers.create, offers.update
    #     model says: Countries, ISO codes
    "fl.country": "Countries",
    "fh.country": "The offer's GEO: two-letter country codes separated by commas.",
    "fx.country": "DE, AT",
    # --- currency: asked as text in campaigns.update_costs, clicks.update_costs,
    #     conversions.create, postbacks.send
    #     model says: Currency, three letters (USD, EUR, RUB)
    "fl.currency": "Currency",
    "fh.currency": (
        "Three-letter currency code; the tracker converts the amount to its own currency."
    ),
    "fx.currency": "USD",
    # --- daily_cap: asked as text in offers.create, offers.update
    "fl.daily_cap": "Daily cap",
    "fh.daily_cap": (
        "How many conversions a day the offer accepts; after that, traffic goes to the alternative "
        "offer."
    ),
    "fx.daily_cap": "50",
    # --- data: asked as text in landing_pages.update_file, offers.update_file
    #     model says: New contents of the file
    "fl.data": "File contents",
    "fh.data": (
        "The whole new text of the file: HTML, CSS, JS or PHP; it replaces what the file holds now."
    ),
    "fx.data": "Thank you! Our manager will call you soon.",
    # --- default_campaign_id: asked as id in domains.create, domains.update
    #     model says: Campaign for unknown paths
    "fl.default_campaign_id": "Default campaign",
    "fh.default_campaign_id": (
        "Where traffic goes that comes to the domain without a campaign path, and clicks on "
        "unknown paths if Catch 404 is on."
    ),
    "fx.default_campaign_id": "#12 or a name to search",
    # --- dimensions: asked as list in reports.build
    #     model says: Group by: day, campaign, offer, country, sub_id_1...
    "fl.dimensions": "Group by",
    "fh.dimensions": (
        "What to split the report by, comma separated, as named in the tracker: day, campaign, "
        "offer, country, subs and more."
    ),
    "fx.dimensions": "day, campaign, country",
    # --- domain_id: asked as id in campaigns.create, campaigns.update
    #     model says: Domain
    "fl.domain_id": "Domain",
    "fh.domain_id": (
        "The domain of the campaign link: pick one of the domains parked on the tracker."
    ),
    "fx.domain_id": "trk.example.com or #2",
    # --- end_date: asked as text in campaigns.update_costs, clicks.clean
    #     model says: Date and time, YYYY-MM-DD HH:MM
    #     model says: To, YYYY-MM-DD HH:MM
    "fl.end_date": "Period end",
    "fh.end_date": "Date and time the period ends, inclusive: year-month-day and hours:minutes.",
    "fx.end_date": "2024-05-07 23:59",
    # --- extended: asked as choice in campaigns.list
    #     model says: Add group, source and stream count
    "fl.extended": "With details",
    "fh.extended": "Yes: add each campaign's group, traffic source and number of streams.",
    "fx.extended": "Yes",
    # --- filter_or: asked as choice in streams.create, streams.update
    #     model says: Match any filter instead of all
    "fl.filter_or": "Match any filter",
    "fh.filter_or": (
        "Yes: the stream takes a click if at least one filter matches; No: all filters must match."
    ),
    "fx.filter_or": "No",
    # --- filters: asked as json in campaigns.update_costs, streams.create, streams.update,
    #     clicks.log, conversions.log, reports.build
    #     model says: Which clicks, e.g. sub_id_1
    "fl.filters": "Filters",
    "fh.filters": (
        "Which rows to keep: a column, a condition and a value, for example country is DE or ROI "
        "is above 0."
    ),
    "fx.filters": "Country is DE, campaign #12",
    #     (as used in campaigns)
    "fl.campaigns.filters": "Click filter",
    "fh.campaigns.filters": (
        "If the cost is only for some clicks: a sub, source or keyword and its values, comma "
        "separated."
    ),
    "fx.campaigns.filters": "Sub 1 is 101 or 102",
    #     (as used in streams)
    "fl.streams.filters": "Filters",
    "fh.streams.filters": (
        "Which clicks the stream takes or turns away: country, device, OS, subs, bots and more."
    ),
    "fx.streams.filters": "Country is DE or AT",
    # --- group_id: asked as id in campaigns.create, campaigns.update, landing_pages.create,
    #     landing_pages.update, offers.create, offers.update
    #     model says: Group
    "fl.group_id": "Group",
    "fh.group_id": "A group to keep your lists tidy; 0 for no group.",
    "fx.group_id": "Facebook or #3",
    # --- id: asked as id in campaigns.get, campaigns.update, campaigns.archive, campaigns.restore,
    #     campaigns.clone, campaigns.enable, campaigns.disable, campaigns.update_costs,
    #     streams.get, streams.update, streams.archive, streams.restore, streams.enable,
    #     streams.disable, streams.events, landing_pages.get, landing_pages.update,
    #     landing_pages.archive, landing_pages.clone, landing_pages.download,
    #     landing_pages.get_structure, landing_pages.get_file, landing_pages.add_file,
    #     landing_pages.update_file, landing_pages.remove_file, offers.get, offers.update,
    #     offers.archive, offers.clone, offers.download, offers.get_structure, offers.get_file,
    #     offers.add_file, offers.update_file, offers.remove_file, traffic_sources.get,
    #     traffic_sources.update, traffic_sources.archive, traffic_sources.clone,
    #     affiliate_networks.get, affiliate_networks.update, affiliate_networks.archive,
    #     affiliate_networks.clone, domains.get, domains.update, domains.archive, domains.restore,
    #     domains.check, groups.update, groups.delete, users.get, users.update, users.delete,
    #     users.update_access, integrations.facebook_get, integrations.facebook_update,
    #     integrations.facebook_delete, integrations.facebook_campaigns,
    #     integrations.facebook_add_campaign, integrations.facebook_remove_campaign
    #     model says: Id of the entity
    "fl.id": "ID",
    "fh.id": (
        "What to work with: pick it from the list, search by name or type the number from its card."
    ),
    "fx.id": "#12 or a name to search",
    # --- imklo_api_url: asked as text in integrations.imklo_set
    #     model says: IMKLO API URL
    "fl.imklo_api_url": "IMKLO link",
    "fh.imklo_api_url": (
        "The check link from your IMKLO account: with it the tracker checks clicks for bots and "
        "moderators."
    ),
    "fx.imklo_api_url": "https://imklo.example.com/abc123",
    # --- is_ssl: asked as choice in domains.create, domains.update
    "fl.is_ssl": "HTTPS",
    "fh.is_ssl": "Yes: links on this domain open over HTTPS; this needs an SSL certificate.",
    "fx.is_ssl": "Yes",
    # --- items: asked as json in blacklist.set
    #     model says: Value → blacklist / whitelist
    "fl.items": "List values",
    "fh.items": (
        "Values of the chosen column and where each one goes: to the blacklist or the whitelist."
    ),
    "fx.items": "1.2.3.4 to blacklist, 5.6.7.8 to whitelist",
    # --- label_name: asked as choice in blacklist.get
    "fl.label_name": "List",
    "fh.label_name": "Which list to show: the blacklist or the whitelist.",
    "fx.label_name": "Blacklist",
    "fc.label_name.blacklist": "Blacklist",  # a choice, in blacklist
    "fc.label_name.whitelist": "Whitelist",  # a choice, in blacklist
    # --- landing_type: asked as choice in landing_pages.create, landing_pages.update
    "fl.landing_type": "Landing type",
    "fh.landing_type": (
        "Where the landing is: uploaded to the tracker as a zip, on an external site, preloaded by "
        "the tracker, or an action."
    ),
    "fx.landing_type": "External (by URL)",
    "fc.landing_type.action": "Action",  # a choice, in landing_pages
    "fc.landing_type.external": "External (by URL)",  # a choice, in landing_pages
    "fc.landing_type.local": "Local (zip)",  # a choice, in landing_pages
    "fc.landing_type.preloaded": "Preloaded",  # a choice, in landing_pages
    # --- landings: asked as json in streams.create, streams.update
    "fl.landings": "Landings",
    "fh.landings": (
        "The stream's landings and the share of traffic of each, in percent; 100 in total."
    ),
    "fx.landings": "Landing A 50%, Landing B 50%",
    # --- limit: asked as text in clicks.log, conversions.log, reports.build, logs.get
    "fl.limit": "How many rows",
    "fh.limit": "How many rows to show at once, from 1 to 10,000.",
    "fx.limit": "100",
    # --- login: asked as text in users.create, users.update
    "fl.login": "Login",
    "fh.login": "The name for signing in to the tracker panel; no one else may have it yet.",
    "fx.login": "buyer-anna",
    # --- measures: asked as list in reports.build
    #     model says: Numbers: clicks, conversions, revenue, profit, roi...
    "fl.measures": "Metrics",
    "fh.measures": (
        "Which numbers to count, comma separated, as named in the tracker: clicks, leads, sales, "
        "revenue, cost, profit, roi."
    ),
    "fx.measures": "clicks, conversions, revenue, profit, roi",
    # --- name: asked as text in campaigns.create, campaigns.update, streams.create,
    #     streams.update, landing_pages.create, landing_pages.update, offers.create, offers.update,
    #     traffic_sources.create, traffic_sources.update, affiliate_networks.create,
    #     affiliate_networks.update, domains.create, domains.update, groups.create, groups.update,
    #     integrations.facebook_create, integrations.facebook_update
    #     model says: Domain; a comma list creates several
    #     model says: Name
    "fl.name": "Name",
    "fh.name": (
        "What it will be called in the tracker; for a domain, the domain itself, several separated "
        "by commas."
    ),
    "fx.name": "FB | DE | Keto",
    # --- new_password: asked as text in users.create, users.update
    #     model says: Password
    "fl.new_password": "Password",
    "fh.new_password": (
        "Password for signing in to the tracker panel; best one you use nowhere else."
    ),
    "fx.new_password": "Xk7-pQ2-mR9",
    # --- new_password_confirmation: asked as text in users.create, users.update
    #     model says: Again
    #     model says: Again (same as password)
    "fl.new_password_confirmation": "Password again",
    "fh.new_password_confirmation": (
        "Repeat the password; if you leave it empty, the one entered above is used."
    ),
    "fx.new_password_confirmation": "Xk7-pQ2-mR9",
    # --- notes: asked as text in campaigns.create, campaigns.update, landing_pages.create,
    #     landing_pages.update, offers.create, offers.update, traffic_sources.create,
    #     traffic_sources.update, affiliate_networks.create, affiliate_networks.update,
    #     domains.create, domains.update
    "fl.notes": "Notes",
    "fh.notes": "Any text for you and the team: terms, contacts, what you are testing.",
    "fx.notes": "Cap 50 a day, approve about 40%",
    # --- offer_param: asked as text in affiliate_networks.create, affiliate_networks.update
    #     model says: e.g. sub1={subid}
    "fl.offer_param": "Offer parameters",
    "fh.offer_param": (
        "What the tracker adds to the URL of every offer of this network, so that it returns the "
        "subid in the postback."
    ),
    "fx.offer_param": "sub1={{subid}}",
    # --- offer_selection: asked as text in streams.create, streams.update
    #     model says: Newer trackers only
    "fl.offer_selection": "Offer selection",
    "fh.offer_selection": (
        "When the stream picks the offer: before or after the landing click; newer trackers only, "
        "you can skip it."
    ),
    "fx.offer_selection": "As in the stream settings in the tracker",
    # --- offer_type: asked as choice in offers.create, offers.update
    "fl.offer_type": "Offer type",
    "fh.offer_type": (
        "Where the offer is: a network link (the usual), a zip uploaded to the tracker, a page the "
        "tracker preloads, or an action."
    ),
    "fx.offer_type": "External (by URL)",
    "fc.offer_type.action": "Action",  # a choice, in offers
    "fc.offer_type.external": "External (by URL)",  # a choice, in offers
    "fc.offer_type.local": "Local (zip)",  # a choice, in offers
    "fc.offer_type.preloaded": "Preloaded",  # a choice, in offers
    # --- offers: asked as json in streams.create, streams.update
    "fl.offers": "Offers",
    "fh.offers": (
        "The stream's offers and the share of traffic of each, in percent; they must add up to 100."
    ),
    "fx.offers": "Offer A 60%, Offer B 40%",
    # --- offset: asked as text in clicks.log, conversions.log, reports.build, logs.get
    "fl.offset": "Skip rows",
    "fh.offset": "How many first rows to skip to see the next page; 0 to start from the top.",
    "fx.offset": "100",
    # --- only_campaign_uniques: asked as choice in campaigns.update_costs, clicks.update_costs
    #     model says: Spread over unique clicks only
    "fl.only_campaign_uniques": "Unique clicks only",
    "fh.only_campaign_uniques": (
        "Which clicks carry the cost: all of them, or only the campaign's unique clicks, so repeat "
        "clicks stay free."
    ),
    "fx.only_campaign_uniques": "Unique clicks only",
    "fc.only_campaign_uniques.0": "All clicks",  # a choice, in clicks
    "fc.only_campaign_uniques.1": "Unique clicks only",  # a choice, in clicks
    # --- parameters: asked as json in campaigns.create, campaigns.update, traffic_sources.create,
    #     traffic_sources.update
    #     model says: Tracking parameters of the click URL
    "fl.parameters": "Link parameters",
    "fh.parameters": (
        "Which tags the source passes in the link: the parameter name and the source's macro for "
        "keyword, cost and subs."
    ),
    "fx.parameters": "sub1 is the zone ID, sub2 the creative ID",
    # --- path: asked as text in landing_pages.get_file, landing_pages.add_file,
    #     landing_pages.update_file, landing_pages.remove_file, offers.get_file, offers.add_file,
    #     offers.update_file, offers.remove_file
    #     model says: File path inside the archive
    "fl.path": "File path",
    "fh.path": (
        "Path to the file inside the landing or offer archive, from its root, as in the list of "
        "files."
    ),
    "fx.path": "order/success.html",
    # --- payout: asked as text in postbacks.send
    "fl.payout": "Payout",
    "fh.payout": (
        "The conversion amount as the network would send it; leave empty and the tracker takes the "
        "offer's payout."
    ),
    "fx.payout": "12.5",
    # --- payout_auto: asked as choice in offers.create, offers.update
    #     model says: Take the payout from the postback
    "fl.payout_auto": "Payout from postback",
    "fh.payout_auto": (
        "Yes: the tracker takes the conversion amount from the network's postback; No: it always "
        "uses the offer's payout."
    ),
    "fx.payout_auto": "Yes",
    # --- payout_currency: asked as text in offers.create, offers.update
    "fl.payout_currency": "Payout currency",
    "fh.payout_currency": "The currency the network pays you in, three letters.",
    "fx.payout_currency": "EUR",
    # --- payout_type: asked as choice in offers.create, offers.update
    "fl.payout_type": "Payout type",
    "fh.payout_type": "What the network pays you for: a conversion (CPA) or a click (CPC).",
    "fx.payout_type": "CPA",
    "fc.payout_type.CPA": "CPA · per conversion",  # a choice, in offers
    "fc.payout_type.CPC": "CPC · per click",  # a choice, in offers
    # --- payout_upsell: asked as choice in offers.create, offers.update
    "fl.payout_upsell": "Upsells",
    "fh.payout_upsell": (
        "Yes: repeat sales (upsells) on the same click count as separate conversions."
    ),
    "fx.payout_upsell": "No",
    # --- payout_value: asked as text in offers.create, offers.update
    #     model says: Payout
    "fl.payout_value": "Payout",
    "fh.payout_value": (
        "How much the network pays you for one conversion or click; used when the postback brings "
        "no amount."
    ),
    "fx.payout_value": "25",
    # --- position: asked as text in streams.create, streams.update, groups.update
    "fl.position": "Position",
    "fh.position": "Place in the list: the smaller the number, the higher it is.",
    "fx.position": "1",
    #     (as used in streams)
    "fl.streams.position": "Position",
    "fh.streams.position": (
        "The stream's place among the campaign's streams: lower comes first; matters with rotation "
        "by position."
    ),
    "fx.streams.position": "2",
    #     (as used in groups)
    "fl.groups.position": "Position",
    "fh.groups.position": (
        "The group's place in the list: the smaller the number, the higher it is."
    ),
    "fx.groups.position": "1",
    # --- postback_key: asked as text in conversions.create, postbacks.send
    #     model says: Postback key of the tracker
    "fl.postback_key": "Postback key",
    "fh.postback_key": (
        "The key in the tracker's postback URL, shown in its settings; leave empty to use the "
        "saved one."
    ),
    "fx.postback_key": "e89bcbe",
    # --- postback_statuses: asked as list in traffic_sources.create, traffic_sources.update
    "fl.postback_statuses": "Postback statuses",
    "fh.postback_statuses": (
        "For which conversion statuses to send a postback to the source, comma separated: lead, "
        "sale, rejected, rebill."
    ),
    "fx.postback_statuses": "lead, sale",
    # --- postback_url: asked as text in traffic_sources.create, traffic_sources.update,
    #     affiliate_networks.create, affiliate_networks.update
    "fl.postback_url": "Postback URL",
    "fh.postback_url": (
        "For a source, where the tracker sends conversions, with macros; for a network, the link "
        "you paste into its dashboard."
    ),
    "fx.postback_url": "https://ts.example/pb?cid={{subid}}",
    # --- postbacks: asked as json in campaigns.create, campaigns.update, postbacks.set
    #     model says: Postbacks to the source
    #     model says: The whole list; missing ones are removed
    "fl.postbacks": "Postbacks",
    "fh.postbacks": (
        "Postbacks to the source: URL with macros, method and statuses; when the list is replaced, "
        "the ones left out are removed."
    ),
    "fx.postbacks": "GET https://ts.example/pb?cid={{subid}} on sale",
    # --- preferences: asked as json in users.create, users.update
    "fl.preferences": "User settings",
    "fh.preferences": "The panel language (ru or en) and the user's time zone.",
    "fx.preferences": "Language en, time zone Europe/Berlin",
    # --- proxy: asked as json in integrations.facebook_create, integrations.facebook_update
    "fl.proxy": "Proxy",
    "fh.proxy": (
        "Proxy for requests to Facebook: protocol (http, https, socks5), address, port and, if "
        "needed, login and password."
    ),
    "fx.proxy": "socks5 10.0.0.1:1080, login user",
    # --- proxy_enabled: asked as choice in integrations.facebook_create,
    #     integrations.facebook_update
    "fl.proxy_enabled": "Use proxy",
    "fh.proxy_enabled": (
        "Yes: the tracker goes to Facebook for spend through the proxy set in this integration."
    ),
    "fx.proxy_enabled": "Yes",
    # --- query: asked as text in streams.search, logs.get
    #     model says: Text to look for
    "fl.query": "Search for",
    "fh.query": "A word or part of the text to find.",
    "fx.query": "keto",
    #     (as used in streams)
    "fl.streams.query": "Search for",
    "fh.streams.query": "Part of a stream name; the search covers the streams of all campaigns.",
    "fx.streams.query": "Bots",
    #     (as used in logs)
    "fl.logs.query": "Text in the log",
    "fh.logs.query": "Show only the log lines with this text: a subid, a domain, an error message.",
    "fx.logs.query": "3b7k2a9f1c8e",
    # --- range: asked as json in clicks.log, conversions.log, reports.build
    "fl.range": "Period",
    "fh.range": (
        "For what time: a ready period (today, yesterday, 7 days) or dates from and to, in the "
        "time zone you need."
    ),
    "fx.range": "Today, Europe/Berlin",
    # --- ref_name: asked as text in blacklist.get, blacklist.set
    #     model says: Column: sub_id_1, source, ip, keyword...
    "fl.ref_name": "Report column",
    "fh.ref_name": (
        "Which column the list is kept for: ip, source, keyword or a sub with its number, as named "
        "in the report."
    ),
    "fx.ref_name": "ip",
    # --- revenue: asked as text in conversions.create
    #     model says: Revenue
    "fl.revenue": "Revenue",
    "fh.revenue": (
        "How much the conversion earned; leave empty and the tracker takes the payout from the "
        "offer."
    ),
    "fx.revenue": "12.5",
    # --- schema_: asked as choice in streams.create, streams.update
    #     model says: What the stream does with a click
    "fl.schema_": "Schema",
    "fh.schema_": (
        "What the stream does with a click: sends it to landings and offers, redirects it straight "
        "to a URL, or runs an action."
    ),
    "fx.schema_": "Landing → offer",
    "fc.schema_.action": "Action",  # a choice, in streams
    "fc.schema_.landings": "Landing → offer",  # a choice, in streams
    "fc.schema_.redirect": "Redirect",  # a choice, in streams
    # --- sort: asked as json in clicks.log, conversions.log, reports.build
    "fl.sort": "Sorting",
    "fh.sort": "Which column to order the rows by and in which direction: ascending or descending.",
    "fx.sort": "Profit, descending",
    # --- ssl_redirect: asked as choice in domains.create, domains.update
    "fl.ssl_redirect": "Redirect to HTTPS",
    "fh.ssl_redirect": "Yes: visits over http are sent on to https automatically.",
    "fx.ssl_redirect": "Yes",
    # --- start_date: asked as text in campaigns.update_costs, clicks.clean
    #     model says: Date and time, YYYY-MM-DD HH:MM
    #     model says: From, YYYY-MM-DD HH:MM
    "fl.start_date": "Period start",
    "fh.start_date": "Date and time the period starts: year-month-day and hours:minutes.",
    "fx.start_date": "2024-05-01 00:00",
    # --- state: asked as choice in campaigns.create, campaigns.update, streams.create,
    #     streams.update, landing_pages.create, landing_pages.update, offers.create, offers.update,
    #     traffic_sources.create, traffic_sources.update, domains.update
    "fl.state": "State",
    "fh.state": "Active, paused or archived; an archived item can be restored later.",
    "fx.state": "Active",
    # a choice, in campaigns, domains, landing_pages, offers, streams, traffic_sources
    "fc.state.active": "Active",
    # a choice, in campaigns, domains, landing_pages, offers, streams, traffic_sources
    "fc.state.deleted": "Archived",
    "fc.state.disabled": "Paused",  # a choice, in campaigns, landing_pages, streams
    # --- status: asked as text in conversions.create, postbacks.send
    #     model says: lead, sale, rejected, rebill
    "fl.status": "Status",
    "fh.status": (
        "Conversion status: lead, sale, rejected or rebill; a network's own status, such as hold, "
        "is matched by the tracker."
    ),
    "fx.status": "sale",
    # --- subid: asked as text in postbacks.send
    #     model says: Click id (subid)
    "fl.subid": "Click ID (subid)",
    "fh.subid": (
        "Subid of the click that converted: the tracker puts it in the offer URL, the network "
        "returns it in the postback."
    ),
    "fx.subid": "3b7k2a9f1c8e",
    # --- summary: asked as choice in reports.build
    #     model says: Add totals
    "fl.summary": "Totals",
    "fh.summary": "Yes: add a row under the report with the totals of all rows.",
    "fx.summary": "Yes",
    # --- template_name: asked as text in traffic_sources.create, traffic_sources.update
    "fl.template_name": "Template",
    "fh.template_name": (
        "The Keitaro catalog template that filled in this source's parameters and postback; "
        "usually leave it as it is."
    ),
    "fx.template_name": "facebook",
    # --- tid: asked as text in postbacks.send
    "fl.tid": "Transaction ID",
    "fh.tid": (
        "The network's transaction ID: a new one makes a separate conversion on the same click; "
        "without it, the old one is overwritten."
    ),
    "fx.tid": "TX-100234",
    # --- timezone: asked as text in campaigns.update_costs, clicks.update_costs, clicks.clean
    #     model says: Time zone, e.g. Europe/Moscow
    "fl.timezone": "Time zone",
    "fh.timezone": "The time zone of the period's dates, named as in the tracker.",
    "fx.timezone": "Europe/Berlin",
    # --- token: asked as text in campaigns.create, campaigns.update, integrations.facebook_create,
    #     integrations.facebook_update
    #     model says: Access token
    #     model says: Click API token
    "fl.token": "Token",
    "fh.token": "Access key: paste it whole, without spaces.",
    "fx.token": "9c1d2e7f0a5b4c3d",
    #     (as used in campaigns)
    "fl.campaigns.token": "Campaign token",
    "fh.campaigns.token": (
        "Token for server-side integration, when your own site passes clicks to the tracker; the "
        "tracker usually makes it."
    ),
    "fx.campaigns.token": "9c1d2e7f0a5b4c3d2e1f0a9b8c7d6e5f",
    #     (as used in integrations)
    "fl.integrations.token": "Facebook token",
    "fh.integrations.token": (
        "Access token of the ad account, from your Facebook account: with it the tracker pulls "
        "spend."
    ),
    "fx.integrations.token": "EAABsbCS1iHgBA…",
    # --- traffic_loss: asked as text in traffic_sources.create, traffic_sources.update
    #     model says: Traffic loss, percent
    "fl.traffic_loss": "Traffic loss, %",
    "fh.traffic_loss": (
        "What percent of clicks gets lost between the source and the tracker, 0 to 100; the "
        "tracker counts it in costs."
    ),
    "fx.traffic_loss": "5",
    # --- traffic_source_id: asked as id in campaigns.create, campaigns.update
    #     model says: Traffic source
    "fl.traffic_source_id": "Traffic source",
    "fh.traffic_source_id": (
        "Where the campaign's traffic comes from: the source sets the link parameters and the "
        "postback; 0 for none."
    ),
    "fx.traffic_source_id": "Facebook or #7",
    # --- transaction_id: asked as text in conversions.create
    #     model says: Transaction id
    "fl.transaction_id": "Transaction ID",
    "fh.transaction_id": (
        "The network's transaction ID: a new one makes a separate conversion on the same click; "
        "without it, the old one is overwritten."
    ),
    "fx.transaction_id": "TX-100234",
    # --- triggers: asked as json in streams.create, streams.update
    "fl.triggers": "Monitoring",
    "fh.triggers": (
        "Scheduled checks: if a landing or offer stops responding, the stream turns it off or "
        "swaps its URL."
    ),
    "fx.triggers": "Offer not responding → turn off",
    # --- type: asked as choice in campaigns.create, campaigns.update, streams.create,
    #     streams.update, groups.list, groups.create, users.create, users.update, logs.get,
    #     logs.clean
    #     model says: Stream rotation
    #     model says: Stream type
    #     model says: What the group holds
    #     model says: What the groups hold
    #     model says: Which log
    "fl.type": "Type",
    "fh.type": "The kind of thing you are setting up: it decides how it will work.",
    "fx.type": "Regular",
    #     (as used in campaigns)
    "fl.campaigns.type": "Stream rotation",
    "fh.campaigns.type": (
        "By position: streams are checked in order; by weight: traffic is split between streams by "
        "their weights."
    ),
    "fx.campaigns.type": "Weight (split)",
    #     (as used in streams)
    "fl.streams.type": "Stream type",
    "fh.streams.type": (
        "Forced streams are checked first, regular ones next, and the default one takes clicks "
        "that fit nowhere else."
    ),
    "fx.streams.type": "Regular",
    #     (as used in groups)
    "fl.groups.type": "What the group holds",
    "fh.groups.type": "What the groups hold: campaigns, offers, landings or domains.",
    "fx.groups.type": "Campaigns",
    #     (as used in users)
    "fl.users.type": "Role",
    "fh.users.type": (
        "An admin sees and changes everything; a user, only what their access rights open to them."
    ),
    "fx.users.type": "User",
    #     (as used in logs)
    "fl.logs.type": "Which log",
    "fh.logs.type": (
        "The system log, the traffic log, incoming or sent postbacks, or SSL certificate issuing."
    ),
    "fx.logs.type": "Incoming postbacks",
    "fc.type.ADMIN": "Admin",  # a choice, in users
    "fc.type.USER": "User",  # a choice, in users
    "fc.type.campaigns": "Campaigns",  # a choice, in groups
    "fc.type.default": "Default (fallback)",  # a choice, in streams
    "fc.type.domains": "Domains",  # a choice, in groups
    "fc.type.forced": "Forced (intercepting)",  # a choice, in streams
    "fc.type.landings": "Landings",  # a choice, in groups
    "fc.type.offers": "Offers",  # a choice, in groups
    "fc.type.position": "Position",  # a choice, in campaigns
    "fc.type.postbacks": "Incoming postbacks",  # a choice, in logs
    "fc.type.regular": "Regular",  # a choice, in streams
    "fc.type.sent_postbacks": "Sent postbacks",  # a choice, in logs
    "fc.type.ssl": "SSL certificates",  # a choice, in logs
    "fc.type.system": "System",  # a choice, in logs
    "fc.type.traffic": "Traffic",  # a choice, in logs
    "fc.type.weight": "Weight (split)",  # a choice, in campaigns
    # --- uniqueness_method: asked as choice in campaigns.create, campaigns.update
    "fl.uniqueness_method": "Uniqueness method",
    "fh.uniqueness_method": (
        "How the tracker recognizes a returning visitor: by IP only, or by IP together with the "
        "browser (User-Agent)."
    ),
    "fx.uniqueness_method": "By IP + User-Agent",
    "fc.uniqueness_method.ip": "By IP",  # a choice, in campaigns
    "fc.uniqueness_method.ip_ua": "By IP + User-Agent",  # a choice, in campaigns
    # --- uniqueness_use_cookies: asked as choice in campaigns.create, campaigns.update
    "fl.uniqueness_use_cookies": "Use cookies",
    "fh.uniqueness_use_cookies": (
        "Yes: a returning visitor is also recognized by a cookie in the browser, which makes "
        "uniqueness more accurate."
    ),
    "fx.uniqueness_use_cookies": "Yes",
    # --- url: asked as text in landing_pages.create, landing_pages.update
    #     model says: Landing URL
    "fl.url": "Landing URL",
    "fh.url": (
        "Address of the external landing; add tracker macros if the landing needs the click's data."
    ),
    "fx.url": "https://example.com/lp/?sub={{subid}}",
    # --- value: asked as text in botlist.replace, botlist.add, botlist.exclude
    #     model says: IPs and ranges, one per line
    "fl.value": "IPs and ranges",
    "fh.value": "Bot IP addresses, one per line; write a range with a mask, such as /24.",
    "fx.value": "66.249.64.0/19",
    # --- weight: asked as text in streams.create, streams.update
    "fl.weight": "Weight",
    "fh.weight": (
        "The stream's share with rotation by weight: traffic is split in proportion to the "
        "weights, 0 to 1000, usually 100."
    ),
    "fx.weight": "100",
    # --- wildcard: asked as choice in domains.create
    "fl.wildcard": "All subdomains",
    "fh.wildcard": (
        "Yes: the domain also takes traffic on any of its subdomains; an outdated setting, usually "
        "No."
    ),
    "fx.wildcard": "No",
    # a campaign label's report column (ref_name): the same names as the filters'
    **{f"fc.ref_name.sub_id_{n}": f"Sub ID {n}" for n in range(1, 16)},
    "fc.ref_name.source": "Source",
    "fc.ref_name.keyword": "Keyword",
    "fc.ref_name.ip": "IP",
}
