"""Lexicon loading: every problem in every file reported at once, with file, line, entry and
code; later folders replace, extend and remove the entries of earlier ones."""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventcoder
from eventcoder import LexiconError
from eventcoder.lexicon import BUNDLED, load_lexicon
from eventcoder.lexicon import codes as C
from eventcoder.lexicon.loader import LexiconWarning, read_lexicon
from eventcoder.lexicon.model import EventType, GenericActor
from tests.conftest import scaled

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "lexicons.md"

GROUP = "groups:\n  - id: {id}\n    name: {name}\n    actor_type: rebel_group\n"

# Invalid lexicons, each loaded on top of the bundled one: file name -> text, and every
# problem it must raise as (code, file, line). Nothing else may be reported.
INVALID: dict[str, tuple[dict[str, str | bytes], set[tuple[str, str, int | None]]]] = {
    "not utf-8": ({"a.yaml": b"groups:\n  - id: g1\n    name: G \xff\n"},
                  {(C.NOT_UTF8, "a.yaml", 3)}),
    # The key without its colon is on line 3; YAML notices only on line 4.
    "key without colon": ({"a.yaml": "groups:\n  - id: g1\n    name\n    actor_type: x\n"},
                          {(C.YAML_SYNTAX, "a.yaml", 3)}),
    "unclosed bracket": ({"a.yaml": "cues:\n  - kind: negation\n    phrases: [x, y\n"
                          "    window: 3\n"}, {(C.YAML_SYNTAX, "a.yaml", 3)}),
    "not a mapping": ({"a.yaml": "- groups\n"}, {(C.NOT_A_MAPPING, "a.yaml", 1)}),
    "unknown section": ({"a.yaml": "groups: []\nactors: []\n"}, {(C.UNKNOWN_SECTION, "a.yaml", 2)}),
    "section twice": ({"a.yaml": "groups: []\ngroups: []\n"}, {(C.SECTION_TWICE, "a.yaml", 2)}),
    "section shape": ({"a.yaml": "groups: {id: g}\nremove: [x]\n"},
                      {(C.SECTION_SHAPE, "a.yaml", 1), (C.SECTION_SHAPE, "a.yaml", 2)}),
    "tsv columns": ({"a.tsv": "iso2\tname\n"}, {(C.TSV_COLUMNS, "a.tsv", 1)}),
    "tsv rows": ({"a.tsv": "iso2\tadmin1_code\tname\tlatitude\tlongitude\nPK\t01\t\t30\t70\n"
                  "PK\t02\tX\tabc\t999\n"},
                 {(C.TSV_NAME, "a.tsv", 2), (C.TSV_COORDINATE, "a.tsv", 3)}),
    "entry not a mapping": ({"a.yaml": "groups:\n  - g1\n"},
                            {(C.ENTRY_NOT_A_MAPPING, "a.yaml", 2)}),
    "field twice": ({"a.yaml": GROUP.format(id="g1", name="G") + "    name: H\n"},
                    {(C.KEY_TWICE, "a.yaml", 5)}),
    "missing field": ({"a.yaml": "groups:\n  - id: g1\n    name: G\n"},
                      {(C.MISSING_FIELD, "a.yaml", 2)}),
    "unknown field": ({"a.yaml": GROUP.format(id="g1", name="G") + "    colour: blue\n"},
                      {(C.UNKNOWN_FIELD, "a.yaml", 5)}),
    "bad value": ({"a.yaml": "groups:\n  - id: g1\n    name: G\n    actor_type: mob\n"},
                  {(C.BAD_VALUE, "a.yaml", 4)}),
    "phrase too long": ({"a.yaml": GROUP.format(id="g1", name="G")
                         + f"    aliases: [{'x' * 201}]\n"},
                        {(C.PHRASE_TOO_LONG, "a.yaml", 5)}),
    "unknown language part": ({"a.yaml": "language:\n  places: {}\n  grammar: {}\n"},
                              {(C.UNKNOWN_LANGUAGE_SECTION, "a.yaml", 3)}),
    "key twice in a folder": ({"a.yaml": GROUP.format(id="g1", name="G"),
                               "b.yaml": GROUP.format(id="g1", name="H")},
                              {(C.DUPLICATE_KEY, "b.yaml", 2)}),
    "unknown event types": ({"a.yaml": "cues:\n  - kind: negation\n    phrases: [x]\n"
                             "    except_types: [airstirke]\nevent_types:\n  - id: t\n"
                             "    label: T\n    structure: dyadic\n    triggers: [tt]\n"
                             "    subsumes: [{type: nothing}]\n    third_party_call: nada\n"},
                            {(C.UNKNOWN_EVENT_TYPE, "a.yaml", 4),
                             (C.UNKNOWN_EVENT_TYPE, "a.yaml", 10),
                             (C.UNKNOWN_EVENT_TYPE, "a.yaml", 11)}),
    "unknown countries": ({"a.yaml": "groups:\n  - id: g2\n    name: G\n    actor_type: rioters\n"
                           "    state: XYQ\npeople:\n  - name: P2\n    country: ZZZ\nplaces:\n"
                           "  - name: B\n    kind: border\n    country: PAK\n"
                           "    countries: [PAK, QQQ]\n    latitude: 1\n    longitude: 1\n"
                           "    geo_precision: 3\n"},
                          {(C.UNKNOWN_COUNTRY, "a.yaml", 5), (C.UNKNOWN_COUNTRY, "a.yaml", 8),
                           (C.UNKNOWN_COUNTRY, "a.yaml", 13)}),
    "unknown organs": ({"a.yaml": "people:\n  - name: P3\n    country: PAK\n    organ: navy\n"
                        "event_types:\n  - id: t3\n    label: T\n    structure: dyadic\n"
                        "    triggers: [tt]\n    default_organ: militery\n"},
                       {(C.UNKNOWN_ORGAN, "a.yaml", 4), (C.UNKNOWN_ORGAN, "a.yaml", 10)}),
    # A feud names an event type and a generic actor: both checked, at its `feuds` line.
    "unknown feud references": ({"a.yaml": "generic_actors:\n  - id: neighbours\n"
                                 "    label: N\n    actor_type: civilians\n"
                                 "    words: [neighbours]\nevent_types:\n  - id: t6\n"
                                 "    label: T\n    structure: dyadic\n    triggers: [tt]\n"
                                 "    feuds:\n      - {type: clsh, actor: neighbours, "
                                 "phrases: [a quarrel]}\n      - {type: t6, actor: nieghbours, "
                                 "phrases: [a feud]}\n"},
                                {(C.UNKNOWN_EVENT_TYPE, "a.yaml", 11),
                                 (C.UNKNOWN_GENERIC_ACTOR, "a.yaml", 11)}),
    "unknown cue kind, status, role": (
        {"a.yaml": "cues:\n  - kind: negatoin\n    phrases: [x]\n  - kind: status\n"
                   "    value: done\n    phrases: [y]\n  - kind: role\n    value: victim\n"
                   "    phrases: [z]\n"},
        {(C.UNKNOWN_CUE_KIND, "a.yaml", 2), (C.UNKNOWN_STATUS, "a.yaml", 5),
         (C.UNKNOWN_ROLE, "a.yaml", 8)}),
    "shared country name": ({"a.yaml": "countries:\n  - iso3: XYZ\n    iso2: XY\n"
                             "    name: Freedonia\n    aliases: [Turkey]\n"
                             "    adjectives: [Freedonian]\n    capitals: [Fredville]\n"},
                            {(C.SHARED_COUNTRY_NAME, "a.yaml", 2)}),
    "second mediator": ({"a.yaml": "organs:\n  - id: council\n    label: Council of {country}\n"
                         "    actor_type: state_forces\n    words: [council]\n"
                         "    mediator: true\n"},
                        {(C.SECOND_MEDIATOR, "a.yaml", 6)}),
    # Regimes that overlap (the second with the first, the third with the first too), a
    # group named like a country and a curated place, standing for an unknown generic actor.
    "actor data": ({"a.yaml": "regimes:\n"
                              "  - {country: PAK, valid_from: 1950-01-01, valid_to: 1960-01-01}\n"
                              "  - {country: PAK, valid_from: 1952-01-01, valid_to: 1953-01-01}\n"
                              "  - country: PAK\n    valid_from: 1955-01-01\n"
                              "    valid_to: 1956-01-01\n"
                              "groups:\n  - id: g4\n    name: G4\n"
                              "    aliases: [Pakistan, Torkham]\n    actor_type: rebel_group\n"
                              "    country: AFG\n    stands_for: [gunmen]\n"},
                   {(C.OVERLAPPING_REGIMES, "a.yaml", 3), (C.OVERLAPPING_REGIMES, "a.yaml", 5),
                    (C.GROUP_NAME_IS_COUNTRY, "a.yaml", 8), (C.GROUP_NAME_IS_PLACE, "a.yaml", 8),
                    (C.UNKNOWN_GENERIC_ACTOR, "a.yaml", 13)}),
    "hierarchy fields": ({"a.yaml": "event_types:\n  - id: raid\n    label: Raid\n"
                         "    structure: one_sided\n    triggers: [raided]\n"
                         "    absorbs: [clsh]\n    retype:\n"
                         "      - {actor_types: [civilians], type: atack}\n"
                         "    unplaced_type: clas\n    default_target: ghosts\n"},
                         {(C.UNKNOWN_EVENT_TYPE, "a.yaml", 6), (C.UNKNOWN_EVENT_TYPE, "a.yaml", 7),
                          (C.UNKNOWN_EVENT_TYPE, "a.yaml", 9),
                          (C.UNKNOWN_GENERIC_ACTOR, "a.yaml", 10)}),
    # types that share triggers on purpose name each other by id
    "shared triggers declared": ({"a.yaml": "event_types:\n  - id: sweep\n    label: Sweep\n"
                                 "    structure: one_sided\n    triggers: [swept]\n"
                                 "    shares_triggers_with: [clsh]\n"},
                                 {(C.UNKNOWN_EVENT_TYPE, "a.yaml", 6)}),
    "edits": ({"a.yaml": "extend:\n  groups:\n    - {id: nobody, aliases: [x]}\n"
                         "    - {id: haqqani_network_insurgency, name: [X]}\n"
                         "  event_types:\n    - clash\n"
                         "remove:\n  event_types:\n    - {id: airstrike, triggers: [shelld]}\n"
                         "    - [clash]\n  language:\n    places: {stop_names: [zzz]}\n"},
              {(C.NO_SUCH_ENTRY, "a.yaml", 3), (C.NOT_EDITABLE, "a.yaml", 4),
               (C.BAD_EDIT, "a.yaml", 6), (C.NO_SUCH_ITEM, "a.yaml", 9),
               (C.BAD_EDIT, "a.yaml", 10), (C.NO_SUCH_ITEM, "a.yaml", 12)}),
    "extended entry invalid": ({"a.yaml": "extend:\n  event_types:\n"
                                "    - {id: clash, triggers: [{text: x, loud: true}]}\n"},
                               {(C.UNKNOWN_FIELD, "a.yaml", 3)}),
}


