"""Compte de congés payés — a contract's paid leave across its reference periods:
acquired, taken, compensated, remaining, and the amounts paid with the
Pajemploi figures (CCN 3239 art. 48.1, 102; Code du travail L3141-3 to -24).

The ledger takes the contract's months as the month module produces them
(:class:`MonthRecord`: gross pay, months or weeks worked or assimilated,
sickness) and the leave taken (:class:`~amcalc.paid_leave.taking.LeaveSpan`),
and for every reference period gives:

- the days acquired (work, sickness, children, fractionnement);
- the days taken, charged to the oldest rights first, usable from 1 May of
  the year they close (the période de prise, CCN art. 48.1.1.4); days beyond
  the rights are complementary unpaid leave up to 30 days of rest a leave
  year (art. 102.2), with the hours to deduct on a "52 semaines" contract;
- at the end of the contract, the days left, compensated (indemnité
  compensatrice, art. 123);
- the indemnity (the higher of maintien and 1/10, with the CP paid during the
  period in the base) and the payments it gives, month by month (art. 102.1.2).

The days balance: ``acquired_days = taken_days + compensated_days +
remaining_days``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import attrs

from amcalc.contract import Accueil, Contract, ContractKind
from amcalc.errors import InvalidInput
from amcalc.explain import Explained, Explanation, Step, euros, french_date, number
from amcalc.inputs import parse_items, parse_month
from amcalc.money import parse_money, scaled, to_euros
from amcalc.paid_leave.acquisition import (
    ANNUAL_CAP,
    LAW_2024_364,
    LeaveAcquisition,
    acquired_leave,
    contract_months,
    days_text,
    quantity,
)
from amcalc.paid_leave.indemnity import (
    LeaveIndemnity,
    TenthBase,
    leave_indemnity,
    maintien_cents,
    occasional_leave_pay,
    tenth_base,
)
from amcalc.paid_leave.payment import (
    LeavePayment,
    PaymentKind,
    PaymentMethod,
    leave_payments,
    make_payment,
    month_of,
)
from amcalc.paid_leave.period import ReferencePeriod, reference_periods
from amcalc.paid_leave.taking import (
    LeaveSpan,
    UnpaidMonth,
    by_month,
    continuous_spans,
    fractionnement_days,
    main_leave_window,
)

__all__ = ["LeaveLedger", "MonthRecord", "PajemploiLeave", "PeriodLedger", "leave_ledger"]

_ZERO = Decimal("0.00")


@attrs.frozen(kw_only=True)
class MonthRecord:
    """One month of a contract, as the paid-leave ledger needs it.

    ``gross_pay``: gross salary of the month for the 1/10 base (heures
    complémentaires and majorées included; entretien, meals and mileage
    excluded; the paid-leave amounts this ledger pays are added by the ledger
    itself — on a "52 semaines" contract the salary maintained during leave is
    part of ``gross_pay``). ``months_worked``: share of the month worked or
    assimilated (default on a "52 semaines" contract: the contract's days in
    the month, less sickness); ``weeks_worked`` and ``assimilated_weeks``: the
    weeks of care and of assimilated periods (paid leave taken…) counted in
    the month (a "46 semaines ou moins" contract). ``sick_months``: share of
    the month in non-professional sickness on or after 24 April 2024;
    ``earlier_sick_months``: before that date. ``assimilated_pay`` and
    ``sickness_pay``: the pay the AM would have earned during assimilated
    periods and sickness (L3141-24 I 3°, 4°).
    """

    month: date
    gross_pay: Decimal
    months_worked: Fraction | None = None
    weeks_worked: Fraction | None = None
    assimilated_weeks: Fraction = Fraction(0)
    sick_months: Fraction = Fraction(0)
    earlier_sick_months: Fraction = Fraction(0)
    assimilated_pay: Decimal = _ZERO
    sickness_pay: Decimal = _ZERO

    @classmethod
    def of(
        cls, month: date | str, gross_pay: object, *, months_worked: object = None,
        weeks_worked: object = None, assimilated_weeks: object = None, sick_months: object = None,
        earlier_sick_months: object = None, assimilated_pay: object = "0",
        sickness_pay: object = "0",
    ) -> MonthRecord:
        """A month from loose values: ``"2025-03"`` or a date, amounts and
        quantities as decimal strings.

        >>> MonthRecord.of("2025-03", "693.33").month
        datetime.date(2025, 3, 1)
        """
        first = _month(month)
        last = _next_month(first) - timedelta(days=1)
        sick = quantity(sick_months, "sick_months")
        earlier = quantity(earlier_sick_months, "earlier_sick_months")
        if sick and last < LAW_2024_364:
            raise InvalidInput("sick_months", f"{first:%m/%Y} précède la loi n° 2024-364 (24/04/2024) : "
                               "indiquez cette maladie dans earlier_sick_months.")
        if earlier and first >= LAW_2024_364:
            raise InvalidInput("earlier_sick_months", f"{first:%m/%Y} suit l'entrée en vigueur de la loi "
                               "n° 2024-364 (24/04/2024) : indiquez cette maladie dans sick_months.")
        if months_worked is not None and weeks_worked is not None:
            raise InvalidInput("weeks_worked", "indiquez des mois ou des semaines, pas les deux.")
        if assimilated_weeks is not None and weeks_worked is None:
            raise InvalidInput("assimilated_weeks", "assimilated_weeks accompagne weeks_worked.")
        return cls(
            month=first,
            gross_pay=parse_money(gross_pay, "gross_pay"),
            months_worked=None if months_worked is None else quantity(months_worked, "months_worked"),
            weeks_worked=None if weeks_worked is None else quantity(weeks_worked, "weeks_worked"),
            assimilated_weeks=quantity(assimilated_weeks, "assimilated_weeks"),
            sick_months=sick,
            earlier_sick_months=earlier,
            assimilated_pay=parse_money(assimilated_pay, "assimilated_pay"),
            sickness_pay=parse_money(sickness_pay, "sickness_pay"),
        )


def _month(value: date | str) -> date:
    year, month = parse_month(value)
    return date(year, month, 1)


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


@attrs.frozen
class PajemploiLeave:
    """What a month's Pajemploi declaration says of paid leave: the number of CP
    days, the CP amount converted into hours (exact; "46 semaines ou moins"),
    and the amount added to the salary."""

    days: int
    hours: Fraction
    amount: Decimal


@attrs.frozen(kw_only=True)
class PeriodLedger(Explained):
    """One reference period of the ledger (days are jours ouvrables)."""

    period: ReferencePeriod
    closed: bool
    acquisition: LeaveAcquisition
    fractionnement_days: int
    acquired_days: int
    taken_days: int
    compensated_days: int
    remaining_days: int
    unpaid_days: int
    base: TenthBase
    indemnity: LeaveIndemnity | None
    payments: tuple[LeavePayment, ...]
    explanation: Explanation = attrs.field(eq=False, repr=False)

    @property
    def paid(self) -> Decimal:
        """Sum of the payments of this period's rights (52 weeks: beside the salary maintained)."""
        return sum((p.amount for p in self.payments), _ZERO)


