"""Explications — every result says how it was computed, in French.

An :class:`Explanation` lists the steps (formula, result, article), the dated
parameters used (value, effective date, reference) and the notes. Results
carry one and render it with ``explain()`` (text) and ``_repr_html_()``
(notebooks). Its ``freshness`` is the warning of a calculation for a day after
the date up to which the values were verified (:func:`amcalc.parameters.freshness_warning`):
the latest day a parameter was applied on, or ``computed_for``.

>>> from decimal import Decimal
>>> euros(Decimal("1234.5"))
'1 234,50 €'
>>> number(Fraction(52, 3))
'17,33'
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from amcalc.parameters import EVIDENCE, DatedValue, Parameter, freshness_warning
from amcalc.serialization import Serializable

__all__ = ["UNTRACED", "Explained", "Explanation", "ParameterUse", "Section", "Step", "euros", "explained_later",
           "number", "percent", "quantity", "rate"]


def number(value: Fraction | Decimal | int, places: int = 2) -> str:
    """French decimal rendering, half-up for display: ``17,33``; trailing zeros kept."""
    numerator, denominator = (
        value.as_integer_ratio() if isinstance(value, Decimal) else (value.numerator, value.denominator)
    )
    scale = 10**places
    magnitude = (2 * abs(numerator) * scale + denominator) // (2 * denominator)
    whole, part = divmod(magnitude, scale)
    sign = "-" if numerator < 0 and magnitude else ""
    grouped = f"{whole:,}".replace(",", " ")
    return f"{sign}{grouped},{part:0{places}d}" if places else f"{sign}{grouped}"


def quantity(value: Fraction | Decimal | int, unit: str) -> str:
    """A count with its unit, without decimals when it is whole: ``12 j``, ``17,33 j``, ``156 h``.

    >>> quantity(Fraction(52, 3), "j"), quantity(12, "j")
    ('17,33 j', '12 j')
    """
    exact = Fraction(value)
    shown = number(exact, 0) if exact.denominator == 1 else number(exact)
    return f"{shown} {unit}"


def euros(amount: Decimal | Fraction | int, places: int = 2) -> str:
    """``1 234,50 €``."""
    return f"{number(amount, places)} €"


def rate(value: Decimal) -> str:
    """An hourly rate with the decimals it was given (at least 2): ``3,8525 €``."""
    return euros(value, max(2, -int(value.as_tuple().exponent)))


def percent(ratio: Decimal) -> str:
    """A rate as a percentage with at least two decimals, all that the rate has:
    ``percent(Decimal("0.069"))`` is ``6,90 %``, ``percent(Decimal("0.000619"))`` ``0,0619 %``."""
    value = (ratio * 100).normalize()
    return f"{number(value, max(2, -int(value.as_tuple().exponent)))} %"


def french_date(day: date) -> str:
    """``05/03/2024`` (the text of ``strftime("%d/%m/%Y")``, without its cost)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


@attrs.frozen
class Step:
    """One line of a computation."""

    label: str
    formula: str
    result: str
    reference: str = ""


@attrs.frozen
class ParameterUse:
    """A dated legal parameter as it was applied (``on``: the day it was applied for)."""

    label: str
    value: str
    start: date
    reference: str
    evidence: str
    on: date | None = None

    @classmethod
    def of(cls, parameter: Parameter, dated: DatedValue, unit: str = "") -> ParameterUse:
        """``unit`` follows the value (``" €"``, ``" €/h"``); ``"%"`` shows a ratio as a
        percentage (``0,0619 %``)."""
        if unit == "%":
            shown = percent(dated.value)
        else:
            shown = number(dated.value, max(2, -int(dated.value.as_tuple().exponent))) + unit
        return cls(parameter.label, shown, dated.start, dated.reference, dated.evidence, dated.applied_on)


@attrs.frozen
class Section:
    """A block of fields to copy as they are, e.g. the Pajemploi declaration: (field, value)."""

    title: str
    fields: tuple[tuple[str, str], ...]


