"""Keyword arguments of the client methods, as TypedDicts (for ``**fields: Unpack[...]``).

They mirror the request models field for field; a test keeps the two in step.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypedDict

from pydantic import SecretStr
from typing_extensions import NotRequired, Required

from bxmlkit.client.models import MachineDetectionConfiguration

__all__ = ["CreateCallFields", "ListCallsFields", "UpdateCallFields"]

Method = Literal["GET", "POST"]


class CreateCallFields(TypedDict, total=False):
    to: Required[str]
    from_: Required[str]
    application_id: Required[str]
    answer_url: Required[str]
    answer_method: Method
    privacy: bool
    display_name: str
    uui: str
    username: str
    password: str | SecretStr
    answer_fallback_url: str
    answer_fallback_method: Method
    fallback_username: str
    fallback_password: str | SecretStr
    disconnect_url: str
    disconnect_method: Method
    call_timeout: float
    callback_timeout: float
    machine_detection: MachineDetectionConfiguration | dict[str, object]
    priority: int
    tag: str


class UpdateCallFields(TypedDict, total=False):
    state: Literal["active", "completed"]
    redirect_url: str
    redirect_method: Method
    username: str
    password: str | SecretStr
    redirect_fallback_url: str
    redirect_fallback_method: Method
    fallback_username: str
    fallback_password: str | SecretStr
    tag: str


class ListCallsFields(TypedDict, total=False):
    to: NotRequired[str]
    from_: NotRequired[str]
    min_start_time: datetime | str
    max_start_time: datetime | str
    disconnect_cause: str
    page_size: int
