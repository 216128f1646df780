"""French: left to right, cased names, subject before the verb (inverted after a quote), no clitics."""

from __future__ import annotations

from pathlib import Path

from .. import Language


class French(Language):
    code = "fr"
    name = "French"
    direction = "ltr"
    folder = Path(__file__).resolve().parent


LANGUAGE = French()
