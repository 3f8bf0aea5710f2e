"""Violence against civilians told as episodes and causes (issue 13). Sentences written
here, several per rule, with hard negatives.

- a report that opens with a battle, a riot or a protest and tells, in a later sentence
  naming no place of its own, people stabbed, shot or beaten, tells an episode of the
  event it opened with: ACLED codes the one row of that event (rules/yields.py,
  `_episode`). A later sentence with its own place, an attack told first, or a bombing
  told first leaves the attack an event of its own.
- an attack on civilians told in a sentence with a demonstration's words is its cause or
  its episode, even when the demonstration made no event of its own ("a rally condemned
  the abduction of ..."); not a shutdown's words, nor a procession's (a wedding's)
  (rules/yields.py, `_with_protest`, `strike_words` of types/victims.yaml);
- a beating told by the bare verb, its doer before it and its victims after it ("police
  beat a reporter"), never a match won, a police beat or drums (types/civilians_beatings.yaml);
- torture told by the noun, in custody or beside its doer ("injured in torture by border
  guards", "injuries in police custody"), never torture talked of, nor custody alone
  (types/civilians_custody.yaml);
- a group or persons the report cannot name are ACLED's unidentified armed group when they
  do the harm ("an unknown group killed a herder"), never a crowd named after the words
  (types/assailants.yaml).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import assert_rows

PUBLISHED = "2026-03-06"
ATTACK = "civilian_attack"

# (document, [expected events]): each expected event lists the columns it pins down.
CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- a later, unplaced attack is an episode of the battle or riot told first ----------
    ("Supporters of two rival parties clashed with sticks in Bogra on Monday. A "
     "schoolteacher was stabbed during the melee.", [dict(event_type="riot")]),
    ("Villagers of Kalia and Rampur fought a pitched battle over a pond in Narail on "
     "Sunday. An elderly farmer was hacked to death.", [dict(event_type="riot")]),
    ("Striking transport workers rioted in Sylhet on Tuesday, torching three buses. Two "
     "passengers were beaten up.", [dict(event_type="riot")]),
    ("Troops and rebels fought for hours near Kidal on Friday. A herder was shot dead.",
     [dict(event_type="clash")]),
    # hard negatives: the later attack has a place of its own; the attack is told first;
    # a bombing told first is an event of its own kind
    ("Supporters of two rival parties clashed with sticks in Bogra on Monday. A "
     "schoolteacher was stabbed in Rajshahi on Tuesday.",
     [dict(event_type="riot"), dict(event_type=ATTACK)]),
    ("A schoolteacher was stabbed in Bogra on Monday. Supporters of two rival parties "
     "clashed with sticks in Rajshahi on Tuesday.",
     [dict(event_type=ATTACK), dict(event_type="riot")]),
    ("A bomb exploded at a market in Quetta on Monday. Later a shopkeeper was shot dead.",
     [dict(event_type="remote_explosive"), dict(event_type=ATTACK)]),
    ("Troops and rebels fought for hours near Kidal on Friday. In Gao, gunmen shot dead a "
     "herder the same day.", [dict(event_type="clash"), dict(event_type=ATTACK)]),
    # --- an attack told with a demonstration's words is its cause --------------------------
    ("At the rally, speakers wanted the gunmen who shot dead a lawyer in Quetta put behind "
     "bars.", []),
    ("Demonstrators in Lahore on Monday condemned the kidnapping of a schoolgirl by armed "
     "men.", []),
    ("A rally in Karachi on Sunday condemned the abduction of a rights activist by "
     "unidentified men.", []),
    # hard negatives: a shutdown's or a procession's words; no demonstration at all
    ("A bus driver was burnt when assailants firebombed his bus during the hartal in Bogra "
     "on Monday.", [dict(event_type=ATTACK)]),
    ("Gunmen opened fire on a wedding procession in Peshawar on Sunday, killing two guests.",
     [dict(event_type=ATTACK, fatalities=2)]),
    ("Unknown men abducted a rights activist in Karachi on Sunday.",
     [dict(event_type="abduction")]),
    # --- "beat" with its doer and its victims -------------------------------------------
    ("Police beat the reporter and his brother near the court in Dhaka on Monday.",
     [dict(event_type=ATTACK, actor1="Police Forces of Bangladesh",
           actor2="Civilians (Bangladesh)")]),
    ("Soldiers beat a shopkeeper in Wau on Sunday after a quarrel over a price.",
     [dict(event_type=ATTACK)]),
    ("Border guards caught a cattle trader and beat him near Hili on Friday.",
     [dict(event_type=ATTACK)]),
    # hard negatives: a match won, a police post, drums; the police's forces beaten
    ("Ghana beat Nigeria 2-1 in Accra on Sunday.", []),
    ("India beat Pakistan by five wickets in Kolkata on Saturday.", []),
    ("The Maltese national team beat Chile 2-0 in a friendly in Valletta, the coach told "
     "reporters.", []),
    ("The Nepali team beat two rivals in Kathmandu on Sunday.", []),
    ("A team of gunmen attacked a polio vaccination team in Bannu on Monday.",
     [dict(event_type=ATTACK)]),
    ("Drummers beat the drums as the crowd moved through Dhaka on Monday.", []),
    ("Militants beat two policemen in Kupwara on Monday.", [dict(event_type="clash")]),
    # --- torture told by the noun --------------------------------------------------------
    ("A farm labourer died of torture while in police custody in Patna, relatives said.",
     [dict(event_type=ATTACK, actor2="Civilians (India)", fatalities=1)]),
    ("A cattle trader was injured in torture by border guards near Hili on Monday.",
     [dict(event_type=ATTACK)]),
    ("A prisoner who suffered injuries in police custody died in hospital in Hanoi on "
     "Friday.", [dict(event_type=ATTACK, actor2="Civilians (Vietnam)")]),
    # hard negatives: torture talked of; people taken into custody
    ("Rights groups held a seminar against torture in Dhaka on Sunday.", []),
    ("The minister said torture would never be tolerated in police stations.", []),
    ("Police took two suspects into custody in Patna on Monday.", []),
    # --- a group the report cannot name ---------------------------------------------------
    ("An unknown group on motorbikes killed a herder near Kutum on Monday.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Sudan)")]),
    ("Unidentified armed individuals shot dead a shopkeeper at his home in Ujjain.",
     [dict(event_type=ATTACK, actor1="Unidentified Armed Group (India)")]),
    # hard negative: a crowd of unknown people stays a crowd
    ("An unknown group of protesters gathered outside the court in Dhaka.",
     [dict(event_type="protest", actor1="Protesters (Bangladesh)")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_civilians_episodes_and_causes(coder, text: str, expected: list[dict[str, Any]]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["rule"]) for r in rows]
    assert_rows(rows, expected, summary=summary)


def _rule_words(coder: Any, name: str) -> list[str]:
    return sorted(getattr(coder.lexicon.language.rules, name))


@given(st.data())
def test_a_shutdown_or_procession_word_never_hides_an_attack(coder, data: st.DataObject
                                                             ) -> None:
    """An attack on civilians told with a shutdown's or a procession's word stays an
    event, whichever the word (`strike_words`)."""
    word = data.draw(st.sampled_from(_rule_words(coder, "strike_words")))
    text = f"Gunmen shot dead a trader in Quetta on Monday during the {word}."
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    assert any(r["event_type"] == ATTACK for r in rows), (word, rows)


@given(st.data())
def test_a_demonstration_word_makes_the_attack_its_cause(coder, data: st.DataObject) -> None:
    """An attack on civilians told with any other word of a demonstration is no event of
    its own, whichever the word."""
    words = sorted(set(_rule_words(coder, "demonstration_words")) -
                   set(_rule_words(coder, "strike_words")))
    word = data.draw(st.sampled_from(words))
    text = f"Gunmen shot dead a trader in Quetta on Monday, the {word} said."
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    assert not any(r["event_type"] == ATTACK for r in rows), (word, rows)
