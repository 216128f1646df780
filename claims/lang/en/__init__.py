"""English: left to right, cased names, subject before verb, no clitics (the :class:`Language` defaults)."""

from __future__ import annotations

from pathlib import Path

from .. import Language


class English(Language):
    code = "en"
    name = "English"
    direction = "ltr"
    folder = Path(__file__).resolve().parent
    stem_suffixes = ("ing", "es", "ed", "s")

    def stem(self, word: str) -> str:
        """One suffix off, four letters kept."""
        for suf in self.stem_suffixes:
            if word.endswith(suf) and len(word) - len(suf) >= 4:
                return word[: -len(suf)]
        return word


LANGUAGE = English()
