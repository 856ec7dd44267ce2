"""Small helpers shared by tests."""

import re


def normalized_question(question: str) -> str:
    """Lowercase words only, so punctuation and spacing differences do not matter."""
    return " ".join(re.findall(r"[a-z0-9]+", question.lower()))
