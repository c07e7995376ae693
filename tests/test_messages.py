"""Message parameters: lists of ids become `Ids`, shared between messages (they are
immutable) from a memo that never grows past its bound, whatever the analysis runs."""

from __future__ import annotations

from mootcourt.engine import texts
from mootcourt.engine.texts import Ids, Term, msg


def test_lists_and_tuples_of_ids_become_ids_and_other_parameters_stay() -> None:
    found = msg("k", defendant=["platform"], evidence=("a", "b"), result=Term("result", "x"))
    assert found.params["defendant"] == Ids(("platform",), False)
    assert found.params["evidence"] == Ids(("a", "b"), True)  # items: long labels
    assert found.params["result"] == Term("result", "x")
    again = msg("k", defendant=["platform"])
    assert again.params["defendant"] is found.params["defendant"]  # shared, not rebuilt


def test_the_memo_of_ids_stays_within_its_bound() -> None:
    for n in range(texts._IDS_KEPT + 500):
        assert msg("k", evidence=[f"item{n}"]).params["evidence"] == Ids((f"item{n}",), True)
    assert len(texts._IDS) <= texts._IDS_KEPT
