"""Extraction benchmark: `claims.extract` over generated news text at 1, 4 and 16 MB and over
pathological inputs, with MB/s, the 16/1 MB time ratio, peak memory and a digest of the claims.

    python eval/bench_extract.py                              # this checkout
    python eval/bench_extract.py --baseline d2c9c5b           # and an earlier commit, side by side
    python eval/bench_extract.py --sizes 1,4 --patho-sizes 0.02,0.25

The text is generated here (no ../shared): English and Arabic news paragraphs from sentence templates
and word lists (quotes of every mark style, reported speech with cue verbs and attribution phrases,
speakers with titles, figures, stance tails), plus the lines of tests/fixtures/ articles with their
figures varied. Each size is measured twice: as a corpus of articles (one Document each, the usual
case) and as one Document per language holding all of it (a large scraped dump). The pathological
inputs (an English and an Arabic document each, each one paragraph): a text with no sentence stops,
the same with no punctuation at all (no commas either: every reported clause then runs to the end of
the text or to the next stance tail, so the claims' total length, and the output, grow faster than
the input), one huge paragraph, thousands of quote marks, and an unclosed quote at the start.

Each input is timed in its own subprocess (one warm-up extraction of a small corpus first, so tables
and regexes are loaded), so the peak resident memory (ru_maxrss) is that input's. MB are UTF-8 bytes
(2**20). The baseline is checked out with `git worktree` into a temporary folder and run by the same
worker with PYTHONPATH pointing at it; a baseline input that runs past --baseline-timeout is recorded as
timed out and the larger sizes of that input are skipped. The claims' sha256 is compared between the
two trees (the change must not move any claim). Results go to stdout and to
eval/bench_extract.results.json. Targets (issue 12): >= 1 MB/s, 16 MB within 20x the 1 MB time, no
pathological input worse than linear.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import _cpu  # noqa: E402 - one CPU description for every benchmark

ROOT = Path(__file__).resolve().parent.parent
MB = 2 ** 20

# --------------------------------------------------------------------------- word lists

EN_FIRST = ["Dana", "Per", "Maria", "James", "Aisha", "Tomas", "Lena", "Omar", "Grace", "Felix", "Nadia", "Victor",
            "Ingrid", "Samuel", "Helen", "Marco", "Julia", "Anders", "Chloe", "Rafael"]
EN_LAST = ["Whitfield", "Haugen", "Ortiz", "Klein", "Brennan", "Lindqvist", "Moreau", "Castillo", "Novak", "Adeyemi",
           "Schneider", "Tanaka", "Okafor", "Dubois", "Marsh", "Kowalski", "Reyes", "Sorensen", "Fischer", "Hale"]
EN_ORGS = ["Lumen Robotics", "Nordbank", "Helix Energy", "Boreal Air", "Vantage Motors", "Corvid Labs", "Atlas Freight",
           "Meridian Foods", "Polar Steel", "Sable Pharma"]
EN_CITIES = ["Oslo", "Trondheim", "Lyon", "Porto", "Gdansk", "Leeds", "Tampere", "Bilbao", "Utrecht", "Graz"]
EN_TITLES = ["chief executive", "finance minister", "union leader", "spokesperson", "analyst", "mayor", "chair"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = ["January", "March", "May", "June", "September", "November"]
EN_VERBS = ["said", "told reporters", "added", "warned", "insisted", "claimed", "noted", "argued"]

AR_FIRST = ["محمد", "أحمد", "منى", "سارة", "حسام", "خالد", "ليلى", "عمر", "ياسمين", "يوسف", "هدى", "طارق"]
AR_LAST = ["فاروق", "عبد الرحمن", "الشريف", "منصور", "حداد", "النجار", "سليمان", "القاسم", "العطار", "بدران"]
AR_ORGS = ["النيل للنسيج", "الدلتا للأسمدة", "القاهرة للإسمنت", "الشرق للطيران", "المتحدة للأغذية", "الوادي للطاقة"]
AR_CITIES = ["المحلة الكبرى", "الإسكندرية", "طنطا", "أسيوط", "المنصورة", "بورسعيد", "الزقازيق", "سوهاج"]
AR_DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس"]
AR_MONTHS = ["مارس", "أبريل", "يونيو", "سبتمبر", "نوفمبر"]
AR_MINISTRIES = ["الصناعة", "المالية", "العمل", "التجارة", "الطاقة"]

# --------------------------------------------------------------------------- sentence templates

EN_SENTENCES = [
    "{org} said on {day} that it would cut {n} jobs, about {pct}% of its workforce, after quarterly sales fell for the {ordinal} time in a row.",
    "“We grew too fast and we have to be honest about that,” {title} {person} told reporters in {city}. “These are painful decisions, but they protect the company.”",
    "{last} said the cuts would save up to ${m} million a year.",
    "The company reportedly offered departing staff {w} months of pay, a figure confirmed by union officials but disputed by company sources.",
    "According to the {city} Workers' Union, more than {n} of the affected employees work at the {city2} plant.",
    "The union's chair, {person}, denied that the union had agreed to the plan. \"Nobody asked us. Not once,\" he said.",
    "{org}'s shares fell {pct}% in {city} trading.",
    "Analysts at {org2} estimated that the restructuring would cost about ${m} million in the first year.",
    "\"We will not accept a deal that leaves {n} families without income,\" said {person}, who has led the union since {year}.",
    "{person}, a spokesperson for the finance ministry, said the government expected growth of {pct}% next year, but critics disputed the forecast.",
    "In a statement, the ministry denied reports that {n} workers had been laid off in {city}.",
    "{last} told {org2} the talks would resume on {day}, according to two people familiar with the matter.",
    "Officials in {city} said at least {n} people had been evacuated since {month}.",
    "The plan, which was approved in {month} {year}, will cost {m} million euros, the council said.",
    "\"The numbers do not lie,\" {last} {verb}. \"We tried for {w} years to save the plant, and we failed.\"",
    "{title_cap} {person} insisted that the factory would stay open until {month}, a claim the company later denied.",
    "Mr. {last} and Dr. {last2} of the U.S. office were not available for comment on {day}.",
    "Sales rose {pct}% to ${m} million in the {ordinal} quarter, the company reported.",
    "“Is this the end of {city}?” asked one worker outside the gates.",
    "Prices have risen by {pct}% since {month}, according to data published by {org2} on {day}.",
]

AR_SENTENCES = [
    "أعلنت شركة {org}، يوم {day}، أنها ستغلق مصنعها في {city} بحلول نهاية {month}، بعد خسائر بلغت {n} مليون جنيه خلال العام الماضي.",
    "وقال رئيس مجلس الإدارة، {person}، إن الشركة \"لم تعد قادرة على تحمل تكاليف الطاقة المرتفعة\".",
    "وأضاف في مؤتمر صحفي: «حاولنا لمدة {w} سنوات إنقاذ المصنع، لكن الأرقام لا تكذب».",
    "ويعمل في المصنع نحو {n} عامل، بحسب نقابة العاملين في الغزل والنسيج.",
    "ونفت وزارة {ministry} أن تكون قد تلقت طلبا رسميا بالإغلاق، مؤكدة أنها ستدرس أي طلب \"بعناية\".",
    "وتشير تقارير صحفية إلى أن الشركة تلقت عرضا لشراء المصنع بقيمة {n} مليون جنيه - وهو رقم أكده مسؤول في الشركة لكن شككت فيه مصادر في الوزارة.",
    "وكتبت النائبة {person} على فيسبوك: \"إغلاق المصنع كارثة لأسر {city}، ولن نسكت عليه\".",
    "وقالت مصادر نقابية لـ\"الأهرام\" إن العمال سيتلقون تعويضات تعادل أجر {w} أشهر.",
    "وفقًا لمصادر مطلعة، ارتفعت الأسعار بنسبة {pct}% خلال شهر {month}.",
    "وأكد وزير {ministry} {person} أن الحكومة ستخصص {n} مليون دولار لدعم القطاع.",
    "قال {person}: «لن نقبل بأي تسوية لا تحمي حقوق العمال».",
    "«الوضع صعب للغاية»، قال {person} للصحفيين في {city}.",
    "وأشار {person} إلى ضرورة إيجاد حلول عاجلة قبل نهاية {month}.",
    "ويُزعم أن الشركة نقلت {n} عامل إلى فرعها في {city} دون إخطار النقابة.",
    "ارتفعت صادرات {org} بنسبة {pct}% لتبلغ {m} مليون دولار في {year}.",
    "ونقلت وكالة الأنباء عن {person} قوله إن المفاوضات ستستأنف يوم {day}.",
]

# --------------------------------------------------------------------------- generated text


def _fields(rng: random.Random, lang: str) -> dict:
    n = rng.choice([rng.randint(12, 990), rng.randint(1000, 9999)])
    common = {"n": f"{n:,}" if lang == "en" else str(n), "pct": rng.randint(2, 45), "m": rng.randint(5, 900),
              "w": rng.randint(2, 9), "year": rng.randint(1998, 2024)}
    if lang == "ar":
        return {**common, "person": f"{rng.choice(AR_FIRST)} {rng.choice(AR_LAST)}", "org": rng.choice(AR_ORGS),
                "city": rng.choice(AR_CITIES), "day": rng.choice(AR_DAYS), "month": rng.choice(AR_MONTHS),
                "ministry": rng.choice(AR_MINISTRIES)}
    title = rng.choice(EN_TITLES)
    return {**common, "person": f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}", "last": rng.choice(EN_LAST),
            "last2": rng.choice(EN_LAST), "org": rng.choice(EN_ORGS), "org2": rng.choice(EN_ORGS),
            "city": rng.choice(EN_CITIES), "city2": rng.choice(EN_CITIES), "day": rng.choice(EN_DAYS),
            "month": rng.choice(EN_MONTHS), "title": title, "title_cap": title.capitalize(),
            "verb": rng.choice(EN_VERBS), "ordinal": rng.choice(["second", "third", "fourth"])}


def _fixture_lines(lang: str) -> list[str]:
    """Body lines (with a figure) of tests/fixtures/<lang>/ and seeds/ articles of that script."""
    lines = []
    folders = [ROOT / "tests" / "fixtures" / lang]
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            lines += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()[1:] if re.search(r"\d", ln)]
    return lines


def _vary_figures(rng: random.Random, line: str) -> str:
    return re.sub(r"\d+", lambda m: str(rng.randint(2, 10 ** len(m.group()) - 1)), line)


def paragraph(rng: random.Random, lang: str, fixture: list[str]) -> str:
    """One paragraph: one to three template sentences, or a fixture line with its figures varied."""
    if fixture and rng.random() < 0.25:
        return _vary_figures(rng, rng.choice(fixture))
    pool = AR_SENTENCES if lang == "ar" else EN_SENTENCES
    return " ".join(rng.choice(pool).format(**_fields(rng, lang)) for _ in range(rng.choice([1, 1, 2, 3])))


def article(rng: random.Random, lang: str, fixture: list[str]) -> str:
    f = _fields(rng, lang)
    head = f"{f['org']} {'تغلق مصنعها في' if lang == 'ar' else 'cuts jobs in'} {f['city']} {f['n']}"
    body = [paragraph(rng, lang, fixture) for _ in range(rng.randint(5, 14))]
    return "\n\n".join([head, *body]) + "\n"


def text_of(rng: random.Random, lang: str, nbytes: int, joiner: str = "\n\n") -> str:
    """Paragraphs of ``lang`` until ``nbytes`` UTF-8 bytes, joined by ``joiner``."""
    fixture, parts, size = _fixture_lines(lang), [], 0
    while size < nbytes:
        p = paragraph(rng, lang, fixture)
        parts.append(p)
        size += len(p.encode("utf-8")) + len(joiner)
    return joiner.join(parts)


def corpus(nbytes: int, seed: int = 1) -> list[dict]:
    """Articles, half English and half Arabic by bytes, one document each."""
    rng = random.Random(seed)
    docs, size = [], {"en": 0, "ar": 0}
    fixture = {lang: _fixture_lines(lang) for lang in size}
    while min(size.values()) < nbytes / 2:
        lang = min(size, key=size.get)
        text = article(rng, lang, fixture[lang])
        docs.append({"id": f"{lang}{len(docs):06d}", "lang": lang, "text": text})
        size[lang] += len(text.encode("utf-8"))
    return docs


def one_document(nbytes: int, seed: int = 1) -> list[dict]:
    """The same kind of text as one English and one Arabic document of half the bytes each."""
    rng = random.Random(seed)
    return [{"id": lang, "lang": lang, "text": text_of(rng, lang, nbytes // 2)} for lang in ("en", "ar")]


def _quote_storm(rng: random.Random, text: str) -> str:
    """Quote marks of every style scattered between words (thousands of them, most unpaired)."""
    out = []
    for w in text.split(" "):
        r = rng.random()
        if r < 0.04:
            w = rng.choice("\"“”«»„‘’") + w
        elif r < 0.08:
            w = w + rng.choice("\"“”«»„‘’")
        out.append(w)
    return " ".join(out)


def pathological(name: str, nbytes: int, seed: int = 2) -> list[dict]:
    """One English and one Arabic document of half the bytes each, for the pathological case ``name``."""
    rng = random.Random(seed)
    docs = []
    for lang in ("en", "ar"):
        text = text_of(rng, lang, nbytes // 2, joiner=" ")  # one paragraph
        if name == "no_stops":
            text = re.sub(r"[.!?؟…]", "", text)
        elif name == "no_punctuation":
            text = re.sub(r"[^\w\s%$]", "", text)
        elif name == "many_quotes":
            text = _quote_storm(rng, text)
        elif name == "unclosed_quote_start":
            text = ("«" if lang == "ar" else "“") + text
        elif name != "huge_paragraph":
            raise ValueError(name)
        docs.append({"id": f"{name}-{lang}", "lang": lang, "text": text})
    return docs


PATHOLOGICAL = ("no_stops", "no_punctuation", "huge_paragraph", "many_quotes", "unclosed_quote_start")

# --------------------------------------------------------------------------- the worker (one input, one process)


def _documents(records: list[dict]):
    from claims.documents import document_from_text

    return [document_from_text(r["id"], r["text"], lang=r["lang"]) for r in records]


def _claims_digest(claims) -> str:
    h = hashlib.sha256()
    for c in claims:
        h.update(json.dumps(c.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
    return h.hexdigest()


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the parent)."""
    try:
        status = Path("/proc/self/status").read_text()
        return round(int(re.search(r"VmHWM:\s*(\d+)", status).group(1)) / 1024, 1)
    except (OSError, AttributeError):
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def worker(path: str, dump: str | None) -> None:
    """Time ``claims.extract`` over the documents in ``path`` (after a warm-up) and print one JSON line."""
    import claims
    from claims.extract import extract

    records = json.loads(Path(path).read_text(encoding="utf-8"))
    extract(_documents(corpus(100_000, seed=99)))  # warm-up: tables, regexes, caches
    docs = _documents(records)
    peak_before = _peak_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    found = extract(docs)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    if dump:
        Path(dump).write_text("".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in found), encoding="utf-8")
    print(json.dumps({"claims_from": claims.__file__, "wall_s": wall, "cpu_s": cpu, "peak_mb": _peak_mb(),
                      "peak_before_extract_mb": peak_before, "claims": len(found),
                      "sha256": _claims_digest(found)}))


