"""The ``amcalc`` command (also ``python -m amcalc``): the parser of the commands of
:mod:`amcalc.commands`, and the one place that turns an error into a message and an
exit code — never a traceback.

Exit codes: 0 done; 1 a figure could not be computed (``parameter_unavailable``,
``unsupported_case``, or a defect of amcalc, said in one line) or a ``check`` case failed; 2 bad input (file, key, value or
option); 130 interrupted; 141 the reader of the output went away (``| head``).
With ``--json``, an error is also printed on the output as
``{"error": {"code", "field", "message"}}``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from amcalc import __version__
from amcalc.commands import COMMANDS
from amcalc.errors import AmcalcError, ParameterUnavailable, UnsupportedCase

__all__ = ["build_parser", "main"]

_ARGPARSE_FR = {
    "usage: ": "usage : ",
    "show this help message and exit": "affiche cette aide",
    "show program's version number and exit": "affiche la version",
    "positional arguments": "arguments",
    "options": "options",
    "the following arguments are required: %s": "arguments manquants : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix inconnu : %(value)r (parmi %(choices)s)",
    "expected one argument": "une valeur est attendue",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "invalid %(type)s value: %(value)r": "valeur %(type)s invalide : %(value)r",
}


def _french(message: str) -> str:
    return _ARGPARSE_FR.get(message, message)


def build_parser() -> argparse.ArgumentParser:
    argparse._ = _french  # type: ignore[attr-defined]  # argparse's own words, in French
    parser = argparse.ArgumentParser(
        prog="amcalc", description="Calculs exacts et expliqués pour les assistants maternels (IDCC 3239).",
        epilog="Codes de sortie : 0 terminé ; 1 un chiffre n'a pas pu être calculé (ou un cas de check a "
               "échoué) ; 2 entrée invalide (fichier, clé, valeur ou option).",
    )
    parser.add_argument("--version", action="version", version=f"amcalc {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")
    for command in COMMANDS:
        sub = commands.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.add_arguments(sub)
        sub.set_defaults(handler=command.run)
    return parser


def _fail(args: argparse.Namespace, err: AmcalcError) -> int:
    print(f"amcalc {args.command}: {err.code}: {err}", file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps({"error": {"code": err.code, "field": err.field, "message": err.message}},
                         ensure_ascii=False))
    return 1 if isinstance(err, (ParameterUnavailable, UnsupportedCase)) else 2


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code = int(args.handler(args))
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except AmcalcError as err:
        return _fail(args, err)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 141
    except KeyboardInterrupt:
        return 130
    except RecursionError:
        print(f"amcalc {args.command}: données imbriquées trop profondément.", file=sys.stderr)
        return 2
    except Exception as err:  # a defect of amcalc: said in one line, never a traceback
        print(f"amcalc {args.command}: erreur interne ({type(err).__name__} : {err}) ; aucun chiffre n'a "
              "été calculé. Vérifiez les valeurs du fichier et signalez cette erreur.", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
