"""``import amcalc`` loads its public names on first use (PEP 562), and a month loads
France's public holidays only: the names stay the same objects, the imports stay few."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import amcalc


def _type_checking_imports() -> dict[str, str]:
    """Public name → module, as the ``if TYPE_CHECKING:`` block of amcalc/__init__.py imports it."""
    tree = ast.parse(Path(amcalc.__file__).read_text("utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If))
    return {alias.name: (f"amcalc.{alias.name}" if node.module == "amcalc" else str(node.module))
            for node in block.body if isinstance(node, ast.ImportFrom) for alias in node.names}


def test_every_public_name_is_the_object_its_typed_import_names() -> None:
    typed = _type_checking_imports()
    assert sorted(typed) == sorted(amcalc.__all__)
    for name, module in typed.items():
        imported = importlib.import_module(module)
        expected = imported if module == f"amcalc.{name}" and name not in vars(imported) else getattr(imported, name)
        assert getattr(amcalc, name) is expected, name


def _fresh(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return done.stdout.strip()


def test_import_amcalc_loads_no_submodule() -> None:
    assert _fresh("import sys, amcalc; print(sorted(m for m in sys.modules if m.startswith(('amcalc.', 'holidays'))))") == "[]"


def test_functions_named_like_their_module_stay_functions() -> None:
    # month_pay imports the child_illness module; months is asked for after its module is imported
    printed = _fresh("import amcalc, amcalc.months; from amcalc import month_pay, child_illness, months; "
                     "print(child_illness.__module__, months.__module__, callable(child_illness), callable(months))")
    assert printed == "amcalc.child_illness amcalc.months True True"


def test_a_month_loads_france_holidays_only() -> None:
    printed = _fresh("import sys; from datetime import date; from amcalc import Contract, month_pay; "
                     "c = Contract.from_schedule(hourly_rate='4.00', weeks=52, start=date(2025, 1, 6), "
                     "schedule={'mon': '10', 'tue': '10', 'thu': '10', 'fri': '10'}); month_pay(c, (2025, 5)); "
                     "print([m for m in sys.modules if m.startswith('holidays.countries')])")
    assert printed == "[]"


def test_a_month_leaves_out_the_standard_modules_of_rare_paths() -> None:
    # html: the HTML rendering of an explanation or a contract; json: JSON text in and out;
    # pkgutil: the walk of the package for every result type (issue 19: the first month's wait)
    printed = _fresh("import sys; from datetime import date; from amcalc import Contract, month_pay; "
                     "c = Contract.from_schedule(hourly_rate='4.00', weeks=52, start=date(2025, 1, 6), "
                     "schedule={'mon': '10', 'tue': '10', 'thu': '10', 'fri': '10'}); "
                     "print(month_pay(c, (2025, 5)).explanation.text().count('\\n') > 5, "
                     "sorted({'html', 'json', 'pkgutil'} & set(sys.modules)))")
    assert printed == "True []"