# --------------------------------------------------------------------------- the driver


def inputs(sizes: list[float], patho_sizes: list[float]) -> list[tuple[str, str, float, list[dict]]]:
    """(case, kind, MB asked for, documents) in the order measured."""
    out = []
    for mb in sizes:
        out.append((f"corpus-{mb:g}MB", "corpus", mb, corpus(int(mb * MB))))
        out.append((f"one-document-{mb:g}MB", "one_document", mb, one_document(int(mb * MB))))
    for name in PATHOLOGICAL:
        for mb in _patho(name, patho_sizes):
            out.append((f"{name}-{mb:g}MB", name, mb, pathological(name, int(mb * MB))))
    return out


def _patho(name: str, sizes: list[float]) -> list[float]:
    """The sizes of a pathological input: a tenth for the text without punctuation (its claims, the
    output, grow with the square of its length: 1 MB would make gigabytes of claims)."""
    return [round(mb / 10, 6) for mb in sizes] if name == "no_punctuation" else sizes


def run_one(tree: Path, input_path: Path, timeout: float) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    try:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", str(input_path)],
                              env=env, cwd=tree, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timed_out": True, "timeout_s": timeout}
    if done.returncode != 0:
        raise SystemExit(f"worker failed on {input_path} in {tree}:\n{done.stderr[-3000:]}")
    r = json.loads(done.stdout.strip().splitlines()[-1])
    if not r.pop("claims_from").startswith(str(tree)):
        raise SystemExit(f"{tree}: imported claims from elsewhere")
    return r


