"""BX301 credentials-over-http."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import url_values
from bxmlkit.lint.rules._urls import scheme_of

CREDENTIALS = (
    "username", "password", "fallbackUsername", "fallbackPassword", "destinationUsername",
    "destinationPassword",
)  # fmt: skip


class CredentialsOverHttpRule(Rule[NoOptions]):
    """Webhook credentials that would be sent over plain http.

    ## What it does
    Reports a verb with `username`/`password` (or `fallbackUsername`/`fallbackPassword`,
    `destinationUsername`/`destinationPassword`) whose URL uses `http://` or `ws://`.

    ## Why is this bad?
    Basic-auth credentials travel in clear text over http: anyone on the path can read them
    and call your webhooks.  Bandwidth's documentation requires https when credentials are
    set.

    ## Example
    ```xml
    <Response>
        <Gather gatherUrl="http://example.com/gather" username="app" password="s3cret"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Gather gatherUrl="https://example.com/gather" username="app" password="s3cret"/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX301"
    name = "credentials-over-http"
    summary = "Webhook credentials sent over plain http"
    category = "security"
    default_severity = Severity.ERROR
    needles_nocase = (b"http:", b"ws:")

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        for element, attribute, url in url_values(ctx):
            if not any(element.get(name) for name in CREDENTIALS):
                continue
            scheme = scheme_of(url)
            if scheme in ("http", "ws"):
                where = attribute or "the audio URL"
                yield Finding(
                    f"credentials would be sent in clear text: {where} is {scheme}://; use "
                    f"{scheme}s://",
                    element=element,
                    attribute=attribute,
                    text=attribute is None,
                )
