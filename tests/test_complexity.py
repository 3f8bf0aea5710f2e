"""Time per document linear in its length, in the text stages (segmenter, date finder, toll
finder): the attacks of issue 17 (a trigger sentence followed by thousands of full stops or
"!?", a line separated by non-breaking spaces or tabs, a toll with a long list of numbers);
and a sentence's status cues read in time linear in its triggers and cues ("talks will"
over and over).

Work is counted, not timed: callgrind counts the instructions of a subprocess that runs
only the stage's code (the segmenter's module, or the stages' compiled patterns) on an
attack of n and of 4n characters, less those of the same script on none. The count is the
same whatever else the machine is doing. Linear work grows four-fold from n to 4n and
quadratic work sixteen-fold; the bound is five-fold.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import mypy_extensions
import pytest

import eventcoder
from eventcoder import segment as segment_module
from eventcoder.lexicon import load_lexicon
from eventcoder.resolve.fatalities import TollFinder
from eventcoder.rules import cues, marks, view
from tests.conftest import compiled

VALGRIND = shutil.which("valgrind")
pytestmark = pytest.mark.skipif(VALGRIND is None, reason="valgrind counts the work")
LANGUAGE = load_lexicon().language
N = 1000
BOUND = 5.0

# The segmenter's module loaded alone (it needs nothing else of the package but
# mypy_extensions' marker, setup.py), with the bundled language's words.
SEGMENTER = f"""
import importlib.util, sys, types
sys.path.append({os.path.dirname(mypy_extensions.__file__)!r})
spec = importlib.util.spec_from_file_location("segment", {segment_module.__file__!r})
module = importlib.util.module_from_spec(spec)
sys.modules["segment"] = module
spec.loader.exec_module(module)
words = types.SimpleNamespace(abbreviations={LANGUAGE.segment.abbreviations!r},
                              boilerplate={LANGUAGE.segment.boilerplate!r})
run = module.Segmenter(words).spans
"""


def _patterns(patterns: list[re.Pattern[str]]) -> str:
    """A script defining `run(text)`: every match of each pattern."""
    sources = [(p.pattern, p.flags) for p in patterns]
    return f"""
import re
patterns = [re.compile(source, flags) for source, flags in {sources!r}]
def run(text):
    for pattern in patterns:
        for _ in pattern.finditer(text):
            pass
"""


# The status rule alone: the rules' modules loaded without the package (they need nothing of
# it but the vocabulary's type, and mypy_extensions' marker), on one sentence of n "talks
# will", each "talks" a trigger and each "will" a status cue before and after it. Reading
# every cue for every trigger, and every trigger for every cue that reaches one, was
# quadratic in n.
STATUS = f"""
import sys, types
sys.path.append({os.path.dirname(mypy_extensions.__file__)!r})
root = {os.path.dirname(eventcoder.__file__)!r}
for name in ("eventcoder", "eventcoder.model", "eventcoder.rules"):
    package = types.ModuleType(name)
    package.__path__ = [root + name[len("eventcoder"):].replace(".", "/")]
    sys.modules[name] = package
stub = types.ModuleType("eventcoder.rules.vocabulary")
stub.Vocabulary = object
sys.modules[stub.__name__] = stub
from eventcoder.model.mentions import CueRef, Mention, TriggerRef
from eventcoder.rules.cues import cue_status
from eventcoder.rules.marks import Marks
from eventcoder.rules.view import SentenceView
vocabulary = types.SimpleNamespace(
    clause_openers=frozenset({{";"}}), not_clause_ing_words=frozenset(), after_not=(),
    role_kinds=frozenset({{"role"}}), status_kinds=frozenset({{"status"}}),
    drop_kinds=frozenset({{"negation"}}))
TALKS = (TriggerRef("meeting", False),)
WILL = (CueRef("status", "planned", "before", 14), CueRef("status", "planned", "after", 6))
PRECEDENCE = ("failed", "alleged", "called_for", "planned")
def run(n):
    text = "talks will " * n
    mentions = []
    for i in range(0, len(text), 11):
        mentions += [Mention.grouped(i, i + 5, TALKS), Mention.grouped(i + 6, i + 10, WILL)]
    view = SentenceView(text, 0, len(text), mentions, vocabulary)
    marks = Marks.read(view, vocabulary)
    for trigger in marks.triggers:
        cue_status(view, marks, marks.status_cues, trigger, PRECEDENCE)
"""

_TOLL_FINDER = TollFinder(LANGUAGE.tolls, LANGUAGE.numbers)
# The patterns, and the searches for where the parts some of them open with start.
TOLLS = _patterns([*(p for _, p, _ in _TOLL_FINDER.forms), *_TOLL_FINDER._starts.values()])
CLAUSE = "Pakistani and Afghan forces clashed near Torkham"

# (setup, the attack's text of about n characters, n): the line of sentences separated by
# other spaces was quadratic in copies of the line, cheap per character, and shows its
# growth only on longer lines.
ATTACKS = {
    "full stops": (SEGMENTER, f"{CLAUSE!r} + '.' * n", N),
    "!?": (SEGMENTER, f"{CLAUSE!r} + '!?' * (n // 2)", N),
    "non-breaking spaces": (SEGMENTER, f"{(CLAUSE + '. ').replace(' ', chr(160))!r} * (n // 50)",
                            4 * N),
    "tabs": (SEGMENTER, f"{(CLAUSE + '. ').replace(' ', chr(9))!r} * (n // 50)", 4 * N),
    "toll numbers": (TOLLS, "'killed ' + '1,' * (n // 2) + '1 x killed'", N),
    "status cues": (STATUS, "n", N // 10),
}


def instructions(script: str) -> int:
    """The instructions callgrind counts for `python -S -c script`."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [str(VALGRIND), "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         "-S", "-c", script], capture_output=True, text=True, env=env, check=True, timeout=600)
    return int(re.findall(r"Collected : (\d+)", done.stderr)[-1])


def growth(setup: str, text: str, n: int = N) -> float:
    """How much more work the attack of 4n characters costs than that of n."""
    def work(size: int) -> int:
        return instructions(f"{setup}\nn = {size}\nrun({text})")
    none = work(0)
    return (work(4 * n) - none) / (work(n) - none)


@pytest.mark.parametrize("name", ATTACKS)
def test_work_grows_linearly(name: str) -> None:
    if name == "status cues" and any(compiled(m) for m in (cues, marks, view)) or \
            ATTACKS[name][0] == SEGMENTER and compiled(segment_module):
        pytest.skip("compiled: the script loads the modules from their source files")
    setup, text, n = ATTACKS[name]
    assert growth(setup, text, n) < BOUND


def test_a_quadratic_search_is_seen() -> None:
    """The measure can fail: the terminator of before (tried at every full stop of a run,
    reading the rest of the run each time) grows far more than five-fold."""
    quadratic = _patterns([re.compile(r"([.!?][.!?]*[\"'\u201d\u2019)\]]*)\s+")])
    assert growth(quadratic, f"{CLAUSE!r} + '.' * n") > 10
