#!/usr/bin/env python3
"""Check the example articles, the short example documents and their gold annotations.

Checks, reporting every problem before exiting:

1. every line of examples/gold.jsonl parses as a JSON object;
2. every quote occurs verbatim in its document (examples/articles/<doc_id>.txt,
   or the "text" of the line of examples/sentences.jsonl whose "id" is doc_id)
   and does not run across a line break;
3. every field has an allowed value (event types, statuses, ISO 3166-1
   alpha-3 codes, non-state group names, dates matching their precision,
   fatalities as non-negative integers, no unknown fields);
4. every article is 150-450 words long;
5. no run of 9 consecutive words (lowercased ``\\w+`` tokens) of any example
   article or short document occurs in any seed article, so the examples stay original;
6. every line of examples/sentences.jsonl is a JSON object with a non-empty
   string "id", a non-empty string "text" and a "published" date (YYYY-MM-DD),
   and no other keys; ids are unique and differ from the article names.

Short documents without any gold line are hard negatives: a coder should find no
event in them. The summary counts them.

Usage:
    python scripts/check_gold.py [--examples DIR] [--seeds DIR]

Exit status 0 when every check passes, 1 otherwise.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EXAMPLES = REPO / "examples"
DEFAULT_SEEDS = Path("/work/shared/corpus/seeds")

NGRAM = 9
MIN_WORDS, MAX_WORDS = 150, 450

EVENT_TYPES = {"clash", "airstrike", "ceasefire", "negotiation", "mediation_offer"}
STATUSES = {"occurred", "planned", "failed", "alleged", "called_for"}
# A border ("Pakistan-Afghanistan border", "Thailand-Cambodia border", the Line of Control)
# lies between two states, so a border location takes no country.
BORDER_RE = re.compile(r".+ border|Line of Control")

# Non-state sides, by the short upper-case names the codebook uses.
# FANO, OLA (Oromo Liberation Army) and TPLF are used in sentences.jsonl but are not
# (yet) in the actor lexicon.
GROUPS = {
    "TTP", "BLA", "RSF", "HOUTHIS", "ELN", "ARAKAN_ARMY", "MNDAA",
    "FARC_DISSIDENTS", "UNIDENTIFIED",
    "M23", "AL_SHABAAB", "HAMAS", "HEZBOLLAH", "JNIM", "BOKO_HARAM", "CLAN_DEL_GOLFO",
    "SDF", "TNLA", "FANO", "OLA", "TPLF",
}

# ISO 3166-1 alpha-3 (249 codes).
ISO3 = set("""
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN
BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN
CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU
DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR
GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV
HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM
KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA
MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM
NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL
PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE
SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK
TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB
VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
""".split())

REQUIRED_FIELDS = ("doc_id", "quote", "event_type", "required")
OPTIONAL_FIELDS = (
    "status", "parties", "actor1", "actor2", "mediators", "location", "country",
    "event_date", "time_precision", "fatalities", "note",
)
ALLOWED_FIELDS = set(REQUIRED_FIELDS) | set(OPTIONAL_FIELDS)
SENTENCE_FIELDS = {"id", "text", "published"}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def ngrams(tokens: list[str], n: int = NGRAM) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def is_side(code: object) -> bool:
    return isinstance(code, str) and (code in ISO3 or code in GROUPS)


def check_date(value: object, precision: object) -> str | None:
    """Return an error message, or None when the date fits its precision."""
    if precision not in (1, 2, 3) or isinstance(precision, bool):
        return f"time_precision must be 1, 2 or 3, not {precision!r}"
    if not isinstance(value, str):
        return f"event_date must be a string, not {value!r}"
    if precision == 3:
        if not re.fullmatch(r"\d{4}-\d{2}", value):
            return f"event_date {value!r} must be YYYY-MM for precision 3"
        try:
            dt.date.fromisoformat(value + "-01")
        except ValueError:
            return f"event_date {value!r} is not a real month"
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return f"event_date {value!r} must be YYYY-MM-DD for precision {precision}"
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return f"event_date {value!r} is not a real date"
    if precision == 2 and day.weekday() != 0:
        return f"event_date {value!r} must be a Monday for precision 2 (week)"
    return None


def check_record(rec: dict, articles: dict[str, str]) -> list[str]:
    """Check one gold record; `articles` maps every document id (article or short document)
    to its text."""
    errs: list[str] = []
    for key in REQUIRED_FIELDS:
        if key not in rec:
            errs.append(f"missing field {key!r}")
    if errs:
        return errs
    unknown = set(rec) - ALLOWED_FIELDS
    if unknown:
        errs.append(f"unknown fields {sorted(unknown)}")

    doc, quote, etype = rec["doc_id"], rec["quote"], rec["event_type"]
    if doc not in articles:
        errs.append(f"no article examples/articles/{doc}.txt and no id {doc!r} in sentences.jsonl")
    elif not isinstance(quote, str) or not quote.strip():
        errs.append("quote must be a non-empty string")
    elif quote not in articles[doc]:
        errs.append(f"quote not found verbatim in {doc}: {quote!r}")
    elif "\n" in quote:
        errs.append("quote runs across a line break")
    if etype not in EVENT_TYPES:
        errs.append(f"event_type {etype!r} not in {sorted(EVENT_TYPES)}")
    if not isinstance(rec["required"], bool):
        errs.append("required must be true or false")
    if "status" in rec and rec["status"] not in STATUSES:
        errs.append(f"status {rec['status']!r} not in {sorted(STATUSES)}")

    if "parties" in rec:
        p = rec["parties"]
        if etype == "airstrike":
            errs.append("an airstrike takes actor1/actor2, not parties")
        if not (isinstance(p, list) and len(p) == 2 and len(set(map(str, p))) == 2
                and all(is_side(x) for x in p)):
            errs.append(f"parties must be two distinct ISO3 codes or group names, not {p!r}")
    for key in ("actor1", "actor2"):
        if key in rec and not is_side(rec[key]):
            errs.append(f"{key} {rec[key]!r} is neither an ISO3 code nor a known group")
    if "mediators" in rec:
        m = rec["mediators"]
        if etype in ("airstrike", "clash"):
            errs.append(f"a {etype} has no mediators")
        if not (isinstance(m, list) and m and all(isinstance(x, str) and x in ISO3 for x in m)):
            errs.append(f"mediators must be a non-empty list of ISO3 codes, not {m!r}")
        elif len(set(m)) != len(m):
            errs.append(f"mediators repeat a code: {m!r}")
    if "location" in rec:
        loc = rec["location"]
        if not isinstance(loc, str) or not loc.strip():
            errs.append("location must be a non-empty string")
        elif BORDER_RE.fullmatch(loc) and "country" in rec:
            errs.append("a border location takes no country")
    if "country" in rec and rec["country"] not in ISO3:
        errs.append(f"country {rec['country']!r} is not an ISO3 code")
    if ("event_date" in rec) != ("time_precision" in rec):
        errs.append("event_date and time_precision go together")
    elif "event_date" in rec:
        msg = check_date(rec["event_date"], rec["time_precision"])
        if msg:
            errs.append(msg)
    if "fatalities" in rec:
        f = rec["fatalities"]
        if isinstance(f, bool) or not isinstance(f, int) or f < 0:
            errs.append(f"fatalities must be a non-negative integer, not {f!r}")
    if "note" in rec and not isinstance(rec["note"], str):
        errs.append("note must be a string")
    return errs


def read_sentences(path: Path, article_ids: set[str]) -> tuple[dict[str, str], list[str]]:
    """The short documents of sentences.jsonl by id, and the problems found in the file."""
    docs: dict[str, str] = {}
    errs: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        return docs, [f"{path}: {exc}"]
    for lineno, line in enumerate(lines, 1):
        where = f"{path.name}:{lineno}"
        if not line.strip():
            errs.append(f"{where}: blank line")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errs.append(f"{where}: not JSON ({exc})")
            continue
        if not isinstance(rec, dict):
            errs.append(f"{where}: not a JSON object")
            continue
        unknown = set(rec) - SENTENCE_FIELDS
        if unknown:
            errs.append(f"{where}: unknown fields {sorted(unknown)}")
        doc_id, text, published = rec.get("id"), rec.get("text"), rec.get("published")
        if not isinstance(doc_id, str) or not doc_id.strip():
            errs.append(f"{where}: 'id' must be a non-empty string, not {doc_id!r}")
            continue
        if doc_id in docs:
            errs.append(f"{where}: duplicate id {doc_id!r}")
        elif doc_id in article_ids:
            errs.append(f"{where}: id {doc_id!r} is also the name of an article")
        if not isinstance(text, str) or not text.strip():
            errs.append(f"{where}: 'text' must be a non-empty string")
            text = ""
        if not isinstance(published, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
            errs.append(f"{where}: 'published' must be a YYYY-MM-DD string, not {published!r}")
        else:
            try:
                dt.date.fromisoformat(published)
            except ValueError:
                errs.append(f"{where}: 'published' {published!r} is not a real date")
        docs.setdefault(doc_id, text)
    if not docs and not errs:
        errs.append(f"{path}: no documents")
    return docs, errs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, default=DEFAULT_EXAMPLES,
                    help="folder holding articles/, sentences.jsonl and gold.jsonl "
                         "(default: %(default)s)")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS,
                    help="folder of seed articles to compare against (default: %(default)s)")
    args = ap.parse_args(argv)

    errors: list[str] = []
    art_dir = args.examples / "articles"
    gold_path = args.examples / "gold.jsonl"
    sentences_path = args.examples / "sentences.jsonl"
    articles = {p.stem: p.read_text(encoding="utf-8") for p in sorted(art_dir.glob("*.txt"))}
    if not articles:
        errors.append(f"{art_dir}: no .txt articles")

    # 6. short documents
    sentences, problems = read_sentences(sentences_path, set(articles))
    errors.extend(problems)
    documents = {**sentences, **articles}

    # 4. article length
    for doc, text in articles.items():
        n = len(text.split())
        if not MIN_WORDS <= n <= MAX_WORDS:
            errors.append(f"{doc}.txt: {n} words, outside {MIN_WORDS}-{MAX_WORDS}")

    # 1-3. gold records
    records: list[dict] = []
    seen: set[tuple] = set()
    try:
        lines = gold_path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        errors.append(f"{gold_path}: {exc}")
        lines = []
    for lineno, line in enumerate(lines, 1):
        where = f"{gold_path.name}:{lineno}"
        if not line.strip():
            errors.append(f"{where}: blank line")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: not JSON ({exc})")
            continue
        if not isinstance(rec, dict):
            errors.append(f"{where}: not a JSON object")
            continue
        errors.extend(f"{where}: {e}" for e in check_record(rec, documents))
        key = (rec.get("doc_id"), rec.get("quote"), rec.get("event_type"), rec.get("location"))
        if key in seen:
            errors.append(f"{where}: duplicate of an earlier record {key!r}")
        seen.add(key)
        records.append(rec)

    # 5. originality against the seeds
    seed_files = sorted(args.seeds.glob("*.txt")) if args.seeds.is_dir() else []
    if not seed_files:
        errors.append(f"{args.seeds}: no seed articles found, originality not checked")
    seed_grams: dict[tuple[str, ...], str] = {}
    for p in seed_files:
        for g in ngrams(words(p.read_text(encoding="utf-8"))):
            seed_grams.setdefault(g, p.stem)
    for doc, text in articles.items():
        for g in sorted(ngrams(words(text))):
            if g in seed_grams:
                errors.append(f"{doc}.txt shares {NGRAM} words with seed {seed_grams[g]}: {' '.join(g)!r}")
    for doc, text in sentences.items():
        for g in sorted(ngrams(words(text))):
            if g in seed_grams:
                errors.append(f"sentences.jsonl {doc} shares {NGRAM} words with seed "
                              f"{seed_grams[g]}: {' '.join(g)!r}")

    # summary
    print(f"{'article':34} {'words':>5} {'required':>8} {'optional':>8}")
    for doc, text in articles.items():
        req = sum(1 for r in records if r.get("doc_id") == doc and r.get("required") is True)
        opt = sum(1 for r in records if r.get("doc_id") == doc and r.get("required") is False)
        print(f"{doc:34} {len(text.split()):5} {req:8} {opt:8}")
        if req + opt == 0:
            errors.append(f"{doc}.txt has no gold events")
    in_sentences = [r for r in records if r.get("doc_id") in sentences]
    with_gold = {r.get("doc_id") for r in in_sentences}
    negatives = sum(1 for doc in sentences if doc not in with_gold)
    s_req = sum(1 for r in in_sentences if r.get("required") is True)
    print(f"sentences.jsonl: {len(sentences)} documents, {negatives} hard negatives (no gold event), "
          f"{len(in_sentences)} events ({s_req} required, {len(in_sentences) - s_req} optional)")
    total_req = sum(1 for r in records if r.get("required") is True)
    print(f"{len(articles)} articles + {len(sentences)} short documents, {len(records)} events "
          f"({total_req} required), {len(seed_files)} seed articles compared")

    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)", file=sys.stderr)
        for e in errors:
            print(f"  {e}", file=sys.stderr)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
