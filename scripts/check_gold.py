#!/usr/bin/env python3
"""Check the example articles, the short example documents and their gold annotations.

Checks, reporting every problem before exiting:

1. every line of examples/gold.jsonl parses as a JSON object;
2. every quote occurs verbatim in its document (examples/articles/<doc_id>.txt,
   or the "text" of the line of examples/sentences.jsonl whose "id" is doc_id)
   and does not run across a line break;
3. every line is a valid `eventcoder.evaluate.GoldRecord` (docs/gold-format.md: types,
   statuses, dates matching their precision, no unknown fields) that also gives
   `required`, and its codes fit this project: event types of the bundled lexicon,
   sides as ISO 3166-1 alpha-3 codes or the group names below, mediators as ISO codes
   (none for a violent type), actor1/actor2 rather than parties for a one-sided type, and
   no country for a border;
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
from typing import Any

from pydantic import ValidationError

from eventcoder.evaluate import GoldRecord
from eventcoder.lexicon import load_lexicon

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EXAMPLES = REPO / "examples"
DEFAULT_SEEDS = Path("/work/shared/corpus/seeds")

NGRAM = 9
MIN_WORDS, MAX_WORDS = 150, 450

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

SENTENCE_FIELDS = {"id", "text", "published"}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def ngrams(tokens: list[str], n: int = NGRAM) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def is_side(code: object) -> bool:
    return isinstance(code, str) and (code in ISO3 or code in GROUPS)


class Types:
    """The bundled lexicon's event types: which exist, which are violent, one-sided."""

    def __init__(self) -> None:
        kinds = load_lexicon().event_types
        self.ids = {t.id for t in kinds}
        self.violent = {t.id for t in kinds if t.violent}
        self.one_sided = {t.id for t in kinds if t.structure == "one_sided"}


def _model_problems(rec: dict[str, Any]) -> list[str]:
    if "required" not in rec:
        return ["missing field 'required'"]
    try:
        GoldRecord.model_validate(rec)
    except ValidationError as exc:
        return [f"{'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}" for e in exc.errors()]
    return []


def _quote_problems(rec: dict[str, Any], articles: dict[str, str]) -> list[str]:
    doc, quote = rec["doc_id"], rec["quote"]
    if doc not in articles:
        return [f"no article examples/articles/{doc}.txt and no id {doc!r} in sentences.jsonl"]
    if quote not in articles[doc]:
        return [f"quote not found verbatim in {doc}: {quote!r}"]
    if "\n" in quote:
        return ["quote runs across a line break"]
    return []


def _mediator_problems(rec: dict[str, Any], types: Types) -> list[str]:
    mediators = rec.get("mediators")
    if mediators is None:
        return []
    errs = []
    if rec["event_type"] in types.violent:
        errs.append(f"a {rec['event_type']} has no mediators")
    if not mediators or not all(m in ISO3 for m in mediators):
        errs.append(f"mediators must be a non-empty list of ISO3 codes, not {mediators!r}")
    elif len(set(mediators)) != len(mediators):
        errs.append(f"mediators repeat a code: {mediators!r}")
    return errs


def _code_problems(rec: dict[str, Any], types: Types) -> list[str]:
    errs: list[str] = []
    etype = rec["event_type"]
    if etype not in types.ids:
        errs.append(f"event_type {etype!r} not in {sorted(types.ids)}")
    parties = rec.get("parties")
    if parties is not None:
        if etype in types.one_sided:
            errs.append(f"a {etype} takes actor1/actor2, not parties")
        if not all(is_side(x) for x in parties):
            errs.append(f"parties must be ISO3 codes or group names, not {parties!r}")
    errs += [f"{key} {rec[key]!r} is neither an ISO3 code nor a known group"
             for key in ("actor1", "actor2") if key in rec and not is_side(rec[key])]
    errs += _mediator_problems(rec, types)
    if "country" in rec and rec["country"] not in ISO3:
        errs.append(f"country {rec['country']!r} is not an ISO3 code")
    if BORDER_RE.fullmatch(rec.get("location", "")) and "country" in rec:
        errs.append("a border location takes no country")
    return errs


def check_record(rec: dict[str, Any], articles: dict[str, str], types: Types) -> list[str]:
    """Check one gold record; `articles` maps every document id (article or short document)
    to its text."""
    errs = _model_problems(rec)
    if errs:
        return errs
    return _quote_problems(rec, articles) + _code_problems(rec, types)


