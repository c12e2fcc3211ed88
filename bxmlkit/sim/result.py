"""What a simulated call produced: deliveries, problems, what was heard, the transcript."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bxmlkit.callbacks import CallbackEvent
    from bxmlkit.models import Bxml, Response
    from bxmlkit.sim.script import Step

__all__ = ["CallResult", "Delivery", "FlowStep", "Line", "Problem"]


@dataclass(frozen=True)
class Problem:
    """A located problem: ``kind`` is ``invalid-bxml``, ``lint``, ``app-error``,
    ``callback-error``, ``loop``, ``cap`` or ``script``.

    ``url`` is the webhook whose reply (or handling) had the problem, or the app's source
    file for an exception; ``line``/``column`` are 1-based (0 when unknown).
    """

    kind: str
    message: str
    url: str = ""
    line: int = 0
    column: int = 0
    code: str = ""
    severity: str = "error"
    time: float = 0.0

    def __str__(self) -> str:
        where = self.url
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        code = f" {self.code}" if self.code else ""
        return (
            f"{where}: {self.kind}{code}: {self.message}"
            if where
            else f"{self.kind}: {self.message}"
        )


@dataclass
class Delivery:
    """One webhook delivery (a fallback attempt is a delivery of its own).

    ``event`` is the typed event of ``bxmlkit.callbacks`` for the ``payload`` sent (read on
    first use); ``document`` the BXML model of the reply, when it was one.
    """

    method: str
    url: str
    status: int | None
    time: float
    leg: str = "caller"
    synchronous: bool = False
    body: bytes = b""
    document: Response | Bxml | None = None
    problems: list[Problem] = field(default_factory=list)
    fallback: bool = False
    payload: dict[str, Any] = field(default_factory=dict)  # the JSON body (or GET query) sent

    _event: CallbackEvent | None = field(default=None, repr=False, compare=False)

    @property
    def event(self) -> CallbackEvent:
        if self._event is None:
            from bxmlkit.callbacks import parse_callback

            self._event = parse_callback(self.payload)
        return self._event

    @property
    def event_type(self) -> str:
        return str(self.payload["eventType"])


@dataclass
class FlowStep:
    """One document the call ran: reached by ``label`` (an event), from ``url``.

    ``node`` identifies the document (its URL path and a digest of its bytes);
    ``heard_at`` is the index in ``heard`` where its speech starts.
    """

    label: str
    node: str
    url: str
    heard_at: int
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Line:
    """One transcript line: virtual time, what kind of thing happened, and the text."""

    time: float
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.time:8.2f}s  {self.kind:<10} {self.text}".rstrip()


@dataclass
class CallResult:
    """The outcome of :meth:`Simulator.call`.

    ``heard``: sentences spoken and audio URLs played to the caller, in order.
    ``webhooks``: every :class:`Delivery`.  ``cause``: how the call ended, in Bandwidth's
    words (``hangup``, ``invalid-bxml``, ``callback-error``, ``timeout``, ``busy``, ...).
    ``problems``: every located :class:`Problem`.  ``unused``: script steps never used.
    """

    call_id: str
    cause: str = ""
    duration: float = 0.0
    heard: list[str] = field(default_factory=list)
    webhooks: list[Delivery] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    unused: list[Step] = field(default_factory=list)
    flow: list[FlowStep] = field(default_factory=list)
    waiting: str = ""  # what input the call waited for when an explore script ran out

    def to_text(self) -> str:
        """A deterministic transcript: the same app, script and seed give the same bytes."""
        out = [str(line) for line in self.lines]
        out.append(f"cause: {self.cause}; {len(self.webhooks)} webhooks; {self.duration:.2f}s")
        for problem in self.problems:
            out.append(f"problem: {problem}")
        for step in self.unused:
            out.append(f"unused script step: {step}")
        return "\n".join(out) + "\n"

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unused

    def assert_ok(self) -> None:
        """Raise ``AssertionError`` with the transcript if anything went wrong."""
        if not self.ok:
            count = len(self.problems) + len(self.unused)
            raise AssertionError(f"the call has {count} problem(s):\n{self.to_text()}")

    def events(self, event_type: str) -> list[Delivery]:
        """The deliveries of one event type, in order."""
        return [d for d in self.webhooks if d.event_type == event_type]
