"""BX208 ignored-verb."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule


class IgnoredVerbRule(Rule[NoOptions]):
    """A verb that Bandwidth ignores where it is.

    ## What it does
    Reports verbs that the reference says have no effect in their position:

    * a second `<StartRecording>` while one is active: "Only one StartRecording may be
      active; a second one without StopRecording is ignored";
    * `<StartGather>` in a document with `<Forward>`: "Cannot be used with <Forward>".

    ## Why is this bad?
    The second recording's settings (file format, channels, webhooks) never apply, and the
    digits a `<StartGather>` should report during a forwarded call are never sent.

    ## Example
    ```xml
    <Response>
        <StartRecording fileFormat="wav"/>
        <SpeakSentence>This call is recorded.</SpeakSentence>
        <StartRecording fileFormat="mp3" multiChannel="true"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <StartRecording fileFormat="mp3" multiChannel="true"/>
        <SpeakSentence>This call is recorded.</SpeakSentence>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX208"
    name = "ignored-verb"
    summary = "A verb that Bandwidth ignores where it is"
    category = "call-flow"
    default_severity = Severity.WARNING
    needles = (b"StartRecording", b"StartGather")

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        started = 0
        for element in ctx.tagged("StartRecording", "StopRecording"):
            if element.tag == "StopRecording":
                started = 0
            elif started:
                yield Finding(
                    f"this <StartRecording> is ignored: the one on line {started} is still "
                    "recording (only one may be active); put <StopRecording/> before it, or "
                    "remove it",
                    element=element,
                )
            else:
                started = element.sourceline or 0
        forwards = ctx.tagged("Forward")
        if forwards:
            for element in ctx.tagged("StartGather"):
                yield Finding(
                    f"<StartGather> cannot be used with <Forward> (line "
                    f"{forwards[0].sourceline or 0}): no digits are reported during the "
                    "forwarded call; remove one of them",
                    element=element,
                )
