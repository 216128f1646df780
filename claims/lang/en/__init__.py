"""English: left to right, cased names, subject before verb, no clitics (the :class:`Language` defaults)."""

from __future__ import annotations

from pathlib import Path

from .. import Language


class English(Language):
    code = "en"
    name = "English"
    direction = "ltr"
    folder = Path(__file__).resolve().parent


LANGUAGE = English()
