"""The code stays clean: ruff (lint and format) and mypy pass, with the settings in pyproject.toml.

Each tool runs as its own process from the repository root, the way a developer runs it there, with the
Python of the tests (so the versions from the `test` extra are used). On failure the tool's own output
is shown: it names the file, the line and what to change."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

COMMANDS = {
    "ruff check": ["ruff", "check", "."],
    "ruff format": ["ruff", "format", "--check", "."],
    "mypy": ["mypy"],
}


@pytest.mark.parametrize("name", COMMANDS)
def test_tool_is_clean(name: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", *COMMANDS[name]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    output = (done.stdout + done.stderr).strip()
    assert done.returncode == 0, f"`{' '.join(COMMANDS[name])}` is not clean (exit {done.returncode}):\n\n{output}"
