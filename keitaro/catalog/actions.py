"""The action catalog: every Admin API action, declared once, under its canonical name.

The names are those of section 7 of ``shared/keitaro-api.md``; the client, the sandbox, the
bot and users' scripts refer to them. One line per action: name, method, path, parameters,
what it does to the tracker, a short summary a menu can show.
"""

from __future__ import annotations

from keitaro.catalog import params as p
from keitaro.catalog.action import Access, Action, Fallback, NoParams, Target
from keitaro.guesses import LOG_TYPES_METHODS, STREAM_ACTIONS_PATHS

R, W, D = Access.READ, Access.WRITE, Access.DESTROY
FULL = "full"

_DECLARATIONS: tuple[Action, ...] = (
    # campaigns
    Action("campaigns.list", "GET", "/campaigns", p.CampaignList, R, "List campaigns", returns_list=True),
    Action("campaigns.get", "GET", "/campaigns/{id}", p.ById, R, "Show a campaign"),
    Action("campaigns.create", "POST", "/campaigns", p.CampaignCreate, W, "Create a campaign"),
    Action("campaigns.update", "PUT", "/campaigns/{id}", p.CampaignUpdate, W, "Change a campaign"),
    Action("campaigns.archive", "DELETE", "/campaigns/{id}", p.ById, D, "Archive a campaign"),
    Action("campaigns.restore", "POST", "/campaigns/{id}/restore", p.ById, W, "Restore a campaign from the archive"),
    Action("campaigns.clone", "POST", "/campaigns/{id}/clone", p.ById, W, "Clone a campaign"),
    Action("campaigns.enable", "POST", "/campaigns/{id}/enable", p.ById, W, "Resume a campaign"),
    Action("campaigns.disable", "POST", "/campaigns/{id}/disable", p.ById, W, "Pause a campaign"),
    Action("campaigns.update_costs", "POST", "/campaigns/{id}/update_costs", p.CampaignCosts, D, "Replace a campaign's costs for a period"),
    Action("campaigns.list_deleted", "GET", "/campaigns/deleted", NoParams, R, "List archived campaigns", FULL, returns_list=True),
    # streams (flows)
    Action("streams.list", "GET", "/campaigns/{campaign_id}/streams", p.ByCampaign, R, "List a campaign's streams", returns_list=True),
    Action("streams.get", "GET", "/streams/{id}", p.ById, R, "Show a stream"),
    Action("streams.create", "POST", "/streams", p.StreamCreate, W, "Create a stream"),
    Action("streams.update", "PUT", "/streams/{id}", p.StreamUpdate, W, "Change a stream"),
    Action("streams.archive", "DELETE", "/streams/{id}", p.ById, D, "Archive a stream"),
    Action("streams.restore", "POST", "/streams/{id}/restore", p.ById, W, "Restore a stream"),
    Action("streams.enable", "POST", "/streams/{id}/enable", p.ById, W, "Resume a stream"),
    Action("streams.disable", "POST", "/streams/{id}/disable", p.ById, W, "Pause a stream"),
    Action("streams.search", "GET", "/streams/search", p.StreamSearch, R, "Find streams by name", FULL, returns_list=True),
    Action("streams.list_deleted", "GET", "/streams/deleted", NoParams, R, "List archived streams", FULL, returns_list=True),
    Action("streams.events", "GET", "/streams/{id}/events", p.ById, R, "Show a stream's events", FULL),
    # stream filters and the stream vocabulary
    Action("filters.list", "GET", "/stream_filters", NoParams, R, "List stream filters", returns_list=True),
    Action("filters.stream_types", "GET", "/stream_types", NoParams, R, "List stream types", FULL, returns_list=True),
    Action("filters.stream_schemas", "GET", "/stream_schemas", NoParams, R, "List stream schemas", FULL, returns_list=True),
    Action(
        "filters.stream_actions", "GET", STREAM_ACTIONS_PATHS[0], NoParams, R, "List stream actions", FULL,
        returns_list=True, fallbacks=tuple(Fallback("GET", path) for path in STREAM_ACTIONS_PATHS[1:]),
    ),
    # landing pages
    Action("landing_pages.list", "GET", "/landing_pages", NoParams, R, "List landing pages", returns_list=True),
    Action("landing_pages.get", "GET", "/landing_pages/{id}", p.ById, R, "Show a landing page"),
    Action("landing_pages.create", "POST", "/landing_pages", p.LandingCreate, W, "Create a landing page"),
    Action("landing_pages.update", "PUT", "/landing_pages/{id}", p.LandingUpdate, W, "Change a landing page"),
    Action("landing_pages.archive", "DELETE", "/landing_pages/{id}", p.ById, D, "Archive a landing page"),
    Action("landing_pages.clone", "PUT", "/landing_pages/{id}/clone", p.ById, W, "Clone a landing page"),
    Action("landing_pages.download", "GET", "/landing_pages/{id}/download", p.ById, R, "Download a landing's files (zip)", FULL),
    Action("landing_pages.get_structure", "GET", "/landing_pages/{id}/get_structure", p.ById, R, "List a landing's files", FULL),
    Action("landing_pages.get_file", "GET", "/landing_pages/{id}/get_file", p.ByIdAndPath, R, "Show a landing's file", FULL),
    Action("landing_pages.add_file", "POST", "/landing_pages/{id}/add_file", p.ByIdAndPath, W, "Add a file to a landing", FULL, query_fields=("path",)),
    Action("landing_pages.update_file", "PUT", "/landing_pages/{id}/update_file", p.ByIdPathData, D, "Replace a landing's file", FULL, query_fields=("path",)),
    Action("landing_pages.remove_file", "DELETE", "/landing_pages/{id}/remove_file", p.ByIdAndPath, D, "Delete a landing's file", FULL, query_fields=("path",)),
    # offers
    Action("offers.list", "GET", "/offers", NoParams, R, "List offers", returns_list=True),
    Action("offers.get", "GET", "/offers/{id}", p.ById, R, "Show an offer"),
    Action("offers.create", "POST", "/offers", p.OfferCreate, W, "Create an offer"),
    Action("offers.update", "PUT", "/offers/{id}", p.OfferUpdate, W, "Change an offer"),
    Action("offers.archive", "DELETE", "/offers/{id}/archive", p.ById, D, "Archive an offer"),
    Action("offers.clone", "POST", "/offers/{id}/clone", p.ById, W, "Clone an offer"),
    Action("offers.download", "GET", "/offers/{id}/download", p.ById, R, "Download an offer's files (zip)", FULL),
    Action("offers.get_structure", "GET", "/offers/{id}/get_structure", p.ById, R, "List an offer's files", FULL),
    Action("offers.get_file", "GET", "/offers/{id}/get_file", p.ByIdAndPath, R, "Show an offer's file", FULL),
    Action("offers.add_file", "POST", "/offers/{id}/add_file", p.ByIdAndPath, W, "Add a file to an offer", FULL, query_fields=("path",)),
    Action("offers.update_file", "PUT", "/offers/{id}/update_file", p.ByIdPathData, D, "Replace an offer's file", FULL, query_fields=("path",)),
    Action("offers.remove_file", "DELETE", "/offers/{id}/remove_file", p.ByIdAndPath, D, "Delete an offer's file", FULL, query_fields=("path",)),
    # traffic sources
    Action("traffic_sources.list", "GET", "/traffic_sources", NoParams, R, "List traffic sources", returns_list=True),
    Action("traffic_sources.get", "GET", "/traffic_sources/{id}", p.ById, R, "Show a traffic source"),
    Action("traffic_sources.create", "POST", "/traffic_sources", p.SourceCreate, W, "Create a traffic source"),
    Action("traffic_sources.update", "PUT", "/traffic_sources/{id}", p.SourceUpdate, W, "Change a traffic source"),
    Action("traffic_sources.archive", "DELETE", "/traffic_sources/{id}", p.ById, D, "Archive a traffic source"),
    Action("traffic_sources.clone", "POST", "/traffic_sources/{id}/clone", p.ById, W, "Clone a traffic source"),
    # affiliate networks
    Action("affiliate_networks.list", "GET", "/affiliate_networks", NoParams, R, "List affiliate networks", FULL, returns_list=True),
    Action("affiliate_networks.get", "GET", "/affiliate_networks/{id}", p.ById, R, "Show an affiliate network", FULL),
    Action("affiliate_networks.create", "POST", "/affiliate_networks", p.NetworkCreate, W, "Create an affiliate network", FULL),
    Action("affiliate_networks.update", "PUT", "/affiliate_networks/{id}", p.NetworkUpdate, W, "Change an affiliate network", FULL),
    Action("affiliate_networks.archive", "DELETE", "/affiliate_networks/{id}", p.ById, D, "Archive an affiliate network", FULL),
    Action("affiliate_networks.clone", "POST", "/affiliate_networks/{id}/clone", p.ById, W, "Clone an affiliate network", FULL),
    # domains
    Action("domains.list", "GET", "/domains", NoParams, R, "List domains", returns_list=True),
    Action("domains.get", "GET", "/domains/{id}", p.ById, R, "Show a domain"),
    Action("domains.create", "POST", "/domains", p.DomainCreate, W, "Add a domain"),
    Action("domains.update", "PUT", "/domains/{id}", p.DomainUpdate, W, "Change a domain"),
    Action("domains.archive", "DELETE", "/domains/{id}", p.ById, D, "Archive a domain"),
    Action("domains.restore", "POST", "/domains/{id}/restore", p.ById, W, "Restore a domain"),
    Action("domains.check", "POST", "/domains/{id}/check", p.ById, W, "Check a domain's DNS and SSL"),
    Action("domains.list_deleted", "GET", "/domains/deleted", NoParams, R, "List archived domains", FULL, returns_list=True),
    # groups
    Action("groups.list", "GET", "/groups", p.GroupList, R, "List groups", returns_list=True),
    Action("groups.create", "POST", "/groups", p.GroupCreate, W, "Create a group"),
    Action("groups.update", "PUT", "/groups/{id}", p.GroupUpdate, W, "Rename a group"),
    Action("groups.delete", "DELETE", "/groups/{id}/delete", p.ById, D, "Delete a group"),
    # users
    Action("users.list", "GET", "/users", NoParams, R, "List users", returns_list=True),
    Action("users.get", "GET", "/users/{id}", p.ById, R, "Show a user"),
    Action("users.create", "POST", "/users", p.UserCreate, W, "Create a user"),
    Action("users.update", "PUT", "/users/{id}", p.UserUpdate, W, "Change a user"),
    Action("users.delete", "DELETE", "/users/{id}", p.ById, D, "Delete a user"),
    Action("users.update_access", "PUT", "/users/{id}/access", p.UserAccess, D, "Replace a user's access rights"),
    # the IP bot list
    Action("botlist.get", "GET", "/botlist", NoParams, R, "Show the bot IP list"),
    Action("botlist.replace", "PUT", "/botlist", p.BotListValue, D, "Replace the bot IP list"),
    Action("botlist.add", "POST", "/botlist/add", p.BotListValue, W, "Add IPs to the bot list"),
    Action("botlist.exclude", "POST", "/botlist/exclude", p.BotListValue, W, "Remove IPs from the bot list"),
    Action("botlist.clear", "DELETE", "/botlist", NoParams, D, "Clear the bot IP list"),
    # blacklist / whitelist = report labels
    Action("blacklist.get", "GET", "/report/labels", p.LabelsGet, R, "Show labelled values"),
    Action("blacklist.set", "POST", "/report/labels", p.LabelsSet, W, "Blacklist or whitelist values"),
    # clicks
    Action("clicks.log", "POST", "/clicks/log", p.GridQuery, R, "Click log"),
    Action("clicks.update_costs", "POST", "/clicks/update_costs", p.ClicksUpdateCosts, D, "Replace costs of clicks"),
    Action("clicks.clean", "POST", "/clicks/clean", p.ClicksClean, D, "Delete clicks and their stats"),
    # conversions: created through the postback URL, as Keitaro creates them
    Action("conversions.log", "POST", "/conversions/log", p.GridQuery, R, "Conversion log"),
    Action("conversions.create", "GET", "/{postback_key}/postback", p.ConversionCreate, W, "Record a conversion", target=Target.POSTBACK),
    # postbacks: the raw postback, and a campaign's outgoing postbacks
    Action("postbacks.send", "GET", "/{postback_key}/postback", p.PostbackSend, W, "Send a raw postback", target=Target.POSTBACK),
    Action("postbacks.list", "GET", "/campaigns/{campaign_id}", p.ByCampaign, R, "List a campaign's postbacks", extract="postbacks", returns_list=True),
    Action("postbacks.set", "PUT", "/campaigns/{campaign_id}", p.CampaignPostbacks, D, "Replace a campaign's postbacks", extract="postbacks"),
    # stats
    Action("reports.build", "POST", "/report/build", p.ReportBuild, R, "Build a report"),
    # logs
    Action("logs.get", "GET", "/logs/{type}", p.LogsGet, R, "Read a log", returns_list=True),
    Action(
        "logs.types", "POST", "/logs/types", NoParams, R, "List log types", returns_list=True,
        fallbacks=tuple(Fallback(method, "/logs/types") for method in LOG_TYPES_METHODS[1:]),
    ),
    Action("logs.clean", "DELETE", "/logs/{type}", p.LogsClean, D, "Clear a log"),
    # settings: third-party integrations
    Action("integrations.avscan_get", "GET", "/integrations/avscan", NoParams, R, "Show the AVScan key"),
    Action("integrations.avscan_set", "PUT", "/integrations/avscan", p.AvscanSet, W, "Set the AVScan key", query_fields=("avscan_key",)),
    Action("integrations.imklo_get", "GET", "/integrations/imklo", NoParams, R, "Show the IMKLO URL", FULL),
    Action("integrations.imklo_set", "PUT", "/integrations/imklo", p.ImkloSet, W, "Set the IMKLO URL", FULL, query_fields=("imklo_api_url",)),
    Action("integrations.facebook_list", "GET", "/integrations/facebook", NoParams, R, "List Facebook integrations", FULL, extract="data", returns_list=True),
    Action("integrations.facebook_get", "GET", "/integrations/facebook/{id}", p.ById, R, "Show a Facebook integration", FULL, extract="data"),
    Action("integrations.facebook_create", "POST", "/integrations/facebook", p.FacebookCreate, W, "Add a Facebook integration", FULL),
    Action("integrations.facebook_update", "PUT", "/integrations/facebook/{id}", p.FacebookUpdate, W, "Change a Facebook integration", FULL, extract="data"),
    Action("integrations.facebook_delete", "DELETE", "/integrations/facebook/{id}", p.ById, D, "Delete a Facebook integration", FULL),
    Action("integrations.facebook_campaigns", "GET", "/integrations/facebook/{id}/campaign", p.ById, R, "List campaigns tied to a Facebook integration", FULL, returns_list=True),
    Action("integrations.facebook_add_campaign", "POST", "/integrations/facebook/{id}/campaign", p.FacebookCampaign, W, "Tie a campaign to a Facebook integration", FULL),
    Action("integrations.facebook_remove_campaign", "DELETE", "/integrations/facebook/{id}/campaign", p.FacebookCampaign, W, "Untie a campaign from a Facebook integration", FULL),
)  # fmt: skip

ACTIONS: dict[str, Action] = {action.name: action for action in _DECLARATIONS}
if len(ACTIONS) != len(_DECLARATIONS):
    raise RuntimeError("two actions share a name")
