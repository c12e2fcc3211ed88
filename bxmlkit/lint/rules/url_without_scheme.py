"""BX209 url-without-scheme."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import url_values

#: A first path segment that is a host name: labels, a dot, an alphabetic top-level label
#: (case-insensitive).  A string, compiled by ``re`` on first use: compiling it costs 1.4 ms,
#: which a start-up should not pay for documents whose URLs all have a scheme.
_HOST = (
    r"(?i)^(?P<host>(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    r"\.(?P<tld>[a-z]{2,24}))(?::\d{1,5})?(?:[/?#]|$)"
)
#: Last labels that are file extensions, not top-level domains (``next.xml`` is a file).
_FILES = frozenset(
    ("xml", "bxml", "php", "html", "htm", "asp", "aspx", "jsp", "cgi", "py", "rb", "js",
     "json", "txt", "wav", "mp3", "ogg", "pl", "do", "action")
)  # fmt: skip


class UrlWithoutSchemeRule(Rule[NoOptions]):
    """A relative URL that looks like a host name without `https://`.

    ## What it does
    Reports a webhook or audio URL without a scheme whose first segment is a host name
    (`ivr.example.com/next`, `www.example.com`).  The reference: "Any *Url attribute and
    PlayAudio text may be relative, resolved against the URL that returned the BXML", so
    such a value is a path on your own server, not the host it names.

    ## Why is this bad?
    The webhook goes to `https://your-server/current/ivr.example.com/next`, which is almost
    never what was meant: the call gets a 404 and fails over or hangs up.

    ## Example
    ```xml
    <Response>
        <Redirect redirectUrl="ivr.example.com/next"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Redirect redirectUrl="https://ivr.example.com/next"/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX209"
    name = "url-without-scheme"
    summary = "A relative URL that looks like a host name without https://"
    category = "call-flow"
    default_severity = Severity.WARNING

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        for element, attribute, url in url_values(ctx):
            value = url.strip()
            if "://" in value or value.startswith(("/", ".", "?", "#")):
                continue
            if ":" in value.split("/", 1)[0]:
                continue  # "host:port/..." reads as a scheme: the URL check reports it (BX104)
            match = re.match(_HOST, value)
            if match is None or match.group("tld").lower() in _FILES:
                continue
            where = attribute if attribute is not None else f"<{element.tag}> text"
            yield Finding(
                f"{where} {value!r} has no scheme, so it is a path relative to the URL that "
                f"returned this BXML, not the host {match.group('host')!r}; write "
                f"'https://{value}'",
                element=element,
                attribute=attribute,
                text=attribute is None,
            )
