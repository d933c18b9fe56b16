"""Stats a buyer trusts: periods in their time zone, totals with their change, winners and losers.

Shared by ``/stats``, the report builder and the scheduled digests, so the three never disagree.
"""

from bot.stats.periods import PERIODS, Period, period_of, previous_of
from bot.stats.summary import MEASURES, Summary, build_summary

__all__ = ["MEASURES", "PERIODS", "Period", "Summary", "build_summary", "period_of", "previous_of"]
