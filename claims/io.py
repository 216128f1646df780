"""Reading and writing JSON Lines and files, atomically and with one-line errors."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .types import InputError


def atomic_write(path: str | os.PathLike, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A crash or a full disk never leaves a half-written file where ``path`` was.
    Raises InputError (naming ``path``) when the folder cannot be written.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise InputError(str(folder), f"cannot write here ({e.strerror or e})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(str(path), f"cannot write ({e.strerror or e})") from None


def read_jsonl(path: str | os.PathLike) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, record)`` for each non-blank line; ``-`` reads stdin.

    A line that is not a JSON object raises InputError with its line number.
    """
    name = str(path)
    if name == "-":
        yield from parse_lines("<stdin>", sys.stdin)
        return
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, expected a .jsonl file") from None
    except OSError as e:
        raise InputError(name, f"cannot read ({e.strerror or e})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(name, f"not UTF-8 text (byte {e.start})") from None
    # Split on "\n" only: str.splitlines() also breaks at U+2028 and friends, which JSON allows raw in strings.
    yield from parse_lines(name, text.split("\n"))


def parse_lines(name: str, lines: Iterable[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Parse JSON Lines from an iterable of lines; blank lines are skipped, errors name the line."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(name, f"malformed JSON ({e.msg}, column {e.colno})", line=n) from None
        if not isinstance(record, dict):
            raise InputError(name, "expected a JSON object on each line", line=n)
        yield n, record


def dumps_jsonl(records: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def write_jsonl(path: str | os.PathLike | None, records: Iterable[dict[str, Any]]) -> None:
    """Write records as JSON Lines to ``path`` atomically, or to stdout for ``-``/None."""
    text = dumps_jsonl(records)
    if path is None or str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        atomic_write(path, text)
