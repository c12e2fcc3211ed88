"""BX202 gather-prompt-limit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, Rule
from bxmlkit.lint.rules._common import local
from bxmlkit.vocabulary import ELEMENTS, GATHER_MAX_PROMPTS

#: The prompts a <Gather> plays (its allowed children: <SpeakSentence>, <PlayAudio>).
_PROMPTS = frozenset(ELEMENTS["Gather"].children)


class Options(NamedTuple):
    """Options of gather-prompt-limit."""

    #: The documented limit of repeatCount x nested prompts (the vocabulary's).
    max_prompts: int = GATHER_MAX_PROMPTS


class GatherPromptLimitRule(Rule[Options]):
    """A `<Gather>` plays more prompts than Bandwidth allows.

    ## What it does
    Multiplies a `<Gather>`'s `repeatCount` (default 1) by the number of its nested
    `<SpeakSentence>` and `<PlayAudio>` prompts and reports a product over the documented
    limit of 20.

    ## Why is this bad?
    Bandwidth documents `repeatCount` x prompts <= 20; a document over the limit is rejected.

    ## Example
    ```xml
    <Response>
        <Gather gatherUrl="https://example.com/menu" repeatCount="11">
            <SpeakSentence>Press 1 for sales.</SpeakSentence>
            <SpeakSentence>Press 2 for support.</SpeakSentence>
        </Gather>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Gather gatherUrl="https://example.com/menu" repeatCount="3">
            <SpeakSentence>Press 1 for sales.</SpeakSentence>
            <SpeakSentence>Press 2 for support.</SpeakSentence>
        </Gather>
    </Response>
    ```

    ## Options
    * `max-prompts` (integer, default 20): the largest allowed product.
    """

    code = "BX202"
    name = "gather-prompt-limit"
    summary = f"Gather repeatCount x prompts over the documented limit of {GATHER_MAX_PROMPTS}"
    category = "call-flow"
    default_severity = Severity.ERROR
    needles = (b"Gather",)
    options_type = Options

    def check(self, ctx: Context, options: Options) -> Iterator[Finding]:
        for element in ctx.tagged("Gather"):
            prompts = sum(1 for c in element if local(c) in _PROMPTS)
            raw = (element.get("repeatCount") or "1").strip()
            if not raw.isdigit():
                continue  # invalid-attribute-value reports it
            repeat = int(raw)
            if repeat * prompts > options.max_prompts:
                yield Finding(
                    f"<Gather> would play {repeat * prompts} prompts (repeatCount {repeat} x "
                    f"{prompts} prompt{'s' if prompts != 1 else ''}); the limit is "
                    f"{options.max_prompts}",
                    element=element,
                    attribute="repeatCount" if "repeatCount" in element.attrib else None,
                )
