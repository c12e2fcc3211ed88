"""BX503 soft-limit."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint import _schema
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import local

#: (element, attribute) -> documented length limit that real traffic exceeds.  The XSD
#: records the same limits (appinfo ``bxmlkit:soft-max-length``); when a value is over the
#: limit here, the XSD's figure is the one reported.
SOFT_LIMITS = {("SipUri", "uui"): 256, ("PhoneNumber", "uui"): 350, ("Forward", "uui"): 256}


def _declared_limit(tag: str, name: str, default: int) -> int:
    """The soft limit the XSD declares for ``tag``'s ``name`` (``default`` when none)."""
    info = _schema.catalogue().get(tag)
    attribute = info.attributes.get(name) if info is not None else None
    if attribute is not None and attribute.soft_max_length is not None:
        return attribute.soft_max_length
    return default


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
                    limit = _declared_limit(limit_tag, name, limit)
                if value is not None and len(value) > limit:
                    yield Finding(
                        f"{name} is {len(value)} characters, over the documented {limit}; "
                        "Bandwidth accepts it today but the far end may truncate or refuse it",
                        element=element,
                        attribute=name,
                    )
