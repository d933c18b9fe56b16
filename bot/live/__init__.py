"""The live conversion feed: every lead, sale and rejection told in the chat, once.

``settings`` (what a feed watches and where it tells it), ``events`` (the tracker's log rows
turned into what is new), ``poller`` (one poll a tracker a tick, claim before send),
``messages`` (the notifications and summaries), ``reconcile`` (the daily count against the
tracker's). The screens that edit the settings are ``bot.handlers.live``.
"""
