"""Small helpers shared by the client tests (imported by name; not a conftest)."""

from __future__ import annotations

import random

from fake_bandwidth import CLIENT_ID, CLIENT_SECRET, PASSWORD, USERNAME

from bxmlkit.client import RetryPolicy

#: Every credential the tests use; none may appear in a repr, a message or a log line.
SECRETS = (PASSWORD, CLIENT_SECRET, USERNAME, CLIENT_ID)


class Sleeps(list[float]):
    """A ``sleep`` that records the waits instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def fast_retry(**overrides: object) -> RetryPolicy:
    values: dict[str, object] = {
        "max_retries": 3,
        "backoff_base": 0.01,
        "backoff_max": 0.04,
        "retry_after_max": 5.0,
        "max_elapsed": 10.0,
        "rng": random.Random(7),
    }
    values.update(overrides)
    return RetryPolicy(**values)  # type: ignore[arg-type]
