"""What the simulated people on a call do: the steps of a script.

A script is a list of steps, used in order:

* ``press("42#")``: the caller presses keys.  Without ``after`` the keys are pressed when the
  call next listens for them (a ``<Gather>`` once its prompts have played, a ``<Record>``, or
  at once while a ``<StartGather>`` is active); with ``after=N`` they are pressed ``N``
  seconds after the previous step was used, interrupting prompts.  ``gap`` is the time
  between two keys.
* ``say("billing")``: the caller speaks (a speech ``<Gather>``, or a message for ``<Record>``).
* ``silence()``: the caller does nothing when input is expected (a ``<Gather>`` times out, a
  ``<Record>`` ends on its silence timeout or maximum duration).
* ``hangup(after=30)``: the caller hangs up ``after`` seconds after the previous step was
  used (whatever is playing); ``hangup()`` hangs up when the call next waits for input.
* ``callee(answer_after=3, script=[...])``: the party reached by the next ``<Transfer>``,
  ``<Forward>``, ``<Bridge>`` or ``<Refer>``, or a peer joining the next ``<Conference>``;
  ``outcome`` is ``"answer"``, ``"busy"``, ``"no-answer"`` or ``"reject"``.

When the script runs out, the caller stays silent; a call that then waits for the caller
forever (alone in a conference, bridged to a callee who never hangs up) is hung up by the
caller, as a person would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Callee",
    "Hangup",
    "Press",
    "Say",
    "ScriptError",
    "Silence",
    "Step",
    "callee",
    "hangup",
    "parse_script",
    "press",
    "say",
    "silence",
]

_DIGITS = re.compile(r"[0-9*#A-Da-d]+")

Outcome = Literal["answer", "busy", "no-answer", "reject"]
OUTCOMES: tuple[str, ...] = ("answer", "busy", "no-answer", "reject")


def _check_after(after: float | None) -> None:
    if after is not None and (after != after or after < 0):
        raise ValueError(f"after must be a number of seconds >= 0, got {after!r}")


@dataclass(frozen=True)
class Press:
    """The caller presses ``digits`` (``0-9 * # A-D``)."""

    digits: str
    after: float | None = None
    gap: float = 0.5

    def __post_init__(self) -> None:
        if not isinstance(self.digits, str) or not _DIGITS.fullmatch(self.digits):
            raise ValueError(f"press() takes DTMF keys 0-9, *, #, A-D; got {self.digits!r}")
        _check_after(self.after)
        if not self.gap >= 0:
            raise ValueError(f"gap must be >= 0 seconds, got {self.gap!r}")

    def __str__(self) -> str:
        return f"press {self.digits}" + (f"@{self.after:g}" if self.after is not None else "")


@dataclass(frozen=True)
class Say:
    """The caller says ``text``."""

    text: str
    after: float | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str) or not self.text.strip():
            raise ValueError("say() needs the words the caller says")
        _check_after(self.after)

    def __str__(self) -> str:
        return f"say {self.text!r}"


@dataclass(frozen=True)
class Silence:
    """The caller stays silent when input is expected."""

    after: float | None = None

    def __str__(self) -> str:
        return "silence"


@dataclass(frozen=True)
class Hangup:
    """The caller hangs up (``after`` seconds after the previous step, or at the next input)."""

    after: float | None = None

    def __post_init__(self) -> None:
        _check_after(self.after)

    def __str__(self) -> str:
        return "hangup" + (f"@{self.after:g}" if self.after is not None else "")


@dataclass(frozen=True)
class Callee:
    """The other party of the next Transfer/Forward/Bridge/Refer, or a conference peer.

    ``answer_after``: seconds of ringing before the answer; ``talk``: seconds the callee
    stays on once connected (then hangs up); ``script``: what the callee does while the
    transfer-answer BXML runs on its leg; ``number``: which ``<PhoneNumber>``/``<SipUri>``
    of a Transfer answers (the first when None).
    """

    answer_after: float = 3.0
    outcome: Outcome = "answer"
    talk: float = 30.0
    script: tuple[Step, ...] = field(default_factory=tuple)
    number: str | None = None

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}; got {self.outcome!r}")
        _check_after(self.answer_after)
        _check_after(self.talk)
        for step in self.script:
            if isinstance(step, Callee):
                raise ValueError("a callee's script cannot hold another callee")

    def __str__(self) -> str:
        text = f"callee {self.outcome}"
        if self.outcome == "answer":
            text += f" after {self.answer_after:g}s, talks {self.talk:g}s"
        return text


