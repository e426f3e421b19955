"""L'assistant maternel et tous ses employeurs — one AM, several contracts (CASF L421-4,
L423-21, L423-22; CCN 3239 art. 46, 96, 100; CGI art. 80 sexies).

- :mod:`amcalc.am.agrement`: her agrément and its limits;
- :mod:`amcalc.am.childminder`: the AM as a value, her contracts, the check of a new one;
- :mod:`amcalc.am.working_time`: her week checked as a whole;
- :mod:`amcalc.am.tax_regime`: her income tax, special and ordinary regimes;
- :mod:`amcalc.am.year`: her months and her year across contracts;
- :mod:`amcalc.am.real_hours`: her real weeks, the 4-month average and the year's hours;
- :mod:`amcalc.am.mileage`: a trip shared between employers;
- :mod:`amcalc.am.leave_dates`: her paid-leave dates with several employers.
"""

from amcalc.am.agrement import Agrement
from amcalc.am.childminder import ChildCare, Childminder
from amcalc.am.leave_dates import LeaveDates, leave_dates
from amcalc.am.mileage import TripShare, split_trip
from amcalc.am.real_hours import RealHours, WeekHours, real_hours
from amcalc.am.tax_regime import (
    CareDays,
    IncomeTax,
    ShortDayBasis,
    SmicDate,
    SpecialRegime,
    TaxRegime,
    income_tax,
    special_regime,
)
from amcalc.am.working_time import Presence, Violation, WeekCheck, WeekRule, check_week
from amcalc.am.year import ChildminderMonth, ChildminderYear, childminder_month, childminder_year

__all__ = [
    "Agrement",
    "CareDays",
    "ChildCare",
    "Childminder",
    "ChildminderMonth",
    "ChildminderYear",
    "IncomeTax",
    "LeaveDates",
    "Presence",
    "RealHours",
    "ShortDayBasis",
    "SmicDate",
    "SpecialRegime",
    "TaxRegime",
    "TripShare",
    "Violation",
    "WeekCheck",
    "WeekHours",
    "WeekRule",
    "check_week",
    "childminder_month",
    "childminder_year",
    "income_tax",
    "real_hours",
    "leave_dates",
    "special_regime",
    "split_trip",
]
