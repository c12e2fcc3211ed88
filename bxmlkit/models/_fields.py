"""Field factories for the attribute families that many verbs share.

BXML repeats the same shapes: an event URL with its method, a fallback URL with its
method, basic-auth credentials for each, and ``tag``.  These helpers give each a uniform
alias and description; the annotation stays on the model so types are visible there.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

__all__ = [
    "callback_method",
    "callback_url",
    "fallback_password",
    "fallback_url",
    "fallback_username",
    "password",
    "tag",
    "username",
]


def callback_url(alias: str, event: str) -> Any:
    """``<event>Url``: where Bandwidth sends the event's webhook."""
    return Field(
        None,
        alias=alias,
        description=f"URL (absolute, or relative to the webhook URL) that receives the {event}.",
    )


def callback_method(alias: str, url_alias: str) -> Any:
    """``<event>Method``: the HTTP method of that webhook."""
    return Field(
        None,
        alias=alias,
        description=f"HTTP method for requests to {url_alias}: GET or POST (POST when unset).",
    )


def fallback_url(alias: str, primary: str) -> Any:
    """``<event>FallbackUrl``: retried when the primary URL does not answer."""
    return Field(
        None,
        alias=alias,
        description=f"URL tried when {primary} fails to respond.",
    )


def username(target: str = "the webhook URLs") -> Any:
    return Field(None, description=f"Basic-auth user name sent to {target}.")


def password(target: str = "the webhook URLs") -> Any:
    return Field(None, description=f"Basic-auth password sent to {target}.")


def fallback_username() -> Any:
    return Field(
        None, alias="fallbackUsername", description="Basic-auth user name for the fallback URLs."
    )


def fallback_password() -> Any:
    return Field(
        None, alias="fallbackPassword", description="Basic-auth password for the fallback URLs."
    )


def tag() -> Any:
    return Field(
        None,
        max_length=256,
        description=(
            "Custom value sent with this and every later webhook of the call, until changed; "
            'tag="" clears it. At most 256 characters.'
        ),
    )
