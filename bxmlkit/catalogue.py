"""The known text-to-speech voices and locales of ``<SpeakSentence>``, as data.

Bandwidth adds voices over time and its SDKs already disagree on the list, so the models and
the XSD accept any well-formed name (an *open catalogue*).  This module records the names the
documentation lists; the linter warns on a name that is not here and suggests the nearest one.
It imports nothing heavy, so the linter can use it on its fast path.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["KNOWN_LOCALES", "KNOWN_VOICES", "RETIRED_VOICES", "Voice"]


class Voice(NamedTuple):
    """One documented voice: its locale, gender and engine type."""

    name: str
    locale: str
    gender: str
    engine: str  # "standard" or "enhanced"


_VOICES = (
    Voice("julie", "en_US", "female", "standard"),
    Voice("kate", "en_US", "female", "standard"),
    Voice("susan", "en_US", "female", "standard"),
    Voice("dave", "en_US", "male", "standard"),
    Voice("paul", "en_US", "male", "standard"),
    Voice("bridget", "en_UK", "female", "standard"),
    Voice("simon", "en_UK", "male", "standard"),
    Voice("katrin", "de", "female", "standard"),
    Voice("stefan", "de", "male", "standard"),
    Voice("esperanza", "es", "female", "standard"),
    Voice("violeta", "es", "female", "standard"),
    Voice("jorge", "es", "male", "standard"),
    Voice("rosa", "es_MX", "female", "standard"),
    Voice("jolie", "fr", "female", "standard"),
    Voice("bernard", "fr", "male", "standard"),
    Voice("paola", "it", "female", "standard"),
    Voice("luca", "it", "male", "standard"),
    Voice("masako", "ja", "female", "standard"),
    Voice("kenji", "ja", "male", "standard"),
    Voice("nadiya", "ru", "female", "standard"),
    Voice("anatoli", "ru", "male", "standard"),
    Voice("zeina", "arb", "female", "standard"),
    Voice("zhiyu", "cmn-CN", "female", "standard"),
    Voice("ruth", "en_US", "female", "enhanced"),
    Voice("stephen", "en_US", "male", "enhanced"),
    Voice("lupe", "es_US", "female", "enhanced"),
    Voice("pedro", "es_US", "male", "enhanced"),
    Voice("gabrielle", "fr_CA", "female", "enhanced"),
    Voice("liam", "fr_CA", "male", "enhanced"),
)

#: Documented voices by name (lowercase, as BXML writes them).
KNOWN_VOICES: dict[str, Voice] = {voice.name: voice for voice in _VOICES}

#: Documented ``locale`` values of ``<SpeakSentence>``.
KNOWN_LOCALES: frozenset[str] = frozenset(
    (
        "en_US",
        "en_UK",
        "de",
        "es",
        "es_MX",
        "es_US",
        "fr",
        "fr_CA",
        "it",
        "ja",
        "ru",
        "arb",
        "cmn-CN",
    )
)

#: Voice names that older SDKs (Java's TtsVoice enum) accepted but the documentation does not
#: list; seen in real applications.  The linter names them as retired rather than misspelt.
RETIRED_VOICES: frozenset[str] = frozenset(
    (
        "salli", "salli_enh", "chantal", "miguel", "joey", "joey_enh", "penelope", "russell",
        "emma", "emma_enh", "nicole", "raveena", "mads", "justin", "ivy", "ivy_enh", "carmen",
        "naja", "ruben", "geraint",
    )
)  # fmt: skip
