"""Every Python block in README.md runs, in order, as a user would paste it (slow: the real embedded model).

The blocks run in a scratch folder that holds links to ``seeds/`` and ``eval/``, so the files they write
(``out/``, ``eval-out/``) land there and not in the checkout.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.S)


def test_the_readme_has_python_blocks():
    assert len(BLOCKS) >= 4


@pytest.mark.slow
def test_every_python_block_in_the_readme_runs(tmp_path, monkeypatch, capsys):
    for name in ("seeds", "eval"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "__readme__"}
    for n, block in enumerate(BLOCKS, 1):
        try:
            exec(compile(block, f"README.md python block {n}", "exec"), namespace)
        except Exception as e:  # noqa: BLE001 - name the block that failed
            pytest.fail(f"README.md python block {n} raised {type(e).__name__}: {e}\n{block}")
    assert (tmp_path / "out" / "report.json").is_file()
    assert os.listdir(ROOT / "seeds")  # nothing removed from the checkout
