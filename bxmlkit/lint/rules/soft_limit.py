"""BX503 soft-limit."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import local
from bxmlkit.vocabulary import ELEMENTS

#: (element, attribute) -> documented length limit that real traffic exceeds (the XSD's
#: appinfo ``bxmlkit:soft-max-length``, read through the vocabulary).
SOFT_LIMITS = {
    (tag, name): attribute.soft_max_length
    for tag, element in ELEMENTS.items()
    for name, attribute in element.attributes.items()
    if attribute.soft_max_length is not None
}


class SoftLimitRule(Rule[NoOptions]):
    """A value over a documented limit that Bandwidth is known to accept.

    ## What it does
    Reports values longer than a documented limit that real traffic exceeds, so the models
    and the schema accept them: the `uui` (SIP User-to-User header) of `<SipUri>` (256
    characters), `<Forward>` (256) and `<PhoneNumber>` (350).

    ## Why is this bad?
    Bandwidth's own samples exceed these limits and work today, but a longer header may be
    truncated or refused by the far end; check the call with the real target.

    ## Example
    ```xml
    <Response>
        <Forward to="+15555550123" uui="(a 300-character value);encoding=base64"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Forward to="+15555550123" uui="bXktdXVp;encoding=base64"/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX503"
    name = "soft-limit"
    summary = "A value over a documented limit that Bandwidth accepts (uui length)"
    category = "catalogue"
    default_severity = Severity.WARNING
    needles = (b"uui",)

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        for element in ctx.tagged(*{tag for tag, _ in SOFT_LIMITS}):
            tag = local(element)
            for (limit_tag, name), limit in SOFT_LIMITS.items():
                if tag != limit_tag:
                    continue
                value = element.get(name)
                if value is not None and len(value) > limit:
                    yield Finding(
                        f"{name} is {len(value)} characters, over the documented {limit}; "
                        "Bandwidth accepts it today but the far end may truncate or refuse it",
                        element=element,
                        attribute=name,
                    )
