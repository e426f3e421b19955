"""Every case of rules.md §8.1 and its consequences (CCN 3239 art. 119 to 124)."""

from __future__ import annotations

from datetime import date

import pytest

from amcalc.errors import InvalidInput, UnsupportedCase
from amcalc.termination import CONSEQUENCES, EndReason, NoticeRule, end_consequences

EXPECTED = {
    # reason: (notice rule, 80ths of the rupture indemnity, 9-month condition)
    EndReason.WITHDRAWAL: (NoticeRule.CONVENTIONAL, 1, True),
    EndReason.RESIGNATION: (NoticeRule.CONVENTIONAL, 0, False),
    EndReason.SERIOUS_MISCONDUCT: (NoticeRule.NONE, 0, False),
    EndReason.AGREMENT_WITHDRAWAL: (NoticeRule.NONE, 0, False),
    EndReason.AM_BIRTH_OR_ADOPTION: (NoticeRule.NONE, 0, False),
    EndReason.CHILD_DEATH: (NoticeRule.INDEMNITY, 1, False),
    EndReason.AM_DEATH: (NoticeRule.NONE, 0, False),
    EndReason.INAPTITUDE: (NoticeRule.NONE, 1, True),
    EndReason.PROFESSIONAL_INAPTITUDE: (NoticeRule.NONE, 2, True),
    EndReason.FIXED_TERM_END: (NoticeRule.NONE, 0, False),
    EndReason.TRIAL_PERIOD: (NoticeRule.NONE, 0, False),
    EndReason.RETIREMENT: (NoticeRule.CONVENTIONAL, 0, False),
}


def test_every_reason_has_its_consequences() -> None:
    assert set(CONSEQUENCES) == set(EndReason) == set(EXPECTED)


@pytest.mark.parametrize("reason", list(EndReason))
def test_consequences_match_the_table_of_rules_8_1(reason: EndReason) -> None:
    c = end_consequences(reason.value)
    assert (c.notice, c.rupture_eighties, c.nine_months_required) == EXPECTED[reason]
    if c.rupture_eighties:
        assert c.rupture_refusal is None
    else:  # ineligibility is an answer with its reason and article, not a bare zero
        assert c.rupture_refusal and ("CCN 3239 art." in c.rupture_refusal or "Code du travail" in c.rupture_refusal)
    assert "CCN 3239" in c.explain()


def test_only_the_end_of_a_cdd_owes_precarity() -> None:
    assert [r for r, c in CONSEQUENCES.items() if c.precarity] == [EndReason.FIXED_TERM_END]


def test_heirs_receive_the_leave_compensation_on_the_am_death() -> None:
    assert "ayants droit" in end_consequences(EndReason.AM_DEATH).explain()


@pytest.mark.parametrize("reason", [EndReason.INAPTITUDE, EndReason.PROFESSIONAL_INAPTITUDE])
def test_inaptitude_exists_only_from_1_may_2026(reason: EndReason) -> None:
    with pytest.raises(UnsupportedCase) as err:
        end_consequences(reason, on=date(2026, 4, 30))
    assert err.value.field == "reason" and "119.5" in err.value.message
    assert end_consequences(reason, on=date(2026, 5, 1)).in_force_from == date(2026, 5, 1)


def test_unknown_reason_is_invalid_input() -> None:
    with pytest.raises(InvalidInput) as err:
        end_consequences("licenciement")
    assert err.value.field == "reason"
