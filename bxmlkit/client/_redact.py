"""Keeping credentials out of everything the client hands back: errors, reprs, kept requests.

Redaction happens where a secret is, never by searching unrelated text for it:

* the ``Authorization`` header is dropped from every kept request;
* base URLs may not contain userinfo (the settings refuse them);
* request models mask webhook credentials (``password``, ``fallbackPassword``, and the user
  names beside them) in their kept JSON body, their repr and their validation errors;
* text the *server* supplies (an error description, the start of an error body, httpx's
  exception text) is checked as a whole, and withheld whole when it carries a secret.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import SecretStr, ValidationError
from pydantic_core import InitErrorDetails

__all__ = [
    "MIN_SEARCHED_SECRET",
    "REDACTED",
    "SECRET_FIELDS",
    "WITHHELD",
    "scrub_validation_error",
    "withhold_secrets",
]

#: Secrets shorter than this are not searched for in server text: a user name such as
#: ``api`` cannot be told apart from ordinary words (``/api/v2``).
MIN_SEARCHED_SECRET = 8
WITHHELD = "[withheld: the server's text contained one of your credentials]"
REDACTED = "[redacted]"

#: JSON and Python names of the webhook credentials request bodies carry.
SECRET_FIELDS = frozenset(
    {
        "username",
        "password",
        "fallbackUsername",
        "fallbackPassword",
        "fallback_username",
        "fallback_password",
    }
)


def withhold_secrets(text: str, secrets: Iterable[str]) -> str:
    """``text`` unchanged, or :data:`WITHHELD` if a searchable secret occurs in it."""
    for secret in secrets:
        if len(secret) >= MIN_SEARCHED_SECRET and secret in text:
            return WITHHELD
    return text


def _mask(value: Any) -> Any:
    """A copy of ``value`` with every credential field replaced (dicts and lists, nested)."""
    if isinstance(value, Mapping):
        return {
            key: (REDACTED if key in SECRET_FIELDS and value[key] is not None else _mask(item))
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [_mask(item) for item in value]
    if isinstance(value, SecretStr):
        return REDACTED
    return value


def _touches_secret(loc: Sequence[int | str]) -> bool:
    return any(part in SECRET_FIELDS for part in loc if isinstance(part, str))


def scrub_validation_error(error: ValidationError) -> ValidationError:
    """The same errors (type, location, message) with every credential taken out of the inputs.

    A cross-field check fails with the whole input as ``input``; a credential field's own
    check with the credential.  Both are masked, so neither ``str(error)`` nor
    ``error.errors()[i]["input"]`` shows a password or a user name.
    """
    details: list[InitErrorDetails] = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        detail: InitErrorDetails = {
            "type": item["type"],
            "loc": loc,
            "input": REDACTED if _touches_secret(loc) else _mask(item["input"]),
        }
        if "ctx" in item:
            detail["ctx"] = item["ctx"]
        details.append(detail)
    return ValidationError.from_exception_data(error.title, details)
