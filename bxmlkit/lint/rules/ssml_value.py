"""BX111 ssml-value."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.vocabulary import ELEMENTS

#: A duration such as ``1s``, ``0.5s`` or ``500ms`` (the XSD checks the form, BX104).
_DURATION = r"\s*(\d+(?:\.\d+)?)\s*(s|ms)\s*"
#: The facts come from the vocabulary (the XSD's ``bxmlkit:soft-*`` appinfo): the longest
#: <break time> and, for each <prosody> attribute, its words, its pattern and their wording.
_BREAK_MAXIMUM = ELEMENTS["break"].attributes["time"].soft_maximum or ""
_PROSODY = {
    name: attribute
    for name, attribute in ELEMENTS["prosody"].attributes.items()
    if attribute.soft_values or attribute.soft_pattern
}


def _milliseconds(value: str) -> float | None:
    """``10s`` -> 10000.0, ``500ms`` -> 500.0; None when ``value`` is not a duration."""
    match = re.fullmatch(_DURATION, value)
    if match is None:
        return None
    return float(match.group(1)) * (1000 if match.group(2) == "s" else 1)


def _seconds(milliseconds: float) -> str:
    """``10 s`` for 10000 ms (how messages say a duration)."""
    return f"{milliseconds / 1000:g} s"


class SsmlValueRule(Rule[NoOptions]):
    """An SSML value outside what Bandwidth's text-to-speech accepts.

    ## What it does
    Checks the SSML values inside `<SpeakSentence>` that the reference states as formats:

    * `<break time>`: "duration like 1s or 1000ms, max 10 s" (the XSD checks the form,
      this rule the maximum);
    * `<prosody pitch>`: "x-low|low|medium|high|x-high|default or relative %, e.g. -15% or
      20%";
    * `<prosody rate>`: "x-slow|slow|medium|fast|x-fast or positive %, e.g. 50%";
    * `<prosody volume>`: "silent|x-soft|soft|medium|loud|x-loud|default or dB, e.g. +1dB /
      -6dB".

    The listed values of `<break strength>`, `<emphasis level>`, `<say-as>` and `<lang>` are
    checked by the XSD (BX104).

    ## Why is this bad?
    The speech engine rejects the SSML: the sentence is not spoken, or the call fails with
    invalid BXML.

    ## Example
    ```xml
    <Response>
        <SpeakSentence>Please hold. <break time="30s"/> Thank you.</SpeakSentence>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <SpeakSentence>Please hold. <break time="10s"/> Thank you.</SpeakSentence>
        <Pause duration="20"/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX111"
    name = "ssml-value"
    summary = "An SSML value outside what Bandwidth's text-to-speech accepts"
    category = "structure"
    default_severity = Severity.ERROR
    needles = (b"break", b"prosody")

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        maximum = _milliseconds(_BREAK_MAXIMUM)
        for element in ctx.tagged("break"):
            value = element.get("time")
            if value is None or maximum is None:
                continue
            amount = _milliseconds(value)
            if amount is None:
                continue  # not a duration at all: the XSD says so (BX104)
            if amount > maximum:
                yield Finding(
                    f"<break time={value!r}> is longer than the maximum of {_seconds(maximum)}: "
                    f'use at most "{_BREAK_MAXIMUM}" (a <Pause> between sentences waits longer)',
                    element=element,
                    attribute="time",
                )
        for element in ctx.tagged("prosody"):
            for attribute, accepted in _PROSODY.items():
                value = element.get(attribute)
                if value is None:
                    continue
                stripped = value.strip()
                if stripped in accepted.soft_values or (
                    accepted.soft_pattern and re.fullmatch(accepted.soft_pattern, stripped)
                ):
                    continue
                expected = accepted.soft_expected
                yield Finding(
                    f"<prosody {attribute}={value!r}> is not a value the speech engine "
                    f"accepts: expected {expected}",
                    element=element,
                    attribute=attribute,
                )