Step = Press | Say | Silence | Hangup | Callee


def press(digits: str, *, after: float | None = None, gap: float = 0.5) -> Press:
    """The caller presses ``digits``; see the module docstring for when."""
    return Press(digits, after, gap)


def say(text: str, *, after: float | None = None) -> Say:
    """The caller says ``text`` (speech input for a Gather, a message for a Record)."""
    return Say(text, after)


def silence() -> Silence:
    """The caller does nothing when input is expected: a Gather times out."""
    return Silence()


def hangup(after: float | None = None) -> Hangup:
    """The caller hangs up ``after`` seconds after the previous step (or at the next input)."""
    return Hangup(after)


def callee(
    answer_after: float = 3.0,
    *,
    outcome: Outcome = "answer",
    talk: float = 30.0,
    script: list[Step] | tuple[Step, ...] = (),
    number: str | None = None,
) -> Callee:
    """The party the next Transfer/Forward/Bridge/Refer reaches, or a conference peer."""
    return Callee(answer_after, outcome, talk, tuple(script), number)


class ScriptError(ValueError):
    """A script text that cannot be read; ``column`` is 1-based within the text."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.column = column

    def __str__(self) -> str:
        return f"column {self.column}: {self.message}"


_STEP_NAMES = "press KEYS[@S], say WORDS, silence, hangup[@S], callee [OUTCOME][@S]"


def _seconds(text: str, column: int) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ScriptError(f"expected seconds after '@', got {text!r}", column) from None
    if not value >= 0:
        raise ScriptError(f"seconds must be >= 0, got {text!r}", column)
    return value


def parse_script(text: str) -> list[Step]:
    """Read the short form used by ``bxmlkit simulate --script`` and scenario files.

    Steps are separated by ``;``: ``press 42#``, ``press 1@5`` (5 s after the previous
    step), ``say billing please``, ``silence``, ``hangup``, ``hangup@30``, ``callee``,
    ``callee busy``, ``callee answer@3`` (answers after 3 s).  Raises :class:`ScriptError`
    with the column of the step that is wrong.
    """
    steps: list[Step] = []
    offset = 0
    for part in text.split(";"):
        column = offset + len(part) - len(part.lstrip()) + 1
        offset += len(part) + 1
        words = part.split(None, 1)
        if not words:
            if part.strip() == "" and text.strip() == "":
                continue
            raise ScriptError(f"an empty step; expected one of: {_STEP_NAMES}", column)
        name, rest = words[0], (words[1].strip() if len(words) > 1 else "")
        head, _, after_text = name.partition("@")
        try:
            if head == "press":
                keys, _, at = rest.partition("@")
                after = _seconds(at, column) if at else None
                steps.append(press(keys.strip(), after=after))
            elif head == "say":
                steps.append(say(rest))
            elif head == "silence" and not rest:
                steps.append(silence())
            elif head == "hangup" and not rest:
                steps.append(hangup(_seconds(after_text, column) if after_text else None))
            elif head == "callee":
                outcome, _, at = rest.partition("@")
                at = at or after_text
                kwargs: dict[str, float] = {}
                if at:
                    kwargs["answer_after"] = _seconds(at, column)
                steps.append(callee(outcome=outcome.strip() or "answer", **kwargs))  # type: ignore[arg-type]
            else:
                raise ScriptError(
                    f"unknown step {part.strip()!r}; expected one of: {_STEP_NAMES}", column
                )
        except ValueError as exc:
            if isinstance(exc, ScriptError):
                raise
            raise ScriptError(f"{part.strip()!r}: {exc}", column) from None
    return steps
