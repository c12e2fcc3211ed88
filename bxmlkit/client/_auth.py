"""Credentials: HTTP Basic, and OAuth2 client credentials with a cached, refreshed token.

Secrets are held as pydantic ``SecretStr``; no repr, log line or error message shows them.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import SecretStr

__all__ = ["DEFAULT_TOKEN_URL", "Auth", "BasicAuth", "OAuth2ClientCredentials"]

#: The OAuth2 token endpoint from the reference (``auth.schemes[OAuth2].tokenUrl``).
DEFAULT_TOKEN_URL = "https://api.bandwidth.com/api/v1/oauth2/token"

_MASK = "***"


def _secret(value: str | SecretStr, name: str) -> SecretStr:
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty string")
    return SecretStr(value)


def _basic_value(user: SecretStr, password: SecretStr) -> str:
    pair = f"{user.get_secret_value()}:{password.get_secret_value()}".encode()
    return "Basic " + base64.b64encode(pair).decode("ascii")


class Auth:
    """Base of the credential kinds a client accepts."""

    def secrets(self) -> Iterator[str]:
        """Every secret string this auth may put on the wire (for redaction)."""
        raise NotImplementedError  # pragma: no cover


class BasicAuth(Auth):
    """HTTP Basic with a Bandwidth API user (deprecated by Bandwidth in favour of OAuth2)."""

    def __init__(self, username: str | SecretStr, password: str | SecretStr) -> None:
        self._username = _secret(username, "username")
        self._password = _secret(password, "password")

    def header_value(self) -> str:
        return _basic_value(self._username, self._password)

    def secrets(self) -> Iterator[str]:
        yield self._username.get_secret_value()
        yield self._password.get_secret_value()
        yield self.header_value().split(" ", 1)[1]

    def __repr__(self) -> str:
        return f"BasicAuth(username='{_MASK}', password='{_MASK}')"


class OAuth2ClientCredentials(Auth):
    """OAuth2 client-credentials flow with the token cached until shortly before it expires.

    The token is fetched on first use with ``POST token_url`` (HTTP Basic with the client id
    and secret, form body ``grant_type=client_credentials``), and fetched again once
    ``refresh_margin`` seconds (default 60, as Bandwidth's SDK does) or half its lifetime,
    whichever is shorter, remain.  A 401 from the API drops the cached token so that the next
    request fetches a new one.

    ``clock`` (default ``time.monotonic``) is the seam tests use to move time forward.
    """

    def __init__(
        self,
        client_id: str | SecretStr,
        client_secret: str | SecretStr,
        *,
        token_url: str = DEFAULT_TOKEN_URL,
        refresh_margin: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client_id = _secret(client_id, "client_id")
        self._client_secret = _secret(client_secret, "client_secret")
        if not refresh_margin >= 0:
            raise ValueError(f"refresh_margin must be >= 0, not {refresh_margin!r}")
        self.token_url = token_url
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._token: SecretStr | None = None
        self._refresh_at = 0.0
        self._lock = threading.Lock()
        #: How many tokens this object has fetched (handy in tests and metrics).
        self.tokens_fetched = 0

    @property
    def lock(self) -> threading.Lock:
        return self._lock

    def token_request_header(self) -> str:
        return _basic_value(self._client_id, self._client_secret)

    def current_token(self) -> str | None:
        """The cached token if it is not due for refresh, else None."""
        if self._token is None or self._clock() >= self._refresh_at:
            return None
        return self._token.get_secret_value()

    def store(self, body: Any) -> str:
        """Keep the token from a decoded token-endpoint body; returns the token.

        Raises ValueError (never showing the body) when the body has no usable token.
        """
        if not isinstance(body, dict):
            raise ValueError("the token response is not a JSON object")
        token = body.get("access_token")
        if not isinstance(token, str) or not token:
            raise ValueError("the token response has no access_token")
        expires_in = body.get("expires_in", 3600)
        try:
            lifetime = float(expires_in)
        except (TypeError, ValueError):
            raise ValueError("the token response has a non-numeric expires_in") from None
        lifetime = max(0.0, lifetime)
        self._token = SecretStr(token)
        self._refresh_at = self._clock() + max(lifetime - self.refresh_margin, lifetime / 2)
        self.tokens_fetched += 1
        return token

    def store_json(self, content: bytes) -> str:
        try:
            body = json.loads(content)
        except ValueError:
            raise ValueError("the token response is not JSON") from None
        return self.store(body)

    def invalidate(self) -> None:
        self._token = None
        self._refresh_at = 0.0

    def secrets(self) -> Iterator[str]:
        yield self._client_id.get_secret_value()
        yield self._client_secret.get_secret_value()
        yield self.token_request_header().split(" ", 1)[1]
        if self._token is not None:
            yield self._token.get_secret_value()

    def __repr__(self) -> str:
        return (
            f"OAuth2ClientCredentials(client_id='{_MASK}', client_secret='{_MASK}', "
            f"token_url={self.token_url!r})"
        )
