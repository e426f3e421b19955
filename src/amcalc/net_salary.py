"""Salaire net — gross to net for an assistant maternel as Pajemploi applies it
(CSS L136-1 to L136-8, L241-17, D242-4, L242-13; CCN 3239 annexe 3).

The CCN knows the **gross** (art. 107, 109); the parent declares the **net** to
Pajemploi (CSS D133-13-17 2° c). Net = gross − the employee contributions, each
computed on its base with the dated rate in force:

- assurance vieillesse plafonnée 6,90 % and déplafonnée 0,40 % (D242-4);
- retraite complémentaire IRCEM / Agirc-Arrco T1 3,15 % and CEG T1 0,86 %;
- prévoyance IRCEM 1,04 % (CCN 3239 annexe 3);
- CSG déductible 6,80 % and CSG non déductible + CRDS 2,90 %, on 98,25 % of
  the gross (L136-2, L136-8);
- in Alsace and Moselle, the régime local's health contribution (1,50 %, then
  1,30 % from 1 April 2022; L242-13).

Heures complémentaires and heures majorées (> 45 h) earn a reduction of the
employee contributions of 11,31 % of their pay (L241-17 I 7°, D241-21).
Entretien, meals and mileage are not salary: leave them out of ``gross``.

Rounding is not fixed by any text (rules.md §12.3 [U]): by default each
contribution line is rounded once, half-up to the cent, as on a payslip
(:attr:`ContributionRounding.PER_LINE`); :attr:`ContributionRounding.TOTAL`
applies the summed rate once, like Pajemploi's single *taux de conversion*
(1 − Σ rates = 0,7811975 in métropole).

>>> from datetime import date
>>> from decimal import Decimal
>>> n = net_salary(Decimal("56.35"), date(2023, 1, 1))
>>> n.net, n.total_contributions, n.conversion_rate
(Decimal('44.01'), Decimal('12.34'), Decimal('0.7811975'))
>>> net_salary(Decimal("56.35"), date(2023, 1, 1), Territory.MOSELLE).net
Decimal('43.28')
>>> gross_from_net(Decimal("44.01"), date(2023, 1, 1)).gross
Decimal('56.34')
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from decimal import Decimal, localcontext
from enum import StrEnum
from fractions import Fraction
from functools import cache, lru_cache

import attrs

from amcalc import parameters
from amcalc.calendar import Territory
from amcalc.errors import InvalidInput, ParameterUnavailable, UnsupportedCase
from amcalc.explain import (
    UNTRACED,
    Explained,
    Explanation,
    ParameterUse,
    Step,
    euros,
    explained_later,
    french_date,
    number,
    percent,
)
from amcalc.inputs import parse_choice, parse_date
from amcalc.money import half_up_div, minimum, parse_money, scaled, to_euros

__all__ = [
    "ContributionKernel",
    "ContributionLine",
    "ContributionRounding",
    "NetSalary",
    "contribution_cents",
    "contribution_kernel",
    "gross_for_net_cents",
    "gross_from_net",
    "net_salary",
    "net_salary_of_cents",
    "overtime_reduction_cents",
    "withheld_cents",
]

_PPM = 1_000_000
"""Rates and base shares are held as integers in millionths (6.80 % = 68 000)."""

_REFERENCE = (
    "CSS art. L136-1 à L136-8, L241-17, D242-4, L242-13 ; CCN 3239 annexe 3 ; "
    "ANI Agirc-Arrco du 17 novembre 2017"
)

_LOCAL_HEALTH = frozenset({Territory.ALSACE, Territory.MOSELLE})

_TERRITORY = {
    Territory.METROPOLE: "métropole",
    Territory.ALSACE: "Alsace (régime local)",
    Territory.MOSELLE: "Moselle (régime local)",
}


class ContributionRounding(StrEnum):
    """How the employee contributions are rounded — an open point (rules.md §12.3 [U])."""

    PER_LINE = "per_line"
    """Each contribution rounded once, half-up to the cent, as on a payslip (default)."""
    TOTAL = "total"
    """The summed rate applied once and rounded once, like a single conversion rate."""


@attrs.frozen
class _Line:
    """A row of the contribution table: its parameter, the short article shown
    in explanations, its base, and its role in the overtime reduction (D241-21)."""

    parameter: str
    article: str
    on_csg_base: bool = False
    old_age: bool = False
    legal_old_age: bool = False
    local_health: bool = False


_LINES = (
    _Line("contribution_old_age_capped", "CSS art. D242-4", old_age=True, legal_old_age=True),
    _Line("contribution_old_age_uncapped", "CSS art. D242-4", old_age=True, legal_old_age=True),
    _Line("contribution_complementary_pension", "ANI Agirc-Arrco du 17/11/2017", old_age=True),
    _Line("contribution_ceg", "ANI Agirc-Arrco du 17/11/2017", old_age=True),
    _Line("contribution_provident", "CCN 3239 annexe 3"),
    _Line("contribution_csg_deductible", "CSS art. L136-2, L136-8", on_csg_base=True),
    _Line("contribution_csg_crds_non_deductible", "CSS art. L136-8 ; ord. 96-50", on_csg_base=True),
    _Line("contribution_alsace_moselle_health", "CSS art. L242-13", local_health=True),
)


def contribution_cents(gross_cents: int, rate_ppm: int, base_ppm: int) -> int:
    """One contribution: gross × base share × rate (millionths), half-up to the cent
    (base share × rate first: one pass over an array of gross pays when they are ints)."""
    return half_up_div(gross_cents * (base_ppm * rate_ppm), _PPM * _PPM)


def withheld_cents(gross_cents: int, lines: Sequence[tuple[int, int]], total: bool) -> int:
    """Employee contributions in cents for ``lines`` of (rate, base share) in
    millionths: each line rounded, or (``total``) their exact sum rounded once."""
    if total:
        return half_up_div(sum(gross_cents * b * r for r, b in lines), _PPM * _PPM)
    return sum(contribution_cents(gross_cents, r, b) for r, b in lines)


def overtime_reduction_cents(
    gross_cents: int, extra_cents: int, rate_ppm: int, legal_lines: Sequence[tuple[int, int]]
) -> int:
    """CSS L241-17 I 7°, D241-21: ``rate_ppm`` × the pay of the heures complémentaires and
    majorées, never more than the legal old-age contributions (``legal_lines``) it is set
    against (L241-17 II). Ints or numpy arrays."""
    legal = sum(contribution_cents(gross_cents, r, b) for r, b in legal_lines)
    return minimum(half_up_div(extra_cents * rate_ppm, _PPM), legal)


def gross_for_net_cents(net_cents: int, lines: Sequence[tuple[int, int]], total: bool) -> int:
    """The gross in cents whose net is exactly ``net_cents``, nearest to
    net ÷ (1 − Σ rates), the lower on a tie. Scalar only.

    Each of the k rounded terms is within half a cent of its exact value, so
    every solution lies in [(net − k/2) ÷ keep, (net + k/2) ÷ keep] where keep =
    1 − Σ rates; and a one-cent rise of the gross raises the net by at most one
    cent, so the net cannot jump over ``net_cents``: the window holds a solution.
    """
    scale = _PPM * _PPM
    keep = scale - sum(b * r for r, b in lines)
    terms = 1 if total else len(lines)
    low = max(0, -(-(2 * net_cents - terms) * scale // (2 * keep)))
    high = (2 * net_cents + terms) * scale // (2 * keep)
    target = Fraction(net_cents * scale, keep)
    solutions = [
        g for g in range(low, high + 1) if g - withheld_cents(g, lines, total) == net_cents
    ]
    return min(solutions, key=lambda g: (abs(g - target), g))


@attrs.frozen
class ContributionLine:
    """One employee contribution: ``amount`` = ``base`` × ``rate``, rounded to the
    cent with :attr:`ContributionRounding.PER_LINE`, exact with ``TOTAL``.
    The overtime reduction is a line with a negative amount."""

    label: str
    base: Decimal
    rate: Decimal
    amount: Decimal
    reference: str


@attrs.frozen(kw_only=True)
class NetSalary(Explained):
    """Gross, employee contributions and net of one pay, on the rates in force on ``on``.

    ``net`` is before income tax withheld at source: the net salary the parent
    declares to Pajemploi. ``total_contributions`` = ``gross`` − ``net``.
    ``conversion_rate`` = 1 − Σ rates (exact), the single coefficient that
    approximates net ÷ gross.
    """

    gross: Decimal
    on: date
    territory: Territory
    rounding: ContributionRounding
    extra_hours_pay: Decimal
    contributions: tuple[ContributionLine, ...]
    total_contributions: Decimal
    net: Decimal
    conversion_rate: Decimal
    explanation: Explanation = attrs.field(eq=False, repr=False)


@attrs.frozen
class _Table:
    """The contribution rows in force on ``on`` for a territory, with their rates
    (built once per day and territory: the month's first day, in a payroll)."""

    on: date
    rows: tuple[tuple[_Line, parameters.Parameter, parameters.DatedValue], ...]
    csg_base: parameters.DatedValue
    ceiling: parameters.DatedValue
    kernel: tuple[tuple[int, int], ...] = attrs.field(init=False, eq=False, repr=False)
    """(rate, base share) of each row, in millionths."""
    conversion: Decimal = attrs.field(init=False, eq=False, repr=False)
    """The gross → net conversion rate: 1 − Σ rate × base share."""

    @classmethod
    @lru_cache(maxsize=4096)
    def of(cls, on: date, territory: Territory) -> _Table:
        rows = tuple(
            (line, param, param.at(on))
            for line in _LINES
            if not line.local_health or territory in _LOCAL_HEALTH
            for param in (parameters.get(line.parameter),)
        )
        return cls(
            on,
            rows,
            parameters.get("csg_base_share").at(on),
            parameters.get("social_security_monthly_ceiling").at(on),
        )

    @kernel.default
    def _kernel(self) -> tuple[tuple[int, int], ...]:
        share = scaled(self.csg_base.value, 6, "csg_base_share")
        return tuple(
            (scaled(dated.value, 6, line.parameter), share if line.on_csg_base else _PPM)
            for line, _, dated in self.rows
        )

    @conversion.default
    def _conversion(self) -> Decimal:
        return _exact(Fraction(_PPM * _PPM - sum(b * r for r, b in self.kernel), _PPM * _PPM))

    @property
    def reduction_rate(self) -> int:
        """Rate of the overtime reduction (millionths): Σ employee old-age rates, capped."""
        cap = parameters.get("overtime_contribution_reduction_cap").at(self.on)
        old_age = sum(r for (line, _, _), (r, _) in zip(self.rows, self.kernel, strict=True) if line.old_age)
        return min(old_age, scaled(cap.value, 6, "cap"))

    @property
    def legal_old_age(self) -> tuple[tuple[int, int], ...]:
        """(rate, base share) of the legal old-age rows, against which the reduction is set."""
        return tuple(k for (line, _, _), k in zip(self.rows, self.kernel, strict=True) if line.legal_old_age)

    def check_ceiling(self, gross: Decimal, field: str) -> None:
        if gross > self.ceiling.value:
            raise UnsupportedCase(
                field,
                f"un salaire brut de {euros(gross)} dépasse le plafond mensuel de la sécurité "
                f"sociale ({euros(self.ceiling.value)} depuis le {french_date(self.ceiling.start)}) : "
                "les cotisations au-delà de ce plafond (tranche 2) ne sont pas gérées (CSS L241-3).",
            )


def net_salary(
    gross: Decimal | str,
    on: date | str,
    territory: Territory = Territory.METROPOLE,
    *,
    extra_hours_pay: Decimal | str = Decimal("0"),
    rounding: ContributionRounding = ContributionRounding.PER_LINE,
    trace: bool = True,
) -> NetSalary:
    """Salaire net — net pay for ``gross`` on the rates in force on ``on``
    (CSS L136-8, D242-4, L242-13, L241-17; CCN 3239 annexe 3).

    ``on`` is any day of the period worked; ``territory`` adds the régime
    local's contribution in Alsace and Moselle; ``extra_hours_pay`` is the part
    of ``gross`` paid for heures complémentaires and heures majorées, which
    earns the reduction of CSS L241-17 I 7°. ``trace=False`` gives the same amounts
    without building the French explanation (:data:`amcalc.explain.UNTRACED`).

    >>> from datetime import date
    >>> n = net_salary("533.87", date(2025, 9, 1))
    >>> n.net, n.contributions[0].amount
    (Decimal('417.05'), Decimal('36.84'))
    >>> net_salary("533.87", date(2025, 9, 1), rounding=ContributionRounding.TOTAL).net
    Decimal('417.06')
    """
    gross_value = parse_money(gross, "gross")
    extra = parse_money(extra_hours_pay, "extra_hours_pay")
    if extra > gross_value:
        raise InvalidInput(
            "extra_hours_pay",
            f"la rémunération des heures complémentaires et majorées ({euros(extra)}) fait "
            f"partie du salaire brut et ne peut pas le dépasser ({euros(gross_value)}).",
        )
    return net_salary_of_cents(scaled(gross_value, 2, "gross"), scaled(extra, 2, "extra_hours_pay"),
                               parse_date(on, "on"), parse_choice(Territory, territory, "territory"),
                               rounding=rounding, trace=trace)


def net_salary_of_cents(gross_cents: int, extra_cents: int, on: date, territory: Territory, *,
                        rounding: ContributionRounding = ContributionRounding.PER_LINE,
                        trace: bool = True) -> NetSalary:
    """:func:`net_salary` of a gross and its extra hours' pay already in cents (with
    ``0 ≤ extra_cents ≤ gross_cents``), for the engines that computed them.

    >>> from datetime import date
    >>> net_salary_of_cents(53387, 0, date(2025, 9, 1), Territory.METROPOLE).net
    Decimal('417.05')
    """
    table = _Table.of(on, territory)
    table.check_ceiling(to_euros(gross_cents), "gross")
    return _result(gross_cents, extra_cents, territory, rounding, table, wanted_net=None, trace=trace)


def gross_from_net(
    net: Decimal | str,
    on: date | str,
    territory: Territory = Territory.METROPOLE,
    *,
    rounding: ContributionRounding = ContributionRounding.PER_LINE,
) -> NetSalary:
    """Salaire brut à partir du net — the gross whose net is exactly ``net``
    (the CCN reasons in gross: art. 107, 109).

    Rounding makes several gross amounts give the same net (a cent more of
    gross may move no rounded line): the one nearest to net ÷ conversion rate
    is chosen, the lower on a tie, so ``net_salary(result.gross, …).net == net``
    always. No heures complémentaires are assumed: for a month with some,
    compute the gross from the contract and call :func:`net_salary`.

    >>> from datetime import date
    >>> g = gross_from_net("417.05", date(2025, 9, 1))
    >>> g.gross, g.net
    (Decimal('533.87'), Decimal('417.05'))
    """
    net_value = parse_money(net, "net")
    on, territory = parse_date(on, "on"), parse_choice(Territory, territory, "territory")
    table = _Table.of(on, territory)
    gross_cents = gross_for_net_cents(
        scaled(net_value, 2, "net"), table.kernel, rounding is ContributionRounding.TOTAL
    )
    table.check_ceiling(to_euros(gross_cents), "net")
    return _result(gross_cents, 0, territory, rounding, table, wanted_net=net_value)


def _exact(value: Fraction) -> Decimal:
    """A Fraction whose denominator divides a power of ten, as an exact Decimal."""
    with localcontext() as context:
        context.prec = 60
        return (Decimal(value.numerator) / Decimal(value.denominator)).normalize()


def _result(
    gross_cents: int,
    extra_cents: int,
    territory: Territory,
    rounding: ContributionRounding,
    table: _Table,
    wanted_net: Decimal | None,
    trace: bool = True,
) -> NetSalary:
    total = rounding is ContributionRounding.TOTAL
    kernel = table.kernel
    gross = to_euros(gross_cents)
    csg_base = _exact(Fraction(gross_cents * scaled(table.csg_base.value, 6, "csg_base_share"), 100 * _PPM))
    lines = [
        ContributionLine(
            param.label,
            csg_base if line.on_csg_base else gross,
            dated.value,
            _exact(Fraction(gross_cents * base_ppm * rate_ppm, _PPM * _PPM * 100)) if total
            else to_euros(contribution_cents(gross_cents, rate_ppm, base_ppm)),
            dated.reference,
        )
        for (line, param, dated), (rate_ppm, base_ppm) in zip(table.rows, kernel, strict=True)
    ]
    withheld = withheld_cents(gross_cents, kernel, total)
    reduction = _overtime_reduction(gross_cents, extra_cents, table)
    if reduction is not None:
        lines.append(reduction)
        withheld += scaled(reduction.amount, 2, "reduction")
    net_cents = gross_cents - withheld
    conversion = table.conversion
    figures = _Figures(gross, tuple(lines), to_euros(withheld), to_euros(net_cents), conversion)
    result = NetSalary(
        gross=gross, on=table.on, territory=territory, rounding=rounding,
        extra_hours_pay=to_euros(extra_cents), contributions=figures.lines,
        total_contributions=figures.withheld, net=figures.net, conversion_rate=conversion,
        explanation=UNTRACED,
    )
    if not trace:
        return result
    return explained_later(result, lambda: _explain(table, territory, rounding, figures, wanted_net))


def _overtime_reduction(gross_cents: int, extra_cents: int, table: _Table) -> ContributionLine | None:
    """CSS L241-17 I 7°, D241-21: Σ employee old-age rates (at most 11,31 %) × the
    pay of the heures complémentaires and majorées (:func:`overtime_reduction_cents`)."""
    if extra_cents == 0:
        return None
    cap = parameters.get("overtime_contribution_reduction_cap").at(table.on)
    rate_ppm = table.reduction_rate
    cents = overtime_reduction_cents(gross_cents, extra_cents, rate_ppm, table.legal_old_age)
    return ContributionLine(
        "Réduction de cotisations salariales (heures complémentaires et majorées)",
        to_euros(extra_cents), Decimal(rate_ppm) / _PPM, -to_euros(cents),
        f"CSS art. L241-17 I 7° et D241-21 (taux plafonné à {percent(cap.value)})",
    )


@attrs.frozen
class ContributionKernel:
    """The employee contributions in force on a day for a territory, as integers
    (rates and base shares in millionths), for engines that compute many pays:
    ``withheld`` is exactly what :func:`net_salary` withholds (ints or numpy arrays)."""

    lines: tuple[tuple[int, int], ...]
    reduction_rate: int
    legal_old_age: tuple[tuple[int, int], ...]
    ceiling_cents: int

    def withheld(self, gross_cents: int, extra_cents: int, total: bool = False) -> int:
        """Employee contributions less the overtime reduction (:meth:`reduction`), in cents."""
        return withheld_cents(gross_cents, self.lines, total) - self.reduction(gross_cents, extra_cents)

    def reduction(self, gross_cents: int, extra_cents: int) -> int:
        """The overtime reduction (:func:`overtime_reduction_cents`); none without extra pay,
        as :func:`net_salary` (``extra_cents`` the int 0: the legal old-age lines it is set
        against are not computed, so an engine computes it only on the rows with extra pay)."""
        if isinstance(extra_cents, int) and extra_cents == 0:
            return 0
        return overtime_reduction_cents(gross_cents, extra_cents, self.reduction_rate, self.legal_old_age)


def contribution_kernel(on: date, territory: Territory = Territory.METROPOLE) -> ContributionKernel:
    """The :class:`ContributionKernel` in force on ``on``; a gross above
    ``ceiling_cents`` is out of scope (:func:`net_salary` raises ``unsupported_case``).

    >>> from datetime import date
    >>> k = contribution_kernel(date(2025, 9, 1))
    >>> 53387 - k.withheld(53387, 0)
    41705
    """
    territory = Territory(territory)
    dates = _effective_dates()
    index = bisect_right(dates, on) - 1
    try:
        return _kernel_since(dates[index] if index >= 0 else on, territory)
    except ParameterUnavailable:
        _Table.of(on, territory)  # the same error, worded for ``on``
        raise


@cache
def _effective_dates() -> tuple[date, ...]:
    """Every date a value of the table changes (its lines, the CSG base, the ceiling, the
    overtime cap), sorted: from one to the next, the same values are in force."""
    names = [line.parameter for line in _LINES]
    names += ["csg_base_share", "social_security_monthly_ceiling", "overtime_contribution_reduction_cap"]
    return tuple(sorted({value.start for name in names for value in parameters.get(name).values}))


@lru_cache(maxsize=256)
def _kernel_since(start: date, territory: Territory) -> ContributionKernel:
    """The :class:`ContributionKernel` of the values in force from ``start`` (a date of
    :func:`_effective_dates`) to the next change: built once per set of values, not per day."""
    table = _Table.of(start, territory)
    return ContributionKernel(table.kernel, table.reduction_rate, table.legal_old_age,
                              scaled(table.ceiling.value, 2, "ceiling"))


@attrs.frozen
class _Figures:
    gross: Decimal
    lines: tuple[ContributionLine, ...]
    withheld: Decimal
    net: Decimal
    conversion: Decimal


def _explain(
    table: _Table,
    territory: Territory,
    rounding: ContributionRounding,
    figures: _Figures,
    wanted_net: Decimal | None,
) -> Explanation:
    return Explanation(
        title=f"Salaire net pour {euros(figures.gross)} brut au {french_date(table.on)} "
        f"({_TERRITORY[territory]})",
        reference=_REFERENCE,
        steps=tuple(_steps(table, rounding, figures, wanted_net)),
        parameters=tuple(_uses(table, figures)),
        notes=tuple(_notes(territory, rounding, figures.conversion, wanted_net)),
    )


def _places(amount: Decimal) -> int:
    """The places a contribution line is shown with: its own, at least the cent's."""
    return max(2, -int(amount.as_tuple().exponent))


def _steps(table: _Table, rounding: ContributionRounding, figures: _Figures, wanted_net: Decimal | None
           ) -> list[Step]:
    """The gross asked for a net, each contribution line and reduction, their total, the net."""
    steps = []
    if wanted_net is not None:
        steps.append(Step(
            "Brut correspondant au net demandé",
            f"{euros(wanted_net)} ÷ {number(figures.conversion, 7)}, puis le brut au centime "
            "le plus proche qui redonne exactement ce net",
            euros(figures.gross),
            "CCN 3239 art. 107 (salaire brut)",
        ))
    articles = {line.parameter: line.article for line in _LINES}
    for row, line in zip(table.rows, figures.lines, strict=False):
        base = (
            f"{percent(table.csg_base.value)} × {euros(figures.gross)}" if row[0].on_csg_base
            else euros(line.base)
        )
        steps.append(Step(line.label, f"{percent(line.rate)} × {base}",
                          euros(line.amount, _places(line.amount)), articles[row[0].parameter]))
    reductions = figures.lines[len(table.rows):]
    for line in reductions:
        steps.append(Step(line.label, f"{percent(line.rate)} × {euros(line.base)}",
                          euros(line.amount), "CSS art. L241-17 I 7°, D241-21"))
    summed = (
        f"{percent(1 - figures.conversion)} × {euros(figures.gross)}, arrondi une fois"
        if rounding is ContributionRounding.TOTAL
        else " + ".join(euros(line.amount, _places(line.amount)) for line in figures.lines[:len(table.rows)])
    )
    steps.append(Step(
        "Total des retenues salariales",
        summed + "".join(f", moins {euros(-line.amount)} de réduction" for line in reductions),
        euros(figures.withheld),
    ))
    steps.append(Step(
        "Salaire net", f"{euros(figures.gross)} − {euros(figures.withheld)}", euros(figures.net),
        "CSS art. D133-13-17 (salaire net déclaré à Pajemploi)",
    ))
    return steps


def _notes(territory: Territory, rounding: ContributionRounding, conversion: Decimal, wanted_net: Decimal | None
           ) -> list[str]:
    """The rounding chosen, the conversion rate's meaning, what the net leaves out, and the
    points that depend on the territory or on a net asked for."""
    notes = [
        "Arrondi : " + (
            "le taux global est appliqué une seule fois et le total arrondi au centime, comme "
            "un taux de conversion unique ; les lignes sont montrées sans arrondi."
            if rounding is ContributionRounding.TOTAL else
            "chaque cotisation est arrondie une fois au centime le plus proche (demi-centime "
            "vers le haut), comme sur un bulletin de paie."
        ) + " Aucun texte ne fixe cet arrondi ; l'écart entre les deux méthodes est de "
        "quelques centimes au plus.",
        f"Taux de conversion brut → net (1 − somme des taux) : {number(conversion, 7)}.",
        "Net avant prélèvement à la source. L'indemnité d'entretien, les repas et les indemnités "
        "kilométriques ne sont pas du salaire : ils s'ajoutent au net sans cotisation.",
        "La CSG et la CRDS sur la part patronale de prévoyance ne sont pas appliquées : les "
        "montants nets publiés par Pajemploi ne les incluent pas (point non vérifié).",
    ]
    if territory in _LOCAL_HEALTH:
        notes.append(
            "Régime local d'Alsace-Moselle : il concerne l'assistant maternel qui travaille dans le "
            "Haut-Rhin, le Bas-Rhin ou la Moselle (CSS L325-1, L242-13)."
        )
    if wanted_net is not None:
        notes.append(
            "Plusieurs bruts au centime près donnent le même net à cause des arrondis : le brut "
            "retenu est le plus proche du net divisé par le taux de conversion."
        )
    return notes


def _uses(table: _Table, figures: _Figures) -> list[ParameterUse]:
    """The dated parameters the lines applied."""
    uses = [ParameterUse.of(param, dated) for _, param, dated in table.rows]
    uses.append(ParameterUse.of(parameters.get("csg_base_share"), table.csg_base))
    if len(figures.lines) > len(table.rows):
        cap_p = parameters.get("overtime_contribution_reduction_cap")
        uses.append(ParameterUse.of(cap_p, cap_p.at(table.on)))
    return uses
