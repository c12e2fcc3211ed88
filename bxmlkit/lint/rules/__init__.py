"""The rule registry: an explicit list of rule classes (no discovery magic).

Codes are stable.  ``ALIASES`` maps old codes and names of renamed rules to today's code.
Categories: BX1 structure, BX2 call flow, BX3 security, BX4 compatibility, BX5 catalogue,
BX6 context, BX9 the linter itself.
"""

from __future__ import annotations

from typing import Any

from bxmlkit.lint.rule import Rule
from bxmlkit.lint.rules.bxml_root_in_webhook import BxmlRootInWebhookRule
from bxmlkit.lint.rules.child_count import ChildCountRule
from bxmlkit.lint.rules.context_verb import ContextVerbRule
from bxmlkit.lint.rules.credentials_in_url import CredentialsInUrlRule
from bxmlkit.lint.rules.credentials_over_http import CredentialsOverHttpRule
from bxmlkit.lint.rules.document_too_large import DocumentTooLargeRule
from bxmlkit.lint.rules.duplicate_name import DuplicateNameRule
from bxmlkit.lint.rules.empty_response import EmptyResponseRule
from bxmlkit.lint.rules.escaped_ssml import EscapedSsmlRule
from bxmlkit.lint.rules.forbidden_construct import ForbiddenConstructRule
from bxmlkit.lint.rules.gather_prompt_limit import GatherPromptLimitRule
from bxmlkit.lint.rules.ignored_attribute import IgnoredAttributeRule
from bxmlkit.lint.rules.ignored_verb import IgnoredVerbRule
from bxmlkit.lint.rules.insecure_url import InsecureUrlRule
from bxmlkit.lint.rules.internal_error import InternalErrorRule
from bxmlkit.lint.rules.invalid_child import InvalidChildRule
from bxmlkit.lint.rules.invalid_suppression import InvalidSuppressionRule
from bxmlkit.lint.rules.invalid_text import InvalidTextRule
from bxmlkit.lint.rules.invalid_value import InvalidAttributeValueRule
from bxmlkit.lint.rules.legacy_attribute import LegacyAttributeRule
from bxmlkit.lint.rules.legacy_verb import LegacyVerbRule
from bxmlkit.lint.rules.missing_attribute import MissingAttributeRule
from bxmlkit.lint.rules.response_root_in_update import ResponseRootInUpdateRule
from bxmlkit.lint.rules.soft_limit import SoftLimitRule
from bxmlkit.lint.rules.ssml_value import SsmlValueRule
from bxmlkit.lint.rules.syntax_error import SyntaxErrorRule
from bxmlkit.lint.rules.unknown_attribute import UnknownAttributeRule
from bxmlkit.lint.rules.unknown_element import UnknownElementRule
from bxmlkit.lint.rules.unknown_locale import UnknownLocaleRule
from bxmlkit.lint.rules.unknown_voice import UnknownVoiceRule
from bxmlkit.lint.rules.unreachable_verb import UnreachableVerbRule
from bxmlkit.lint.rules.unused_suppression import UnusedSuppressionRule
from bxmlkit.lint.rules.url_without_scheme import UrlWithoutSchemeRule
from bxmlkit.lint.rules.value_format import ValueFormatRule
from bxmlkit.lint.rules.wrong_root import WrongRootRule

__all__ = ["ALIASES", "REGISTRY", "lookup", "suggest_rule", "unknown_rule_hint"]

_RULES: tuple[type[Rule[Any]], ...] = (
    SyntaxErrorRule,
    WrongRootRule,
    UnknownElementRule,
    UnknownAttributeRule,
    InvalidAttributeValueRule,
    InvalidChildRule,
    MissingAttributeRule,
    InvalidTextRule,
    ForbiddenConstructRule,
    ChildCountRule,
    ValueFormatRule,
    SsmlValueRule,
    UnreachableVerbRule,
    GatherPromptLimitRule,
    DocumentTooLargeRule,
    DuplicateNameRule,
    IgnoredVerbRule,
    UrlWithoutSchemeRule,
    IgnoredAttributeRule,
    ContextVerbRule,
    EmptyResponseRule,
    CredentialsOverHttpRule,
    CredentialsInUrlRule,
    InsecureUrlRule,
    LegacyVerbRule,
    LegacyAttributeRule,
    EscapedSsmlRule,
    UnknownVoiceRule,
    UnknownLocaleRule,
    SoftLimitRule,
    BxmlRootInWebhookRule,
    ResponseRootInUpdateRule,
    InternalErrorRule,
    InvalidSuppressionRule,
    UnusedSuppressionRule,
)

#: Every rule by code, in code order.
REGISTRY: dict[str, type[Rule[Any]]] = {
    rule.code: rule for rule in sorted(_RULES, key=lambda r: r.code)
}

#: Old codes or names of renamed rules -> today's code.
ALIASES: dict[str, str] = {}

_BY_NAME: dict[str, str] = {rule.name: rule.code for rule in _RULES}


def lookup(code_or_name: str) -> type[Rule[Any]] | None:
    """The rule with this code (any case), name or alias, or None."""
    key = code_or_name.strip()
    code = key.upper()
    if code in REGISTRY:
        return REGISTRY[code]
    if key in _BY_NAME:
        return REGISTRY[_BY_NAME[key]]
    alias = ALIASES.get(key) or ALIASES.get(code)
    return REGISTRY.get(alias) if alias else None


def suggest_rule(code_or_name: str) -> str | None:
    """The closest rule code or name, for "did you mean" in config errors."""
    from bxmlkit._suggest import closest

    return closest(code_or_name, [*REGISTRY, *_BY_NAME], cutoff=0.6)


def spellings() -> dict[str, str]:
    """Every accepted spelling (code, name, alias) -> code, for suppression comments."""
    result = {code: code for code in REGISTRY}
    result.update(_BY_NAME)
    result.update(ALIASES)
    return result


def unknown_rule_hint(code_or_name: str) -> str:
    """What to say after "unknown rule 'X'": the rules a code-shaped ``X`` probably meant
    (``BX2`` is the family BX201..., ``BX999`` is near BX900-BX902), else the closest name."""
    import re

    text = code_or_name.strip()
    if re.fullmatch(r"(?i)bx\d{1,4}", text):
        digits = text[2:]
        family = [code for code in REGISTRY if code[2:].startswith(digits)]
        if family and len(digits) < 3:
            return f"did you mean one of the BX{digits} rules: {_listing(family)}?"
        family = [code for code in REGISTRY if code[2] == digits[0]]
        if family:
            return f"did you mean one of the BX{digits[0]} rules: {_listing(family)}?"
        groups = sorted({f"BX{code[2]}xx" for code in REGISTRY})
        return f"rule codes are {', '.join(groups)}; `bxmlkit rules` lists them"
    hint = suggest_rule(text)
    return f"did you mean {hint!r}?" if hint else "`bxmlkit rules` lists them"


def _listing(codes: list[str]) -> str:
    return ", ".join(f"{code} ({REGISTRY[code].name})" for code in codes)