@attrs.frozen(kw_only=True)
class LeaveLedger(Explained):
    """A contract's paid leave across its reference periods."""

    contract: Contract
    as_of: date
    periods: tuple[PeriodLedger, ...]
    payments: tuple[LeavePayment, ...]
    unpaid: tuple[UnpaidMonth, ...]
    explanation: Explanation = attrs.field(eq=False, repr=False)

    def pajemploi(self, month: date | str) -> PajemploiLeave:
        """The paid-leave figures of ``month``'s Pajemploi declaration."""
        first = _month(month)
        found = [p for p in self.payments if p.month == first]
        return PajemploiLeave(
            sum(p.days for p in found), sum((p.declared_hours for p in found), Fraction(0)),
            sum((p.amount for p in found), _ZERO),
        )


@attrs.define
class _Rights:
    """Mutable working state of one period while leave is charged."""

    period: ReferencePeriod
    acquisition: LeaveAcquisition
    inside: list[date] = attrs.Factory(list)
    outside: list[date] = attrs.Factory(list)
    extra: int = 0
    extra_on: list[tuple[date, int]] = attrs.Factory(list)
    unpaid: list[date] = attrs.Factory(list)

    @property
    def taken(self) -> list[date]:
        return sorted(self.inside + self.outside)

    @property
    def has_room(self) -> bool:
        return len(self.inside) + len(self.outside) < self.rights

    @property
    def rights(self) -> int:
        return self.acquisition.acquired_days + self.extra

    def usable_on(self, day: date) -> bool:
        return day >= date(self.period.closing.year, 5, 1)


