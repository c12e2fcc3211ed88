"""Build the developer guide's first document with bxmlkit's models and print it.

Run: ``python examples/hello.py``
"""

from bxmlkit import Hangup, Response, SpeakSentence, from_xml, to_xml

document = Response(
    SpeakSentence("Hello from Bandwidth.", voice="susan", locale="en_US", gender="female"),
    Hangup(),
)
xml = to_xml(document, pretty=True)
print(xml.decode("utf-8"), end="")
assert from_xml(xml) == document  # parses back to the same models