def _write(folder: Path, files: dict[str, str | bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        if isinstance(text, bytes):
            (folder / name).write_bytes(text)
        else:
            (folder / name).write_text(text, encoding="utf-8")


def _found(problems: list[eventcoder.Problem], root: Path
           ) -> set[tuple[str | None, str, int | None]]:
    return {(p.code, str(Path(p.path).relative_to(root)), p.line) for p in problems}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_each_invalid_lexicon_raises_its_problems(tmp_path: Path, case: str) -> None:
    files, expected = INVALID[case]
    _write(tmp_path, files)
    with pytest.raises(LexiconError) as info:
        load_lexicon([BUNDLED, tmp_path])
    assert _found(info.value.problems, tmp_path) == expected
    assert all(f"({p.code})" in str(p) and f":{p.line}" in str(p) for p in info.value.problems
               if p.line is not None)


def test_every_problem_of_every_file_in_one_pass(tmp_path: Path) -> None:
    """Structural problems and cross-references of many folders together: one round."""
    expected = set()
    for n, case in enumerate(sorted(INVALID)):
        files, problems = INVALID[case]
        _write(tmp_path / f"c{n:02}", files)
        expected |= {(code, f"c{n:02}/{name}", line) for code, name, line in problems}
    folders = sorted(tmp_path.iterdir())
    with pytest.raises(LexiconError) as info:
        load_lexicon([BUNDLED, *folders])
    assert _found(info.value.problems, tmp_path) == expected


def test_the_cases_cover_every_error_code() -> None:
    covered = {code for _, problems in INVALID.values() for code, _, _ in problems}
    covered |= {C.NO_SUCH_PATH, C.NOT_A_FILE, C.CANNOT_READ}  # test_unreadable_paths
    assert covered | {C.SHARED_TRIGGER, C.SHARED_GROUP_NAME} == set(C.CODES)


def test_every_code_is_emitted_somewhere_and_documented() -> None:
    documented = set(re.findall(r"^\| `?([EW]\d{3})`? \|", DOC.read_text(encoding="utf-8"),
                                re.MULTILINE))
    assert documented == set(C.CODES)
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "eventcoder").rglob("*.py")
                     if p.name != "codes.py")
    names = {name for name, value in vars(C).items() if isinstance(value, str)
             and re.fullmatch(r"[EW]\d{3}", value)}
    assert {n for n in names if f"codes.{n}" not in source} == set()
    assert {vars(C)[n] for n in names} == set(C.CODES)