def _leave_year(day: date) -> int:
    """Leave year (1 May – 30 April) of ``day``, named by the year it starts."""
    return day.year if day >= date(day.year, 5, 1) else day.year - 1


def _charge(
    rights: list[_Rights], taken: Sequence[LeaveSpan], *, waived: bool
) -> None:
    """Charge every day of leave to the oldest usable rights; beyond them, the
    day is complementary unpaid leave (art. 102.2) within 30 days of rest a
    leave year."""
    days = sorted(d for span in taken for d in span.days)
    if len(set(days)) != len(days):
        raise InvalidInput("taken", "deux congés se chevauchent.")
    paid_in_year: dict[int, int] = {}
    unpaid_in_year: dict[int, int] = {}
    for day in days:
        year = _leave_year(day)
        owner = next((r for r in rights if r.usable_on(day) and r.has_room), None)
        if owner is None:
            rest = paid_in_year.get(year, 0) + unpaid_in_year.get(year, 0)
            if rest >= ANNUAL_CAP:
                raise InvalidInput(
                    "taken",
                    f"le {french_date(day)} dépasse les droits acquis et les 30 jours ouvrables de "
                    "repos de l'année de congés (CCN 3239 art. 102.2) : ce n'est pas un congé payé ; "
                    "traitez-le comme une absence.",
                )
            holder = next((r for r in reversed(rights) if r.period.closing.year <= year), rights[0])
            holder.unpaid.append(day)
            unpaid_in_year[year] = unpaid_in_year.get(year, 0) + 1
            continue
        paid_in_year[year] = paid_in_year.get(year, 0) + 1
        opens, ends = main_leave_window(owner.period.closing)
        (owner.inside if opens <= day <= ends else owner.outside).append(day)
        if not waived:
            main = min(owner.acquisition.ordinary_days, 24)
            extra = fractionnement_days(main, len(owner.inside), len(owner.outside))
            if extra > owner.extra:
                owner.extra_on.append((day, extra - owner.extra))
                owner.extra = extra


