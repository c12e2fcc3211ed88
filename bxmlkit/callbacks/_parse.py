"""Turning a webhook delivery into the right event model, and checking its Basic auth."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeAlias, Union
from urllib.parse import parse_qs

from pydantic import BaseModel, ValidationError

from bxmlkit.callbacks._base import CallbackError, CallbackEvent
from bxmlkit.callbacks.messaging import MESSAGE_EVENTS, UnknownMessageEvent
from bxmlkit.callbacks.voice import VOICE_EVENTS, UnknownVoiceEvent

__all__ = ["Payload", "check_basic_auth", "parse_callback", "parse_callbacks"]

#: What ``parse_callback`` reads: a raw body or query string (``str``/``bytes``), or an
#: already decoded object (``dict``, or a list of them as messaging callbacks arrive).
Payload: TypeAlias = str | bytes | Mapping[str, Any] | list[Mapping[str, Any]]

_VOICE_FOLDED = {name.casefold(): cls for name, cls in VOICE_EVENTS.items()}
_MESSAGE_FOLDED = {name.casefold(): cls for name, cls in MESSAGE_EVENTS.items()}


def parse_callback(payload: Payload) -> CallbackEvent:
    """Read one webhook delivery and return the model for its declared type.

    ``payload`` is what the webhook received:

    * a JSON body (``str``/``bytes``, or the decoded ``dict``), as with the default POST;
    * a query string (``"eventType=answer&callId=..."``, with or without ``?``) or a mapping
      of query parameters, as with ``*Method="GET"``: every value is a string and is
      converted to the field's type; nested objects may come as dotted keys
      (``machineDetectionResult.value=human``) or as JSON text;
    * a messaging callback array holding exactly one event (use :func:`parse_callbacks` for
      several).

    Voice payloads dispatch on ``eventType`` (case-insensitive; ``recordComplete`` and
    ``recordingComplete`` are the same event), messaging payloads on ``type``.  An unknown
    type gives ``UnknownVoiceEvent`` / ``UnknownMessageEvent`` rather than failing.  Raises
    :class:`CallbackError` for a payload that is not a callback or whose fields contradict
    its declared type.
    """
    events = parse_callbacks(payload)
    if len(events) != 1:
        raise CallbackError(
            f"expected one event, got an array of {len(events)}; use parse_callbacks() "
            "for messaging callbacks that carry several"
        )
    return events[0]


def parse_callbacks(payload: Payload) -> list[CallbackEvent]:
    """Like :func:`parse_callback`, for deliveries that may carry several events (arrays)."""
    data, from_query = _decode(payload)
    items = data if isinstance(data, list) else [data]
    events: list[CallbackEvent] = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise CallbackError(
                f"event {index} is a {type(item).__name__}, not an object; "
                "a callback is a JSON object or a query string"
            )
        events.append(_parse_one(dict(item), from_query))
    return events


def _decode(payload: Payload) -> tuple[Any, bool]:
    if isinstance(payload, bytes):
        try:
            payload = payload.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CallbackError(f"the body is not UTF-8 text ({exc.reason})") from exc
    if isinstance(payload, str):
        text = payload.strip()
        if text[:1] in ("{", "["):
            try:
                return json.loads(text), False
            except ValueError as exc:
                raise CallbackError(f"the body is not valid JSON ({exc})") from exc
        query = text[1:] if text.startswith("?") else text
        try:
            pairs = parse_qs(query, keep_blank_values=True, strict_parsing=bool(query))
        except ValueError as exc:
            raise CallbackError(f"the body is neither JSON nor a query string ({exc})") from exc
        return {k: v[0] if len(v) == 1 else v for k, v in pairs.items()}, True
    if isinstance(payload, list):
        return payload, False
    if isinstance(payload, Mapping):
        # A framework's query mapping (e.g. dict(request.args)) reads like a JSON object.
        return payload, False
    raise TypeError(
        "parse_callback() expects str, bytes, a mapping or a list of mappings, "
        f"not {type(payload).__name__}"
    )


def _parse_one(data: dict[str, Any], from_query: bool) -> CallbackEvent:
    event_type = data.get("eventType")
    message_type = data.get("type")
    if event_type is not None and not isinstance(event_type, str):
        raise CallbackError(f"eventType must be a string, not {type(event_type).__name__}")
    if message_type is not None and not isinstance(message_type, str):
        message_type = None  # a voice payload may one day carry a non-string "type"
    cls: type[CallbackEvent]
    if event_type is not None:
        if isinstance(message_type, str) and message_type.casefold() in _MESSAGE_FOLDED:
            raise CallbackError(
                f"contradictory payload: eventType {event_type!r} says voice event but "
                f"type {message_type!r} says messaging callback",
                event_type=event_type,
            )
        cls = _VOICE_FOLDED.get(event_type.casefold(), UnknownVoiceEvent)
        declared = event_type
    elif message_type is not None:
        cls = _MESSAGE_FOLDED.get(message_type.casefold(), UnknownMessageEvent)
        declared = message_type
    else:
        raise CallbackError(
            "not a Bandwidth callback: no eventType (voice) or type (messaging) field; "
            f"keys were {sorted(data)[:10]}"
        )
    normalised = _normalise(cls, data, from_query)
    try:
        return cls.model_validate(normalised)
    except ValidationError as exc:
        raise CallbackError(
            f"{declared!r} payload contradicts the {cls.__name__} model",
            event_type=declared,
            problems=tuple(_problem(err) for err in exc.errors(include_url=False)),
        ) from None


def _problem(err: Any) -> str:
    where = ".".join(str(part) for part in err["loc"]) or "payload"
    message = str(err["msg"]).removeprefix("Value error, ")
    text = f"{where}: {message}"
    if err.get("type") not in ("value_error", "assertion_error") and "input" in err:
        shown = repr(err["input"])
        text += f" (got {shown[:60] + '...' if len(shown) > 60 else shown})"
    return text


# --------------------------------------------------------------------------- GET-style values


def _shape(annotation: Any) -> str:
    """``object``, ``list`` or ``scalar`` for a field annotation (Optional unwrapped)."""
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        shapes = {_shape(a) for a in typing.get_args(annotation) if a is not type(None)}
        return shapes.pop() if len(shapes) == 1 else "scalar"
    if origin in (list, tuple):
        return "list"
    if origin is dict or annotation is dict:
        return "object"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "object"
    return "scalar"


def _is_text(annotation: Any) -> bool:
    args = typing.get_args(annotation) or (annotation,)
    return str in args


def _fields_by_wire_name(cls: type[BaseModel]) -> dict[str, tuple[str, Any]]:
    out: dict[str, tuple[str, Any]] = {}
    for name, info in cls.model_fields.items():
        out[info.alias or name] = (name, info.annotation)
        out[name] = (name, info.annotation)
    return out


def _normalise(cls: type[BaseModel], data: dict[str, Any], from_query: bool) -> dict[str, Any]:
    """Make a GET-style (all strings, dotted keys) payload look like its JSON twin.

    Harmless on real JSON: it only turns dotted keys into nested objects, JSON text into the
    object or list a structured field needs, and "" into None for non-text fields.
    """
    nested: dict[str, Any] = {}
    for key, value in data.items():
        head, dot, rest = key.partition(".")
        if dot and head and rest and isinstance(nested.setdefault(head, {}), dict):
            nested[head][rest] = value  # deeper dots are split when the sub-model is read
        elif isinstance(nested.get(key), dict) and isinstance(value, dict):
            nested[key] = {**value, **nested[key]}
        else:
            nested[key] = value
    fields = _fields_by_wire_name(cls)
    out: dict[str, Any] = {}
    for key, value in nested.items():
        target = fields.get(key)
        if target is None:
            out[key] = value
            continue
        annotation = target[1]
        shape = _shape(annotation)
        if isinstance(value, str):
            if value == "" and not _is_text(annotation):
                value = None
            elif shape == "object" and value.lstrip()[:1] == "{":
                value = _json_or_keep(value)
            elif shape == "list":
                value = (
                    _json_or_keep(value)
                    if value.lstrip()[:1] == "["
                    else [v for v in value.split(",") if v]
                )
        elif shape == "scalar" and from_query and isinstance(value, list):
            value = value[-1] if value else None  # a repeated query key: the last one wins
        if shape == "object" and isinstance(value, dict):
            sub = _submodel(annotation)
            if sub is not None:
                value = _normalise(sub, value, from_query)
        out[key] = value
    return out


def _submodel(annotation: Any) -> type[BaseModel] | None:
    for arg in typing.get_args(annotation) or (annotation,):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _json_or_keep(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value  # validation then reports the field with the text it got


# --------------------------------------------------------------------------- basic auth


#: Header names that carry ``Authorization``, lowercased: the HTTP name, and the WSGI environ key.
_AUTHORIZATION_KEYS = frozenset(("authorization", "http_authorization"))


def _text(value: Any) -> str:
    """A header name or value as text: ASGI gives bytes (latin-1 on the wire), others str."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("latin-1")
    return str(value)


