"""The virtual clock and the seeded ids and timestamps of a simulated call.

Nothing sleeps: verbs advance ``Clock.now`` by the time they would take.  Timestamps are
``epoch + now`` in Bandwidth's format (``2019-06-20T15:54:25.435Z``); ids come from a
seeded random generator, so the same seed gives the same transcript byte for byte.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

__all__ = ["EPOCH", "Clock", "Ids", "iso_duration"]

#: The wall-clock time of virtual second 0 (any fixed instant works; this one is readable).
EPOCH = datetime(2026, 1, 1, 12, 0, 0, tzinfo=timezone.utc)


class Clock:
    """Virtual seconds since the call started."""

    def __init__(self) -> None:
        self.now = 0.0

    def advance(self, seconds: float) -> None:
        self.now += max(0.0, seconds)

    def stamp(self, at: float | None = None) -> str:
        """The ISO 8601 UTC timestamp of virtual second ``at`` (default: now)."""
        moment = EPOCH + timedelta(seconds=self.now if at is None else at)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def iso_duration(seconds: float) -> str:
    """``PT20.056S`` / ``PT1M52.2S``: an ISO 8601 duration as Bandwidth writes them."""
    millis = round(seconds * 1000)
    minutes, millis = divmod(millis, 60_000)
    hours, minutes = divmod(minutes, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    whole, frac = divmod(millis, 1000)
    text += f"{whole}.{frac:03d}".rstrip("0").rstrip(".") + "S"
    return text


class Ids:
    """Seeded ids shaped like Bandwidth's (``c-``, ``r-``, ``t-``, ``s-`` + hex groups)."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def _hex(self, digits: int) -> str:
        return f"{self._random.getrandbits(digits * 4):0{digits}x}"

    def uuid(self) -> str:
        return "-".join(self._hex(n) for n in (8, 4, 4, 4, 12))

    def make(self, prefix: str) -> str:
        return f"{prefix}-{self._hex(8)}-{self._hex(8)}-{self.uuid()}"

    def shuffle(self, items: list[object]) -> None:
        self._random.shuffle(items)
