"""BX303 insecure-url."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, Rule
from bxmlkit.lint.rules._common import url_values
from bxmlkit.lint.rules._urls import host_of, scheme_of
from bxmlkit.lint.rules.credentials_over_http import CREDENTIALS


class Options(NamedTuple):
    """Options of insecure-url."""

    #: Hosts for which plain http is fine (local development).
    allowed_hosts: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")


class InsecureUrlRule(Rule[Options]):
    """A webhook or media URL over plain `http://` (or `ws://`).

    ## What it does
    Reports absolute `http://` URLs in webhook attributes and `<PlayAudio>`, and `ws://`
    stream or transcription destinations.  Relative URLs are not reported (they inherit the
    scheme of the URL that returned the document).  A verb that also has credentials is
    reported by BX301 instead.

    ## Why is this bad?
    Call events (numbers, digits the caller typed, recording links) and the BXML your server
    returns travel unencrypted and can be read or changed on the way.

    ## Example
    ```xml
    <Response>
        <Redirect redirectUrl="http://example.com/next"/>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <Redirect redirectUrl="https://example.com/next"/>
    </Response>
    ```

    ## Options
    * `allowed-hosts` (list of strings, default `["localhost", "127.0.0.1", "::1"]`): hosts
      for which plain http is accepted.
    """

    code = "BX303"
    name = "insecure-url"
    summary = "A webhook or media URL over plain http or ws"
    category = "security"
    default_severity = Severity.WARNING
    needles_nocase = (b"http:", b"ws:")
    options_type = Options

    def check(self, ctx: Context, options: Options) -> Iterator[Finding]:
        for element, attribute, url in url_values(ctx):
            scheme = scheme_of(url)
            if scheme not in ("http", "ws") or host_of(url) in options.allowed_hosts:
                continue
            if any(element.get(name) for name in CREDENTIALS):
                continue
            where = attribute or "the audio URL"
            yield Finding(
                f"{where} uses {scheme}://, which is unencrypted; use {scheme}s://",
                element=element,
                attribute=attribute,
                text=attribute is None,
            )
