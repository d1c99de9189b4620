"""`kompas serve`: the live preview shows the draft banner and reloads edits."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from bs4 import BeautifulSoup

from kompas_site.render.siteconfig import CONFIG_TEMPLATE


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def serve_command(how: str, content, port: int) -> list[str]:
    if how == "kompas":
        return [sys.executable, "-m", "kompas_site", "serve", str(content), "--poort", str(port)]
    config = content.parent / "mkdocs.yml"  # what an organisation keeps beside its content folder
    config.write_text(CONFIG_TEMPLATE.format(docs_dir=content.name, concept=""), encoding="utf-8")
    return [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"]


@pytest.mark.parametrize("how", ["kompas", "mkdocs"])
def test_preview_shows_the_draft_banner_and_picks_up_edits(example, how):
    """Both previews draw again only what changed after the first build (see test_scale.py)."""
    port = free_port()
    server = subprocess.Popen(
        serve_command(how, example, port), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        html = fetch(f"http://127.0.0.1:{port}/")
        banner = BeautifulSoup(html, "html.parser").select_one(".kompas-concept")
        assert banner is not None and "Concept: nog niet publiceren" in banner.get_text()

        page = example / "01-over-ons" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nEen zin die er net bij kwam.\n", encoding="utf-8")
        deadline = time.monotonic() + 30
        while "Een zin die er net bij kwam." not in fetch(f"http://127.0.0.1:{port}/over-ons/"):
            assert time.monotonic() < deadline, "the edit did not show up in the preview"
            time.sleep(0.5)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output and "dirty" not in output, output
