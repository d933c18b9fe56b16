"""Per-update layers: who may use the bot, how fast, in which language, with which tracker."""
