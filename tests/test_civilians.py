"""Violence against civilians (issue 13): who the victims are and when an attack on them is
an event of its own. Sentences written here, several per rule, with hard negatives.

- a party's members attacked are civilians, the party their associated actor
  (resolve/victims.py); a party's members fighting are its militia in a clash;
- the people news names by what they do ("a shopkeeper", "farmers") are civilians, a side
  of the attack (types/victims.yaml);
- an attack that a protest in the same sentence is held over is the protest's cause
  (`cause_of` in types/civilians.yaml, rules/yields.py).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.context import Pending
from eventcoder.lexicon import load_lexicon
from eventcoder.model.records import EventRecord
from eventcoder.rules.yields import Telling, told_alone
from tests.conftest import assert_rows

PUBLISHED = "2026-03-06"

# (document, [expected events]): each expected event lists the columns it pins down.
CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- a party's members are civilians -----------------------------------------------
    ("A local Awami League leader was hacked to death by unknown assailants in Feni on "
     "Sunday.",
     [dict(event_type="civilian_attack", actor2="Civilians (Bangladesh)",
           assoc_actor_2="AL: Bangladesh Awami League", civilian_targeting=True)]),
    ("Suspected RSS workers stabbed a CPI(M) worker to death in Kannur on Friday.",
     [dict(event_type="civilian_attack", actor2="Civilians (India)",
           assoc_actor_2="CPI(M): Communist Party of India (Marxist)")]),
    ("Gunmen shot dead an MQM worker in Karachi on Tuesday.",
     [dict(event_type="civilian_attack", actor1="Unidentified Armed Group (Pakistan)",
           actor2="Civilians (Pakistan)")]),
    # hard negatives: members of two parties fighting, armed groups and police as victims
    # (two parties' members with no arms told: a riot, the parties associated)
    ("Awami League activists clashed with BNP activists in Feni on Sunday.",
     [dict(event_type="riot", actor1="Rioters (Bangladesh)")]),
    ("Police shot dead two militants in Kupwara on Monday.", [dict(event_type="clash")]),
    ("Two policemen were shot dead by militants in Peshawar on Monday.",
     [dict(event_type="clash", actor2="Police Forces of Pakistan")]),
    # one police officer is the police; an informer, a former fighter are civilians
    ("Militants shot dead a policeman in Peshawar on Sunday.",
     [dict(event_type="clash", actor2="Police Forces of Pakistan")]),
    ("Maoists shot dead a police informer in Sukma on Monday.",
     [dict(event_type="civilian_attack", actor2="Civilians (India)")]),
    ("Unknown gunmen shot dead a former militant in Sopore on Sunday.",
     [dict(event_type="civilian_attack", actor2="Civilians (India)")]),
    # --- people named by what they do ------------------------------------------------------
    ("Unknown assailants attacked a couple in Bhopal on Sunday.",
     [dict(event_type="civilian_attack", actor2="Civilians (India)")]),
    ("Armed men beat up a journalist in Peshawar on Monday.",
     [dict(event_type="civilian_attack", actor1="Unidentified Armed Group (Pakistan)",
           actor2="Civilians (Pakistan)")]),
    ("Gunmen attacked farmers near Mellit on Tuesday.",
     [dict(event_type="civilian_attack", actor2="Civilians (Sudan)")]),
    ("Unknown attackers stabbed a shopkeeper in Sylhet on Monday.",
     [dict(event_type="civilian_attack", actor2="Civilians (Bangladesh)")]),
    # hard negatives: negated, not violence, a crowd of them protesting
    ("The army said the militants had not attacked any villagers.", []),
    ("Soldiers evacuated villagers from the flooded district of Sindhuli.", []),
    ("Farmers protested in Lahore on Monday demanding water.",
     [dict(event_type="protest", actor1="Protesters (Pakistan)")]),
    # --- bare verbs next to their doer, and a passive's agent ------------------------------
    ("Gunmen shot a shopkeeper in Sylhet on Tuesday.",
     [dict(event_type="civilian_attack", actor2="Civilians (Bangladesh)")]),
    ("Gunmen kill a farmer near Nyala.",
     [dict(event_type="civilian_attack", actor2="Civilians (Sudan)")]),
    ("A Jubo Dal organiser was stabbed to death by unknown assailants in Pabna on Monday.",
     [dict(event_type="civilian_attack", actor1="Unidentified Armed Group (Bangladesh)",
           actor2="Civilians (Bangladesh)")]),
    ("Five militants were gunned down by security forces in Kupwara on Monday.",
     [dict(event_type="clash")]),
    # hard negatives: a shot fired, a threat, a game
    ("A shot was fired in the air during the celebrations in Lahore.", []),
    ("The militants threatened to kill anyone who voted in Kandahar.", []),
    ("The team beat its rivals in Lahore on Sunday.", []),
    ("The Kenyan national team beat Ghana 3-1 in a friendly in Nairobi on Friday, two "
     "officials told reporters.", []),
    # --- a doer, the verb and its object: the victims, named as actors or not --------------
    ("Maoists killed a postmaster in Malkangiri on Monday.",
     [dict(event_type="civilian_attack", civilian_targeting=True)]),
    ("Gunmen killed the wife of a former minister at her house in Tarana.",
     [dict(event_type="civilian_attack", actor2="Civilians (India)")]),
    ("Unknown assailants attacked a man in Lucknow on Monday.",
     [dict(event_type="civilian_attack", actor2="Civilians (India)")]),
    # hard negatives: a post of armed forces, a place, no object
    # (an attack on a checkpost is one on the forces who man it: a clash, not civilians)
    ("Militants attacked a security checkpost in Chaghi on Monday.",
     [dict(event_type="clash")]),
    ("Houthis attacked the city of Jeddah on Monday.", []),
    ("The Houthi attack on Jeddah was condemned.", []),
    # --- a body found with marks of violence ----------------------------------------------
    ("The body of a trader bearing torture marks was found near Quetta on Tuesday.",
     [dict(event_type="civilian_attack", actor2="Civilians (Pakistan)")]),
    ("Police said a missing teacher was found murdered in Sylhet on Sunday.",
     [dict(event_type="civilian_attack")]),
    # hard negatives: a body found with no sign of violence, a generic statement
    ("The body of a fisherman was found on the beach near Karachi on Monday.", []),
    ("Bodies found with marks of violence are sent to the district hospital.", []),
    # --- a death told by the words of the attack: one dead when no toll is given ---------
    ("A local party leader was chopped to death by attackers in Feni on Monday.",
     [dict(event_type="civilian_attack", fatalities=1)]),
    ("Gunmen shot dead three traders in Kano on Monday.",
     [dict(event_type="civilian_attack", fatalities=3)]),
    ("A shopkeeper was stabbed in Sylhet on Monday.",
     [dict(event_type="civilian_attack", fatalities=0)]),
    # --- harm to people, not only to property --------------------------------------------
    ("Five passengers suffered burn injuries when assailants hurled petrol bombs at a bus in "
     "Gazipur on Monday.", [dict(event_type="civilian_attack")]),
    ("A shopkeeper was injured when attackers threw a petrol bomb into his shop in Sylhet on "
     "Sunday.", [dict(event_type="civilian_attack")]),
    # hard negatives: no one hurt (no attack on civilians: ACLED's riot, property an
    # unnamed doer destroyed, rules/crowd_property.py)
    ("Attackers threw a petrol bomb onto a train near Mymensingh on Monday night.",
     [dict(event_type="riot")]),
    ("Unidentified assailants set ablaze an empty bus in Bogra early on Friday.",
     [dict(event_type="riot")]),
    # --- the cause of a protest --------------------------------------------------------
    ("Residents blocked the highway in Multan on Monday against the killing of a shopkeeper.",
     [dict(event_type="protest")]),
    ("Relatives of a murdered farmer protested outside the police station in Jessore.",
     [dict(event_type="protest")]),
    ("Hundreds of students protested in Quetta on Tuesday against the abduction of a "
     "teacher.", [dict(event_type="protest")]),
    # the attack told in a sentence of its own is an event
    ("A shopkeeper was shot dead in Multan on Monday. Traders protested the next day.",
     [dict(event_type="civilian_attack"), dict(event_type="protest")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_violence_against_civilians(coder, text: str, expected: list[dict[str, Any]]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["rule"]) for r in rows]
    assert_rows(rows, expected, summary=summary)


# -- rules.yields: an attack told by harm to property needs harm to people ------------------

TELLING = Telling(2, frozenset({"set ablaze", "petrol bomb"}), frozenset({"injured", "died"}))
TYPES = {t.id: t for t in load_lexicon().event_types}


def _attack(trigger: str, sentence: str, kind: str = "civilian_attack") -> Pending:
    record = EventRecord(doc_id="d", sentence_index=0, sentence_start=0, sentence_end=1,
                         sentence=sentence, trigger=trigger, trigger_start=0, trigger_end=1,
                         event_type=kind, acled_event_type=None, acled_sub_event_type=None,
                         status="occurred", rules=[])
    return Pending(record, TYPES[kind].structure, TYPES[kind].default_organ, False)


@given(st.sampled_from(["set ablaze", "Set  Ablaze", "petrol bomb", "stabbed"]),
       st.lists(st.sampled_from(["a", "bus", "was", "injured", "died", "driver", "night"]),
                max_size=8),
       st.sampled_from(["civilian_attack", "riot"]))
def test_an_attack_on_property_alone_is_no_attack_on_civilians(trigger: str, words: list[str],
                                                               kind: str) -> None:
    item = _attack(trigger, " ".join([trigger, *words]), kind)
    harmless = " ".join(trigger.lower().split()) in TELLING.harmless
    kept = told_alone([item], TYPES, TELLING) == [item]
    assert kept == (kind != "civilian_attack" or not harmless or
                    bool({"injured", "died"} & set(words)))