def test_unreadable_paths(tmp_path: Path) -> None:
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder linking back up the tree
    os.mkfifo(tmp_path / "pipe.yaml")
    _write(tmp_path, {"ok.yaml": GROUP.format(id="g1", name="G")})
    def hung(*_: object) -> None:
        raise TimeoutError("reading a lexicon folder with a FIFO hung")

    signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)  # a FIFO opened for reading waits for a writer forever
    try:
        _, problems = read_lexicon([tmp_path, tmp_path / "missing"])
    finally:
        signal.alarm(0)
    assert _found(problems, tmp_path) == {
        (C.NOT_A_FILE, "folder.yaml", None), (C.CANNOT_READ, "loop.yaml", None),
        (C.CANNOT_READ, "sub/up", None), (C.NOT_A_FILE, "pipe.yaml", None),
        (C.NO_SUCH_PATH, "missing", None)}


def test_the_yaml_line_of_a_syntax_error_is_the_mistake_s(tmp_path: Path) -> None:
    # (issue 17, #9) an unclosed quote is found at the end of the file
    _write(tmp_path, {"a.yaml": 'cues:\n  - kind: "negation\n    phrases: [x]\n\n\n'})
    _, problems = read_lexicon([tmp_path])
    assert [(p.code, p.line) for p in problems] == [(C.YAML_SYNTAX, 2)]


