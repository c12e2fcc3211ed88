"""BX207 duplicate-name."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule

#: Verbs whose name must be unique per call, and the verb that stops them by name.
_NAMED = {"StartStream": "StopStream", "StartTranscription": "StopTranscription"}


class DuplicateNameRule(Rule[NoOptions]):
    """Two streams or transcriptions started with the same name.

    ## What it does
    Reports a `<StartStream>` or `<StartTranscription>` whose `name` an earlier verb of the
    same kind in the document already started, unless a `<StopStream>` /
    `<StopTranscription>` with that name stopped it in between.  The reference: "Must be
    unique per call."  (Names used by earlier documents of the same call cannot be seen
    offline.)

    ## Why is this bad?
    The second stream or transcription is rejected, and a later `<StopStream name>` cannot
    say which one it means.

    ## Example
    ```xml
    <Response>
        <StartStream name="agent" destination="wss://example.com/a"/>
        <StartStream name="agent" destination="wss://example.com/b" tracks="outbound"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <StartStream name="agent-in" destination="wss://example.com/a"/>
        <StartStream name="agent-out" destination="wss://example.com/b" tracks="outbound"/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX207"
    name = "duplicate-name"
    summary = "Two streams or transcriptions started with the same name"
    category = "call-flow"
    default_severity = Severity.ERROR
    needles = (b"StartStream", b"StartTranscription")

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        for start, stop in _NAMED.items():
            active: dict[str, int] = {}
            for element in ctx.tagged(start, stop):
                name = (element.get("name") or "").strip()
                if element.tag == stop:
                    if name:
                        active.pop(name, None)
                    else:
                        active.clear()  # without a name every one stops
                    continue
                if not name:
                    continue
                if name in active:
                    yield Finding(
                        f"<{start} name={name!r}> repeats the name of the <{start}> on line "
                        f"{active[name]}, which is still running: a name must be unique per "
                        f"call; choose another name (or stop the first with <{stop}>)",
                        element=element,
                        attribute="name",
                    )
                else:
                    active[name] = element.sourceline or 0