def leave_ledger(
    contract: Contract,
    months: Sequence[MonthRecord],
    *,
    taken: Sequence[LeaveSpan] = (),
    method: PaymentMethod | str | None = None,
    dependent_children: int = 0,
    am_under_21: bool = False,
    retroactive_sickness: bool = False,
    fractionnement_waived: bool = False,
) -> LeaveLedger:
    """Compte de congés payés — the contract's paid leave across its reference
    periods (CCN 3239 art. 48.1, 102; Code du travail L3141-3 to L3141-24).

    ``months``: every month of the contract from its start (consecutive);
    ``taken``: the leave taken; ``method``: the payment method of a "46
    semaines ou moins" contract (``june``, ``main_leave``, ``as_taken``);
    ``dependent_children``, ``am_under_21``, ``retroactive_sickness``: as for
    :func:`~amcalc.paid_leave.acquired_leave`; ``fractionnement_waived``: the
    AM waived the fractionnement days in writing (L3141-19).

    >>> from datetime import date
    >>> c = Contract.from_weekly_hours(hourly_rate="4.00", weeks=52, weekly_hours="40",
    ...     days_per_week=4, start=date(2025, 1, 6))
    >>> ledger = leave_ledger(c, [MonthRecord.of(f"2025-{m:02}", "693.33") for m in range(1, 6)])
    >>> row = ledger.periods[0]
    >>> row.acquired_days, row.taken_days, row.remaining_days, row.indemnity.indemnity
    (13, 0, 13, Decimal('346.67'))
    """
    if contract.start is None:
        raise InvalidInput("start", "le compte de congés a besoin de la date d'embauche.")
    records = _check_months(contract, months)
    method = _method(contract, method)
    as_of = _next_month(records[-1].month) - timedelta(days=1)
    if contract.end is not None:
        as_of = min(as_of, contract.end)
    ended = contract.end is not None and as_of == contract.end
    periods = reference_periods(contract.start, as_of)
    grouped = [[r for r in records if r.month.replace(day=1) >= month_of(p.first)
                and r.month <= p.last] for p in periods]
    rights = [
        _Rights(p, _acquisition(contract, p, rs, dependent_children, am_under_21, retroactive_sickness))
        for p, rs in zip(periods, grouped, strict=True)
    ]
    spans = sorted(parse_items(taken, LeaveSpan, "taken"), key=lambda s: s.first)
    for span in spans:
        if span.first < contract.start or span.last > as_of:
            raise InvalidInput("taken", f"le congé {span.label} sort des mois fournis "
                               f"(du {french_date(contract.start)} au {french_date(as_of)}).")
    _charge(rights, spans, waived=fractionnement_waived)
    rows: list[PeriodLedger] = []
    payments: list[LeavePayment] = []
    for r, rs in zip(rights, grouped, strict=True):
        row = _money(contract, r, rs, payments, method=method, as_of=as_of, ended=ended)
        rows.append(row)
        payments.extend(row.payments)
    unpaid_days = sorted(d for r in rights for d in r.unpaid)
    unpaid = by_month(contract, unpaid_days) if contract.accueil is Accueil.FULL_YEAR else ()
    explanation = Explanation(
        title=f"Compte de congés payés au {french_date(as_of)}",
        reference="CCN 3239 art. 48.1, 102 ; Code du travail L3141-3 à L3141-24",
        steps=tuple(
            Step(f"Période {row.period.label}",
                 f"{row.acquired_days} acquis = {row.taken_days} pris + {row.compensated_days} "
                 f"indemnisés + {row.remaining_days} restants",
                 euros(row.paid) + " versés", "CCN 3239 art. 48.1.1.1")
            for row in rows
        ),
        notes=_ledger_notes(contract, unpaid),
    )
    return LeaveLedger(contract=contract, as_of=as_of, periods=tuple(rows),
                       payments=tuple(sorted(payments, key=lambda p: p.month)), unpaid=unpaid,
                       explanation=explanation)


def _ledger_notes(contract: Contract, unpaid: Sequence[UnpaidMonth]) -> tuple[str, ...]:
    notes = []
    if contract.accueil is Accueil.FULL_YEAR:
        notes.append("Accueil sur 52 semaines : le salaire mensualisé est maintenu pendant les congés "
                     "payés ; à Pajemploi, les jours de congés sont compris dans les jours d'activité et "
                     "le champ « nombre de jours de congés payés » n'est pas rempli [S].")
        if unpaid:
            notes.append("Congé complémentaire non rémunéré à déduire (art. 102.2, 111) : " + ", ".join(
                f"{m.month:%m/%Y} {m.days} j" for m in unpaid) + ".")
    else:
        notes.append("À Pajemploi, indiquez le nombre de jours de congés payés le mois où ils sont "
                     "payés, et convertissez leur montant en heures (montant / taux horaire) [S].")
    return tuple(notes)


def _method(contract: Contract, method: PaymentMethod | str | None) -> PaymentMethod | None:
    """The contract's payment method: chosen among three on a "46 semaines ou
    moins" contract (art. 102.1.2.2), none otherwise (art. 102.1.2.1, 102.1.2.3)."""
    if contract.kind is ContractKind.OCCASIONAL or contract.accueil is Accueil.FULL_YEAR:
        if method is not None:
            raise InvalidInput(
                "method",
                "pas de modalité à choisir : en accueil sur 52 semaines les congés sont payés "
                "lorsqu'ils sont pris (CCN 3239 art. 102.1.2.1) ; en accueil occasionnel, 10 % à la "
                "fin de l'accueil (art. 102.1.2.3).",
            )
        return None
    if method is None:
        raise InvalidInput("method", "indiquez la modalité de paiement prévue au contrat : june, "
                           "main_leave ou as_taken (CCN 3239 art. 102.1.2.2).")
    return PaymentMethod.of(method)


