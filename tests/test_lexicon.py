"""Lexicon loading: every problem in every file reported at once, with file, line, entry."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventcoder
from eventcoder import LexiconError
from eventcoder.lexicon import BUNDLED, load_lexicon

BROKEN_TYPES = """\
event_types:
  - id: protest
    label: Protest
    structure: dyadic
    triggers: [protest, protests]
  - id: Bad Id
    label: Bad
    structure: sideways
    triggers: []
  - id: riot
    label: Riot
    structure: one_sided
    triggers: [riot]
    subsumes: [{type: nothing}]
"""

BROKEN_ACTORS = """\
groups:
  - id: new_front
    name: New Front
    actor_type: rebel_army
    country: XX
people:
  - name: Jane Doe
    country: ZZZ
    colour: blue
"""


def _messages(exc: LexiconError) -> list[str]:
    return [str(p) for p in exc.problems]


def test_bundled_lexicon_loads() -> None:
    lexicon = load_lexicon()
    assert {t.id for t in lexicon.event_types} == {
        "clash", "airstrike", "ceasefire", "negotiation", "mediation_offer"}
    assert len(lexicon.countries) >= 193
    assert len(lexicon.digest) == 16


def test_all_problems_reported_with_file_line_entry(tmp_path: Path) -> None:
    (tmp_path / "types.yaml").write_text(BROKEN_TYPES, encoding="utf-8")
    (tmp_path / "actors.yaml").write_text(BROKEN_ACTORS, encoding="utf-8")
    (tmp_path / "syntax.yaml").write_text("cues:\n  - kind: negation\n   phrases: [x\n",
                                          encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([BUNDLED, tmp_path])
    messages = _messages(info.value)
    joined = "\n".join(messages)
    assert "types.yaml:6 [Bad Id]: id:" in joined          # bad id pattern, on its line
    assert "types.yaml:8 [Bad Id]: structure:" in joined   # bad enum value, on its line
    assert "types.yaml:9 [Bad Id]: triggers:" in joined    # empty trigger list
    assert "unknown event type 'nothing'" in joined        # cross-reference
    assert "actors.yaml:4 [new_front]: actor_type:" in joined
    assert "actors.yaml:5 [new_front]: country:" in joined
    assert "actors.yaml:9 [Jane Doe]: colour:" in joined   # unknown key
    assert "syntax.yaml:3" in joined and "YAML syntax" in joined
    assert len(messages) >= 8


def test_unknown_section_and_country_reference(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("actors:\n  - name: X\n", encoding="utf-8")
    (tmp_path / "y.yaml").write_text(
        "people:\n  - name: Jane Roe\n    country: ABC\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([BUNDLED, tmp_path])
    joined = "\n".join(_messages(info.value))
    assert "x.yaml:1: unknown section 'actors'" in joined
    assert "y.yaml:2 [Jane Roe]: country: unknown country 'ABC'" in joined


def test_duplicate_country_names_are_refused(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "countries:\n  - iso3: XYZ\n    iso2: XY\n    name: Freedonia\n"
        "    aliases: [Turkey]\n    adjectives: [Freedonian]\n    capitals: [Fredville]\n",
        encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([BUNDLED, tmp_path])
    assert "'turkey' is also used by TUR" in str(info.value)


def test_a_new_event_type_needs_no_code(tmp_path: Path) -> None:
    (tmp_path / "protest.yaml").write_text(
        "event_types:\n  - id: protest\n    label: Protest\n    structure: one_sided\n"
        "    triggers: [protested, staged a protest]\n", encoding="utf-8")
    coder = eventcoder.Coder(extra_lexicons=[tmp_path])
    events = coder.code_texts(["Afghan traders protested in Kabul on Monday."],
                              published="2026-03-06")
    assert events["event_type"].tolist() == ["protest"]
    assert events.iloc[0]["location"] == "Kabul"
    assert coder.metadata["lexicon_hash"] != eventcoder.Coder().metadata["lexicon_hash"]


def test_an_extra_actor_is_recognised(tmp_path: Path) -> None:
    (tmp_path / "groups.yaml").write_text(
        "groups:\n  - id: eastern_front\n    name: Eastern Liberation Front\n"
        "    aliases: [ELF]\n    actor_type: rebel_group\n    country: SDN\n", encoding="utf-8")
    coder = eventcoder.Coder(extra_lexicons=[tmp_path])
    events = coder.code_texts(["Sudanese troops clashed with the ELF near Kassala."])
    assert set(events[["actor1", "actor2"]].iloc[0]) == {
        "Military Forces of Sudan", "Eastern Liberation Front"}


def test_language_sections_are_validated_where_written(tmp_path: Path) -> None:
    (tmp_path / "language.yaml").write_text(
        "language:\n  rules: {}\n  grammar: {}\n  dates: [not, a, mapping]\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([BUNDLED, tmp_path])
    messages = sorted((p.line, p.message.split(" (")[0]) for p in info.value.problems)
    assert messages == [(3, "unknown language sub-section 'grammar'"),
                        (4, "language.dates must be a mapping")]


def test_bundled_lexicon_has_a_language() -> None:
    lexicon = load_lexicon()
    assert lexicon.language is not None
    assert {o.id for o in lexicon.organs if o.stateless} == {"military", "police", "government"}
    assert [o.id for o in lexicon.organs if o.mediator] == ["government"]
