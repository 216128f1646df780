"""Reading articles into :class:`~claims.types.Document` objects.

Inputs are ``.txt``, ``.md``, ``.html``/``.htm`` and ``.jsonl`` files, folders
(read recursively in sorted order, hidden files and other extensions left out)
and ``-`` (JSON Lines on stdin)::

    docs = read_documents(["seeds/", "more.jsonl"])

The text of a ``.txt``/``.md`` file or a JSONL record is kept exactly as read
(only a UTF-8 byte-order mark is dropped; ``\\r\\n`` stays ``\\r\\n``), so every
offset later stages produce points into it. For HTML, ``Document.text`` is the
visible text, one line per block, and offsets point into that text.

A ``sources.jsonl`` inside a folder is not read as documents: its records
(``id`` = a file name beside it, with ``title``, ``outlet``, ``date``, ``lang``,
``url``) fill in what is known about those files; ``"unknown"`` is left out.

Page furniture is never cut out: repeated paragraphs and boilerplate (comment
forms, navigation, share buttons, disclaimers...) are marked as
:class:`~claims.types.Skip` regions on the document. The boilerplate phrases
are data, per language, in ``claims/lang/boilerplate.json``.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .io import _SURROGATE, parse_lines
from .lang.ar import squeeze_arabic  # the one Arabic letter normaliser (marks dropped, alef/ya folded)
from .types import Document, InputError, Skip

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
BOILERPLATE_FILE = Path(__file__).resolve().parent / "lang" / "boilerplate.json"
FIELDS = ("title", "source", "date", "lang", "url")  # optional string fields of a JSONL record
SIDECAR = "sources.jsonl"  # in a folder: what is known about the files beside it, not documents
_SIDECAR_FIELDS = {"title": "title", "outlet": "source", "source": "source", "date": "date", "lang": "lang", "url": "url"}

_MIN_LANG_PROB = 0.5  # below this py3langid is guessing: "und"
_GAP_LINES, _GAP_CHARS = 2, 100  # short lines between two skips (a repeated copy's headline) are skipped too


# --------------------------------------------------------------------------- reading


def read_documents(paths: Sequence[str | Path], *, progress: bool = False,
                   exclude: Sequence[str] = ()) -> list[Document]:
    """Read files, folders (recursively, sorted) and ``-`` (JSON Lines on stdin).

    A file found in a folder gets its path relative to that folder as its id (``story1/a.txt``), so two
    sub-folders may hold the same file name; when two folder arguments hold the same relative path, both
    get the folder as given in front (``a/SOURCES.md``, ``b/SOURCES.md``). ``exclude``: glob patterns
    (``SOURCES.md``, ``*/README.md``, ``drafts/*``) matched against a found file's relative path and its
    name; such files are not read. Nothing is skipped unless asked.

    Returns the documents in input order. Raises :class:`InputError` naming the
    file (and line, for JSON Lines) on any bad input: a missing path, an empty,
    binary or non-UTF-8 file, a malformed record, a duplicate document id, or a
    folder with no documents in it.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[tuple[str, Path | None]] = []  # (name as shown, path); path None is stdin
    ids: dict[Path, str] = {}  # file found in a folder -> its id
    qualified: dict[Path, str] = {}  # ... and the id with the folder argument in front
    meta: dict[Path, dict[str, Any]] = {}  # file -> fields from a sources.jsonl beside it
    for p in paths:
        name = str(p)
        if name == "-":
            if ("-", None) in files:
                raise InputError("-", "standard input given more than once")
            files.append(("-", None))
            continue
        path = Path(p)
        if path.is_dir():
            found = [f for f in _walk(path) if not _excluded(f.relative_to(path), exclude)]
            if not found:
                raise InputError(name, f"no documents in this folder (expected {', '.join(SUFFIXES)} files)")
            files.extend((str(f), f) for f in found)
            for f in found:
                rel = f.relative_to(path).as_posix()
                ids.setdefault(f, rel)
                qualified.setdefault(f, (Path(name) / rel).as_posix())
            for sidecar in sorted(path.rglob(SIDECAR)):
                if not any(part.startswith(".") for part in sidecar.relative_to(path).parts):
                    meta.update(_read_sidecar(sidecar, set(found)))
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                raise InputError(name, f"unsupported file type {path.suffix or '(none)'!r} (expected {', '.join(SUFFIXES)})")
            files.append((name, path))
        elif path.exists():
            raise InputError(name, "not a regular file")
        else:
            raise InputError(name, "no such file or folder")

    counts: dict[str, int] = {}
    for f, rel in ids.items():
        counts[rel] = counts.get(rel, 0) + 1
    ids = {f: qualified[f] if counts[rel] > 1 else rel for f, rel in ids.items()}
    docs: list[Document] = []
    seen: dict[str, str] = {}  # id -> where it was first read
    bar = _tqdm(files, progress)
    for name, path in bar:
        for where, line, doc in _read_one(name, path, ids.get(path) if path is not None else None):
            if path in meta:
                doc = _replace(doc, **meta[path])
            if doc.id in seen:
                raise InputError(where, f"duplicate document id {doc.id!r} (first read from {seen[doc.id]})", line=line)
            seen[doc.id] = where if line is None else f"{where}:{line}"
            docs.append(doc)
    return docs


def document_from_text(
    id: str,
    text: str,
    *,
    path: str | None = None,
    lang: str | None = None,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
    url: str | None = None,
    skips: Iterable[Skip] = (),
) -> Document:
    """A Document for ``text`` as given: marks skips, detects the language unless ``lang`` is given.

    ``skips`` adds regions already known to be furniture (HTML ``<nav>``...);
    they are merged with those that :func:`mark_skips` finds.
    """
    given = sorted(skips, key=lambda s: (s.start, s.end))
    found = mark_skips(text)
    if given:  # what the caller knows wins where the two overlap
        found = [t for s in found for piece in _subtract(s, given) if (t := _trim(piece, text))]
        found = _merge(sorted([*given, *found], key=lambda s: (s.start, s.end)), text)
    all_skips = found
    if lang is None:
        kept = _kept_text(text, all_skips)
        lang = detect_language(kept if kept.strip() else text)
    return Document(id=id, text=text, lang=lang, path=path, title=title, date=date, source=source, url=url,
                    skips=all_skips)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` by py3langid (offline), or ``"und"`` when unsure or there are no letters."""
    if not any(ch.isalpha() for ch in text):
        return "und"
    code, prob = _identifier().classify(text[:20000])
    if len(code) != 2 or prob < _MIN_LANG_PROB:
        return "und"
    return code


# --------------------------------------------------------------------------- skips


def mark_skips(text: str) -> tuple[Skip, ...]:
    """Regions of ``text`` that later stages should ignore; the text itself is not touched.

    Works line by line (a line is a paragraph in the inputs we see):
    boilerplate lines (see ``claims/lang/boilerplate.json``) give
    ``Skip(reason="boilerplate")``; a line whose folded form (case, Arabic
    diacritics, punctuation and spacing ignored) was already seen earlier in the
    document gives ``Skip(reason="duplicate")``. At most two short lines caught
    between two skips with the same reason (the headline of a pasted second
    copy) take that reason too. Adjacent skips with the same reason are merged.
    """
    lines = list(_lines(text))
    reasons: list[str | None] = []
    seen: set[str] = set()
    keys: list[str] = []
    for start, end in lines:
        line = text[start:end]
        key = _fold(line)
        keys.append(key)
        if not any(ch.isalpha() for ch in key):
            reasons.append("")  # blank or punctuation only: neither content nor furniture
            continue
        if _is_boilerplate(line, key):
            reasons.append("boilerplate")
        elif key in seen:
            reasons.append("duplicate")
        else:
            reasons.append(None)
        seen.add(key)
    _fill_gaps(lines, reasons, keys)
    skips = [Skip(s, e, r) for (s, e), r in zip(lines, reasons) if r]
    return _merge(skips, text)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line with its surrounding whitespace left out."""
    for m in re.finditer(r"[^\r\n\u2028\u2029\x85]+", text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            yield s, e


def _fill_gaps(lines: list[tuple[int, int]], reasons: list[str | None], keys: list[str]) -> None:
    """Skip a run of at most two short lines between two skips with the same reason.

    A line that a later line repeats is an original, never filled.
    """
    repeated = {k for k, r in zip(keys, reasons) if r == "duplicate"}
    content = [i for i, r in enumerate(reasons) if r != ""]  # indices of lines with letters
    k = 0
    while k < len(content):
        if reasons[content[k]] is not None:
            k += 1
            continue
        j = k
        while j < len(content) and reasons[content[j]] is None:
            j += 1
        run = content[k:j]
        if (0 < k and j < len(content) and len(run) <= _GAP_LINES
                and reasons[content[k - 1]] == reasons[content[j]]
                and all(lines[i][1] - lines[i][0] <= _GAP_CHARS and keys[i] not in repeated for i in run)):
            for i in run:
                reasons[i] = reasons[content[j]]
        k = j


def _merge(skips: list[Skip], text: str) -> tuple[Skip, ...]:
    out: list[Skip] = []
    for s in skips:
        if out and out[-1].reason == s.reason and s.start >= out[-1].start and not text[out[-1].end:s.start].strip():
            out[-1] = Skip(out[-1].start, max(out[-1].end, s.end), s.reason)
        else:
            out.append(s)
    return tuple(out)


def _subtract(skip: Skip, others: Sequence[Skip]) -> list[Skip]:
    """The parts of ``skip`` outside every region of ``others`` (sorted)."""
    pieces, at = [], skip.start
    for o in others:
        if o.end <= at or o.start >= skip.end:
            continue
        if o.start > at:
            pieces.append(Skip(at, o.start, skip.reason))
        at = max(at, o.end)
    if at < skip.end:
        pieces.append(Skip(at, skip.end, skip.reason))
    return pieces


def _trim(skip: Skip, text: str) -> Skip | None:
    """``skip`` without whitespace at either end; None when nothing else is left."""
    start, end = skip.start, skip.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Skip(start, end, skip.reason) if start < end else None


def _kept_text(text: str, skips: Sequence[Skip]) -> str:
    parts, at = [], 0
    for s in skips:
        parts.append(text[at:s.start])
        at = max(at, s.end)
    parts.append(text[at:])
    return "".join(parts)


def _fold_light(s: str) -> str:
    """Case, Arabic diacritics/hamza forms and spacing folded; punctuation kept (NFKC and casefold, then
    :func:`claims.lang.ar.squeeze_arabic` with ``loose``: ta marbuta and the hamza seats too)."""
    s = squeeze_arabic(unicodedata.normalize("NFKC", s).casefold(), loose=True)
    return " ".join(s.split())


def _fold(s: str) -> str:
    """:func:`_fold_light` with punctuation and symbols dropped too: the key for near-exact repeats."""
    return " ".join(re.sub(r"[\W_]+", " ", _fold_light(s)).split())


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], int, int]:
    table = json.loads(BOILERPLATE_FILE.read_text(encoding="utf-8"))
    lines, prefixes, phrases = set(), [], []
    for lang, t in table.items():
        if not isinstance(t, dict):
            continue
        lines.update(_fold(x) for x in t.get("lines", ()))
        prefixes.extend(_fold_light(x) for x in t.get("prefixes", ()))
        phrases.extend(f" {_fold(x)} " for x in t.get("phrases", ()))
    return frozenset(lines), tuple(prefixes), tuple(phrases), table["max_prefix_chars"], table["max_phrase_chars"]


def _is_boilerplate(line: str, key: str) -> bool:
    lines, prefixes, phrases, max_prefix, max_phrase = _boilerplate()
    if key in lines:
        return True
    if len(line) <= max_prefix and _fold_light(line).startswith(prefixes):
        return True
    padded = f" {key} "
    return len(line) <= max_phrase and any(p in padded for p in phrases)


# --------------------------------------------------------------------------- files


def _walk(folder: Path) -> list[Path]:
    found = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or p.name == SIDECAR:
            continue
        if p.suffix.lower() in SUFFIXES and p.is_file():
            found.append(p)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _read_sidecar(sidecar: Path, files: set[Path]) -> dict[Path, dict[str, Any]]:
    """Fields for the files beside ``sidecar``, one record per file: ``id`` is the file name.

    Known keys are ``title``, ``outlet`` (or ``source``), ``date``, ``lang`` and
    ``url``; ``"unknown"`` and empty values are left out; other keys are ignored.
    """
    name = str(sidecar)
    text = _read_text(name, sidecar)
    out: dict[Path, dict[str, Any]] = {}
    for n, record in parse_lines(name, text.split("\n")):
        doc_id = record.get("id")
        if not isinstance(doc_id, str) or not doc_id:
            raise InputError(name, "each record needs the 'id' (file name) of a document beside it", line=n)
        target = sidecar.parent / (record.get("file") and Path(str(record["file"])).name or doc_id)
        fields = {}
        for key, field_name in _SIDECAR_FIELDS.items():
            value = record.get(key)
            if value is not None and not isinstance(value, str):
                raise InputError(name, f"{key!r} must be a string, not {type(value).__name__}", line=n)
            if value and value.strip().lower() != "unknown":
                fields[field_name] = value
        if target in files:
            out[target] = fields
    return out


def _excluded(rel: Path, patterns: Sequence[str]) -> bool:
    from fnmatch import fnmatchcase

    posix = rel.as_posix()
    return any(fnmatchcase(posix, pat) or fnmatchcase(rel.name, pat) for pat in patterns)


def _read_one(name: str, path: Path | None, doc_id: str | None = None) -> Iterator[tuple[str, int | None, Document]]:
    """Yield (file, line, document) for one input; file and line (JSON Lines only) name it in errors."""
    if path is None:
        yield from _from_jsonl("<stdin>", "-", _read_stdin())
        return
    if _SURROGATE.search(name):
        raise InputError(name, "file name is not valid UTF-8: rename the file")
    text = _read_text(name, path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _from_jsonl(name, name, text)
    elif suffix in (".html", ".htm"):
        yield name, None, _from_html(name, path, text, doc_id)
    else:
        title = _first_line_title(text)
        doc = document_from_text(doc_id or path.name, text, path=name)
        yield name, None, _with_title(doc, title)


def _read_stdin() -> str:
    stream = sys.stdin
    if stream is None or stream.closed:
        raise InputError("<stdin>", "no standard input to read")
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is None:  # a text stream without bytes underneath (tests, notebooks)
            return stream.read()
        raw = buffer.read()
    except OSError as e:
        raise InputError("<stdin>", f"cannot read ({e.strerror or e})") from None
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise InputError("<stdin>", f"binary input (NUL byte at offset {nul}), expected UTF-8 JSON Lines")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError("<stdin>", f"not UTF-8 text (bad byte at offset {e.start})") from None


def _read_text(name: str, path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(name, f"cannot read ({e.strerror or e})") from None
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise InputError(name, "binary file, expected UTF-8 text" if nul < 8192 else f"NUL byte at offset {nul} (binary data in a text file)")
    try:
        text = raw.decode("utf-8-sig")  # a BOM is not text: dropped
    except UnicodeDecodeError as e:
        raise InputError(name, f"not UTF-8 text (bad byte at offset {e.start})") from None
    if not text.strip():
        raise InputError(name, "empty file")
    return text


def _first_line_title(text: str) -> str | None:
    """The first line with a letter in it, without Markdown's leading ``#``."""
    for start, end in _lines(text):
        title = text[start:end].lstrip("#").strip()
        if any(ch.isalpha() for ch in title):
            return title
    return None


def _with_title(doc: Document, fallback: str | None) -> Document:
    """Title = first non-empty line that is not furniture (``002``'s first line is a section name)."""
    for start, end in _lines(doc.text):
        if not doc.is_skipped(start, end):
            title = doc.text[start:end].lstrip("#").strip()
            if any(ch.isalpha() for ch in title):
                return _replace(doc, title=title)
    return _replace(doc, title=fallback)


def _replace(doc: Document, **changes: Any) -> Document:
    from dataclasses import replace

    return replace(doc, **changes)


def _from_jsonl(name: str, path: str, text: str) -> Iterator[tuple[str, int, Document]]:
    if not text.strip():
        raise InputError(name, "empty input, expected JSON Lines" if path == "-" else "empty file")
    # Split on "\n" only: str.splitlines() would also break at U+2028 and friends, which JSON allows raw in strings.
    for n, record in parse_lines(name, text.split("\n")):
        yield name, n, _from_record(name, n, path, record)


def _from_record(name: str, n: int, path: str, record: dict[str, Any]) -> Document:
    doc_id = record.get("id")
    if doc_id is None:
        raise InputError(name, "record has no 'id'", line=n)
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or not str(doc_id).strip():
        raise InputError(name, "'id' must be a non-empty string", line=n)
    if "text" not in record:
        raise InputError(name, "record has no 'text'", line=n)
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(name, f"'text' must be a string, not {type(text).__name__}", line=n)
    if not text.strip():
        raise InputError(name, "'text' is empty", line=n)
    meta = {}
    for key in FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(name, f"{key!r} must be a string, not {type(value).__name__}", line=n)
        meta[key] = value or None
    return document_from_text(str(doc_id), text, path=path, **meta)


# --------------------------------------------------------------------------- HTML

_INVISIBLE = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas", "button",
              "select", "option", "input", "textarea", "meta", "link"}
_FURNITURE = {"nav", "footer", "aside", "form"}  # visible, so kept in the text, but marked boilerplate
_BLOCKS = {"address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl",
           "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
           "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
           "tfoot", "th", "thead", "tr", "ul", "br"}


def html_to_text(html: str) -> tuple[str, str | None, tuple[Skip, ...]]:
    """(visible text, <title>, furniture skips) of an HTML page.

    Text inside ``script``, ``style``, ``head``, ``hidden``/``aria-hidden``
    elements and the like is left out; text in ``nav``/``footer``/``aside``/
    ``form`` is kept but marked as boilerplate. Whitespace inside a block is
    collapsed to one space; blocks are joined with ``"\\n"``.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("head > title") or tree.css_first("title")
    title = " ".join(title_node.text(deep=True).split()) if title_node else None
    lines: list[str] = []
    furniture: list[tuple[int, int]] = []  # line index ranges
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        current.clear()
        if line:
            lines.append(line)

    root = tree.body or tree.root
    if root is not None:
        # depth-first without recursion (pages can nest deeper than Python's stack):
        # ("node", node, in_furniture) visits a node; ("end", block, first_line) closes an element
        stack: list[tuple] = [("node", child, False) for child in reversed(list(root.iter(include_text=True)))]
        while stack:
            kind, item, extra = stack.pop()
            if kind == "end":
                if item:
                    flush()
                if extra is not None:
                    furniture.append((extra, len(lines)))
                continue
            tag = item.tag
            if tag == "-text":
                current.append(item.text_content or "")
                continue
            if tag in _INVISIBLE or tag.startswith("-") or _hidden(item):
                continue
            block = tag in _BLOCKS
            if block:
                flush()
            furn = tag in _FURNITURE
            stack.append(("end", block, len(lines) if furn and not extra else None))
            stack.extend(("node", c, extra or furn) for c in reversed(list(item.iter(include_text=True))))
        flush()
    text = "\n".join(lines)
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    skips = tuple(
        Skip(starts[a], starts[b - 1] + len(lines[b - 1]), "boilerplate") for a, b in furniture if b > a
    )
    return text, title or None, skips


def _hidden(node) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _from_html(name: str, path: Path, html: str, doc_id: str | None = None) -> Document:
    text, title, furniture = html_to_text(html)
    if not text.strip():
        raise InputError(name, "no visible text in this HTML page")
    doc = document_from_text(doc_id or path.name, text, path=name, skips=furniture)
    return _replace(doc, title=title) if title else _with_title(doc, _first_line_title(text))


# --------------------------------------------------------------------------- helpers


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _tqdm(items: list, progress: bool):
    from tqdm import tqdm

    return tqdm(items, desc="reading", unit="file", file=sys.stderr, disable=not progress or len(items) < 2)
