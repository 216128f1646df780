"""claims: check news coverage against itself.

One call on top, composable stages underneath::

    import claims
    docs = claims.read_documents(["seeds/"])
    report = claims.check(docs)                 # extract -> pair -> score -> verdict -> topics
    claims.write_report(report, "out/")         # report.json, report.md, report.html

Each stage is its own module: ``documents``, ``extract``, ``pair``, ``score``,
``verdict``, ``report``, ``evaluate``. Heavy modules load lazily, so importing
``claims`` is cheap.
"""

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "read_documents": "documents",
    "document_from_text": "documents",
    "extract": "extract",
    "parse_quantities": "quantities",
    "candidates": "pair",
    "NLIScorer": "score",
    "score": "score",
    "Embedder": "embed",
    "decide": "verdict",
    "Thresholds": "verdict",
    "load_thresholds": "verdict",
    "check": "pipeline",
    "write_report": "report",
    "evaluate": "evaluate",
    "Document": "types",
    "Span": "types",
    "Claim": "types",
    "Pair": "types",
    "Report": "types",
    "InputError": "types",
}

__all__ = ["__version__", *_EXPORTS]


# These three functions share their module's name. Importing the module sets ``claims.<name>`` to the
# module object, so they are bound eagerly here (all three modules are light: stdlib and numpy), which
# makes ``from claims import extract, score, evaluate`` give the functions whatever was imported before.
from .evaluate import evaluate  # noqa: E402
from .extract import extract  # noqa: E402
from .score import score  # noqa: E402


def __getattr__(name):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'claims' has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