# -- add, replace, remove -------------------------------------------------------------------

def _types(lexicon: eventcoder.lexicon.Lexicon) -> dict[str, list[str]]:
    return {t.id: [x.text for x in t.trigger_specs()] for t in lexicon.event_types}


def test_a_later_folder_replaces_an_entry_of_the_same_key(tmp_path: Path, caplog) -> None:
    _write(tmp_path, {"g.yaml": GROUP.format(id="haqqani_network_insurgency",
                                             name="Haqqani fighters")})
    bundled = load_lexicon()
    with caplog.at_level(logging.DEBUG, logger="eventcoder.lexicon.loader"):
        lexicon = load_lexicon([BUNDLED, tmp_path])
    before = [g.id for g in bundled.groups]
    assert [g.id for g in lexicon.groups] == before  # in place, not added
    assert lexicon.groups[before.index("haqqani_network_insurgency")].name == "Haqqani fighters"
    assert "replaces groups 'haqqani_network_insurgency'" in caplog.text


@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("remove:\n  people: [Vladimir Putin]\n", {"Vladimir Putin"}, {"Hakan Fidan"}),
    ("remove:\n  groups: [{id: haqqani_network_insurgency}]\n", {"haqqani_network_insurgency"},
     {"taliban_government"}),
    (("remove:\n  event_types: [mediation_offer]\n"
      "extend:\n  event_types: [{id: clash, triggers: [skirmish]}]\n"),
     {"mediation_offer"}, {"clash"}),
])
def test_remove_whole_entries(tmp_path: Path, text: str, gone: set[str], kept: set[str]) -> None:
    _write(tmp_path, {"r.yaml": text})
    lexicon, problems = read_lexicon([BUNDLED, tmp_path])
    names = {getattr(e, "id", None) or e.name
             for section in ("event_types", "people", "groups") for e in lexicon.of(section)}
    assert not gone & names and kept <= names
    if "mediation_offer" in text:  # the bundled negotiation still names it: reported there
        assert sorted((p.code, Path(p.path).name, p.entry) for p in problems) == sorted([
            (C.UNKNOWN_EVENT_TYPE, "cues.yaml", "hypothetical_hope"),  # its except_types
            (C.UNKNOWN_EVENT_TYPE, "event_types.yaml", "negotiation")])  # third_party_call
    else:
        assert problems == []