def _published_problem(published: object) -> str | None:
    if not isinstance(published, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        return f"'published' must be a YYYY-MM-DD string, not {published!r}"
    try:
        dt.date.fromisoformat(published)
    except ValueError:
        return f"'published' {published!r} is not a real date"
    return None


def _json_object(line: str, where: str, errs: list[str]) -> dict[str, Any] | None:
    """The JSON object on a line, or None with the problem added to `errs`."""
    if not line.strip():
        errs.append(f"{where}: blank line")
        return None
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        errs.append(f"{where}: not JSON ({exc})")
        return None
    if not isinstance(rec, dict):
        errs.append(f"{where}: not a JSON object")
        return None
    return rec


def _sentence_problems(rec: dict[str, Any], docs: dict[str, str], article_ids: set[str]
                       ) -> list[str]:
    errs = []
    unknown = set(rec) - SENTENCE_FIELDS
    if unknown:
        errs.append(f"unknown fields {sorted(unknown)}")
    doc_id, text = rec.get("id"), rec.get("text")
    if doc_id in docs:
        errs.append(f"duplicate id {doc_id!r}")
    elif doc_id in article_ids:
        errs.append(f"id {doc_id!r} is also the name of an article")
    if not isinstance(text, str) or not text.strip():
        errs.append("'text' must be a non-empty string")
    problem = _published_problem(rec.get("published"))
    return errs + ([problem] if problem else [])


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
        rec = _json_object(line, where, errs)
        if rec is None:
            continue
        doc_id = rec.get("id")
        if not isinstance(doc_id, str) or not doc_id.strip():
            errs.append(f"{where}: 'id' must be a non-empty string, not {doc_id!r}")
            continue
        errs += [f"{where}: {e}" for e in _sentence_problems(rec, docs, article_ids)]
        text = rec.get("text")
        docs.setdefault(doc_id, text if isinstance(text, str) else "")
    if not docs and not errs:
        errs.append(f"{path}: no documents")
    return docs, errs


def read_records(path: Path, documents: dict[str, str], errors: list[str]
                 ) -> list[dict[str, Any]]:
    """The gold records of the file, each checked; problems are added to `errors`."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        errors.append(f"{path}: {exc}")
        return []
    types = Types()
    records: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for lineno, line in enumerate(lines, 1):
        where = f"{path.name}:{lineno}"
        rec = _json_object(line, where, errors)
        if rec is None:
            continue
        errors.extend(f"{where}: {e}" for e in check_record(rec, documents, types))
        key = (rec.get("doc_id"), rec.get("quote"), rec.get("event_type"), rec.get("location"))
        if key in seen:
            errors.append(f"{where}: duplicate of an earlier record {key!r}")
        seen.add(key)
        records.append(rec)
    return records


def originality_problems(seeds: Path, articles: dict[str, str], sentences: dict[str, str]
                         ) -> tuple[list[str], int]:
    """Runs of NGRAM words shared with a seed article, and how many seeds were compared."""
    seed_files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not seed_files:
        return [f"{seeds}: no seed articles found, originality not checked"], 0
    seed_grams: dict[tuple[str, ...], str] = {}
    for p in seed_files:
        for g in ngrams(words(p.read_text(encoding="utf-8"))):
            seed_grams.setdefault(g, p.stem)
    errors = []
    for label, texts in (("{}.txt", articles), ("sentences.jsonl {}", sentences)):
        for doc, text in texts.items():
            for g in sorted(ngrams(words(text))):
                if g in seed_grams:
                    errors.append(f"{label.format(doc)} shares {NGRAM} words with seed "
                                  f"{seed_grams[g]}: {' '.join(g)!r}")
    return errors, len(seed_files)


def summary(articles: dict[str, str], sentences: dict[str, str],
            records: list[dict[str, Any]], seeds_compared: int, errors: list[str]) -> None:
    """Print the counts per article and in all; an article without gold is an error."""
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
    print(f"sentences.jsonl: {len(sentences)} documents, {negatives} hard negatives (no gold "
          f"event), {len(in_sentences)} events ({s_req} required, "
          f"{len(in_sentences) - s_req} optional)")
    total_req = sum(1 for r in records if r.get("required") is True)
    print(f"{len(articles)} articles + {len(sentences)} short documents, {len(records)} events "
          f"({total_req} required), {seeds_compared} seed articles compared")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--examples", type=Path, default=DEFAULT_EXAMPLES,
                    help="folder holding articles/, sentences.jsonl and gold.jsonl "
                         "(default: %(default)s)")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS,
                    help="folder of seed articles to compare against (default: %(default)s)")
    args = ap.parse_args(argv)

    errors: list[str] = []
    art_dir = args.examples / "articles"
    articles = {p.stem: p.read_text(encoding="utf-8") for p in sorted(art_dir.glob("*.txt"))}
    if not articles:
        errors.append(f"{art_dir}: no .txt articles")
    sentences, problems = read_sentences(args.examples / "sentences.jsonl", set(articles))
    errors.extend(problems)
    for doc, text in articles.items():
        n = len(text.split())
        if not MIN_WORDS <= n <= MAX_WORDS:
            errors.append(f"{doc}.txt: {n} words, outside {MIN_WORDS}-{MAX_WORDS}")
    records = read_records(args.examples / "gold.jsonl", {**sentences, **articles}, errors)
    shared, seeds_compared = originality_problems(args.seeds, articles, sentences)
    errors.extend(shared)
    summary(articles, sentences, records, seeds_compared, errors)
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)", file=sys.stderr)
        for e in errors:
            print(f"  {e}", file=sys.stderr)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
