"""Build the calculator page: ``python web/build.py [--out build/web] [--force]``.

The result is a folder of static files that any web server can serve as it is:
the three pages and their script (``web/static``), the page's Python glue
(``web/amcalc_web.py``), Pyodide from the npm package pinned in
``web/package-lock.json`` (``npm ci``), and the wheels of amcalc and of its
pure-Python dependencies pinned in ``web/requirements.txt``
(``pip download --only-binary :all:``). The page loads all of them from its own
origin: nothing is asked of another server at run time.

The build is skipped when the folder was built from the same inputs (a hash of
the sources, the page and the pins, written in ``.inputs-hash``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WEB = Path(__file__).resolve().parent
ROOT = WEB.parent
DEFAULT_OUT = ROOT / "build" / "web"
PYTHON_VERSION = "3.13"  # the Python of the pinned Pyodide (pyodide-lock.json, "info.python")
PYODIDE_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
HASH_FILE = ".inputs-hash"


def _inputs() -> list[Path]:
    """Every file the build reads, in a stable order."""
    sources = [p for p in (ROOT / "src" / "amcalc").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    page = [p for p in (WEB / "static").rglob("*") if p.is_file()]
    fixed = [ROOT / "pyproject.toml", ROOT / "README.md", ROOT / "LICENSE", WEB / "build.py", WEB / "amcalc_web.py",
             WEB / "package.json", WEB / "package-lock.json", WEB / "requirements.txt"]
    return sorted([*sources, *page, *fixed])


def inputs_hash() -> str:
    """The hash of the build's inputs (paths and contents)."""
    digest = hashlib.sha256()
    for path in _inputs():
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _run(*command: str, cwd: Path = ROOT) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, cwd=cwd, check=True)


def _pyodide(out: Path) -> None:
    _run("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", cwd=WEB)
    target = out / "pyodide"
    target.mkdir(parents=True)
    for name in PYODIDE_FILES:
        shutil.copy2(WEB / "node_modules" / "pyodide" / name, target / name)


def _wheels(out: Path) -> list[str]:
    target = out / "wheels"
    target.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:  # a copy, so that setuptools writes nothing in the work tree
        tree = Path(tmp) / "amcalc"
        shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        for name in ("pyproject.toml", "README.md", "LICENSE"):
            shutil.copy2(ROOT / name, tree / name)
        _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(target), str(tree))
    _run(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
         "--platform", "any", "--implementation", "py", "--abi", "none", "--python-version", PYTHON_VERSION,
         "--dest", str(target), "--requirement", str(WEB / "requirements.txt"))
    return sorted(p.name for p in target.glob("*.whl"))


def build(out: Path = DEFAULT_OUT, *, force: bool = False) -> Path:
    """Build the page into ``out`` (unless it was built from the same inputs); returns ``out``."""
    wanted = inputs_hash()
    stamp = out / HASH_FILE
    if not force and stamp.exists() and stamp.read_text() == wanted:
        print(f"web/build.py: {out} is up to date", flush=True)
        return out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    _pyodide(out)
    wheels = _wheels(out)
    shutil.copytree(WEB / "static", out, dirs_exist_ok=True)
    shutil.copy2(WEB / "amcalc_web.py", out / "amcalc_web.py")
    (out / "wheels.json").write_text(json.dumps([f"wheels/{name}" for name in wheels], indent=1) + "\n")
    stamp.write_text(wanted)
    print(f"web/build.py: built {out} ({len(wheels)} wheels)", flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the amcalc calculator page (static files).")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument("--force", action="store_true", help="build even if the inputs did not change")
    args = parser.parse_args(argv)
    build(args.out.resolve(), force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
