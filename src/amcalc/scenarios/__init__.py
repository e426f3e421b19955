"""Scenario files (format v1): cases with inputs and the figures a source says
they must give, run by ``amcalc check``."""

from amcalc.scenarios.calculations import CALCULATIONS, V1_CALCULATIONS
from amcalc.scenarios.runner import CaseResult, ScenarioFileError, run_case, run_files

__all__ = ["CALCULATIONS", "V1_CALCULATIONS", "CaseResult", "ScenarioFileError", "run_case", "run_files"]
