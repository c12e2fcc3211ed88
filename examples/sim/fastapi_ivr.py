"""An appointment reminder on FastAPI: an outbound call the caller confirms by key or voice.

Run it with ``uvicorn fastapi_ivr:app``; test it offline with ``bxmlkit.sim`` (see
``test_fastapi_ivr.py``).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response

from bxmlkit.callbacks import GatherEvent, parse_callback
from bxmlkit.codec import to_xml
from bxmlkit.models import Gather, Hangup, SpeakSentence
from bxmlkit.models import Response as Bxml

QUESTION = "You have an appointment tomorrow at ten. Press 1 or say yes to confirm, 2 to cancel."

app = FastAPI()
answers: list[str] = []


def _xml(*verbs: object) -> Response:
    return Response(to_xml(Bxml(*verbs)), media_type="application/xml")


@app.post("/reminder/answer")
async def answer() -> Response:
    return _xml(
        Gather(
            SpeakSentence(QUESTION),
            gather_url="/reminder/reply",
            max_digits=1,
            input="dtmf_speech",
            first_digit_timeout=6,
        )
    )


@app.post("/reminder/reply")
async def reply(request: Request) -> Response:
    event = parse_callback(await request.body())
    assert isinstance(event, GatherEvent)
    spoken = str(event.get("transcript") or "").strip().lower()
    choice = event.digits or ("1" if spoken == "yes" else "2" if spoken == "no" else "")
    answers.append(choice)
    if choice == "1":
        return _xml(SpeakSentence("Thank you, see you tomorrow."), Hangup())
    if choice == "2":
        return _xml(SpeakSentence("Your appointment is cancelled."), Hangup())
    return _xml(SpeakSentence("We will call you again later."), Hangup())


@app.post("/reminder/disconnect")
async def disconnect() -> Response:
    return Response(status_code=204)
