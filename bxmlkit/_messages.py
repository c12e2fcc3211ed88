"""One message per mistake: the words, the did-you-mean and the advice, for every face.

``from_xml`` (and so ``bxmlkit check``), ``bxmlkit validate`` and lint build the message for
an unknown element here, so the same mistake reads the same everywhere: the *core* says what
is wrong and where, the *hint* what to write instead.  ``from_xml`` keeps the hint in its
error's ``hint``; ``validate`` and lint append it after a semicolon (lint may add its rule code
and a fix).  The suggestions come from ``bxmlkit._suggest``, the one did-you-mean.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bxmlkit._suggest import suggest_element

__all__ = ["Message", "unknown_element"]


class Message(NamedTuple):
    """What is wrong (``core``) and, when known, what to do about it (``hint``)."""

    core: str
    hint: str = ""

    @property
    def text(self) -> str:
        """The one-line form: ``core; hint``."""
        return f"{self.core}; {self.hint}" if self.hint else self.core


def unknown_element(name: str, parent: str, allowed: Sequence[str]) -> Message:
    """``<name>`` is no BXML element; ``allowed`` are the elements ``<parent>`` may hold.

    Habits from other markup get their advice (``<Say>``: text-to-speech is
    ``<SpeakSentence>``); a slip gets the closest allowed name; otherwise the allowed names.
    """
    core = f"unknown element <{name}> inside <{parent}>"
    if not allowed:
        return Message(core, f"<{parent}> takes no child elements")
    suggestion = suggest_element(name, allowed)
    if suggestion is not None:
        return Message(core, suggestion.advice)
    return Message(core, "allowed: " + ", ".join(allowed))