def test_remove_one_term_of_office(tmp_path: Path) -> None:
    bundled = [p for p in load_lexicon().people if p.name == "Recep Tayyip Erdogan"]
    first = min(p.valid_from for p in bundled if p.valid_from)
    _write(tmp_path, {"r.yaml": "remove:\n  people:\n"
                      f"    - {{name: Recep Tayyip Erdogan, valid_from: {first}}}\n"})
    left = [p for p in load_lexicon([BUNDLED, tmp_path]).people if p.name == "Recep Tayyip Erdogan"]
    assert len(left) == len(bundled) - 1 and first not in {p.valid_from for p in left}


def test_move_a_trigger_and_extend_and_remove_lists(tmp_path: Path) -> None:
    _write(tmp_path, {"t.yaml": """\
event_types:
  - id: shelling
    label: Shelling
    structure: one_sided
    triggers: [Shelled, mortar fire, bombarded]
extend:
  event_types:
    - {id: clash, triggers: [skirmished, {text: firefight, weak: true}]}
  groups:
    - {id: haqqani_network_insurgency, aliases: [Haqqanis]}
  cues:
    - {id: negation_before, phrases: [nowhere near]}
remove:
  event_types:
    - {id: airstrike, triggers: [BOMBARDED]}
"""})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the moved trigger is claimed once: no warning
        lexicon = load_lexicon([BUNDLED, tmp_path])
    types = _types(lexicon)
    # (the user's shelling replaces the bundled type of that id)
    assert "bombarded" not in types["airstrike"] and "Shelled" in types["shelling"]
    assert types["clash"][-2:] == ["skirmished", "firefight"]
    assert [t.weak for t in lexicon.event_types[0].trigger_specs()][-1] is True
    haqqani = next(g for g in lexicon.groups if g.id == "haqqani_network_insurgency")
    assert "Haqqanis" in haqqani.aliases
    assert "nowhere near" in next(c for c in lexicon.cues if c.id == "negation_before").phrases
    assert lexicon.warnings == []


def test_a_trigger_two_types_claim_is_a_warning(tmp_path: Path) -> None:
    _write(tmp_path, {"t.yaml": "event_types:\n  - id: shelling\n    label: S\n"
                      "    structure: one_sided\n    triggers: [shelled, Bombed, mortars]\n"})
    with pytest.warns(LexiconWarning, match="airstrike.*: bombed \\(W501"):
        lexicon = load_lexicon([BUNDLED, tmp_path])
    assert [(w.code, Path(w.path).name, w.line) for w in lexicon.warnings] == [
        (C.SHARED_TRIGGER, "t.yaml", 5)]


def test_a_trigger_shared_on_purpose_is_no_warning(tmp_path: Path) -> None:
    # the same type, declaring that it shares "bombed" with the bundled airstrike
    _write(tmp_path, {"t.yaml": "event_types:\n  - id: shelling\n    label: S\n"
                      "    structure: one_sided\n    triggers: [Bombed, mortars]\n"
                      "    shares_triggers_with: [airstrike]\n"})
    assert load_lexicon([BUNDLED, tmp_path]).warnings == []


def test_language_words_are_added_then_removed_in_folder_order(tmp_path: Path) -> None:
    _write(tmp_path / "one", {"w.yaml": "language:\n  places: {stop_names: [time, bath]}\n"})
    _write(tmp_path / "two", {"w.yaml": "remove:\n  language:\n    places:\n"
                              "      stop_names: [time, nice]\n"})
    words = load_lexicon([BUNDLED, tmp_path / "one", tmp_path / "two"]).language.places
    assert "time" not in words.stop_names and "nice" not in words.stop_names
    assert words.stop_names.count("bath") == 1 and "mobile" in words.stop_names
    # the other way round, "time" is removed before it is added: an error
    again, problems = read_lexicon([BUNDLED, tmp_path / "two", tmp_path / "one"])
    assert [(p.code, p.line) for p in problems] == [(C.NO_SUCH_ITEM, 4)]
    assert "time" in again.language.places.stop_names