def measure(label: str, tree: Path, cases: list, work: Path, timeout: float, only: set[str] | None = None) -> dict:
    out, gave_up = {}, set()
    for case, kind, mb, docs in cases:
        if (only is not None and case not in only) or kind in gave_up:
            continue
        path = work / f"{case}.json"
        if not path.exists():
            path.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
        nbytes = sum(len(d["text"].encode("utf-8")) for d in docs)
        r = {"mb": round(nbytes / MB, 3), "docs": len(docs), **run_one(tree, path, timeout)}
        if r.get("timed_out"):
            gave_up.add(kind)  # the larger sizes of this input would take longer still
        else:
            r["mb_per_s"] = round(r["mb"] / r["wall_s"], 3)
            r["mb_per_cpu_s"] = round(r["mb"] / r["cpu_s"], 3)  # the machine is shared: CPU time is steadier
            r["wall_s"], r["cpu_s"] = round(r["wall_s"], 3), round(r["cpu_s"], 3)
        print(f"{label:9} {case:30} " + (f"{r['wall_s']:8.2f} s {r['mb_per_s']:7.3f} MB/s ({r['mb_per_cpu_s']:.3f} per CPU s)  peak {r['peak_mb']} MB  "
              f"{r['claims']} claims" if not r.get("timed_out") else f"timed out after {timeout:g} s"), file=sys.stderr)
        out[case] = r
    return out


