"""Where the client's settings come from: arguments first, then environment variables.

=======================  ===========================================================
Variable                 Meaning
=======================  ===========================================================
``BW_ACCOUNT_ID``        the account id used in every URL (e.g. ``9900000``)
``BW_CLIENT_ID``         OAuth2 client id (preferred by Bandwidth)
``BW_CLIENT_SECRET``     OAuth2 client secret
``BW_USERNAME``          API user name for HTTP Basic (deprecated by Bandwidth)
``BW_PASSWORD``          API user password for HTTP Basic
``BW_VOICE_BASE_URL``    default ``https://voice.bandwidth.com/api/v2``
``BW_MESSAGING_BASE_URL`` default ``https://messaging.bandwidth.com/api/v2``
``BW_TOKEN_URL``         default ``https://api.bandwidth.com/api/v1/oauth2/token``
=======================  ===========================================================

Credentials: an explicit ``auth=`` or any credential argument wins, and then only the
arguments are used.  Otherwise ``BW_CLIENT_ID``/``BW_CLIENT_SECRET`` (OAuth2) are used when
both are set, else ``BW_USERNAME``/``BW_PASSWORD`` (Basic).  Half a pair is an error.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from pydantic import SecretStr

from bxmlkit.client._auth import DEFAULT_TOKEN_URL, Auth, BasicAuth, OAuth2ClientCredentials
from bxmlkit.client.errors import ClientConfigError

__all__ = [
    "DEFAULT_MESSAGING_BASE_URL",
    "DEFAULT_VOICE_BASE_URL",
    "ENV_VARS",
    "Settings",
    "resolve_settings",
]

#: Production hosts from the reference (voice-api-v2.json, messaging-api-v2.json).
DEFAULT_VOICE_BASE_URL = "https://voice.bandwidth.com/api/v2"
DEFAULT_MESSAGING_BASE_URL = "https://messaging.bandwidth.com/api/v2"

ENV_VARS = (
    "BW_ACCOUNT_ID",
    "BW_CLIENT_ID",
    "BW_CLIENT_SECRET",
    "BW_MESSAGING_BASE_URL",
    "BW_PASSWORD",
    "BW_TOKEN_URL",
    "BW_USERNAME",
    "BW_VOICE_BASE_URL",
)


@dataclass(frozen=True)
class Settings:
    account_id: str
    voice_base_url: str
    messaging_base_url: str
    auth: Auth


def _check_base_url(url: str, name: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ClientConfigError(
            f"{name} must be an absolute http(s) URL such as {DEFAULT_VOICE_BASE_URL!r}, "
            f"not {url!r}"
        )
    if parts.username is not None or parts.password is not None:
        # Never echo the URL: it holds a credential.
        raise ClientConfigError(
            f"{name} must not contain a user name or password; "
            "pass credentials as arguments or BW_* environment variables"
        )
    if parts.query or parts.fragment:
        raise ClientConfigError(f"{name} must not have a query or fragment: {url!r}")
    return url.rstrip("/")


def _pick(value: str | SecretStr | None, env: Mapping[str, str], var: str) -> str | None:
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    if value is not None:
        return value
    found = env.get(var)
    return found if found else None


def resolve_settings(
    *,
    account_id: str | None,
    username: str | SecretStr | None,
    password: str | SecretStr | None,
    client_id: str | SecretStr | None,
    client_secret: str | SecretStr | None,
    auth: Auth | None,
    voice_base_url: str | None,
    messaging_base_url: str | None,
    token_url: str | None,
    env: Mapping[str, str] | None,
) -> Settings:
    environ: Mapping[str, str] = os.environ if env is None else env
    account = account_id if account_id is not None else environ.get("BW_ACCOUNT_ID")
    if not account:
        raise ClientConfigError(
            "no account id: pass account_id= or set BW_ACCOUNT_ID (your Bandwidth account id)"
        )
    voice = _check_base_url(
        voice_base_url or environ.get("BW_VOICE_BASE_URL") or DEFAULT_VOICE_BASE_URL,
        "voice_base_url (BW_VOICE_BASE_URL)",
    )
    messaging = _check_base_url(
        messaging_base_url or environ.get("BW_MESSAGING_BASE_URL") or DEFAULT_MESSAGING_BASE_URL,
        "messaging_base_url (BW_MESSAGING_BASE_URL)",
    )
    token = _check_base_url(
        token_url or environ.get("BW_TOKEN_URL") or DEFAULT_TOKEN_URL, "token_url (BW_TOKEN_URL)"
    )
    explicit = [x for x in (username, password, client_id, client_secret) if x is not None]
    if auth is not None:
        if explicit:
            raise ClientConfigError("pass either auth= or credential arguments, not both")
        chosen = auth
    elif explicit:
        chosen = _from_pairs(username, password, client_id, client_secret, token, source="args")
    else:
        chosen = _from_pairs(
            None,
            None,
            environ.get("BW_CLIENT_ID") or None,
            environ.get("BW_CLIENT_SECRET") or None,
            token,
            source="env",
            fallback_user=environ.get("BW_USERNAME") or None,
            fallback_password=environ.get("BW_PASSWORD") or None,
        )
    return Settings(account, voice, messaging, chosen)


def _from_pairs(
    username: str | SecretStr | None,
    password: str | SecretStr | None,
    client_id: str | SecretStr | None,
    client_secret: str | SecretStr | None,
    token_url: str,
    *,
    source: str,
    fallback_user: str | None = None,
    fallback_password: str | None = None,
) -> Auth:
    args = source == "args"
    names = (
        ("username", "password", "client_id", "client_secret")
        if args
        else ("BW_USERNAME", "BW_PASSWORD", "BW_CLIENT_ID", "BW_CLIENT_SECRET")
    )
    if (
        args
        and (username is not None or password is not None)
        and (client_id is not None or client_secret is not None)
    ):
        raise ClientConfigError(
            "pass either username/password (Basic) or client_id/client_secret (OAuth2), not both"
        )
    if (client_id is None) != (client_secret is None):
        missing = names[3] if client_secret is None else names[2]
        raise ClientConfigError(
            f"OAuth2 needs both {names[2]} and {names[3]}; {missing} is missing"
        )
    if client_id is not None and client_secret is not None:
        return OAuth2ClientCredentials(client_id, client_secret, token_url=token_url)
    if not args:
        username, password = fallback_user, fallback_password
    if (username is None) != (password is None):
        missing = names[1] if password is None else names[0]
        raise ClientConfigError(
            f"Basic auth needs both {names[0]} and {names[1]}; {missing} is missing"
        )
    if username is not None and password is not None:
        try:
            return BasicAuth(username, password)
        except ValueError as exc:
            raise ClientConfigError(str(exc)) from None
    raise ClientConfigError(
        "no credentials: pass client_id/client_secret (OAuth2) or username/password (Basic), "
        "or set BW_CLIENT_ID/BW_CLIENT_SECRET or BW_USERNAME/BW_PASSWORD"
    )