def test_bundled_lexicon_loads() -> None:
    lexicon = load_lexicon()
    assert {t.id for t in lexicon.event_types} >= {
        "clash", "airstrike", "ceasefire", "negotiation", "mediation_offer", "protest",
        "protest_intervention", "protest_excessive_force", "riot", "mob_violence"}
    assert len(lexicon.countries) >= 193
    assert len(lexicon.digest) == 16
    assert lexicon.warnings == []
    assert all(c.id for c in lexicon.cues)  # each bundled cue can be edited


def test_bundled_lexicon_has_a_language() -> None:
    lexicon = load_lexicon()
    assert {"march", "police", "white house"} <= set(lexicon.language.places.stop_names)
    assert {o.id for o in lexicon.organs if o.stateless} == {"military", "police", "government"}
    assert [o.id for o in lexicon.organs if o.mediator] == ["government"]


def test_an_extra_actor_is_recognised(tmp_path: Path) -> None:
    (tmp_path / "groups.yaml").write_text(
        "groups:\n  - id: eastern_front\n    name: Eastern Liberation Front\n"
        "    aliases: [ELF]\n    actor_type: rebel_group\n    country: SDN\n", encoding="utf-8")
    coder = eventcoder.Coder(extra_lexicons=[tmp_path])
    events = coder.code_texts(["Sudanese troops clashed with the ELF near Kassala."])
    assert set(events[["actor1", "actor2"]].iloc[0]) == {
        "Military Forces of Sudan", "Eastern Liberation Front"}


# -- the worked example of docs/lexicons.md -------------------------------------------------

