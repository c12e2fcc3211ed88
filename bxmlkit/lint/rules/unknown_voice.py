"""BX501 unknown-voice."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from bxmlkit._suggest import nearest
from bxmlkit.catalogue import KNOWN_VOICES, RETIRED_VOICES
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, Rule


class Options(NamedTuple):
    """Options of unknown-voice."""

    #: Voices to accept in addition to the catalogue (Bandwidth adds voices over time).
    extra_voices: tuple[str, ...] = ()


def _voices_for(locale: str | None) -> str:
    """``documented voices for en_US: julie, kate, ...`` (en_US when the locale has none)."""
    wanted = locale or "en_US"
    names = [v.name for v in KNOWN_VOICES.values() if v.locale == wanted]
    if not names:
        wanted = "en_US"
        names = [v.name for v in KNOWN_VOICES.values() if v.locale == wanted]
    return f"documented voices for {wanted}: {', '.join(names)}"


class UnknownVoiceRule(Rule[Options]):
    """A text-to-speech voice that is not in the known list.

    ## What it does
    Checks `<SpeakSentence voice>` against the documented voices (`bxmlkit.catalogue`) and
    suggests the nearest known name: the lowercase spelling of `Julie`, a documented voice
    close to a typo, the documented voices of the locale otherwise.  Voices that older SDKs
    accepted but the documentation no longer lists (`salli`, `joey`, `emma`, ...) are named
    as retired.  It is a warning, not an error, because Bandwidth adds voices: accept new
    ones with the `extra-voices` option, or raise the severity to make it strict.

    ## Why is this bad?
    An unknown voice makes the call fail or fall back to a default voice that may not even
    speak the sentence's language.

    ## Example
    ```xml
    <Response>
        <SpeakSentence voice="Sophia">Hello</SpeakSentence>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <SpeakSentence voice="julie">Hello</SpeakSentence>
    </Response>
    ```

    ## Options
    * `extra-voices` (list of strings, default `[]`): voice names to accept as known.
    """

    code = "BX501"
    name = "unknown-voice"
    summary = "A text-to-speech voice that is not in the known list"
    category = "catalogue"
    default_severity = Severity.WARNING
    needles = (b"voice",)
    options_type = Options

    def check(self, ctx: Context, options: Options) -> Iterator[Finding]:
        for element in ctx.tagged("SpeakSentence"):
            voice = element.get("voice")
            if voice is None or voice in KNOWN_VOICES or voice in options.extra_voices:
                continue
            lower = voice.lower()
            if lower in KNOWN_VOICES:
                message = f"unknown voice {voice!r}: voice names are lowercase, write {lower!r}"
            elif lower in RETIRED_VOICES:
                message = (
                    f"voice {voice!r} is retired: older SDKs accepted it but Bandwidth no "
                    f"longer documents it; {_voices_for(element.get('locale'))}"
                )
            else:
                close = nearest(voice, KNOWN_VOICES, cutoff=0.75)
                if close:
                    message = f"unknown voice {voice!r}; did you mean {close!r}?"
                else:
                    message = (
                        f"unknown voice {voice!r} (not in the documented list; if Bandwidth "
                        f"added it, list it in extra-voices); {_voices_for(element.get('locale'))}"
                    )
            yield Finding(message, element=element, attribute="voice")
