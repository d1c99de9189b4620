"""Never lose an author's files: the output folder of ``kompas build``, killed builds, two builds at
once, a stopped preview, modes a web server can read, the image cache and an unusable cache.

Everything runs in scratch folders (``tmp_path``); the home folder is a scratch folder too, and every
process started here gets a scratch ``TMPDIR``, so that what it leaves behind can be seen."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, copy_example, run_kompas

from kompas_site import outputdir

WAIT = 120  # seconds a started process may take to reach the point a test waits for


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(parent: Path) -> list[str]:
    """Temporary folders of builds and lock files beside an output."""
    return sorted(
        p.name
        for p in parent.iterdir()
        if p.name.startswith(".") and ("-nieuw-" in p.name or "-oud-" in p.name or p.name.endswith(".lock"))
    )


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A project folder with a space in its name, holding a copy of the example report in ``content``;
    HOME is a scratch folder; the current folder is elsewhere."""
    project = tmp_path / "Kwaliteitsbeeld De Linde 2025"
    copy_example(project / "content")
    home = tmp_path / "thuis"
    home.mkdir()
    (home / ".bashrc").write_text("# van de auteur\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return project


def env_for(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of a separate kompas process, with its own temporary folder."""
    tmp.mkdir(parents=True, exist_ok=True)
    python_path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": python_path, **extra}


def kompas(*args, env, cwd=None, **popen) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kompas_site", *map(str, args)], env=env, cwd=cwd, text=True, **popen
    )


def wait_for(condition, what: str, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert process is None or process.poll() is None, f"the process ended before {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


# -- outputs that are refused ---------------------------------------------------------------------


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize(
    "where, message",
    [
        ("content", "dezelfde map als de map met uw rapport"),
        ("project", "een map waarin de map met uw rapport staat"),
        ("content/site", "een map binnen de map met uw rapport"),
    ],
)
def test_output_that_is_contains_or_lies_in_the_content_folder_is_refused(scratch, capsys, where, message, force):
    content = scratch / "content"
    output = scratch if where == "project" else scratch / where
    before = snapshot(scratch)
    code, _out, err = run_kompas("build", content, "-o", output, *(["--force"] if force else []), capsys=capsys)
    assert code == 2, err
    assert message in err and "uw eigen pagina's en foto's" in err
    assert snapshot(scratch) == before
    assert leftovers(scratch) == [] and leftovers(scratch.parent) == []


def test_output_dot_in_the_folder_holding_the_content_is_refused(scratch, capsys, monkeypatch):
    monkeypatch.chdir(scratch)
    before = snapshot(scratch)
    code, _out, err = run_kompas("build", "content", "-o", ".", capsys=capsys)
    assert code == 2
    assert "'.' is een map waarin de map met uw rapport staat" in err
    assert snapshot(scratch) == before


def test_output_root_is_refused_even_with_force(scratch, capsys):
    code, _out, err = run_kompas("build", scratch / "content", "-o", "/", "--force", capsys=capsys)
    assert code == 2
    assert "hoofdmap van een schijf" in err
    assert not [p for p in Path("/").iterdir() if "-nieuw-" in p.name or "-oud-" in p.name]


@pytest.mark.parametrize("spelled", ["~", "full"])
def test_output_home_folder_is_refused_even_with_force(scratch, capsys, spelled):
    home = Path(os.environ["HOME"])
    output = "~" if spelled == "~" else str(home)
    before = snapshot(home)
    code, _out, err = run_kompas("build", scratch / "content", "-o", output, "--force", capsys=capsys)
    assert code == 2
    assert "is uw thuismap" in err
    assert snapshot(home) == before and (home / ".bashrc").is_file()


def test_existing_folder_not_built_by_kompas_needs_force(scratch, capsys):
    output = scratch / "Oude website (2024) van de organisatie"
    output.mkdir()
    (output / "notulen cliëntenraad.docx").write_bytes(b"eigen werk")
    code, _out, err = run_kompas("build", scratch / "content", "-o", output, capsys=capsys)
    assert code == 2
    assert "bestaat al en is niet door kompas-site gemaakt" in err and "--force" in err
    assert (output / "notulen cliëntenraad.docx").read_bytes() == b"eigen werk"
    assert not (output / outputdir.MARKER).exists()

    code, out, err = run_kompas("build", scratch / "content", "-o", output, "--force", capsys=capsys)
    assert code == 0, err
    assert (output / "index.html").is_file() and (output / outputdir.MARKER).is_file()
    assert not (output / "notulen cliëntenraad.docx").exists()
    assert leftovers(scratch) == []


def test_existing_file_is_refused_even_with_force(scratch, capsys):
    report = scratch / "rapport.docx"
    report.write_bytes(b"PK\x03\x04 het Word-bestand")
    for extra in ([], ["--force"]):
        code, _out, err = run_kompas("build", scratch / "content", "-o", report, *extra, capsys=capsys)
        assert code == 2
        assert "'" + str(report) + "' is een bestand, geen map" in err
        assert report.read_bytes() == b"PK\x03\x04 het Word-bestand"
        assert leftovers(scratch) == []


def test_empty_folder_and_earlier_site_are_used_without_force(scratch, capsys):
    output = scratch / "site"
    output.mkdir()
    assert run_kompas("build", scratch / "content", "-o", output, capsys=capsys)[0] == 0
    (output / outputdir.MARKER).unlink()  # a site built before the marker existed is still recognised
    page = scratch / "content" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    code, _out, err = run_kompas("build", scratch / "content", "-o", output, capsys=capsys)
    assert code == 0, err
    assert (output / outputdir.MARKER).is_file()
    assert "Nog een zin." in (output / "index.html").read_text(encoding="utf-8")
    assert leftovers(scratch) == []


# -- builds that are stopped, killed, or run twice at once ------------------------------------------


def _start_and_stop_halfway(scratch: Path, tmp: Path, how: signal.Signals) -> subprocess.CompletedProcess:
    env = env_for(tmp)
    process = kompas(
        "build", scratch / "content", "-o", scratch / "site", env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )

    def halfway() -> bool:  # the new site is being written, and the settings file exists
        staging = [p for p in scratch.iterdir() if p.name.startswith(".site-nieuw-")]
        return bool(staging) and any(tmp.glob("kompas-*.yml")) and any(staging[0].glob("*.html"))

    wait_for(halfway, "the build to be halfway", process)
    process.send_signal(how)
    out, err = process.communicate(timeout=WAIT)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_build_stopped_by_a_signal_cleans_up_and_keeps_the_previous_site(scratch, tmp_path, capsys, how):
    assert run_kompas("build", scratch / "content", "-o", scratch / "site", capsys=capsys)[0] == 0
    previous = snapshot(scratch / "site")
    page = scratch / "content" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe zin.\n", encoding="utf-8")

    tmp = tmp_path / "tmp"
    stopped = _start_and_stop_halfway(scratch, tmp, how)
    assert stopped.returncode == 128 + how, stopped.stderr
    assert "Het bouwen is gestopt" in stopped.stderr and "Traceback" not in stopped.stderr
    assert leftovers(scratch) == []
    assert list(tmp.iterdir()) == []
    assert snapshot(scratch / "site") == previous

    again = subprocess.run(
        [sys.executable, "-m", "kompas_site", "build", scratch / "content", "-o", scratch / "site"],
        env=env_for(tmp),
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0, again.stderr
    assert "Een nieuwe zin." in (scratch / "site" / "index.html").read_text(encoding="utf-8")


def test_build_killed_without_warning_leaves_nothing_after_the_next_build(scratch, tmp_path):
    tmp = tmp_path / "tmp"
    killed = _start_and_stop_halfway(scratch, tmp, signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    assert leftovers(scratch) and list(tmp.glob("kompas-*.yml"))  # what a killed build cannot clean up
    another_users_file = tmp / "kompas-notities.yml"  # not ours: no process id in its name
    another_users_file.write_text("x: 1\n", encoding="utf-8")

    again = subprocess.run(
        [sys.executable, "-m", "kompas_site", "build", scratch / "content", "-o", scratch / "site"],
        env=env_for(tmp),
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0, again.stderr
    assert leftovers(scratch) == []
    assert sorted(p.name for p in tmp.iterdir()) == ["kompas-notities.yml"]
    assert (scratch / "site" / "index.html").is_file()


def test_two_builds_into_one_output_run_one_after_the_other(scratch, tmp_path, capsys):
    reference = tmp_path / "referentie"
    assert run_kompas("build", scratch / "content", "-o", reference, capsys=capsys)[0] == 0
    output = scratch / "site"
    env = env_for(tmp_path / "tmp")
    logs = [tmp_path / "eerste.txt", tmp_path / "tweede.txt"]
    with outputdir.output_lock(output):  # a third build is busy: both wait for it
        processes = []
        for log in logs:
            with open(log, "w", encoding="utf-8") as stream:
                processes.append(
                    kompas(
                        "build",
                        scratch / "content",
                        "-o",
                        output,
                        "--concept",
                        env=env,
                        stdout=subprocess.DEVNULL,
                        stderr=stream,
                    )
                )
        wait_for(lambda: all("wacht" in log.read_text(encoding="utf-8") for log in logs), "both builds to wait")
    for process in processes:
        assert process.wait(timeout=WAIT) == 0
    for log in logs:
        text = log.read_text(encoding="utf-8")
        assert text.count("Er wordt al een website gebouwd in") == 1, text
        assert "Traceback" not in text and "mislukt" not in text
    reference_files = set(snapshot(reference)) - {outputdir.MARKER}
    assert set(snapshot(output)) - {outputdir.MARKER} == reference_files
    assert leftovers(scratch) == []


# -- the preview ---------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP])
def test_preview_stopped_by_a_signal_leaves_no_temporary_files(scratch, tmp_path, how):
    tmp = tmp_path / "tmp"
    port = _free_port()
    server = kompas(
        "serve",
        scratch / "content",
        "--poort",
        port,
        env=env_for(tmp),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )

    def up() -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        wait_for(up, "the preview", server)
        assert list(tmp.iterdir())  # the draft is somewhere in the temporary folder
        server.send_signal(how)
        output = server.communicate(timeout=WAIT)[0]
    finally:
        if server.poll() is None:
            server.kill()
    assert "Traceback" not in output, output
    assert list(tmp.iterdir()) == []


def test_preview_killed_without_warning_leaves_nothing_after_the_next_build(scratch, tmp_path):
    tmp = tmp_path / "tmp"
    port = _free_port()
    server = kompas("serve", scratch / "content", "--poort", port, env=env_for(tmp), stdout=subprocess.DEVNULL)
    try:
        wait_for(lambda: list(tmp.glob("kompas-serve-*/mkdocs_*/index.html")), "the preview's first build", server)
    finally:
        server.kill()
        server.wait(timeout=WAIT)
    assert list(tmp.iterdir())  # what a killed preview cannot clean up
    build = subprocess.run(
        [sys.executable, "-m", "kompas_site", "build", scratch / "content", "-o", scratch / "site"],
        env=env_for(tmp),
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    assert list(tmp.iterdir()) == []


# -- what the site and the cache look like afterwards ----------------------------------------------------


def test_every_folder_and_file_of_the_site_is_readable_by_a_web_server(scratch, capsys):
    handlers = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    mask = os.umask(0o022)
    try:
        code, _out, err = run_kompas("build", scratch / "content", "-o", scratch / "site", capsys=capsys)
    finally:
        os.umask(mask)
    assert code == 0, err
    site = scratch / "site"
    modes = {p.relative_to(scratch).as_posix(): oct(p.stat().st_mode & 0o777) for p in [site, *site.rglob("*")]}
    assert len(modes) > 50 and any(p.startswith("site/afbeeldingen/") for p in modes)
    wrong = {p: m for p, m in modes.items() if m != (oct(0o755) if (scratch / p).is_dir() else oct(0o644))}
    assert wrong == {}
    assert {s: signal.getsignal(s) for s in handlers} == handlers  # the build gave the signals back


def test_editing_a_published_image_does_not_change_the_cache(scratch, tmp_path, capsys, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("KOMPAS_CACHE", str(cache))
    assert run_kompas("build", scratch / "content", "-o", scratch / "site", capsys=capsys)[0] == 0
    published = sorted((scratch / "site" / "afbeeldingen").iterdir())
    assert published
    cached = {p: (cache / "afbeeldingen" / p.name).read_bytes() for p in published}
    for path in published:  # edited in place, as an image editor or a script would
        with open(path, "r+b") as stream:
            stream.write(b"bewerkt")
    for path, data in cached.items():
        assert (cache / "afbeeldingen" / path.name).read_bytes() == data

    code, _out, err = run_kompas("build", scratch / "content", "-o", tmp_path / "tweede", capsys=capsys)
    assert code == 0, err
    for path, data in cached.items():
        assert (tmp_path / "tweede" / "afbeeldingen" / path.name).read_bytes() == data


def test_an_unusable_cache_folder_is_said_once_and_never_fails_the_build(scratch, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("geen map\n", encoding="utf-8")
    tmp = tmp_path / "tmp"
    result = subprocess.run(
        [sys.executable, "-m", "kompas_site", "build", scratch / "content", "-o", scratch / "site"],
        env=env_for(tmp, KOMPAS_CACHE=str(blocker / "cache")),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("kan niet gebruikt worden") == 1, result.stderr
    warning = next(line for line in result.stderr.splitlines() if "cachemap" in line)
    assert str(blocker / "cache") in warning and "zonder cache" in warning
    assert list((scratch / "site" / "afbeeldingen").iterdir())
    assert list(tmp.iterdir()) == []  # the temporary cache is gone with the process
