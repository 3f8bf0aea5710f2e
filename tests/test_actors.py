"""ACLED's actor names: the named groups in the spellings news uses, picked by date and by the
event's country; parties that fight as their militias; unnamed actors in their country, or
as the group ACLED names them by there; communal militias on both sides; state forces with
the years of their government. Sentences are our own."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventcoder
from eventcoder import LexiconError
from eventcoder.actors import ActorBook
from eventcoder.lexicon import BUNDLED, load_lexicon
from eventcoder.lexicon import codes
from eventcoder.lexicon.loader import LexiconWarning
from eventcoder.lexicon.model import Group
from tests.conftest import scaled, shared_coder

TTP = "TTP: Tehreek-i-Taliban Pakistan"
MAOISTS = "CPI (Maoist): Communist Party of India (Maoist)"
NSCN_IM = "NSCN-IM: National Socialist Council of Nagaland-Isak-Muivah"
ELN = "ELN: National Liberation Army"
TNLA = "TNLA: Ta'ang National Liberation Army"


def _sides(coder: eventcoder.Coder, text: str, published: str = "2016-03-07"
           ) -> list[tuple[Any, Any, Any, Any]]:
    events = coder.code_texts([text], published=published)
    return [(r.actor1, r.actor2, r.inter1, r.inter2) for r in events.itertuples()]


def _names(coder: eventcoder.Coder, text: str, published: str = "2016-03-07") -> set[str]:
    return {n for a1, a2, _, _ in _sides(coder, text, published) for n in (a1, a2)
            if isinstance(n, str)}


# One group, written as news writes it: transliterations, hyphens or blanks, curly or
# straight apostrophes, accents or none, and its abbreviation.
VARIANTS = [
    ("Pakistani troops clashed with Tehrik-i-Taliban fighters near Bannu on Sunday.", TTP),
    ("Pakistani troops clashed with Tehreek-e-Taliban Pakistan fighters near Bannu on Sunday.",
     TTP),
    ("Pakistani troops clashed with Tehreek e Taliban fighters near Bannu on Sunday.", TTP),
    ("Pakistani troops clashed with the TTP near Bannu on Sunday.", TTP),
    ("Somali soldiers fought al-Shabaab militants near Baidoa on Sunday.", "Al Shabaab"),
    ("Somali soldiers fought Al Shabab militants near Baidoa on Sunday.", "Al Shabaab"),
    ("Somali soldiers fought al\u2011Shabaab fighters near Baidoa on Sunday.", "Al Shabaab"),
    ("Indian police clashed with Maoists in Dantewada on Sunday.", MAOISTS),
    ("Indian police clashed with Naxalites in Dantewada on Sunday.", MAOISTS),
    ("Indian soldiers clashed with NSCN (IM) cadres near Kohima on Sunday.", NSCN_IM),
    ("Indian soldiers clashed with NSCN-IM cadres near Kohima on Sunday.", NSCN_IM),
    ("Colombian soldiers and Ejército de Liberación Nacional guerrillas clashed in Arauca "
     "on Sunday.", ELN),
    ("Colombian soldiers and Ejercito de Liberacion Nacional guerrillas clashed in Arauca "
     "on Sunday.", ELN),
    ("Myanmar soldiers clashed with Ta\u2019ang National Liberation Army fighters near Muse "
     "on Sunday.", TNLA),
    ("Myanmar soldiers clashed with Taang National Liberation Army fighters near Muse on "
     "Sunday.", TNLA),
]


@pytest.mark.parametrize("text,name", VARIANTS, ids=lambda v: v[:60] if isinstance(v, str)
                         else None)
def test_each_spelling_names_the_group_as_acled_does(coder, text: str, name: str) -> None:
    assert name in _names(coder, text)


# The right group for the day and the place, and none where the name means none.
PICKED = [
    # a defunct group after its end date names nobody; before it, the group
    ("Indian soldiers clashed with NDFB cadres in Kokrajhar on Sunday.", "2016-03-07",
     "NDFB-S: National Democratic Front of Bodoland-Songbijit", True),
    ("Indian soldiers clashed with NDFB cadres in Kokrajhar on Sunday.", "2022-03-07",
     "NDFB-S: National Democratic Front of Bodoland-Songbijit", False),
    ("Afghan troops clashed with Hezb-e-Islami fighters in Kunar on Sunday.", "2015-03-07",
     "HIG: Hezb-e-Islami Gulbuddin", True),
    ("Afghan troops clashed with Hezb-e-Islami fighters in Kunar on Sunday.", "2018-03-07",
     "HIG: Hezb-e-Islami Gulbuddin", False),
    # a group's abbreviation inside a place's name is not the group
    ("Indian soldiers clashed with gunmen near Ulfatpur on Sunday.", "2016-03-07",
     "Unidentified Armed Group (India)", True),
    # one name, two countries' groups: the event's place picks
    # (gunfire or gunmen: an armed clash, the party's members its militia; a clash with no
    # arms told is a riot, the party associated)
    ("Jamaat-e-Islami activists exchanged gunfire with police in Dhaka on Sunday.",
     "2016-03-07", "JeI: Jamaat-e-Islami Militia", True),
    ("Jamaat-e-Islami activists exchanged gunfire with police in Lahore on Sunday.",
     "2016-03-07", "JI: Jamaat-e-Islami (Pakistan) Militia", True),
    ("Jamaat-e-Islami gunmen clashed with police in Dhaka on Sunday.", "2016-03-07",
     "JeI: Jamaat-e-Islami Militia", True),
    ("Jamaat-e-Islami gunmen clashed with police in Lahore on Sunday.", "2016-03-07",
     "JI: Jamaat-e-Islami (Pakistan) Militia", True),
    ("Afghan troops clashed with Islamic State fighters in Nangarhar on Sunday.", "2016-03-07",
     "Islamic State (Afghanistan)", True),
    ("Iraqi troops clashed with Islamic State fighters in Mosul on Sunday.", "2016-03-07",
     "Islamic State (Iraq)", True),
]


@pytest.mark.parametrize("text,published,name,named", PICKED,
                         ids=[f"{t[:40]}-{p}" for t, p, _, _ in PICKED])
def test_the_group_of_the_day_and_the_place(coder, text: str, published: str, name: str,
                                             named: bool) -> None:
    assert (name in _names(coder, text, published)) is named


# ACLED's names for who fights: a party's members are its militia (inter 3) in a fight,
# the party in talks; unnamed insurgents of Thailand's south are its separatists, those of
# Myanmar an unidentified armed group; two groups of villagers are one communal militia on
# both sides (inter 4), villagers against the police are civilians.
NAMED = [
    ("Awami League activists clashed with BNP supporters in Feni on Sunday.",
     ("Rioters (Bangladesh)", "Rioters (Bangladesh)", 5, 5)),  # a riot: the parties are associated
    # a party's members clashing with the police riot (no arms told): the party associated
    ("Police clashed with Bajrang Dal activists in Mangaluru on Sunday.",
     ("Rioters (India)", "Police Forces of India", 5, 1)),
    ("Police exchanged gunfire with Bajrang Dal activists in Mangaluru on Sunday.",
     ("Police Forces of India", "Bajrang Dal Militia", 1, 3)),
    ("Police clashed with Bajrang Dal gunmen in Mangaluru on Sunday.",  # armed: its militia
     ("Police Forces of India", "Bajrang Dal Militia", 1, 3)),
    ("BNP and Awami League leaders held talks in Dhaka on Sunday.",
     ("BNP: Bangladesh Nationalist Party", "AL: Bangladesh Awami League", 3, 3)),
    ("Thai soldiers clashed with insurgents in Narathiwat on Sunday.",
     ("Military Forces of Thailand", "Southern Muslim Separatists (Thailand)", 1, 2)),
    ("Myanmar soldiers clashed with insurgents in Shan State on Sunday.",
     ("Military Forces of Myanmar", "Unidentified Armed Group (Myanmar)", 1, 3)),
    ("Two groups of villagers clashed in Sylhet on Friday, leaving one man dead.",
     ("Sylhet Communal Militia (Bangladesh)", "Sylhet Communal Militia (Bangladesh)", 4, 4)),
    ("Villagers clashed with police in Sylhet on Friday.",
     ("Rioters (Bangladesh)", "Police Forces of Bangladesh", 5, 1)),
    # two factions of a named group are the group on both sides; of an unnamed one, an
    # armed group on both; two groups against the police are not both sides
    ("Two factions of the Chhatra League clashed in Sylhet on Sunday, leaving 10 injured.",
     ("Rioters (Bangladesh)", "Rioters (Bangladesh)", 5, 5)),
    ("Two groups of Awami League activists clashed in Feni on Sunday, leaving one dead.",
     ("Bangladesh Awami League Militia", "Bangladesh Awami League Militia", 3, 3)),
    ("Rival factions of the ruling party clashed in Sylhet on Friday, leaving one man dead.",
     ("Rioters (Bangladesh)", "Rioters (Bangladesh)", 5, 5)),
    ("Two groups clashed with police in Sylhet on Friday.",
     ("Rioters (Bangladesh)", "Police Forces of Bangladesh", 5, 1)),
    ("Pakistani troops clashed with gunmen on Sunday.",
     ("Military Forces of Pakistan", "Unidentified Armed Group (Pakistan)", 1, 3)),
]


@pytest.mark.parametrize("text,sides", NAMED, ids=[t[:50] for t, _ in NAMED])
def test_acled_names_and_inter_codes_of_the_sides(coder, text: str,
                                                  sides: tuple[str, str, int, int]) -> None:
    assert _sides(coder, text) == [sides]


@pytest.fixture(scope="module")
def dated_coder() -> eventcoder.Coder:
    return eventcoder.Coder()  # the lexicon's default: regime years on


# State forces carry the years of the government in power on the event's day; a state
# the lexicon has no government for, and any other actor, keep their names.
REGIMES = [
    ("Pakistani troops clashed with the TTP near Bannu on Sunday.", "2016-03-07",
     {"Military Forces of Pakistan (2013-2018)", TTP}),
    ("Pakistani troops clashed with the TTP near Bannu on Sunday.", "2020-03-07",
     {"Military Forces of Pakistan (2018-2022)", TTP}),
    ("Indian police clashed with Maoists in Dantewada on Sunday.", "2016-03-07",
     {"Police Forces of India (2014-)", MAOISTS}),
    ("Indian police clashed with Maoists in Dantewada on Sunday.", "2012-03-07",
     {"Police Forces of India (2004-2014)", MAOISTS}),
    ("Libyan troops clashed with gunmen near Sirte on Sunday.", "2016-03-07",
     {"Military Forces of Libya", "Unidentified Armed Group (Libya)"}),
]


@pytest.mark.parametrize("text,published,names", REGIMES,
                         ids=[f"{t[:30]}-{p}" for t, p, _ in REGIMES])
def test_state_forces_carry_their_regimes_years(dated_coder, text: str, published: str,
                                                names: set[str]) -> None:
    assert _names(dated_coder, text, published) == names


# -- properties of the names -------------------------------------------------------------

_GROUPS = [g for g in shared_coder().lexicon.groups if g.aliases]
_DASHES = ["\u2010", "\u2011", "\u2013", " "]


@st.composite
def _respelt(draw: st.DrawFn) -> tuple[Group, str, str]:
    """A group, one of its forms, and the form as news may print it: typographic
    apostrophes and dashes, or blanks for hyphens, and accents on its vowels."""
    group = draw(st.sampled_from(_GROUPS))
    form = draw(st.sampled_from(group.forms()))
    dash = draw(st.sampled_from(_DASHES))
    accents = draw(st.booleans())
    printed = form.replace("'", "\u2019").replace("-", dash)
    if accents:
        printed = printed.translate(str.maketrans("aeiou", "áéíóú"))
    return group, form, printed


@scaled(200)
@given(_respelt())
def test_a_respelt_name_is_the_same_group(case: tuple[Group, str, str]) -> None:
    group, form, printed = case
    coder = shared_coder()
    book: ActorBook = coder.book
    day = group.valid_from or group.valid_to or dt.date(2016, 3, 7)
    fold = coder.folder.fold
    plain = book.group(fold(form), day, country=group.country)
    again = book.group(fold(printed), day, country=group.country)
    assert plain is not None and again is not None
    assert (again.key, again.name) == (plain.key, plain.name)


def test_every_group_is_found_by_each_of_its_forms() -> None:
    """No form of a group is lost to another group or to a state (each country's
    names are checked by the loader, E311): looked up on a day it is valid, in its country,
    every form gives the group itself."""
    coder = shared_coder()
    lost = []
    for g in coder.lexicon.groups:
        day = g.valid_from or g.valid_to or dt.date(2016, 3, 7)
        for form in g.forms():
            actor = coder.book.group(coder.folder.fold(form), day, country=g.country)
            expected = g.state or f"group:{g.id}"
            if actor is None or actor.key != expected:
                lost.append((g.id, form, actor.key if actor else None))
    assert lost == []


# -- the lexicon's checks of actor data ---------------------------------------------------

def test_two_groups_of_one_country_sharing_a_name_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text(
        "groups:\n"
        "  - {id: g_one, name: Red Hand Front, aliases: [Red Hand], actor_type: rebel_group,"
        " country: PAK}\n"
        "  - {id: g_two, name: Red Hand Brigade, aliases: [Red Hand], actor_type: rebel_group,"
        " country: PAK}\n"
        # another country's group may share it: the event's country picks one
        "  - {id: g_three, name: Red Hand Army, aliases: [Red Hand], actor_type: rebel_group,"
        " country: NPL}\n"
        # nor do two of one country whose dates do not meet
        "  - {id: g_four, name: Blue Hand Front, aliases: [Blue Hand], actor_type: rebel_group,"
        " country: PAK, valid_to: 2010-01-01}\n"
        "  - {id: g_five, name: Blue Hand Army, aliases: [Blue Hand], actor_type: rebel_group,"
        " country: PAK, valid_from: 2011-01-01}\n", encoding="utf-8")
    with pytest.warns(LexiconWarning, match="'red hand' is also a name of 'g_one'"):
        lexicon = load_lexicon([BUNDLED, tmp_path])
    assert [(w.code, Path(w.path).name, w.line) for w in lexicon.warnings] == [
        (codes.SHARED_GROUP_NAME, "g.yaml", 3)]


def test_the_bundled_actor_data_loads_without_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_lexicon().warnings == []


def test_a_generic_actors_label_names_only_country_and_place(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "generic_actors:\n  - id: raiders\n    label: \"{town} Raiders ({country})\"\n"
        "    actor_type: identity_militia\n    words: [raiders]\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon([BUNDLED, tmp_path])
    assert [(p.code, p.line) for p in info.value.problems] == [(codes.BAD_VALUE, 3)]