def _check_months(contract: Contract, months: Sequence[MonthRecord]) -> list[MonthRecord]:
    assert contract.start is not None
    records = sorted(parse_items(months, MonthRecord, "months"), key=lambda r: r.month)
    if not records:
        raise InvalidInput("months", "fournissez au moins un mois du contrat.")
    expected = month_of(contract.start)
    for record in records:
        if record.month != expected:
            raise InvalidInput("months", f"les mois doivent se suivre depuis l'embauche : "
                               f"{expected:%m/%Y} attendu, {record.month:%m/%Y} reçu.")
        expected = _next_month(expected)
    if contract.end is not None and records[-1].month > contract.end:
        raise InvalidInput("months", f"{records[-1].month:%m/%Y} suit la fin du contrat "
                           f"({french_date(contract.end)}).")
    return records


def _acquisition(
    contract: Contract, period: ReferencePeriod, records: Sequence[MonthRecord],
    children: int, under_21: bool, retroactive: bool,
) -> LeaveAcquisition:
    sick = sum((r.sick_months for r in records), Fraction(0))
    earlier = sum((r.earlier_sick_months for r in records), Fraction(0))
    common = dict(sick_months=sick, earlier_sick_months=earlier, retroactive_sickness=retroactive,
                  dependent_children=children, am_under_21=under_21)
    if any(r.weeks_worked is not None for r in records):
        if any(r.weeks_worked is None for r in records):
            raise InvalidInput("weeks_worked", f"période {period.label} : comptez tous les mois en "
                               "semaines ou tous en mois.")
        weeks = sum((r.weeks_worked or Fraction(0) for r in records), Fraction(0))
        assimilated = sum((r.assimilated_weeks for r in records), Fraction(0))
        return acquired_leave(weeks_worked=weeks, assimilated_weeks=assimilated, **common)  # type: ignore[arg-type]
    months = Fraction(0)
    for r in records:
        if r.months_worked is not None:
            months += r.months_worked
        elif contract.accueil is Accueil.FULL_YEAR:
            last = min(period.last, _next_month(r.month) - timedelta(days=1))
            share = contract_months(max(period.first, r.month), last)
            months += max(Fraction(0), share - r.sick_months - r.earlier_sick_months)
        else:
            raise InvalidInput("weeks_worked", f"{r.month:%m/%Y} : en accueil sur 46 semaines ou "
                               "moins, indiquez les semaines d'accueil et assimilées du mois.")
    return acquired_leave(months_worked=months, **common)  # type: ignore[arg-type]


def _money(
    contract: Contract, r: _Rights, records: Sequence[MonthRecord], earlier: Sequence[LeavePayment],
    *, method: PaymentMethod | str | None, as_of: date, ended: bool,
) -> PeriodLedger:
    p = r.period
    closed = p.last == p.closing or (ended and p.last == as_of)
    leave_paid = sum((x.amount for x in earlier if x.month in p or month_of(p.first) == x.month),
                     _ZERO)
    base = tenth_base(
        salaries=sum((x.gross_pay for x in records), _ZERO), leave_paid=leave_paid,
        assimilated_pay=sum((x.assimilated_pay for x in records), _ZERO),
        sickness_pay=sum((x.sickness_pay for x in records), _ZERO), closing=p.closing,
    )
    taken = r.taken
    remaining = r.rights - len(taken)
    compensated = remaining if ended else 0
    indemnity: LeaveIndemnity | None = None
    payments: list[LeavePayment] = []
    end_month = month_of(as_of)
    if contract.kind is ContractKind.OCCASIONAL:
        if ended and p.last == as_of:
            pay = occasional_leave_pay(sum((x.gross_pay for x in records), _ZERO))
            payments.append(make_payment(
                contract, month=end_month, amount=pay.amount, days=r.rights,
                kind=PaymentKind.INDEMNITY, closing=p.closing, formula="10 % de la rémunération",
                reference="CCN 3239 art. 102.1.2.3"))
    elif closed:
        indemnity = leave_indemnity(contract, acquired_days=r.acquisition.acquired_days,
                                    reference_gross=base.total)
        payments = _scheduled(contract, r, indemnity, method=method)
        if ended:
            payments = [x for x in payments if x.month <= end_month]
            payments += _compensation(contract, r, indemnity, payments, end_month, remaining)
    explanation = Explanation(
        title=f"Congés payés de la période {p.label}" + ("" if closed else " (en cours)"),
        reference="CCN 3239 art. 48.1, 102 ; Code du travail L3141-3 à L3141-24",
        steps=_row_steps(r, base, indemnity, payments, compensated, as_of),
        notes=_period_notes(contract, r, as_of, closed, payments),
    )
    return PeriodLedger(
        period=p, closed=closed, acquisition=r.acquisition, fractionnement_days=r.extra,
        acquired_days=r.rights, taken_days=len(taken), compensated_days=compensated,
        remaining_days=remaining - compensated, unpaid_days=len(r.unpaid), base=base,
        indemnity=indemnity, payments=tuple(payments), explanation=explanation,
    )


