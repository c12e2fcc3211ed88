"""When and how long to wait before sending a request again."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

__all__ = ["NO_RETRY", "RetryPolicy"]


@dataclass(frozen=True)
class RetryPolicy:
    """Retries with capped exponential backoff, jitter, and a total time budget.

    Which requests are retried is a safety rule, not a setting: a request that is safe to
    repeat (GET, DELETE, a PUT that sets a state) after a 429, 502, 503 or 504, a dropped
    connection or a timeout; a request whose effect would repeat (``create_call``,
    ``update_call``, ``send_message``, ``update_call_bxml`` and ``update_conference_bxml``,
    which restart the document) only when the server refused it with 429 or the connection
    could not be made at all.  With OAuth2 a 401 is retried once, with a new token.

    Attributes:
        max_retries: retries after the first attempt (so at most ``max_retries + 1`` requests).
        backoff_base: the first backoff ceiling, in seconds; it doubles for each retry.
        backoff_max: the largest computed backoff, in seconds.
        retry_after_max: the longest ``Retry-After`` honoured, in seconds.  A longer one is
            not cut short (the server would refuse again): the error is raised at once, with
            ``retry_after`` set, for the caller to schedule.
        max_elapsed: total budget in seconds from the first attempt; a wait that would end
            after it is not started and the last error is raised instead.
        retry_rate_limited: resend a request whose effect would repeat (a POST) after a 429,
            which is a refusal: the server did not act.  Bulk dialers hit the per-second
            limits constantly; set False to get the ``RateLimitError`` at once instead.
        jitter: spread waits randomly ("equal jitter": half fixed, half random) so that many
            clients do not retry in step.  ``Retry-After`` waits are not jittered.
    """

    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    retry_after_max: float = 30.0
    max_elapsed: float = 60.0
    retry_rate_limited: bool = True
    jitter: bool = True
    rng: random.Random = field(default_factory=random.Random, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, not {self.max_retries}")
        for name in ("backoff_base", "backoff_max", "retry_after_max", "max_elapsed"):
            value = getattr(self, name)
            if not value >= 0:  # also refuses NaN
                raise ValueError(f"{name} must be a number >= 0, not {value!r}")

    def backoff(self, retry_number: int) -> float:
        """The computed wait before retry ``retry_number`` (1-based), without Retry-After."""
        ceiling = min(self.backoff_max, self.backoff_base * 2.0 ** (retry_number - 1))
        if not self.jitter:
            return ceiling
        return ceiling / 2 + float(self.rng.uniform(0, ceiling / 2))

    def delay(
        self, *, retry_number: int, elapsed: float, retry_after: float | None
    ) -> float | None:
        """Seconds to wait before retry ``retry_number``, or None to give up now."""
        if retry_number > self.max_retries:
            return None
        if retry_after is not None:
            if retry_after > self.retry_after_max:
                return None
            wait = retry_after
        else:
            wait = self.backoff(retry_number)
        if elapsed + wait > self.max_elapsed:
            return None
        return wait

    def worst_case_wait(self) -> float:
        """An upper bound of the total time spent waiting between attempts."""
        computed = sum(
            min(self.backoff_max, self.backoff_base * 2.0 ** (n - 1))
            for n in range(1, self.max_retries + 1)
        )
        honoured = self.max_retries * self.retry_after_max
        return min(self.max_elapsed, max(computed, honoured))


#: Send every request once.
NO_RETRY = RetryPolicy(max_retries=0)
