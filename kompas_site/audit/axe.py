"""axe-core in the page: the copy bundled by the pinned PyPI package ``axe-playwright-python``.

Nothing is fetched at run time: the script is read from the installed package and evaluated in
every frame of the page.

Every call into the page has a time limit. A page whose own script never stops (``while (true) {}``)
blocks the page's only thread, and an ordinary ``evaluate`` would wait for it forever; here the
time limit is kept by the browser driver, not by the page, and the outcome comes back as a console
message, so nothing waits on a page that no longer answers.
"""

from __future__ import annotations

import functools
import json
import secrets
import time

from kompas_site.audit.errors import AuditError

# WCAG 2.0, 2.1 and 2.2, levels A and AA: what the Dutch government and the sector ask for.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
NORM = "WCAG 2.2 niveau AA"

# Load axe-core in a frame (once), then answer at once; the run itself reports through the console.
_LOAD = """(source) => {
  if (!window.axe) (0, eval)(source);
  return true;
}"""

_START = """([tags, mark]) => {
  const send = (outcome) => console.debug(mark + JSON.stringify(outcome));
  // after a resize: let the page's own resize handlers and the next layout run first
  const settled = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  document.fonts.ready
    .then(settled)
    .then(() => axe.run(document, {
      runOnly: {type: 'tag', values: tags},
      resultTypes: ['violations'],
      frameWaitTime: 2000,
    }))
    .then((results) => send({
      version: axe.version,
      violations: results.violations,
      links: [...document.querySelectorAll('a[href]')].map((a) => a.href),
    }))
    .catch((error) => send({error: String(error)}));
  return true;
}"""

DEFAULT_TIMEOUT_MS = 30_000


class PageTimeout(Exception):
    """The page did not answer within its time limit."""


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


def run_axe_on_page(page, timeout_ms: float = DEFAULT_TIMEOUT_MS) -> dict:
    """Run axe-core with the WCAG A/AA rules on a loaded page, within ``timeout_ms``.

    Returns ``{"version", "violations", "links"}`` (links: every ``a[href]``, absolute). Raises
    PageTimeout when the page does not answer in time."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    source = axe_source()
    deadline = time.monotonic() + timeout_ms / 1000

    def left() -> float:  # milliseconds; Playwright reads 0 as "no limit"
        return max((deadline - time.monotonic()) * 1000, 1)

    mark = f"__kompas_axe_{secrets.token_hex(8)}__"
    try:
        for frame in page.frames:
            try:
                frame.wait_for_function(_LOAD, arg=source, timeout=left())
            except PlaywrightTimeout:
                raise
            except Exception:  # a blocked or cross-origin frame: axe reports what it cannot reach
                if frame is page.main_frame:
                    raise
        with page.expect_console_message(lambda m: m.text.startswith(mark), timeout=left()) as message:
            page.wait_for_function(_START, arg=[TAGS, mark], timeout=left())
        outcome = json.loads(message.value.text[len(mark) :])
    except PlaywrightTimeout:
        raise PageTimeout from None
    if "error" in outcome:
        raise RuntimeError(outcome["error"])
    return outcome


def run_axe(page, timeout_ms: float = DEFAULT_TIMEOUT_MS) -> tuple[str, list[dict]]:
    """Run axe-core with the WCAG A/AA rules on a loaded page: (axe version, violations)."""
    outcome = run_axe_on_page(page, timeout_ms)
    return outcome["version"], outcome["violations"]