def _row_steps(
    r: _Rights, base: TenthBase, indemnity: LeaveIndemnity | None, payments: Sequence[LeavePayment],
    compensated: int, as_of: date,
) -> tuple[Step, ...]:
    taken, remaining = len(r.taken), r.rights - len(r.taken)
    row_steps = [
        Step("Congés acquis", "travail et périodes assimilées, maladie, enfants à charge"
             + (f" + {r.extra} j de fractionnement" if r.extra else ""), days_text(r.rights),
             "CCN 3239 art. 48.1.1.2 ; Code du travail L3141-3 à -8, L3141-19"),
        Step("Congés pris", f"{len(r.inside)} j du 1er mai au 31 octobre + {len(r.outside)} j hors "
             "de cette période", days_text(taken), "CCN 3239 art. 48.1.1.3"),
    ]
    if r.unpaid:
        row_steps.append(Step("Congé complémentaire non rémunéré", "au-delà des droits, jusqu'à 30 j",
                              days_text(len(r.unpaid)), "CCN 3239 art. 102.2"))
    if compensated:
        row_steps.append(Step("Jours indemnisés à la fin du contrat", "restants au "
                              f"{french_date(as_of)}", days_text(compensated), "CCN 3239 art. 123"))
    row_steps.append(Step("Jours restants", f"{r.rights} − {taken} pris − {compensated} indemnisés",
                          days_text(remaining - compensated)))
    if indemnity is not None:
        row_steps += [
            Step("Assiette du dixième", base.explanation.steps[-1].formula if base.explanation.steps
                 else "salaires + congés payés versés pendant la période",
                 euros(base.total, max(2, -int(base.total.as_tuple().exponent))),
                 "Code du travail L3141-24 I"),
            Step("Indemnité de congés payés",
                 f"max(maintien {euros(indemnity.maintien)}, dixième {euros(indemnity.tenth)})",
                 euros(indemnity.indemnity), "CCN 3239 art. 48.1.1.5 ; Code du travail L3141-24"),
        ]
    row_steps += [Step(f"{x.kind.value.capitalize()} {x.month:%m/%Y}",
                       f"{x.days} j déclarés à Pajemploi, {number(x.declared_hours)} h",
                       euros(x.amount), x.explanation.reference) for x in payments]
    return tuple(row_steps)


def _period_notes(
    contract: Contract, r: _Rights, as_of: date, closed: bool, payments: Sequence[LeavePayment]
) -> tuple[str, ...]:
    notes = []
    if not closed:
        notes.append("Période en cours : les droits sont acquis au 31 mai (ou à la fin du contrat) ; "
                     "l'indemnité sera arrêtée à cette date.")
    elif contract.kind is not ContractKind.OCCASIONAL and contract.accueil is Accueil.PART_YEAR \
            and not any(x.kind is not PaymentKind.FRACTIONNEMENT for x in payments):
        notes.append("L'indemnité sera versée avec le congé principal, qui n'a pas encore été pris "
                     "(CCN 3239 art. 102.1.2.2).")
    opens, ends = main_leave_window(r.period.closing)
    if as_of > ends and r.acquisition.ordinary_days > 0:
        block = min(r.acquisition.ordinary_days, 12)
        if max((s.count for s in continuous_spans(r.inside, contract.territory)), default=0) < block:
            notes.append(f"Attention : le congé principal doit comprendre {block} jours ouvrables "
                         f"continus entre le {french_date(opens)} et le {french_date(ends)} "
                         "(Code du travail L3141-18, L3141-19 ; CCN 3239 art. 48.1.1.4).")
    return tuple(notes)


