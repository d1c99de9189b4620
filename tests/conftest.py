"""Shared test helpers: the bundled example, scaffolds filled with real prose, the CLI."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

# Every test session starts with its own, empty cache (also for the commands tests run as separate
# processes): no test can pass on results that older code left in a cache.
os.environ["KOMPAS_CACHE"] = _SESSION_CACHE = tempfile.mkdtemp(prefix="kompas-test-cache-")
atexit.register(shutil.rmtree, _SESSION_CACHE, ignore_errors=True)

import pytest  # noqa: E402

from kompas_site.cli import main  # noqa: E402
from kompas_site.model import AUDIT_FILE  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content"

PROSE = (
    "In dit jaar hebben we samen met cliënten, naasten en medewerkers gekeken naar wat goed ging en wat "
    "beter kan. We hielden gesprekken op elke locatie, lazen de verslagen van de teams terug en bespraken "
    "de uitkomsten met de cliëntenraad en de ondernemingsraad. Daaruit kwamen drie lessen. Ten eerste: "
    "vaste gezichten maken het verschil. Ten tweede: plannen werken pas als de cliënt ze zelf begrijpt. "
    "Ten derde: teams leren het meest van elkaar als ze tijd krijgen om samen terug te kijken."
)

EASY_PROSE = (
    "Dit is ons verslag over het jaar. We vertellen wat goed ging. We vertellen ook wat niet goed ging. "
    "We schreven het samen met cliënten. En met hun familie. Zo weet je hoe het met de zorg gaat."
)


def run_kompas(*args: str, capsys=None) -> tuple[int, str, str]:
    """Run the kompas command in-process; return (exit code, stdout, stderr)."""
    if capsys:
        capsys.readouterr()  # forget what earlier steps printed
    code = main([str(a) for a in args])
    out, err = capsys.readouterr() if capsys else ("", "")
    return code, out, err


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m kompas_site`` as a separate process, as an author would."""
    return subprocess.run(
        [sys.executable, "-m", "kompas_site", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300
    )


# An easy-read page of a complete report was read along by the client council (the checker asks it).
READ_ALONG = f"meegelezen:\n  - door: Cliëntenraad\n    datum: {date.today() - timedelta(days=30):%Y-%m-%d}\n"


def fill_pages(content: Path) -> None:
    """Replace every page body of a scaffold by real prose, keeping the front matter."""
    for page in content.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        match = re.match(r"^---\n.*?\n---\n", text, re.DOTALL)
        head = match.group(0) if match else ""
        if head and page.name.endswith(".begrijpelijk.md") and "meegelezen:" not in head:
            head = head[: -len("---\n")] + READ_ALONG + "---\n"
        prose = EASY_PROSE if page.name.endswith(".begrijpelijk.md") else PROSE
        page.write_text(head + "\n" + prose + "\n", encoding="utf-8")


def set_onderdelen(page: Path, ids: list[str]) -> None:
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^onderdelen:.*$", f"onderdelen: [{', '.join(ids)}]", text, count=1, flags=re.MULTILINE)
    page.write_text(text, encoding="utf-8")


def copy_example(target: Path) -> Path:
    """A copy of the bundled example report, without its saved accessibility audit: a test that adds or edits
    a page would otherwise (rightly) be told that the audit no longer covers the site, once the test runs
    more than a few minutes after the checkout. The tests of the statement save their own audit results."""
    shutil.copytree(EXAMPLE, target)
    (target / AUDIT_FILE).unlink()
    return target


@pytest.fixture
def example(tmp_path) -> Path:
    """A private copy of the bundled example report (see copy_example)."""
    return copy_example(tmp_path / "content")


@pytest.fixture
def filled_scaffold(tmp_path):
    """A scaffold for any profile, with real prose on every page: complete, no errors."""

    def make(kader: str, soort: str, jaar: int) -> Path:
        target = tmp_path / f"{kader}-{soort}"
        assert main(["new", str(target), "--kader", kader, "--soort", soort, "--jaar", str(jaar)]) == 0
        fill_pages(target)
        for page in list(target.rglob("*.md")):  # every part also in the easy-read version
            if "onderdelen: [" in page.read_text(encoding="utf-8") and not page.name.endswith(".begrijpelijk.md"):
                twin = page.with_name(page.name.removesuffix(".md") + ".begrijpelijk.md")
                twin.write_text(
                    "---\ntitle: Makkelijk\n" + READ_ALONG + "---\n\n" + EASY_PROSE + "\n", encoding="utf-8"
                )
        kompas = target / "kompas.yml"
        kompas.write_text(
            kompas.read_text(encoding="utf-8")
            .replace("Naam van uw organisatie", "Stichting Testzorg")
            .replace("  # publicatiedatum: ", "  publicatiedatum: "),
            encoding="utf-8",
        )
        return target

    return make


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test of the session (Playwright allows one at a time)."""
    from kompas_site.audit import open_browser

    with open_browser() as started:
        yield started
