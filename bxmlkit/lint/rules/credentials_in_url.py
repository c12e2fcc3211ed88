"""BX302 credentials-in-url."""

from __future__ import annotations

from collections.abc import Iterator

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, NoOptions, Rule
from bxmlkit.lint.rules._common import url_values
from bxmlkit.lint.rules._urls import has_userinfo


class CredentialsInUrlRule(Rule[NoOptions]):
    """Credentials embedded in a URL.

    ## What it does
    Reports URLs of the form `https://user:secret@host/...` in webhook attributes, stream
    destinations and `<PlayAudio>`.

    ## Why is this bad?
    A secret in a URL ends up in logs, call records and error reports.  BXML has
    `username`/`password` attributes for webhook credentials (and
    `destinationUsername`/`destinationPassword` for streams).

    ## Example
    ```xml
    <Response>
        <Redirect redirectUrl="https://app:s3cret@example.com/next"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Redirect redirectUrl="https://example.com/next" username="app" password="s3cret"/>
    </Response>
    ```

    ## Options
    None.
    """

    code = "BX302"
    name = "credentials-in-url"
    summary = "Credentials embedded in a URL"
    category = "security"
    default_severity = Severity.ERROR
    needles = (b"@",)

    def check(self, ctx: Context, options: NoOptions) -> Iterator[Finding]:
        for element, attribute, url in url_values(ctx):
            if has_userinfo(url):
                where = attribute or "the audio URL"
                yield Finding(
                    f"{where} embeds credentials (user:password@); use the username and "
                    "password attributes instead",
                    element=element,
                    attribute=attribute,
                    text=attribute is None,
                )
