"""BX111 ssml-value."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule

_BREAK_TIME = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|ms)\s*$")
#: The longest documented <break time>, in milliseconds ("max 10 s").
_BREAK_MAX_MS = 10_000
_PROSODY = {
    "pitch": (
        ("x-low", "low", "medium", "high", "x-high", "default"),
        re.compile(r"^[+-]?\d+(?:\.\d+)?%$"),
        "x-low, low, medium, high, x-high, default or a relative percentage such as -15% or +20%",
    ),
    "rate": (
        ("x-slow", "slow", "medium", "fast", "x-fast"),
        re.compile(r"^\+?(?:\d*[1-9]\d*(?:\.\d+)?|0\.\d*[1-9]\d*)%$"),
        "x-slow, slow, medium, fast, x-fast or a positive percentage such as 50%",
    ),
    "volume": (
        ("silent", "x-soft", "soft", "medium", "loud", "x-loud", "default"),
        re.compile(r"^[+-]\d+(?:\.\d+)?dB$"),
        "silent, x-soft, soft, medium, loud, x-loud, default or decibels such as +1dB or -6dB",
    ),
}


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
        for element in ctx.tagged("break"):
            value = element.get("time")
            if value is None:
                continue
            match = _BREAK_TIME.match(value)
            if match is None:
                continue  # not a duration at all: the XSD says so (BX104)
            amount = float(match.group(1)) * (1000 if match.group(2) == "s" else 1)
            if amount > _BREAK_MAX_MS:
                yield Finding(
                    f"<break time={value!r}> is longer than the maximum of 10 s: use at most "
                    '"10s" (a <Pause> between sentences waits longer)',
                    element=element,
                    attribute="time",
                )
        for element in ctx.tagged("prosody"):
            for attribute, (words, pattern, expected) in _PROSODY.items():
                value = element.get(attribute)
                if value is None or value.strip() in words or pattern.match(value.strip()):
                    continue
                yield Finding(
                    f"<prosody {attribute}={value!r}> is not a value the speech engine "
                    f"accepts: expected {expected}",
                    element=element,
                    attribute=attribute,
                )
