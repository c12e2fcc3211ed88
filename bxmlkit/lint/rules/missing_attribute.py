"""BX106 missing-attribute."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding
from bxmlkit.lint.rules._violations import ViolationRule

if TYPE_CHECKING:
    from bxmlkit.lint._schema import Violation

_ADVICE = {
    "redirectUrl": "the URL that returns the next BXML",
    "destination": "the WebSocket URL, wss://...",
    "dtmfUrl": "the URL that receives each digit",
    "to": "an E.164 number or a sip: URI",
    "name": "the name given to <StartStream name=...>",
}


class MissingAttributeRule(ViolationRule):
    """A required attribute is missing.

    ## What it does
    Reports elements without an attribute that the schema requires: `<Redirect>` without
    `redirectUrl`, `<StartStream>` without `destination`, `<StartGather>` without
    `dtmfUrl`, `<Forward>` without `to`, `<StopStream>` without `name`, `<StreamParam>`
    and `<CustomParam>` without `name` or `value`.

    ## Why is this bad?
    The verb cannot do its job without it, and Bandwidth rejects the document.

    ## Example
    ```xml
    <Response>
        <Redirect redirectMethod="GET"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Redirect redirectUrl="https://example.com/next" redirectMethod="GET"/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX106"
    name = "missing-attribute"
    summary = "A required attribute is missing"
    default_severity = Severity.ERROR
    kinds = ("missing-attribute",)

    def describe(self, ctx: Context, violation: Violation) -> Finding | None:
        name = violation.attribute or "?"
        message = f"<{violation.element}> requires the attribute {name!r}"
        if name in _ADVICE:
            message += f" ({_ADVICE[name]})"
        return self.at(ctx, violation, message)
