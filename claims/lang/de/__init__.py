"""German: left to right, cased names, subject before the verb (inverted after a quote), no clitics."""

from __future__ import annotations

from pathlib import Path

from .. import Language


class German(Language):
    code = "de"
    name = "German"
    direction = "ltr"
    folder = Path(__file__).resolve().parent

    comma_stops_complementizer = False  # "sagte, dass …": German sets a comma before dass
    nouns_capitalised = True  # every noun is capitalised: a capital letter alone marks no name


LANGUAGE = German()
