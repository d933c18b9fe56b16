"""Scheduled digests: when they are due (``schedule``), what they say (``compose``), how they
are sent (``send``, ``limits``). ``bot.scheduler`` runs them; ``bot.handlers.digests`` sets
them up."""
