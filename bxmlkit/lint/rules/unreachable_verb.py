"""BX201 unreachable-verb."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import local

#: verb -> attribute that, when set, hands the call to the BXML its webhook returns.
_WEBHOOK_ENDS = {
    "Gather": "gatherUrl",
    "Record": "recordCompleteUrl",
    "Bridge": "bridgeCompleteUrl",
    "Transfer": "transferCompleteUrl",
    "Refer": "referCompleteUrl",
}


def ends_document(verb: etree._Element) -> str | None:
    """Why no verb after ``verb`` can run (naming it by its line), or None."""
    tag = local(verb)
    where = f"the <{tag}> on line {verb.sourceline or 0}"
    if tag == "Hangup":
        return f"{where} ends the call"
    if tag == "Redirect":
        return f"{where} replaces this document with the BXML its redirectUrl returns"
    if tag == "Forward":
        return f"{where} hands the call over for good"
    attribute = _WEBHOOK_ENDS.get(tag)
    if attribute and (verb.get(attribute) or "").strip():
        extra = " (after a timeout too: handle no input there)" if tag == "Gather" else ""
        return f"when {where} ends, the BXML returned by its {attribute} runs instead{extra}"
    return None


class UnreachableVerbRule(Rule[NoOptions]):
    """Verbs that can never run.

    ## What it does
    Reports the first verb after one that ends the document: `<Hangup>`, `<Redirect>`,
    `<Forward>`, and the verbs whose completion webhook takes over the call when its URL is
    set: `<Gather gatherUrl>`, `<Record recordCompleteUrl>`, `<Bridge bridgeCompleteUrl>`,
    `<Transfer transferCompleteUrl>`, `<Refer referCompleteUrl>`.

    Decision on `<Conference>`: it does **not** end the document.  The reference says of
    `<Bridge>`, `<Gather>`, `<Transfer>`, `<Record>` and `<Redirect>` that "verbs after it
    are ignored" when their webhook is set, and says nothing of the kind for `<Conference>`:
    its `conferenceEventUrl` webhooks are answered with BXML for the conference (only
    `<PlayAudio>`, `<SpeakSentence>` and the recording verbs), which does not replace the
    call's document.  With nothing stated, verbs after `<Conference>` are treated as
    reachable (they run when the member leaves) and are not reported: a warning on a
    document that may be right would be noise.

    ## Why is this bad?
    The verbs never execute, so whatever they were meant to do silently never happens.  A
    common case is a "timeout" `<Redirect>` after a `<Gather>` with a `gatherUrl`: the gather
    webhook is sent on a timeout as well, and its reply runs instead of the `<Redirect>`.

    ## Example
    ```xml
    <Response>
        <Gather gatherUrl="https://example.com/menu" maxDigits="1">
            <SpeakSentence>Press 1 for sales.</SpeakSentence>
        </Gather>
        <Redirect redirectUrl="https://example.com/no-input"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Gather gatherUrl="https://example.com/menu" maxDigits="1">
            <SpeakSentence>Press 1 for sales.</SpeakSentence>
        </Gather>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX201"
    name = "unreachable-verb"
    summary = "Verbs after one that ends the document never run"
    category = "call-flow"
    default_severity = Severity.WARNING

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        root = ctx.root
        if root is None:
            return
        verbs = [child for child in root if isinstance(child.tag, str)]
        for index, verb in enumerate(verbs[:-1]):
            reason = ends_document(verb)
            if reason is None:
                continue
            rest = len(verbs) - index - 1
            first = verbs[index + 1]
            more = (
                f" (and the {rest - 1} verb{'s' if rest > 2 else ''} after it)" if rest > 1 else ""
            )
            yield Finding(
                f"<{local(first)}>{more} can never run: {reason}",
                element=first,
            )
            return
