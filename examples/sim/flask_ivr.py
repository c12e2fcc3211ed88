"""A small IVR on Flask: opening hours, voicemail, or the operator.

Run it with ``flask --app examples/sim/flask_ivr:create_app run``; test it offline with
``bxmlkit.sim`` (see ``test_flask_ivr.py``) or ``bxmlkit simulate --app flask_ivr:app``.
"""

from __future__ import annotations

from flask import Flask, Response, request

from bxmlkit.callbacks import GatherEvent, RecordingAvailableEvent, parse_callback
from bxmlkit.codec import to_xml
from bxmlkit.models import Gather, Hangup, PhoneNumber, Record, Redirect, SpeakSentence, Transfer
from bxmlkit.models import Response as Bxml

OPERATOR = "+15550001000"
MENU = "Press 1 for opening hours, 2 to leave a message, or 0 for the operator."


def _xml(*verbs: object) -> Response:
    return Response(to_xml(Bxml(*verbs)), mimetype="application/xml")


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["recordings"] = []

    @app.post("/voice/initiate")
    def initiate() -> Response:
        return _xml(
            SpeakSentence("Welcome to Example Books."),
            Gather(
                SpeakSentence(MENU),
                gather_url="/voice/menu",
                max_digits=1,
                first_digit_timeout=5,
                repeat_count=2,
            ),
        )

    @app.post("/voice/menu")
    def menu() -> Response:
        event = parse_callback(request.get_data())
        assert isinstance(event, GatherEvent)
        choice = event.digits or ""
        if choice == "1":
            return _xml(SpeakSentence("We are open from nine to five. Goodbye."), Hangup())
        if choice == "2":
            return _xml(
                SpeakSentence("Leave a message after the tone, then press pound."),
                Record(
                    record_complete_url="/voice/recorded",
                    recording_available_url="/voice/recording",
                    max_duration=60,
                    silence_timeout=3,
                ),
            )
        if choice == "0":
            return _xml(
                SpeakSentence("Connecting you to the operator."),
                Transfer(PhoneNumber(OPERATOR), transfer_complete_url="/voice/transferred"),
            )
        if choice == "":
            return _xml(SpeakSentence("We did not hear a choice. Goodbye."), Hangup())
        return _xml(
            SpeakSentence("That is not an option."), Redirect(redirect_url="/voice/initiate")
        )

    @app.post("/voice/recorded")
    def recorded() -> Response:
        return _xml(SpeakSentence("Thank you, your message was saved. Goodbye."), Hangup())

    @app.post("/voice/recording")
    def recording() -> tuple[str, int]:
        event = parse_callback(request.get_data())
        assert isinstance(event, RecordingAvailableEvent)
        app.config["recordings"].append(event.media_url)
        return "", 204

    @app.post("/voice/transferred")
    def transferred() -> Response:
        return _xml(SpeakSentence("The operator has left the call. Goodbye."), Hangup())

    @app.post("/voice/disconnect")
    def disconnect() -> tuple[str, int]:
        return "", 204

    return app


app = create_app()
