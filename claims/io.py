"""Reading and writing JSON Lines and files, atomically and with one-line errors.

Writing follows one rule: a *regular file* (or a path that does not exist yet) is replaced atomically,
through a temporary file in the same folder and a rename, with the mode the umask gives; a symbolic
link is followed and its target written that way (the link stays a link); a character device or a FIFO
(``/dev/null``, ``/dev/stdout``, a named pipe) is written directly, never replaced; anything else (a
folder, a socket) is refused with :class:`~claims.types.InputError`. A failure, a full disk or Ctrl-C
never leaves a half-written file or a temporary file behind.

JSON Lines go through the ``jsonlines`` package; every string read is checked to be valid Unicode
(a ``"\\ud800"`` escape decodes to a lone surrogate, which no file can hold).
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .types import InputError

_SURROGATE = re.compile("[\ud800-\udfff]")


def umask_mode(base: int = 0o666) -> int:
    """``base`` less the process umask (what ``open()`` would give a new file)."""
    mask = os.umask(0)
    os.umask(mask)
    return base & ~mask


def output_target(path: str | os.PathLike) -> tuple[Path, bool]:
    """``(where to write, atomically?)`` for an output path, or InputError when it cannot be an output.

    Symbolic links are resolved; devices and FIFOs are written in place (``False``).
    """
    name = str(path)
    if not name:
        raise InputError("''", "empty output path")
    p = Path(path)
    if p.is_symlink():
        p = Path(os.path.realpath(p))
    try:
        st = p.stat()
    except FileNotFoundError:
        return p, True
    except OSError as e:
        raise InputError(name, f"cannot write ({e.strerror or e})") from None
    if stat.S_ISREG(st.st_mode):
        return p, True
    if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        return p, False
    kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file, device or pipe"
    raise InputError(name, f"cannot write here: {kind}")


def _encode(name: str, data: str | bytes) -> bytes:
    if isinstance(data, bytes):
        return data
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError as e:
        raise InputError(name, f"cannot write text with a lone surrogate (U+{ord(data[e.start]):04X} at {e.start})") from None


def atomic_write(path: str | os.PathLike, data: str | bytes) -> None:
    """Write ``data`` to ``path`` by the rule in the module docstring (atomic for regular files).

    Raises InputError (naming ``path``) when the folder cannot be written or the target is not a file.
    """
    name = str(path)
    target, atomic = output_target(path)
    payload = _encode(name, data)  # before any file is touched
    if not atomic:
        try:
            with open(target, "wb") as f:
                f.write(payload)
        except OSError as e:
            raise InputError(name, f"cannot write ({e.strerror or e})") from None
        return
    tmp = make_temp(target)
    try:
        with open(tmp, "wb") as f:
            f.write(payload)
        os.replace(tmp, target)
    except OSError as e:
        raise InputError(name, f"cannot write ({e.strerror or e})") from None
    finally:
        _remove(tmp)


def make_temp(target: Path) -> Path:
    """An empty temporary file beside ``target`` (mode from the umask), named ``.<name>.*.tmp``."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as e:
        raise InputError(str(folder), f"cannot write here ({e.strerror or e})") from None
    try:
        os.fchmod(fd, umask_mode())  # mkstemp makes 0600: a replaced report stays readable by a web server
    finally:
        os.close(fd)
    return Path(tmp)


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def check_text(name: str, value: str, what: str, line: int | None = None) -> None:
    """InputError when ``value`` holds a lone surrogate or a NUL (neither can be text of an article)."""
    m = _SURROGATE.search(value)
    if m:
        raise InputError(name, f"{what} holds a lone surrogate \\u{ord(m.group()):04x} (not valid Unicode)", line=line)
    nul = value.find("\x00")
    if nul >= 0:
        raise InputError(name, f"{what} holds a NUL character at offset {nul} (binary data?)", line=line)


def _check_record(name: str, n: int, value: Any, where: str = "record") -> None:
    if isinstance(value, str):
        check_text(name, value, f"{where!s}", n)
    elif isinstance(value, dict):
        for k, v in value.items():
            check_text(name, k, "a key", n)
            _check_record(name, n, v, f"{k!r}")
    elif isinstance(value, list):
        for v in value:
            _check_record(name, n, v, where)


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
    """Parse JSON Lines from an iterable of lines with ``jsonlines``; blank lines are skipped, errors name the line.

    Every string in a record is checked: a lone surrogate or a NUL raises InputError with the line number.
    """
    import jsonlines

    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = jsonlines.Reader([line], loads=json.loads).read(type=dict)
        except jsonlines.InvalidLineError as e:
            cause = e.__cause__
            if isinstance(cause, json.JSONDecodeError):
                raise InputError(name, f"malformed JSON ({cause.msg}, column {cause.colno})", line=n) from None
            if "type" in str(e) or "null value" in str(e):
                raise InputError(name, "expected a JSON object on each line", line=n) from None
            raise InputError(name, f"malformed JSON ({e})", line=n) from None
        except RecursionError:
            raise InputError(name, "JSON nested too deeply", line=n) from None
        _check_record(name, n, record)
        yield n, record


def dumps_jsonl(records: Iterable[dict[str, Any]]) -> str:
    import io

    import jsonlines

    buf = io.StringIO()
    with jsonlines.Writer(buf, dumps=lambda obj: json.dumps(obj, ensure_ascii=False)) as writer:
        writer.write_all(records)
    return buf.getvalue()


def write_jsonl(path: str | os.PathLike | None, records: Iterable[dict[str, Any]]) -> None:
    """Write records as JSON Lines to ``path`` (by :func:`atomic_write`'s rule), or to stdout for ``-``/None."""
    text = dumps_jsonl(records)
    if path is None or str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        atomic_write(path, text)