def _authorization(headers: Any) -> str | None:
    """The ``Authorization`` value from any container of request headers, or None.

    Accepts a mapping (a dict, ``email.message.Message``, a framework's headers, a WSGI
    environ with ``HTTP_AUTHORIZATION``), ``(name, value)`` pairs of ``str`` or ``bytes``
    (ASGI's ``scope["headers"]``), or an ASGI scope itself; names match case-insensitively.
    A header sent twice with different values is ambiguous and gives None.
    """
    if (
        isinstance(headers, Mapping)
        and headers.get("type") in ("http", "websocket")
        and isinstance(headers.get("headers"), (list, tuple))
    ):
        headers = headers["headers"]  # an ASGI scope
    items = headers.items() if callable(getattr(headers, "items", None)) else headers
    found: set[str] = set()
    for pair in items:
        try:
            key, value = pair
        except (TypeError, ValueError):
            continue
        if _text(key).strip().lower() in _AUTHORIZATION_KEYS:
            found.add(_text(value))
    return found.pop() if len(found) == 1 else None


def _digest(value: bytes) -> bytes:
    return hashlib.sha256(value).digest()


def check_basic_auth(headers: Any, username: str, password: str) -> bool:
    """True when ``headers`` carry ``Authorization: Basic`` with exactly these credentials.

    ``headers`` is any mapping (``http.server``'s ``self.headers``, a framework's headers, a
    dict, a WSGI environ with ``HTTP_AUTHORIZATION``), ``(name, value)`` pairs of ``str`` or
    ``bytes`` (ASGI's raw ``scope["headers"]``) or an ASGI scope; names match ignoring case.
    Both parts are compared in constant time (``hmac.compare_digest`` over SHA-256 digests,
    so neither content nor length leaks through timing).  Missing, malformed or repeated
    (with different values) headers give False.
    """
    if not username or not password:
        raise ValueError(
            "check_basic_auth() needs the expected username and password; "
            "an empty one would let anyone in"
        )
    value = _authorization(headers) or ""
    scheme, _, encoded = value.strip().partition(" ")
    supplied_user, supplied_password = b"", b""
    well_formed = scheme.lower() == "basic"
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        decoded, well_formed = b"", False
    if well_formed and b":" in decoded:
        supplied_user, _, supplied_password = decoded.partition(b":")
    else:
        well_formed = False
    user_ok = hmac.compare_digest(_digest(supplied_user), _digest(username.encode()))
    password_ok = hmac.compare_digest(_digest(supplied_password), _digest(password.encode()))
    return well_formed & user_ok & password_ok
