"""What a type checker sees of the models: keyword construction fully typed.

Calling a model class runs bxmlkit's metaclass at run time; type checkers must still see
pydantic's own signature (fields as keywords, with their types).
"""

from __future__ import annotations

from pathlib import Path

from mypy import api

USER_CODE = """\
from bxmlkit.models import Gather, Hangup, PhoneNumber, Response, Transfer

document: Response = Response(verbs=[Gather(max_digits=1, gather_url="/next"), Hangup()])
transfer = Transfer(targets=[PhoneNumber(number="+15555550100")], call_timeout=30)
reveal_type(transfer)
wrong = Gather(max_digits="one")
"""


def test_keyword_construction_is_typed_for_users(tmp_path: Path) -> None:
    user = tmp_path / "user.py"
    user.write_text(USER_CODE, encoding="utf-8")
    config = Path(__file__).parents[2] / "pyproject.toml"
    out, err, status = api.run(
        [
            "--strict",
            "--config-file",
            str(config),
            "--cache-dir",
            str(tmp_path / "cache"),
            "--no-error-summary",
            str(user),
        ]
    )
    lines = [line.split(": ", 1)[1] for line in out.splitlines()]
    assert lines == [
        'note: Revealed type is "bxmlkit.models.routing.Transfer"',
        'error: Argument "max_digits" to "Gather" has incompatible type "str"; '
        'expected "int | None"  [arg-type]',
    ], out + err
    assert status == 1
