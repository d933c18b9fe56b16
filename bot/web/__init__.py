"""The bot's web server: Telegram's webhook, Keitaro's S2S postbacks, /healthz, /metrics."""
