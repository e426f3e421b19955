"""Le CMG jusqu'au 31 août 2025 — the flat amounts of the old barème.

- No CMG at all (neither part) when the gross pay per day of activity and per
  child exceeds 5 × the SMIC horaire (old CSS D531-17).
- Otherwise every contribution is taken over, and the family receives the
  published monthly amount (net of CRDS) of its income band, by age of the
  child (under 3; from the month after the 3rd birthday, the 3–6 amount) and
  family situation (couple or single parent), +10 % for specific hours,
  halved with a PreParE at 50 % or less — at most 85 % of the net salary and
  entretien (old CSS D531-18).
- Income bands: the N−2 resources against two ceilings by number of children
  (a single parent's ceilings are 40 % higher, rounded to the euro).

The published amounts held are those of April to August 2025; an earlier
month is :class:`~amcalc.errors.ParameterUnavailable`. The arithmetic is in
integer kernels (:func:`within_daily_limit`, :func:`income_ceiling`,
:func:`band_of`, :func:`age_band`, :func:`capped_amount_cents`) that run on
ints and on numpy arrays alike: the bulk engine's family columns use them too.

>>> from amcalc.family import Child, ChildcareCost, Household
>>> family = Household.of(resources="22000.00", dependent_children=1)
>>> cost = ChildcareCost.of(net_salary="700.00", maintenance="80.00", hours="140",
...                         gross_salary="896.00", declared_days=18)
>>> flat_amount_cmg(family, Child.of(born="2024-10-01"), cost, date(2025, 4, 1)).amount
Decimal('538.28')
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from amcalc import parameters
from amcalc.errors import InvalidInput, ParameterUnavailable, UnsupportedCase
from amcalc.explain import Explanation, ParameterUse, Step, euros, french_date, percent
from amcalc.family.childcare_cost import ChildcareCost
from amcalc.family.cmg_rule import Cmg, CmgRule
from amcalc.family.household import Child, Household
from amcalc.money import choose, half_up_div, maximum, minimum, round_to_cents, scaled, to_euros

__all__ = [
    "CAP_SHARE", "DAILY_LIMIT_FACTOR", "SINGLE_PARENT_UPLIFT", "age_band", "band_of", "capped_amount_cents",
    "ceiling_parameters", "flat_amount_cmg", "flat_amount_parameter", "income_band",
    "income_ceiling", "within_daily_limit",
]

REFERENCE = "CSS art. L531-5, D531-17 et D531-18 (rédaction antérieure au décret n° 2025-515)"


def _at(name: str, day: date) -> tuple[parameters.Parameter, parameters.DatedValue]:
    parameter = parameters.get(name)
    try:
        return parameter, parameter.at(day)
    except ParameterUnavailable as err:
        raise ParameterUnavailable("month", err.message) from None


MILLION = 1_000_000
"""Factors, uplifts and shares are taken in millionths by the kernels."""

# The kernels of the rule, on cents and whole numbers: each runs on ints and on numpy integer
# arrays alike (the bulk engine's family columns), so that one arithmetic serves both.


def within_daily_limit(gross_cents: int, days: int, factor_e6: int, smic_cents: int) -> int:
    """Whether the gross pay per day of activity, gross ÷ days (the whole gross for no day),
    is at most factor × SMIC horaire (old CSS D531-17), compared exactly.

    >>> within_daily_limit(84067, 18, 5_000_000, 1188)  # 840,67 € ÷ 18 = 46,70 € ≤ 5 × 11,88 €
    True
    """
    return gross_cents * MILLION <= factor_e6 * smic_cents * maximum(days, 1)


def income_ceiling(one_child_cents: int, two_children_cents: int, further_cents: int, children: int,
                   single_parent: int, uplift_e6: int) -> int:
    """A ceiling of the income bands in euros: the one-child or two-children ceiling, plus the
    amount per further child, raised by the uplift for a single parent (1, else 0) and rounded
    to the euro, 0,50 up (old CSS D531-18).

    >>> income_ceiling(2390300, 2729500, 339200, 1, 1, 400_000)  # 23 903 € × 1,40 = 33 464,20 €
    33464
    >>> income_ceiling(2390300, 2729500, 339200, 4, 0, 400_000)  # 27 295 € + 2 × 3 392 €
    34079
    """
    base = choose(children == 1, one_child_cents, two_children_cents) + maximum(children - 2, 0) * further_cents
    return half_up_div(base * (MILLION + single_parent * uplift_e6), 100 * MILLION)


def band_of(resources_cents: int, low: int, high: int) -> int:
    """The income band, 1 (resources at most ``low`` euros), 2 (at most ``high``) or 3.

    >>> band_of(2390300, 23903, 53119), band_of(2390301, 23903, 53119)
    (1, 2)
    """
    return 1 + (resources_cents > low * 100) + (resources_cents > high * 100)


def age_band(month_key: int, third_birthday_key: int) -> int:
    """0 (under 3) up to the month of the 3rd birthday, 1 (3 to 6) from the month after;
    months as year × 12 + month − 1."""
    return month_key > third_birthday_key


def capped_amount_cents(amount_numerator: int, amount_denominator: int, paid_cents: int, share_e6: int) -> int:
    """The CMG in cents: the amount (numerator ÷ denominator cents) at most the share of the net
    salary and entretien paid (old CSS D531-18), rounded once, half-up to the cent.

    >>> capped_amount_cents(53828, 1, 27412, 850_000)  # 85 % × 274,12 € = 233,002 € < 538,28 €
    23300
    """
    return half_up_div(minimum(amount_numerator * MILLION, share_e6 * paid_cents * amount_denominator),
                       amount_denominator * MILLION)


def flat_amount_parameter(single_parent: bool, age: int, band: int) -> str:
    """The parameter of the published amount of a couple or a single parent, an age band
    (:func:`age_band`) and an income band.

    >>> flat_amount_parameter(True, 0, 2)
    'cmg_flat_amount_single_parent_under_3_band2'
    """
    return f"cmg_flat_amount_{('couple', 'single_parent')[single_parent]}_{('under_3', '3_to_6')[age]}_band{band}"


DAILY_LIMIT_FACTOR, SINGLE_PARENT_UPLIFT, CAP_SHARE = (
    "cmg_daily_pay_limit_factor", "cmg_single_parent_ceiling_uplift", "cmg_flat_amount_cap_share")
"""The parameters of the daily pay limit (× SMIC horaire), the single parent's ceiling uplift
and the cap (share of the net salary and entretien)."""


def ceiling_parameters(bound: int) -> tuple[str, str, str]:
    """The parameters of the income ceiling ``bound`` (1 or 2): for one child, for two, and
    the amount per further child.

    >>> ceiling_parameters(2)[2]
    'cmg_income_ceiling2_per_further_child'
    """
    one, two, further = (f"cmg_income_ceiling{bound}_{kind}" for kind in ("one_child", "two_children",
                                                                            "per_further_child"))
    return one, two, further


def income_band(household: Household, day: date) -> tuple[int, tuple[int, int], list[ParameterUse]]:
    """The band (1, 2 or 3) of the household's resources, the two ceilings it was
    compared with, and the parameters used."""
    children = household.dependent_children
    kind = 0 if children == 1 else 1  # the one-child or the two-children ceiling
    looked_up = [_at(ceiling_parameters(bound)[kind], day) for bound in (1, 2)]
    # the ceiling of the household's kind stands for both kinds: the kernel picks by the children
    cents = [[scaled(value.value, 2, "ceiling")] * 2 for _, value in looked_up]
    further = [0, 0]
    if children > 2:
        further_used = [_at(ceiling_parameters(bound)[2], day) for bound in (1, 2)]
        looked_up += further_used
        further = [scaled(value.value, 2, "ceiling") for _, value in further_used]
    uses = [ParameterUse.of(p, v, " €") for p, v in looked_up]
    uplift_e6 = 0
    if household.single_parent:
        uplift_p, uplift = _at(SINGLE_PARENT_UPLIFT, day)
        uses.append(ParameterUse.of(uplift_p, uplift, "%"))
        uplift_e6 = scaled(uplift.value, 6, "uplift")
    low, high = (income_ceiling(one, two, more, children, int(household.single_parent), uplift_e6)
                 for (one, two), more in zip(cents, further, strict=True))
    return band_of(scaled(household.resources, 2, "resources"), low, high), (low, high), uses


def _month_key(day: date) -> int:
    return day.year * 12 + day.month - 1


def _daily_pay_test(cost: ChildcareCost, day: date) -> tuple[bool, Step, list[ParameterUse]]:
    if cost.gross_salary is None:
        raise InvalidInput("gross_salary", "le salaire brut du mois est nécessaire avant le 1er septembre 2025 "
                           "(plafond de 5 SMIC par jour).")
    if cost.declared_days is None:
        raise InvalidInput("declared_days", "les jours d'activité déclarés sont nécessaires avant le "
                           "1er septembre 2025 (plafond de 5 SMIC par jour).")
    if cost.declared_days == 0 and cost.gross_salary > 0:
        raise InvalidInput("declared_days", "un salaire sans aucun jour d'activité déclaré.")
    factor_p, factor = _at(DAILY_LIMIT_FACTOR, day)
    smic_p, smic = _at("smic_horaire", day)
    limit = factor.value * smic.value
    daily = Fraction(cost.gross_salary) / max(cost.declared_days, 1)
    passes = bool(within_daily_limit(scaled(cost.gross_salary, 2, "gross_salary"), cost.declared_days,
                                     scaled(factor.value, 6, "factor"), scaled(smic.value, 2, "smic")))
    step = Step("Salaire brut par jour", f"{euros(cost.gross_salary)} ÷ {cost.declared_days} jours = "
                f"{euros(round_to_cents(daily))}, plafond {factor.value} × {euros(smic.value)} = {euros(limit)}",
                "sous le plafond" if passes else "au-dessus du plafond : aucun CMG",
                "CSS art. D531-17 (ancienne rédaction)")
    return passes, step, [ParameterUse.of(factor_p, factor, " fois"), ParameterUse.of(smic_p, smic, " €/h")]


def flat_amount_cmg(household: Household, child: Child, cost: ChildcareCost, first_day: date, *,
                    specific_hours: bool = False, prepare_half: bool = False) -> Cmg:
    """The CMG of a month until 31 August 2025, for a child of age (see :func:`amcalc.family.cmg`)."""
    if household.aeeh_children:
        raise UnsupportedCase("aeeh", "avant le 1er septembre 2025, la majoration liée à l'AEEH n'est pas "
                              "calculée (barème non repris).")
    title = f"CMG du mois {first_day.month:02d}/{first_day.year} (barème antérieur au 1er septembre 2025)"
    values_day = CmgRule.FLAT_AMOUNT.values_day(first_day)
    passes, daily_step, uses = _daily_pay_test(cost, values_day)
    if not passes:
        explanation = Explanation(title, REFERENCE, (daily_step,), tuple(uses))
        return Cmg(year=first_day.year, month=first_day.month, rule=CmgRule.FLAT_AMOUNT, eligible=False,
                   amount=Decimal("0.00"), contributions_taken_over=Fraction(0), explanation=explanation)
    band, ceilings, band_uses = income_band(household, values_day)
    third = child.birthday(3)
    age = age_band(_month_key(first_day), _month_key(third))
    amount_p, published = _at(flat_amount_parameter(household.single_parent, age, band), values_day)
    share_p, share = _at(CAP_SHARE, values_day)
    amount, steps = Fraction(published.value), [daily_step]
    steps.append(Step("Tranche de revenus", f"{euros(household.resources)} comparé aux plafonds "
                      f"{euros(ceilings[0], 0)} et {euros(ceilings[1], 0)}", f"tranche {band}",
                      "CSS art. D531-18 (ancienne rédaction)"))
    steps.append(Step("Montant maximal", amount_p.label.split(" : ")[1], euros(published.value),
                      "barème au " + french_date(published.start)))
    if specific_hours:
        uplift_p, uplift = _at("cmg_specific_hours_uplift", values_day)
        uses.append(ParameterUse.of(uplift_p, uplift, "%"))
        amount *= 1 + Fraction(uplift.value)
        steps.append(Step("Horaires spécifiques", f"+ {percent(uplift.value)}", euros(round_to_cents(amount)),
                          "CSS art. D531-18 (ancienne rédaction)"))
    if prepare_half:
        amount /= 2
        steps.append(Step("PreParE à 50 % ou moins", "montant divisé par deux", euros(round_to_cents(amount)),
                          "CSS art. D531-18 (ancienne rédaction)"))
    paid = cost.net_salary + cost.maintenance
    cap = Fraction(share.value) * Fraction(paid)
    in_cents = amount * 100
    final = to_euros(capped_amount_cents(in_cents.numerator, in_cents.denominator, scaled(paid, 2, "paid"),
                                         scaled(share.value, 6, "share")))
    steps.append(Step("CMG", f"le plus petit de {euros(round_to_cents(amount))} et {percent(share.value)} × "
                      f"({euros(cost.net_salary)} + {euros(cost.maintenance)}) = {euros(round_to_cents(cap))}",
                      euros(final), "CSS art. D531-18 (ancienne rédaction)"))
    steps.append(Step("Cotisations prises en charge", "salaire sous le plafond journalier", "100 %",
                      "CSS art. L531-5 II, D531-17 (ancienne rédaction)"))
    explanation = Explanation(
        title, REFERENCE, tuple(steps),
        (*uses, *band_uses, ParameterUse.of(amount_p, published, " €"), ParameterUse.of(share_p, share, "%")),
        notes=("Montants publiés nets de CRDS.",),
    )
    return Cmg(year=first_day.year, month=first_day.month, rule=CmgRule.FLAT_AMOUNT, eligible=True,
               amount=final, contributions_taken_over=Fraction(1), explanation=explanation)
