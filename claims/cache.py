"""On-disk caches: one SQLite table per kind of result, keyed by (model key, digest of the input).

:class:`claims.score.ScoreCache` keeps NLI probabilities and :class:`claims.embed.VectorCache` sentence
vectors, both through :class:`BlobCache`. WAL mode lets several processes read while one writes; a cache
that cannot be opened or written never stops a run (the callers fall back to computing).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path


class BlobCache:
    """``table (model TEXT, <key> BLOB, value BLOB, PRIMARY KEY (model, <key>))`` in the SQLite file ``path``."""

    def __init__(self, path: Path, table: str, key: str):
        self.path = Path(path)
        self.table, self.keycol = table, key
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path), timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(f"CREATE TABLE IF NOT EXISTS {table} (model TEXT, {key} BLOB, value BLOB, PRIMARY KEY (model, {key}))")

    def get_raw(self, model: str, keys: list[bytes]) -> dict[bytes, bytes]:
        found = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows = self.db.execute(
                f"SELECT {self.keycol}, value FROM {self.table} WHERE model = ? AND {self.keycol} IN ({','.join('?' * len(chunk))})",
                [model, *chunk],
            )
            found.update(rows)
        return found

    def put_raw(self, model: str, items: Iterable[tuple[bytes, bytes]]) -> None:
        with self.db:
            self.db.executemany(f"INSERT OR REPLACE INTO {self.table} VALUES (?, ?, ?)", [(model, k, v) for k, v in items])
