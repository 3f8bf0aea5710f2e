"""The domain cue (cues.yaml `generic_domain`): words of sport or business put a conflict word
out of the conflict ("the two clubs clashed in a league match"), but a party named a league
("Awami League", "Muslim League") is a party whose clashes are events."""

from __future__ import annotations

import pytest

from tests.conftest import shared_coder

PUBLISHED = "2026-03-06"


@pytest.mark.parametrize("sentence, coded", [
    ("Chhatra League and Chhatra Dal activists clashed in Sylhet on Monday, injuring ten.", True),
    ("Muslim League workers and police clashed in Multan on Friday, injuring six.", True),
    ("Jubo League men beat up a shopkeeper in Feni on Sunday.", True),
    # hard negatives: sport
    ("The two clubs clashed in a premier league match in Lagos on Sunday.", False),
    ("Both sides clashed again in the league title decider in Karachi on Monday.", False),
    ("The two teams clashed in a cricket tournament in Colombo on Tuesday.", False),
])
def test_a_league_is_a_party_unless_it_is_sport(sentence: str, coded: bool) -> None:
    events = shared_coder().code_texts([sentence], published=PUBLISHED)
    assert (len(events) > 0) == coded, events[["event_type", "trigger", "rule"]]
