"""BX110 value-format."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.vocabulary import ELEMENTS, UUI_ENCODINGS

#: Elements whose ``uui`` is a SIP User-To-User header value (the vocabulary's facts).
_UUI = tuple(tag for tag, element in ELEMENTS.items() if "uui" in element.attributes)
#: (element, attribute) of every display name (a ``DisplayNameType`` in the XSD).
_DISPLAY_NAMES = tuple(
    (tag, name)
    for tag, element in ELEMENTS.items()
    for name, attribute in element.attributes.items()
    if attribute.value.type == "DisplayNameType"
)
_ENCODING = r"(?i);\s*encoding\s*=\s*([^;,\s]*)"
_CONTROL = r"[\x00-\x1f\x7f]"


class ValueFormatRule(Rule[NoOptions]):
    """A value whose format has a required part the XSD cannot see.

    ## What it does
    Checks the value formats that the reference states in words:

    * `uui` on `<Forward>`, `<PhoneNumber>` and `<SipUri>`: "Must include the RFC 7433
      'encoding' parameter; only base64 and jwt encodings are allowed."  Each value of a
      comma-separated list needs `;encoding=base64` or `;encoding=jwt`.
    * `callerDisplayName` (`<Forward>`) and `transferCallerDisplayName` (`<Transfer>`):
      "no control characters (e.g. newlines)", which a document can still carry as `&#10;`.

    ## Why is this bad?
    Bandwidth refuses the header or the display name and the outbound leg is not placed, or
    the called party sees no caller name.

    ## Example
    ```xml
    <Response>
        <Transfer>
            <SipUri uui="bXktdXVp">sip:agent@example.com</SipUri>
        </Transfer>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Transfer>
            <SipUri uui="bXktdXVp;encoding=base64">sip:agent@example.com</SipUri>
        </Transfer>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX110"
    name = "value-format"
    summary = "A value whose format has a required part the XSD cannot see"
    category = "structure"
    default_severity = Severity.ERROR
    needles = (b"uui", b"DisplayName")

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        for element in ctx.tagged(*_UUI):
            value = element.get("uui")
            if value is None or not value.strip():
                continue
            for part in value.split(","):
                found = re.search(_ENCODING, part)
                if found is None:
                    yield Finding(
                        f"uui value {part.strip()!r} has no encoding parameter: the SIP "
                        "User-To-User header must include RFC 7433 'encoding'; add "
                        f"';encoding={UUI_ENCODINGS[0]}' (or "
                        f"{' or '.join(repr(';encoding=' + e) for e in UUI_ENCODINGS[1:])})",
                        element=element,
                        attribute="uui",
                    )
                    break
                if found.group(1).lower() not in UUI_ENCODINGS:
                    yield Finding(
                        f"uui encoding {found.group(1)!r} is not allowed: only "
                        f"{' and '.join(UUI_ENCODINGS)} are; write "
                        f"{' or '.join(repr(';encoding=' + e) for e in UUI_ENCODINGS)}",
                        element=element,
                        attribute="uui",
                    )
                    break
        for tag, attribute in _DISPLAY_NAMES:
            for element in ctx.tagged(tag):
                value = element.get(attribute)
                if value is None:
                    continue
                control = re.search(_CONTROL, value)
                if control is not None:
                    yield Finding(
                        f"{attribute} contains the control character "
                        f"U+{ord(control.group(0)):04X}: a display name may not contain "
                        "control characters such as line breaks; remove it",
                        element=element,
                        attribute=attribute,
                    )
