"""`kompas new` and `kompas serve` on input an author can type by mistake: a Dutch message, exit 2,
no traceback, and nothing half-written."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from conftest import run_cli, run_kompas

NEW = ("--kader", "gehandicaptenzorg-2023", "--soort", "kwaliteitsbeeld")


def files_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


def test_new_into_an_existing_file_says_it_is_a_file(tmp_path, capsys):
    existing = tmp_path / "kompas.yml"
    existing.write_bytes(b"organisatie:\r\n  naam: Stichting De Linde\r\n")
    code, _, err = run_kompas("new", existing, *NEW, "--jaar", 2025, capsys=capsys)
    assert code == 2
    assert "is een bestand, geen map" in err and "Traceback" not in err
    assert existing.read_bytes() == b"organisatie:\r\n  naam: Stichting De Linde\r\n"
    assert files_under(tmp_path) == [existing]


def test_new_under_a_file_names_the_file_in_the_way(tmp_path, capsys):
    notes = tmp_path / "notities van de kwaliteitsfunctionaris.txt"
    notes.write_text("nog doen", encoding="utf-8")
    code, _, err = run_kompas("new", notes / "kwaliteitsbeeld-2025", *NEW, "--jaar", 2025, capsys=capsys)
    assert code == 2
    assert f"'{notes}' is een bestand, geen map" in err
    assert files_under(tmp_path) == [notes]


@pytest.mark.parametrize("jaar", ["9999", "-5", "0", "2024"])
def test_new_with_a_year_the_edition_does_not_cover_names_the_years_that_fit(tmp_path, jaar, capsys):
    target = tmp_path / "kwaliteitsbeeld"
    code, _, err = run_kompas("new", target, *NEW, f"--jaar={jaar}", capsys=capsys)
    assert code == 2
    assert f"Het jaar {jaar} past niet" in err and "2023, 2025 of 2027" in err
    if jaar == "2024":  # a year of the other edition type of this framework: say which one
        assert "--soort voortgangsbericht" in err
    assert not target.exists()


def test_new_with_a_negative_year_as_a_separate_argument(tmp_path):
    result = run_cli("new", tmp_path / "rapport", *NEW, "--jaar", "-5")
    assert result.returncode == 2, result.stderr
    assert "Het jaar -5 past niet" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "rapport").exists()


@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "empty-folder"])
def test_new_into_a_folder_it_cannot_write_leaves_nothing_behind(tmp_path, existing, monkeypatch, capsys):
    """Tests run as root, who may write anywhere: the refusal of the file system is simulated after a few
    files, the way a full disk or a read-only share stops halfway."""
    target = tmp_path / "gedeelde schijf" / "kwaliteitsbeeld-2025"
    if existing:
        target.mkdir(parents=True)
    real_write_text = Path.write_text
    count = {"n": 0}

    def refusing_write_text(self, *args, **kwargs):
        count["n"] += 1
        if count["n"] > 3:
            raise PermissionError(13, "Permission denied", str(self))
        return real_write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", refusing_write_text)
    code, _, err = run_kompas("new", target, *NEW, "--jaar", 2025, capsys=capsys)
    monkeypatch.undo()
    assert code == 2
    assert "mag niet schrijven" in err and "Er is niets aangemaakt" in err and "Traceback" not in err
    assert count["n"] > 3  # the refusal really came halfway
    if existing:
        assert target.is_dir() and files_under(target) == []
    else:
        assert files_under(tmp_path) == []


def test_new_still_makes_a_report_for_a_year_that_fits(tmp_path, capsys):
    target = tmp_path / "leeg"
    target.mkdir()
    code, out, _ = run_kompas("new", target, *NEW, "--jaar", 2025, capsys=capsys)
    assert code == 0 and "staat klaar" in out
    assert (target / "kompas.yml").is_file()


@pytest.mark.parametrize("poort", ["99999", "0", "-1"])
def test_serve_on_a_port_that_does_not_exist(example, poort):
    result = run_cli("serve", example, f"--poort={poort}")
    assert result.returncode == 2
    assert f"Poort {poort} bestaat niet" in result.stderr and "Traceback" not in result.stderr


def test_serve_on_a_port_in_use_says_so_and_offers_another():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "content", "--poort", port, cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 2
    assert f"Poort {port} is al in gebruik" in result.stderr and "--poort " in result.stderr
    assert "Traceback" not in result.stderr and "Voorbeeld op" not in result.stdout


@pytest.mark.parametrize("verb", ["check", "build"])
def test_a_file_given_as_the_content_folder_is_called_a_file(example, verb, capsys, tmp_path):
    args = ("-o", tmp_path / "site") if verb == "build" else ()
    code, _, err = run_kompas(verb, example / "kompas.yml", *args, capsys=capsys)
    assert code == 2
    assert "is een bestand, geen map" in err and f"dat '{example}'" in err
    assert "bestaat niet" not in err


def test_a_file_in_the_current_folder_points_to_the_current_folder(example):
    result = run_cli("check", "kompas.yml", cwd=example)
    assert result.returncode == 2
    assert "'kompas.yml' is een bestand, geen map" in result.stderr and "'.'" in result.stderr


def test_a_missing_folder_is_still_called_missing(tmp_path, capsys):
    code, _, err = run_kompas("check", tmp_path / "contnet", capsys=capsys)
    assert code == 2 and "bestaat niet" in err


def test_an_email_address_written_as_a_number_is_not_told_about_a_lost_0(example, capsys):
    kompas = example / "kompas.yml"
    kompas.write_bytes(kompas.read_bytes().replace(b"\n", b"\r\n") + b"contact:\r\n  email: 12345\r\n")
    code, _, err = run_kompas("check", example, capsys=capsys)
    assert code == 2
    assert "staat een getal (12345), geen e-mailadres" in err and "@" in err
    assert "valt de 0" not in err


def test_a_phone_number_written_as_a_number_still_asks_for_quotes(example, capsys):
    kompas = example / "kompas.yml"
    kompas.write_text(kompas.read_text(encoding="utf-8") + "contact:\n  telefoon: 201234567\n", encoding="utf-8")
    code, _, err = run_kompas("check", example, capsys=capsys)
    assert code == 2 and "tussen aanhalingstekens" in err and "valt de 0" in err