def _ratios(runs: dict, sizes: list[float], patho_sizes: list[float]) -> dict:
    """Time at the largest size over time at the smallest, per kind of input (linear = the size ratio)."""
    out = {}
    kinds = [("corpus", sizes), ("one-document", sizes)] + [(p, _patho(p, patho_sizes)) for p in PATHOLOGICAL]
    for kind, ss in kinds:
        if len(ss) < 2:
            continue
        lo, hi = runs.get(f"{kind}-{ss[0]:g}MB"), runs.get(f"{kind}-{ss[-1]:g}MB")
        if lo and hi and not lo.get("timed_out") and not hi.get("timed_out"):
            out[kind] = {"sizes_mb": [ss[0], ss[-1]], "size_ratio": round(hi["mb"] / lo["mb"], 2),
                         "time_ratio": round(hi["wall_s"] / lo["wall_s"], 2), "cpu_ratio": round(hi["cpu_s"] / lo["cpu_s"], 2)}
    return out


def _floats(value: str) -> list[float]:
    return [float(x) for x in value.split(",") if x.strip()]


def _worktree(rev: str, tree: Path) -> None:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), rev], check=True, capture_output=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=_floats, default=[1, 4, 16], help="corpus sizes in MB (default 1,4,16)")
    ap.add_argument("--patho-sizes", type=_floats, default=[0.02, 0.25, 1], help="pathological sizes in MB")
    ap.add_argument("--baseline", default=None, metavar="REV", help="also measure this git revision, in the same run")
    ap.add_argument("--baseline-sizes", type=_floats, default=None, help="corpus sizes for the baseline (default --sizes)")
    ap.add_argument("--baseline-timeout", type=float, default=400, help="seconds per baseline input before giving up")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per input before giving up")
    ap.add_argument("--out", default=str(ROOT / "eval" / "bench_extract.results.json"))
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--dump", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args.worker, args.dump)
    cases = inputs(args.sizes, args.patho_sizes)
    results = {"machine": _cpu(), "python": platform.python_version(), "load_before": os.getloadavg(),
               "sizes_mb": args.sizes, "patho_sizes_mb": args.patho_sizes}
    with tempfile.TemporaryDirectory(prefix="claims-bench-extract-") as tmp:
        work = Path(tmp)
        results["current"] = {"runs": measure("current", ROOT, cases, work, args.timeout)}
        results["current"]["ratios"] = _ratios(results["current"]["runs"], args.sizes, args.patho_sizes)
        if args.baseline:
            tree = work / "baseline"
            _worktree(args.baseline, tree)
            bsizes = args.baseline_sizes or args.sizes
            only = {c for c, kind, mb, _ in cases if kind in PATHOLOGICAL or mb in bsizes}
            try:
                runs = measure("baseline", tree, cases, work, args.baseline_timeout, only)
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
            results["baseline"] = {"rev": args.baseline, "sizes_mb": bsizes, "timeout_s": args.baseline_timeout,
                                   "runs": runs, "ratios": _ratios(runs, bsizes, args.patho_sizes)}
            cur = results["current"]["runs"]
            both = [c for c in runs if "sha256" in runs[c] and "sha256" in cur.get(c, {})]
            results["identical_claims"] = {c: runs[c]["sha256"] == cur[c]["sha256"] for c in both}
    results["load_after"] = os.getloadavg()
    print(json.dumps(results, indent=2))
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