@attrs.frozen
class Explanation:
    """Title, legal basis, header (what it applies to), steps, sections (fields to copy),
    parameters and notes of a result; ``computed_for``: the last day the result covers,
    where its parameters do not show it."""

    title: str
    reference: str
    steps: tuple[Step, ...] = ()
    parameters: tuple[ParameterUse, ...] = ()
    notes: tuple[str, ...] = ()
    header: str = ""
    sections: tuple[Section, ...] = ()
    computed_for: date | None = None
    freshness: str | None = attrs.field(init=False)

    @freshness.default
    def _freshness(self) -> str | None:
        days = [p.on for p in self.parameters if p.on is not None]
        days += [self.computed_for] if self.computed_for is not None else []
        return freshness_warning(max(days)) if days else None

    def text(self) -> str:
        lines = [self.title, f"Fondement : {self.reference}", *([self.header] if self.header else []), ""]
        for step in self.steps:
            where = f"  [{step.reference}]" if step.reference else ""
            lines.append(f"- {step.label} : {step.formula} = {step.result}{where}")
        for section in self.sections:
            lines += ["", f"{section.title} :", *(f"- {name} : {value}" for name, value in section.fields)]
        if self.parameters:
            lines += ["", "Paramètres appliqués :"]
            for p in self.parameters:
                lines.append(
                    f"- {p.label} : {p.value} depuis le {french_date(p.start)} "
                    f"({p.reference} ; {EVIDENCE[p.evidence]})"
                )
        if self.notes:
            lines += ["", *(f"Note : {note}" for note in self.notes)]
        if self.freshness:
            lines += ["", f"Avertissement : {self.freshness}"]
        return "\n".join(lines)

    def html(self) -> str:
        from html import escape as e  # here, not at the top: a month's import does without it (issue 19)

        rows = "".join(
            f"<tr><td>{e(s.label)}</td><td>{e(s.formula)}</td>"
            f"<td style='text-align:right'><b>{e(s.result)}</b></td><td>{e(s.reference)}</td></tr>"
            for s in self.steps
        )
        parts = [
            f"<div class='amcalc'><h4>{e(self.title)}</h4>",
            f"<p>Fondement : {e(self.reference)}</p>",
            f"<p>{e(self.header)}</p>" if self.header else "",
            "<table><tr><th>Élément</th><th>Calcul</th><th>Résultat</th><th>Référence</th></tr>",
            rows,
            "</table>",
        ]
        for section in self.sections:
            fields = "".join(f"<tr><td>{e(name)}</td><td style='text-align:right'><b>{e(value)}</b></td></tr>"
                             for name, value in section.fields)
            parts.append(f"<p>{e(section.title)} :</p><table>{fields}</table>")
        if self.parameters:
            items = "".join(
                f"<li>{e(p.label)} : {e(p.value)} depuis le {french_date(p.start)} "
                f"({e(p.reference)} ; {EVIDENCE[p.evidence]})</li>"
                for p in self.parameters
            )
            parts.append(f"<p>Paramètres appliqués :</p><ul>{items}</ul>")
        parts += [f"<p><i>Note : {e(n)}</i></p>" for n in self.notes]
        if self.freshness:
            parts.append(f"<p><b>Avertissement : {e(self.freshness)}</b></p>")
        parts.append("</div>")
        return "".join(parts)


UNTRACED = Explanation("Explication non construite : seuls les chiffres ont été calculés", "")
"""The explanation of a result computed with ``trace=False``: the figures only."""


class Explained(Serializable):
    """Mixin for results that carry an ``explanation``; they are :class:`Serializable`
    (``to_dict()``, ``to_json()``, ``from_dict()``)."""

    explanation: Explanation

    def explain(self) -> str:
        """The computation in French, as plain text."""
        return self.explanation.text()

    def _repr_html_(self) -> str:
        return self.explanation.html()

    if not TYPE_CHECKING:  # typed as the field it stands for: no other name is let through

        def __getattr__(self, name: str) -> Any:
            """Reached only for an attribute not set: the explanation of :func:`explained_later`,
            built on its first reading and kept."""
            build = self.__dict__.get(_LATER) if name == "explanation" else None
            if build is None:  # not one, or another thread has just set it
                return object.__getattribute__(self, name)
            explanation = build()
            object.__setattr__(self, "explanation", explanation)
            self.__dict__.pop(_LATER, None)
            return explanation


_LATER = "_explanation_later"
E = TypeVar("E", bound=Explained)


def explained_later(result: E, build: Callable[[], Explanation]) -> E:
    """``result`` (made with a stand-in ``explanation``) whose explanation ``build`` makes when it
    is first read, then kept: the figures are computed once, the French text only when asked.
    Equality, hashing and ``repr`` leave the explanation out; ``to_dict``, pickling, copying and
    ``attrs.evolve`` read it, so build it.

    >>> from amcalc.net_salary import net_salary
    >>> figures = net_salary("533.87", date(2025, 9, 1), trace=False)
    >>> asked = []
    >>> n = explained_later(attrs.evolve(figures), lambda: asked.append(1) or Explanation("Net", "CSS"))
    >>> n == figures, len(asked), n.explanation.title, n.explanation is n.explanation, len(asked)
    (True, 0, 'Net', True, 1)
    """
    object.__delattr__(result, "explanation")
    result.__dict__[_LATER] = build
    return result
