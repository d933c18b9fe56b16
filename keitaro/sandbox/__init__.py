"""A fake Keitaro tracker for tests, demos and benchmarks: ``async with Sandbox() as sb``."""

from keitaro.sandbox.faults import Faults
from keitaro.sandbox.scenarios import SCENARIOS, Scenarios
from keitaro.sandbox.server import Sandbox
from keitaro.sandbox.store import Store

__all__ = ["SCENARIOS", "Faults", "Sandbox", "Scenarios", "Store"]
