"""axe-core in the page: the copy bundled by the pinned PyPI package ``axe-playwright-python``.

Nothing is fetched at run time: the script is read from the installed package and evaluated in
every frame of the page.
"""

from __future__ import annotations

import functools

from kompas_site.audit.errors import AuditError

# WCAG 2.0, 2.1 and 2.2, levels A and AA: what the Dutch government and the sector ask for.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
NORM = "WCAG 2.2 niveau AA"

_RUN = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
    frameWaitTime: 2000,
  });
  return {version: axe.version, violations: results.violations};
}"""


@functools.cache
def axe_source() -> str:
    try:
        from importlib.resources import files

        return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    except (ImportError, FileNotFoundError, ModuleNotFoundError):
        raise AuditError(
            "axe-core (de toegankelijkheidscontrole, uit het pakket axe-playwright-python) is niet "
            "geïnstalleerd.\nInstalleer het met: pip install 'kompas-site[audit]' "
            "(in de map van kompas-site: pip install -e '.[audit]')."
        ) from None


def run_axe(page) -> tuple[str, list[dict]]:
    """Run axe-core with the WCAG A/AA rules on a loaded page: (axe version, violations)."""
    source = axe_source()
    for frame in page.frames:
        try:
            frame.evaluate(source)
        except Exception:  # a blocked or cross-origin frame: axe reports what it cannot reach
            if frame is page.main_frame:
                raise
    outcome = page.evaluate(_RUN, TAGS)
    return outcome["version"], outcome["violations"]
