"""Violence against civilians (issue 13): the families of attacks the coder took
for armed clashes. Sentences written here, several per rule, with hard negatives.

- a state named as the target only by its name, adjective or capital is its people, the
  civilians ("a Nepali national was shot dead", "a Kathmandu-bound bus"), never when a
  word of its forces or posts stands beside the name ("Nepali soldiers", "Indian border
  posts", "Border Guard Bangladesh") (resolve/victims.py, `_people_of`);
- a station named where the attack was may carry a name of a few words and "the" ("in
  front of Rampur Bazar police station", "of the Sadar police camp") (resolve/victims.py,
  `station_words`);
- people killed as police moles or informants are civilians, not the police
  (types/victims.yaml);
- a volley "opened fire at" people is as "opened fire on" (types/civilians.yaml);
- a slaughter of people named beside it, throats cut told by the -ing form, a vehicle
  firebombed with people hurt (types/civilians.yaml, `harmless_triggers`);
- a bomb thrown by hand at no armed side, people hurt in its sentence, is an attack on
  civilians, not a remote explosion (rules/yields.py, `thrown_triggers`, `throw_words`).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import assert_rows

from eventcoder.resolve.victims import _people_of

PUBLISHED = "2026-03-06"
ATTACK = "civilian_attack"

# (document, [expected events]): each expected event lists the columns it pins down.
CASES: list[tuple[str, list[dict[str, Any]]]] = [
    # --- a state named only by its name, adjective or capital is its people ---------------
    ("A Nepali national was shot dead by Indian border guards near Birgunj on Friday.",
     [dict(event_type=ATTACK, actor2="Civilians (Nepal)")]),
    ("Near the Hili frontier on Monday a Bangladeshi teenager died from shots fired by "
     "the Indian Border Security Force.",
     [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    ("Militants lobbed a petrol bomb onto a lorry on the Dhaka-Sylhet highway on Wednesday, "
     "leaving its driver with burns.",
     [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    ("On Saturday a Japanese farmer was gunned down on a village road in Rangpur by men on "
     "a motorbike.",
     [dict(event_type=ATTACK, actor2="Civilians (Japan)")]),
    # hard negatives: the state's forces named beside its name stay a clash
    ("Nepali soldiers were shot at by smugglers near Birgunj on Friday.",
     [dict(event_type="clash", actor2="Military Forces of Nepal")]),
    ("Pakistani troops fired at Indian border posts in Poonch on Tuesday.",
     [dict(event_type="clash", actor2="Military Forces of India")]),
    ("A patrol of Border Guard Bangladesh was shot at by smugglers near Teknaf on "
     "Wednesday.", [dict(event_type="clash")]),
    ("Gunmen shot dead two Afghan soldiers in Kandahar on Monday.",
     [dict(event_type="clash", actor2="Military Forces of Afghanistan")]),
    ("Militants ambushed a convoy near Jammu on Wednesday and two jawans of India's "
     "Border Security Force died.", [dict(event_type="clash")]),
    ("A Ghanaian peacekeeper was killed by unidentified gunmen near Bangui on Monday.",
     [dict(event_type="clash")]),
    ("Militants attacked a gendarmerie school and the airport in Niamey on Tuesday, "
     "killing 20 people.",
     [dict(event_type="clash")]),
    # --- a station named where, with a name of a few words or "the" ------------------------
    ("Two passengers were hurt on Monday when assailants lobbed a petrol bomb at a bus "
     "outside Rampur Bazar police station in Dhaka.",
     [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    ("A trader was stabbed to death near the Sadar police camp in Bogra on Monday.",
     [dict(event_type=ATTACK, actor2="Civilians (Bangladesh)")]),
    # hard negatives: the camp or station attacked is the police's
    ("Militants attacked the Sadar police camp in Bogra on Monday.",
     [dict(event_type="clash", actor2="Police Forces of Bangladesh")]),
    ("Two constables were stabbed near Rampur Bazar police station in Dhaka on Monday.",
     [dict(event_type="clash", actor2="Police Forces of Bangladesh")]),
    # --- police moles and informants are civilians ----------------------------------------
    ("Maoists hacked to death two suspected police moles in Sukma on Friday.",
     [dict(event_type=ATTACK, actor2="Civilians (India)")]),
    ("Militants shot dead two police informants in Kupwara on Friday.",
     [dict(event_type=ATTACK, actor2="Civilians (India)")]),
    # hard negative: the police themselves
    ("Maoists hacked to death a police constable in Sukma on Friday.",
     [dict(event_type="clash", actor2="Police Forces of India")]),
    # --- "opened fire at" ------------------------------------------------------------------
    ("Two customers died when gunmen on a motorbike opened fire at a tailor's shop in Quetta "
     "on Monday.", [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Pakistan)")]),
    ("Masked men opened fire at a wedding party in Kohat on Sunday.",
     [dict(event_type=ATTACK)]),
    # hard negatives: fire at the police's post is a clash; no one fires
    ("Militants opened fire at a police checkpost in Bannu on Monday.",
     [dict(event_type="clash")]),
    ("The new fire station opened at a ceremony in Kohat on Sunday.", []),
    # --- slaughter, throats cut, firebombing ---------------------------------------------
    ("A Jubo League activist was slaughtered in Jessore on Thursday night.",
     [dict(event_type=ATTACK, fatalities=1)]),
    ("Unidentified men slit their throats and dumped two traders near Malkangiri on "
     "Friday.", [dict(event_type=ATTACK, actor1="Unidentified Armed Group (India)")]),
    ("A minibus was firebombed in Narayanganj on Monday, leaving two passengers injured.",
     [dict(event_type=ATTACK)]),
    # hard negatives: animals slaughtered; a vehicle firebombed with no one hurt
    ("Hundreds of goats were slaughtered for the feast in Jessore on Thursday.", []),
    ("An empty minibus was firebombed in Narayanganj on Monday night.", []),
    # --- a bomb thrown by hand at people is an attack on civilians -------------------------
    ("Masked men hurled a crude bomb at a crowded bus in Jessore late on Monday, wounding "
     "three riders.", [dict(event_type=ATTACK, actor1="Unidentified Armed Group (Bangladesh)")]),
    ("Unknown men threw two crude bombs at a cycle rickshaw in Khulna on Friday and "
     "injured its puller.", [dict(event_type=ATTACK)]),
    ("Assailants lobbed a bomb into a tin-shed house in Rajshahi on Sunday, killing a boy.",
     [dict(event_type=ATTACK)]),
    # hard negatives: a bomb that exploded, thrown at the police, with no one hurt; a grenade
    ("A bomb exploded near a bus stand in Jessore on Monday, injuring three people.",
     [dict(event_type="remote_explosive")]),
    ("A crude bomb planted under a seat injured three bus passengers in Jessore on Monday.",
     [dict(event_type="remote_explosive")]),
    ("Assailants hurled crude bombs at a police van in Jessore on Monday, injuring two "
     "constables.", [dict(event_type="remote_explosive", actor2="Police Forces of Bangladesh")]),
    # (the crowd rules: thrown by unnamed assailants, no one hurt: a riot,
    # rules/crowd_property.py)
    ("Assailants lobbed two crude bombs onto a parked, empty bus in Jessore late on Monday.",
     [dict(event_type="riot")]),
    ("Militants hurled a grenade at a grocery in Srinagar on Monday, injuring three people.",
     [dict(event_type="grenade")]),
    # ... and a crowd's bombs stay its riot (the crowd rules' reading)
    ("Party activists hurled crude bombs at a bus in Jessore on Monday, injuring three "
     "passengers.", [dict(event_type="riot")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_civilians_taken_for_clashes(coder, text: str, expected: list[dict[str, Any]]) -> None:
    rows = coder.code_texts([text], published=PUBLISHED).to_dict("records")
    summary = [(r["event_type"], r["actor1"], r["actor2"], r["rule"]) for r in rows]
    assert_rows(rows, expected, summary=summary)


# words that are neither a state's forces nor its posts, to write sentences around a name
_FILLER = st.lists(st.sampled_from(["a", "young", "man", "was", "shot", "near", "the", "bus",
                                    "on", "friday", "by", "gunmen", "two", "traders"]),
                   max_size=8)


@given(_FILLER, _FILLER, st.sampled_from(["Nepali", "Nepal", "Kathmandu"]),
       st.sampled_from(["soldiers", "army", "police", "border guards", "checkpost"]))
def test_a_state_named_with_its_forces_is_never_its_people(coder, before: list[str],
                                                           after: list[str], name: str,
                                                           force: str) -> None:
    """A state's name alone among words of no force is its people; a word of its forces
    right after the name makes it the forces, whatever else the sentence says."""
    plain = " ".join([*before, name, *after])
    assert _people_of(plain, "NPL", coder.book)
    assert not _people_of(" ".join([*before, name, force, *after]), "NPL", coder.book)
