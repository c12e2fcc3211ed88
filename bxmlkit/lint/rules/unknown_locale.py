"""BX502 unknown-locale."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from bxmlkit._suggest import nearest
from bxmlkit.catalogue import KNOWN_LOCALES
from bxmlkit.lint.diagnostic import Severity
from bxmlkit.lint.rule import Context, Finding, Rule

#: Spellings seen in real documents -> the documented locale.
_ALIASES = {
    "en_GB": "en_UK",
    "es_ES": "es",
    "de_DE": "de",
    "fr_FR": "fr",
    "it_IT": "it",
    "ja_JP": "ja",
    "ru_RU": "ru",
    "zh_CN": "cmn-CN",
    "cmn_CN": "cmn-CN",
}


class Options(NamedTuple):
    """Options of unknown-locale."""

    #: Locales to accept in addition to the catalogue.
    extra_locales: tuple[str, ...] = ()


class UnknownLocaleRule(Rule[Options]):
    """A `<SpeakSentence>` locale that is not in the known list.

    ## What it does
    Checks `<SpeakSentence locale>` against the documented locales and suggests the right
    one: `en_GB` is written `en_UK` in BXML, the hyphen form `en-US` is `en_US`, case slips
    such as `en_us` are named.  A warning by default (the list is data and Bandwidth adds
    to it); accept new ones with `extra-locales`.

    ## Why is this bad?
    Bandwidth falls back to another locale or rejects the document; the sentence may be
    spoken with the wrong accent or language.

    ## Example
    ```xml
    <Response>
        <SpeakSentence locale="en_GB" gender="female">Hello</SpeakSentence>
    </Response>
    ```

    ## Use instead
    ```xml
    <Response>
        <SpeakSentence locale="en_UK" gender="female">Hello</SpeakSentence>
    </Response>
    ```

    ## Options
    * `extra-locales` (list of strings, default `[]`): locales to accept as known.
    """

    code = "BX502"
    name = "unknown-locale"
    summary = "A SpeakSentence locale that is not in the known list"
    category = "catalogue"
    default_severity = Severity.WARNING
    needles = (b"locale",)
    options_type = Options

    def check(self, ctx: Context, options: Options) -> Iterator[Finding]:
        for element in ctx.tagged("SpeakSentence"):
            locale = element.get("locale")
            if locale is None or locale in KNOWN_LOCALES or locale in options.extra_locales:
                continue
            alias = _ALIASES.get(locale) or _ALIASES.get(locale.replace("-", "_"))
            if alias is None:
                alias = nearest(locale.replace("-", "_"), KNOWN_LOCALES, cutoff=0.8)
            message = f"unknown locale {locale!r}"
            if alias is not None:
                message += f"; did you mean {alias!r}?"
            else:
                message += f" (documented: {', '.join(sorted(KNOWN_LOCALES))})"
            yield Finding(message, element=element, attribute="locale")
