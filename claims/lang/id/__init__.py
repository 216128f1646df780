"""Indonesian: left to right, cased names, subject before the verb (inverted after a quote), no clitics."""

from __future__ import annotations

from pathlib import Path

from .. import Language


class Indonesian(Language):
    code = "id"
    name = "Indonesian"
    direction = "ltr"
    folder = Path(__file__).resolve().parent


LANGUAGE = Indonesian()