def _doc_files() -> dict[str, str]:
    """The YAML blocks of the doc's worked example (section 5) that start with a
    `# my_lexicon/...` line."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("\n## 5. "):text.index("\n## 6. ")]
    blocks = re.findall(r"```yaml\n(# (my_lexicon/[\w./-]+)\n.*?)```", section, re.DOTALL)
    return {name: text for text, name in blocks}


WORKED = [  # (sentence of the doc, event type or None, location)
    (("Sudanese army artillery shelled RSF positions in El Fasher on Monday, killing three "
      "civilians."), "shelling", "El Fasher"),
    ("Pakistani troops conducted operations against militants in North Waziristan on Monday.",
     None, None),
    ("Sudanese troops clashed with RSF fighters in time to stop an advance on Kassala.",
     "clash", "Kassala"),
    ("Mortar fire by RSF fighters hit a market in Omdurman on Friday.", "shelling", "Omdurman"),
]


def test_the_worked_example_of_the_doc_runs(tmp_path: Path) -> None:
    files = _doc_files()
    assert sorted(files) == ["my_lexicon/shelling.yaml", "my_lexicon/words.yaml"]
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    doc = DOC.read_text(encoding="utf-8")
    assert all(sentence in doc for sentence, _, _ in WORKED)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        coder = eventcoder.Coder(extra_lexicons=[tmp_path / "my_lexicon"])
    events = coder.code_texts([s for s, _, _ in WORKED], published="2026-02-27",
                              ids=[str(i) for i in range(len(WORKED))])
    got = {int(str(r.doc_id)): (r.event_type, r.location) for r in events.itertuples()}
    assert got == {i: (t, loc) for i, (_, t, loc) in enumerate(WORKED) if t}


# -- properties -----------------------------------------------------------------------------

PHRASES = st.lists(st.from_regex(r"[a-z]{2,8}( [a-z]{2,8})?", fullmatch=True), min_size=1,
                   max_size=8, unique_by=lambda p: p.strip())


@scaled(40)
@given(PHRASES, st.data())
def test_removing_triggers_leaves_the_rest_in_order_and_extend_then_remove_restores(
        triggers: list[str], data: st.DataObject) -> None:
    gone = data.draw(st.lists(st.sampled_from(triggers), unique=True, max_size=len(triggers) - 1))
    added = data.draw(st.lists(st.sampled_from(["zz one", "zz two", "zz three"]), unique=True))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root / "a", {"t.yaml": "event_types:\n  - id: t\n    label: T\n"
                            f"    structure: dyadic\n    triggers: {json.dumps(triggers)}\n"})
        upper = json.dumps([g.upper() for g in gone])
        _write(root / "b", {"e.yaml": "remove:\n  event_types:\n"
                            f"    - {{id: t, triggers: {upper}}}\n"})
        _write(root / "c", {"e.yaml": "extend:\n  event_types:\n"
                            f"    - {{id: t, triggers: {json.dumps(added)}}}\n"})
        _write(root / "d", {"e.yaml": "remove:\n  event_types:\n"
                            f"    - {{id: t, triggers: {json.dumps(added)}}}\n"})
        cut = load_lexicon([root / "a", root / "b"])
        assert _types(cut)["t"] == [t for t in triggers if t not in gone]
        if added:
            back = load_lexicon([root / "a", root / "c", root / "d"])
            assert _types(back)["t"] == triggers


def test_a_folder_extends_before_it_removes_whatever_the_file_order(tmp_path: Path) -> None:
    _write(tmp_path, {"a.yaml": "remove:\n  event_types: [{id: clash, triggers: [skirmished]}]\n",
                      "b.yaml": "extend:\n  event_types: [{id: clash, triggers: [skirmished]}]\n"})
    lexicon, problems = read_lexicon([BUNDLED, tmp_path])
    assert problems == [] and "skirmished" not in _types(lexicon)["clash"]


def test_month_forms_are_added_month_by_month(tmp_path: Path) -> None:
    months = ", ".join(f"[m{i}orth]" for i in range(1, 13))
    (tmp_path / "months.yaml").write_text(
        f"language:\n  dates:\n    months: [{months}]\n", encoding="utf-8")
    dates = load_lexicon([BUNDLED, tmp_path]).language.dates
    assert len(dates.months) == 12
    assert dates.month_number("m2orth") == 2 and dates.month_number("february") == 2


# --- a cue about a few types names them (only_types) ------------------------------------

def test_only_types_is_every_other_type_exempt() -> None:
    lexicon = load_lexicon()
    ids = [t.id for t in lexicon.event_types]
    cue = next(c for c in lexicon.cues if c.id == "generic_strike_by_aircraft")
    assert cue.only_types == ["protest"]
    assert set(cue.exempt(ids)) == set(ids) - {"protest"}
    plain = next(c for c in lexicon.cues if c.except_types)
    assert cue.exempt(ids) != () and plain.exempt(ids) == tuple(plain.except_types)


def test_a_new_type_is_not_read_by_a_cue_about_others(tmp_path: Path) -> None:
    """A user's new type is exempt from the protest cue (only_types), so "jets" before its
    trigger keeps it."""
    _write(tmp_path, {"t.yaml": """\
event_types:
  - {id: sortie, label: Sortie, description: an air patrol, structure: one_sided,
     triggers: [began a sortie]}
"""})
    coder = eventcoder.Coder(lexicons=[BUNDLED, tmp_path])
    rows = coder.code_texts(["Indian jets began a sortie over Leh on Monday."],
                            published="2026-03-06")
    assert list(rows["event_type"]) == ["sortie"]


@pytest.mark.parametrize("fields, message", [
    ("only_types: [protest]\n    except_types: [riot]", "not both"),
    ("only_types: [protset]", "only_types: unknown event type 'protset'"),
])
def test_only_types_is_checked(tmp_path: Path, fields: str, message: str) -> None:
    _write(tmp_path, {"c.yaml": f"""\
cues:
  - id: my_cue
    kind: generic
    phrases: [warplanes]
    {fields}
"""})
    _, problems = read_lexicon([BUNDLED, tmp_path])
    assert any(message in p.message for p in problems), problems


@pytest.mark.parametrize("model", [EventType, GenericActor], ids=lambda m: m.__name__)
def test_every_field_of_a_type_and_a_generic_actor_is_documented(model: type) -> None:
    """docs/lexicons.md's field tables are what a user reads to write a lexicon: a field
    added to the model without its row there is a field nobody can find."""
    first_cells = re.findall(r"^\| (`[^|]+)\|", DOC.read_text(encoding="utf-8"), re.M)
    rows = {name for cell in first_cells for name in re.findall(r"`([a-z_0-9]+)`", cell)}
    assert set(model.model_fields) - rows == set()
