"""The draft claim ``_Draft``: what a stage found, before ids, figures and rebuttals make it a ``Claim``."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..types import Speaker


@dataclass
class _Draft:
    start: int
    end: int
    kind: str
    speaker: Speaker | None
    stance: str
    cue: tuple[int, int] | None
    sentence: tuple[int, int]
    warnings: tuple[str, ...] = ()
    extra: list = field(default_factory=list)  # extra Stance objects
