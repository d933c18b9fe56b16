"""Who a form works for: the caller's request on their active tracker."""

from bot.services.request import TrackerRequest

#: forms use the shared request as it is
FormContext = TrackerRequest

__all__ = ["FormContext"]
