"""BX401 legacy-verb."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit._legacy import LEGACY_VERBS
from bxmlkit._messages import declaration, unknown_element
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import local


class LegacyVerbRule(Rule[NoOptions]):
    """A BXML v1 verb that v2 removed.

    ## What it does
    Reports `<SendMessage>`, `<Reject>` and `<Call>`, verbs of the retired BXML v1
    (Catapult) platform, and names the v2 way to do the same thing.

    ## Why is this bad?
    BXML v2 does not have these verbs: Bandwidth rejects the document and the call fails.

    ## Example
    ```xml
    <Response>
        <SendMessage from="+15555550100" to="+15555550123">Thanks for calling</SendMessage>
        <Hangup/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Hangup/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX401"
    name = "legacy-verb"
    summary = "A BXML v1 verb that v2 removed"
    category = "compatibility"
    default_severity = Severity.ERROR
    needles = (b"SendMessage", b"Reject", b"Call")

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        for element in ctx.tagged(*LEGACY_VERBS):
            parent = element.getparent()
            if parent is None:
                continue  # a v1 verb as the root: BX101 says what the root must be
            parent_tag = local(parent)
            declared = declaration(parent_tag)
            allowed = declared.children if declared is not None else ()
            yield Finding(
                unknown_element(local(element), parent_tag, allowed).text, element=element
            )
