"""Keyword arguments of the client methods, as TypedDicts (for ``**fields: Unpack[...]``).

They mirror the request models field for field; a test keeps the two in step.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypedDict

from pydantic import SecretStr
from typing_extensions import NotRequired, Required

from bxmlkit.client.models import MachineDetectionConfiguration

__all__ = [
    "CreateCallFields",
    "ListAccountCallRecordingsFields",
    "ListCallsFields",
    "ListConferencesFields",
    "ListMessagesFields",
    "MessageRequestFields",
    "TranscribeRecordingFields",
    "UpdateCallFields",
    "UpdateConferenceFields",
    "UpdateConferenceMemberFields",
]

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


class UpdateConferenceFields(TypedDict, total=False):
    status: Literal["active", "completed"]
    redirect_url: str
    redirect_method: Method
    username: str
    password: str | SecretStr
    redirect_fallback_url: str
    redirect_fallback_method: Method
    fallback_username: str
    fallback_password: str | SecretStr


class UpdateConferenceMemberFields(TypedDict, total=False):
    mute: bool
    hold: bool
    call_ids_to_coach: list[str]


class ListConferencesFields(TypedDict, total=False):
    name: str
    min_created_time: datetime | str
    max_created_time: datetime | str
    page_size: int


class TranscribeRecordingFields(TypedDict, total=False):
    callback_url: str
    callback_method: Method
    username: str
    password: str | SecretStr
    tag: str
    callback_timeout: float
    detect_language: bool


class ListAccountCallRecordingsFields(TypedDict, total=False):
    to: str
    from_: str
    min_start_time: datetime | str
    max_start_time: datetime | str


class MessageRequestFields(TypedDict, total=False):
    application_id: Required[str]
    to: Required[str | list[str]]
    from_: Required[str]
    text: str
    media: list[str]
    tag: str
    priority: Literal["default", "high"]
    expiration: datetime


class ListMessagesFields(TypedDict, total=False):
    message_id: str
    source_tn: str
    destination_tn: str
    message_status: Literal[
        "RECEIVED", "QUEUED", "SENDING", "SENT", "FAILED", "DELIVERED", "ACCEPTED", "UNDELIVERED"
    ]
    message_direction: Literal["INBOUND", "OUTBOUND"]
    carrier_name: str
    message_type: Literal["sms", "mms", "rcs"]
    error_code: int
    from_date_time: datetime | str
    to_date_time: datetime | str
    campaign_id: str
    from_bw_latency: int
    bw_queued: bool
    product: Literal[
        "LOCAL_A2P", "P2P", "SHORT_CODE_REACH", "TOLL_FREE", "HOSTED_SHORT_CODE",
        "ALPHA_NUMERIC", "RBM_MEDIA", "RBM_RICH", "RBM_CONVERSATIONAL",
    ]  # fmt: skip
    location: str
    carrier_queued: bool
    from_carrier_latency: int
    calling_number_country_a3: str
    called_number_country_a3: str
    from_segment_count: int
    to_segment_count: int
    from_message_size: int
    to_message_size: int
    sort: str
    page_token: str
    limit: int
    limit_total_count: bool
