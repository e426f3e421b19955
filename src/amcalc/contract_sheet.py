"""La fiche du contrat — a contract described in French, as a parent reads it: rate,
schedule, weeks, start (the header of the explanations, the notebook table).

>>> from datetime import date
>>> from amcalc import Contract
>>> c = Contract.from_schedule(hourly_rate="4.20", weeks=36, start=date(2025, 9, 1),
...     schedule={"mon": "08:00-18:00", "tue": "10", "thu": "10", "fri": "08:00-17:30"})
>>> print(contract_header(c))
Contrat : 4,20 € brut de l'heure ; 39 h 30 par semaine sur 4 jours (lundi 10 h, mardi 10 h, jeudi 10 h, vendredi 9 h 30) ; 36 semaines programmées par an (accueil « 46 semaines ou moins ») ; depuis le 01/09/2025.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from amcalc.explain import french_date, rate

if TYPE_CHECKING:
    from amcalc.contract import Contract, Rhythm

__all__ = ["contract_header", "contract_html", "contract_sheet", "hours_and_minutes"]

_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_KIND = {"cdi": "CDI", "cdd": "CDD", "occasional": "accueil occasionnel"}
_TERRITORY = {"metropole": "métropole", "alsace": "Alsace", "moselle": "Moselle"}


def hours_and_minutes(seconds: int) -> str:
    """``36000`` → ``10 h``, ``34200`` → ``9 h 30``."""
    minutes = seconds // 60
    whole, rest = divmod(minutes, 60)
    return f"{whole} h {rest:02d}" if rest else f"{whole} h"


def _percent(ratio: Decimal) -> str:
    return f"{(ratio * 100).normalize():f}".replace(".", ",") + " %"


def _days(n: int) -> str:
    return f"{n} jour" if n == 1 else f"{n} jours"


def _rhythm(rhythm: Rhythm) -> str:
    text = f"{hours_and_minutes(rhythm.weekly_seconds)} par semaine sur {_days(rhythm.days_per_week)}"
    if rhythm.schedule is not None:
        days = ", ".join(f"{name} {hours_and_minutes(s)}"
                         for name, s in zip(_DAYS, rhythm.schedule.seconds_by_weekday, strict=True) if s)
        text += f" ({days})"
    return text


def _weeks(contract: Contract) -> str:
    if contract.weeks == 52:
        return "52 semaines par an, congés payés compris (accueil « 52 semaines »)"
    return f"{contract.weeks} semaines programmées par an (accueil « 46 semaines ou moins »)"


def contract_sheet(contract: Contract) -> tuple[tuple[str, str], ...]:
    """The contract's terms, each as (label, French text)."""
    if len(contract.rhythms) == 1:
        schedule = _rhythm(contract.rhythms[0])
    else:
        schedule = " ; ".join(f"{r.weeks} semaines de {_rhythm(r)}" for r in contract.rhythms)
    rows = [("Taux horaire brut", rate(contract.hourly_rate)), ("Rythme", schedule), ("Semaines", _weeks(contract)),
            ("Nature", _KIND[contract.kind.value])]
    if contract.start:
        rows.append(("Embauche", french_date(contract.start)))
    if contract.end:
        rows.append(("Fin", french_date(contract.end)))
    if contract.maintenance_per_hour is not None:
        rows.append(("Indemnité d'entretien", f"{rate(contract.maintenance_per_hour)} par heure d'accueil"))
    rows.append(("Heures au-delà de 45 h", f"majorées de {_percent(contract.majorated_rate)}"))
    if contract.complementary_rate:
        rows.append(("Heures complémentaires", f"majorées de {_percent(contract.complementary_rate)}"))
    if contract.am_ge:
        rows.append(("Assistant maternel", "agréé garde d'enfants (AM-GE)"))
    if contract.territory.value != "metropole":
        rows.append(("Territoire", _TERRITORY[contract.territory.value]))
    return tuple(rows)


def contract_header(contract: Contract) -> str:
    """One line: rate, schedule, weeks, start."""
    sheet = dict(contract_sheet(contract))
    parts = [f"{sheet['Taux horaire brut']} brut de l'heure", sheet["Rythme"], sheet["Semaines"]]
    if contract.start:
        parts.append(f"depuis le {sheet['Embauche']}")
    return "Contrat : " + " ; ".join(parts) + "."


def contract_html(contract: Contract) -> str:
    """The sheet as an HTML table (notebooks)."""
    from html import escape  # here, not at the top: a month's import does without it (issue 19)

    rows = "".join(f"<tr><th style='text-align:left'>{escape(k)}</th><td>{escape(v)}</td></tr>"
                   for k, v in contract_sheet(contract))
    return f"<div class='amcalc'><h4>Contrat de travail</h4><table>{rows}</table></div>"
