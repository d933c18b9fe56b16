"""Services created once per process and handed to handlers by injection."""