def _scheduled(
    contract: Contract, r: _Rights, indemnity: LeaveIndemnity, *, method: PaymentMethod | str | None
) -> list[LeavePayment]:
    """The period's payments per art. 102.1.2, and its fractionnement days on a
    "46 semaines ou moins" contract (paid at maintien when earned [U])."""
    closing = r.period.closing
    spans = continuous_spans(r.taken, contract.territory)
    full_year = contract.accueil is Accueil.FULL_YEAR
    if full_year:
        scheduled = list(leave_payments(contract, indemnity, closing=closing))
    elif method is PaymentMethod.MAIN_LEAVE and not _has_main_leave(spans, closing):
        scheduled = []  # paid with the main leave, still to come (or at the end of the contract)
    else:
        scheduled = list(leave_payments(contract, indemnity, closing=closing, method=method, taken=spans))
    if not full_year:
        rate_e4 = scaled(contract.hourly_rate, 4, "hourly_rate")
        for day, extra in r.extra_on:
            amount = to_euros(maintien_cents(extra, contract.annual_seconds, contract.weeks, rate_e4))
            scheduled.append(make_payment(
                contract, month=max(month_of(day), date(closing.year, 6, 1)), amount=amount,
                days=extra, kind=PaymentKind.FRACTIONNEMENT, closing=closing,
                formula=f"{days_text(extra)} / 6 × durée hebdomadaire × taux horaire",
                reference="Code du travail L3141-19 ; CCN 3239 art. 48.1.1.4",
                notes=("Jours de fractionnement payés au maintien de salaire le mois où ils sont "
                       "acquis [U].",)))
    return sorted(scheduled, key=lambda x: x.month)


def _has_main_leave(spans: Sequence[LeaveSpan], closing: date) -> bool:
    opens, ends = main_leave_window(closing)
    return any(opens <= s.first <= ends for s in spans)


def _compensation(
    contract: Contract, r: _Rights, indemnity: LeaveIndemnity, kept: Sequence[LeavePayment],
    end_month: date, remaining: int,
) -> list[LeavePayment]:
    """Indemnité compensatrice at the end of the contract for what is still owed
    on this period's rights (CCN 3239 art. 123)."""
    closing = r.period.closing
    rate_e4 = scaled(contract.hourly_rate, 4, "hourly_rate")
    if contract.accueil is Accueil.FULL_YEAR:
        settled = date(closing.year, 6, 1) <= end_month
        if settled:
            amount = to_euros(maintien_cents(remaining, contract.annual_seconds, contract.weeks, rate_e4))
            formula = f"maintien de {days_text(remaining)} non pris"
        else:
            taken = to_euros(maintien_cents(len(r.taken), contract.annual_seconds, contract.weeks, rate_e4))
            amount = indemnity.indemnity - taken
            formula = (f"indemnité {euros(indemnity.indemnity)} − maintien des "
                       f"{days_text(len(r.taken))} déjà pris")
        days = 0
    else:
        owed = indemnity.indemnity + sum(
            (x.amount for x in kept if x.kind is PaymentKind.FRACTIONNEMENT), _ZERO)
        amount = owed - sum((x.amount for x in kept), _ZERO)
        days = r.rights - sum(x.days for x in kept)
        formula = f"indemnité {euros(indemnity.indemnity)} − montants déjà versés"
    if amount <= 0 and days <= 0:
        return []
    return [make_payment(contract, month=end_month, amount=amount, days=days,
                     kind=PaymentKind.COMPENSATION, closing=closing, formula=formula,
                     reference="CCN 3239 art. 123 ; Code du travail L3141-28")]
