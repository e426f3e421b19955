"""The documentation site cannot rot: its nav points at real pages, every page
is in the nav, docs/sources.md lists every bundled legal value, and the
reference covers every public name."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path

import amcalc

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
DATA = ROOT / "src" / "amcalc" / "parameters" / "data"


def nav_pages() -> list[str]:
    """The ``*.md`` paths named in mkdocs.yml (``- Title: path.md`` lines)."""
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    return re.findall(r"^\s*-\s[^\n]*:\s*(\S+\.md)\s*$", text, re.MULTILINE)


def test_every_nav_page_exists() -> None:
    pages = nav_pages()
    assert "index.md" in pages
    missing = [page for page in pages if not (DOCS / page).is_file()]
    assert not missing, f"pages in the mkdocs nav but not in docs/: {missing}"


def test_every_page_is_in_the_nav() -> None:
    pages = set(nav_pages())
    orphans = sorted(
        str(path.relative_to(DOCS)) for path in DOCS.rglob("*.md")
        if str(path.relative_to(DOCS)) not in pages
    )
    assert not orphans, f"pages in docs/ missing from the mkdocs nav: {orphans}"


def _section(text: str, heading: str) -> str:
    """The part of ``text`` from the heading line containing ``heading`` to the next heading."""
    match = re.search(rf"^#+ [^\n]*{re.escape(heading)}[^\n]*\n(.*?)(?=^#|\Z)", text, re.M | re.S)
    assert match, f"docs/sources.md has no section for {heading}"
    return match.group(1)


def test_sources_lists_every_parameter_value() -> None:
    sources = (DOCS / "sources.md").read_text("utf-8")
    files = sorted(DATA.glob("*.toml"))
    assert files
    for path in files:
        data = tomllib.loads(path.read_text("utf-8"), parse_float=Decimal)
        section = _section(sources, f"`{path.name}`")
        rows = [line for line in section.splitlines() if line.startswith("|")]
        for entry in data["values"]:
            cells = [entry["from"].isoformat(), str(entry["value"]), entry["reference"], entry["evidence"]]
            wanted = "| " + " | ".join(cells) + " |"
            assert wanted in rows, f"docs/sources.md, section {path.name}: no row {wanted!r}"


def test_reference_covers_every_public_name() -> None:
    reference = (DOCS / "reference.md").read_text("utf-8")
    missing = [name for name in amcalc.__all__ if f"`{name}`" not in reference]
    assert not missing, f"docs/reference.md does not document: {missing}"
