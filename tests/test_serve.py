"""`kompas serve`: the live preview shows the draft banner and reloads edits."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from bs4 import BeautifulSoup


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


def test_preview_shows_the_draft_banner_and_picks_up_edits(example):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "kompas_site", "serve", str(example), "--poort", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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
    assert "Traceback" not in output
