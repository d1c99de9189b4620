"""The personal-data scan: what leaks is caught wherever it is published; the organisation's own numbers
(IBAN, RSIN, KvK, vestigingsnummer, AGB-code) and values the author allows with a reason are not reported."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from conftest import run_kompas
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kompas_site.check import check_report
from kompas_site.check.privacy import BSN, EMAIL, GEBOORTEDATUM, TELEFOON, find_personal_data, iban_is_valid
from kompas_site.errors import ContentError
from kompas_site.load import load_report
from kompas_site.model import Toegestaan


def kinds(text: str) -> list[str]:
    return [h.kind for h in find_personal_data(text)]


def found(content: Path, report=None):
    report = report or load_report(content)
    return [f for f in check_report(report).findings if f.code == "persoonsgegevens"]


def write(path: Path, text: str, newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- the organisation's own numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Giften zijn welkom op NL91 ABNA 0417 1643 00 ten name van de stichting.",
        "Ons rekeningnummer: NL91ABNA0417164300.",
        "Ons IBAN is NL91 ABNA 0417 1643 00 BIC ABNANL2A.",
        "Onze Belgische rekening: BE68 5390 0754 7034, de Duitse: DE89 3704 0044 0532 0130 00.",
        "IBAN\u00a0NL91\u00a0ABNA\u00a00417\u00a01643\u00a000",
        "Ons RSIN is 801745913.",
        "RSIN/fiscaal nummer: 8017.45.913 (ANBI).",
        "Fiscaal nummer 801 745 913",
        "Stichting De Wilgenhoeve, 801745913 (RSIN), Lindenveen.",
        "KvK 41234567, vestigingsnummer 000012345678, AGB-code 12345678.",
        "Ingeschreven bij de Kamer van Koophandel onder nummer 41234567.",
        "KvK-vestigingsnummer: 0000 1234 5678",
        "Vestigingsnummer: 123 456 789 012",
        "Onze AGB-code is 98 76 54 32.",
        "RSIN 801745913 2025 was ons eerste jaar met de ANBI-status.",
    ],
)
def test_numbers_of_the_organisation_are_not_reported(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Rekening NL91 ABNA 0417 1643 00, haar BSN is 111222333.", [BSN]),
        ("Het nummer 111222333 staat in haar dossier.", [BSN]),  # a bare BSN: no label, passes the elfproef
        ("RSIN van de stichting: zie hieronder. Haar nummer is 111222333.", [BSN]),  # a sentence between them
        ("Niet het RSIN maar haar BSN: 111222333.", [BSN]),  # the nearest label counts
        ("KvK 111222333", [BSN]),  # a KvK-nummer has 8 digits, not 9
        ("Bel NL91 ABNA 0417 1643 00 niet, bel Gert op 06-12345678.", [TELEFOON]),
        ("Rekening NL12 ABNA 0612 3456 78 is fout.", [TELEFOON]),  # the checksum fails: not an IBAN
    ],
)
def test_what_is_not_the_organisations_number_is_still_caught(text, expected):
    assert kinds(text) == expected


def test_iban_checksum():
    assert iban_is_valid("NL91ABNA0417164300") and iban_is_valid("GB82WEST12345698765432")
    assert not iban_is_valid("NL91ABNA0417164301") and not iban_is_valid("NL91ABNA04171643é0")


# --- evasions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Haar BSN is 111-22-2333.", BSN),
        ("Haar nummer is 111-22-2333.", BSN),
        ("Haar BSN is 111\u00a0222\u00a0333.", BSN),
        ("Haar BSN is 1112\u202f22\u202f333.", BSN),
        ("Haar BSN is 111\u2009222\u2009333.", BSN),
        ("Haar BSN is 111\u200b222\u200b333.", BSN),
        ("Bel Gert op 06\u201112345678.", TELEFOON),
        ("Bel Gert op 06\u201312345678.", TELEFOON),
        ("Bel het team op 020/1234567.", TELEFOON),
        ("Bel Gert op 06.12.34.56.78.", TELEFOON),
        ("Bel Gert op 06\u00a01234\u00a05678.", TELEFOON),
        ("Bel Gert op +31\u00a06\u2011123\u202f456\u202f78.", TELEFOON),
        ("Mail GERT.JANSEN@GMAIL.COM of Samira.de.Boer@Hotmail.NL.", EMAIL),
        ("Gert is geboren op 12\u201303\u20131990.", GEBOORTEDATUM),
    ],
)
def test_look_alike_characters_do_not_hide_personal_data(text, kind):
    assert set(kinds(text)) == {kind}


# --- a date of birth, or a figure of speech ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Het idee werd geboren op 4 april 2022, tijdens een huisoverleg.",
        "De stichting is geboren op 1 januari 1990 uit twee kleinere organisaties.",
        "Op 4 april 2022 werd ons moestuinproject geboren.",
        "Ons project werd geboren op 12-03-2021 in de huiskamer van De Esdoorn.",
        "Het plan voor de filmavond is geboren op 3 oktober 2025.",
        "De werkgroep werd op 14 februari 2024 geboren.",
        "De geboortedag van onze stichting: 4 april 1950.",
        "Zo werd op 2 mei 2023 het buurtinitiatief geboren.",
    ],
)
def test_a_figurative_birth_is_not_a_date_of_birth(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gert werd in het ziekenhuis geboren op 12 maart 1990.",
        "Gert werd in het grote ziekenhuis geboren op 12 maart 1990.",
        "Op 12 maart 1990 werd Gert geboren.",
        "Haar dochter is geboren op 3 mei 2020.",
        "Ik ben geboren op 3 mei 1980, in Lindenveen.",
        "Het idee kwam van Samira. Zij is geboren op 4 april 1985.",
        "Het idee dat ik had, kwam van mijn moeder, geboren 4 april 1950.",
        "Geboortedatum van de cliënt: 1990-03-12.",
        "Geboortedatum: 12-03-1990.",
        "Het kind werd geboren op 3 mei 2020.",
    ],
)
def test_a_persons_date_of_birth_is_still_caught(text):
    assert kinds(text) == [GEBOORTEDATUM]


# --- through `kompas check` ---------------------------------------------------------------------------

ORGANISATION_PAGE = """\
---
title: Over de stichting
description: "Stichting De Wilgenhoeve, KvK 41234567, RSIN 801745913."
---

# Over de stichting

Stichting De Wilgenhoeve heeft de ANBI-status. Ons RSIN is 801745913 en we staan bij de Kamer van
Koophandel onder nummer 41234567 (vestigingsnummer 000012345678). Onze AGB-code is 98765432.
Giften zijn welkom op NL91 ABNA 0417 1643 00.

Het idee voor deze website werd geboren op 4 april 2022, in een overleg met de cliëntenraad.
"""


def test_check_passes_a_page_with_the_organisations_numbers(example, capsys):
    write(example / "01-over-ons" / "stichting.md", ORGANISATION_PAGE, newline="\r\n")
    code, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    data = json.loads(out)
    items = data["findings"] if isinstance(data, dict) else data
    assert [f for f in items if f["code"] == "persoonsgegevens"] == []
    assert code == 0


def test_check_fails_on_a_clients_bsn_beside_them(example, capsys):
    page = write(
        example / "01-over-ons" / "stichting.md",
        ORGANISATION_PAGE + "\nHet BSN van Gert is 111\u00a0222\u00a0333.\n",
        newline="\r\n",
    )
    code, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    data = json.loads(out)
    items = [f for f in (data["findings"] if isinstance(data, dict) else data) if f["code"] == "persoonsgegevens"]
    assert code == 1
    assert [(f["file"], f["line"]) for f in items] == [("01-over-ons/stichting.md", line_of(page, "Het BSN van"))]
    assert "222" not in out


# --- allowing one value, with a reason --------------------------------------------------------------


def test_a_page_allows_one_value_with_a_reason(example):
    page = write(
        example / "01-over-ons" / "cijfers.md",
        "---\ntitle: Cijfers\n---\n\nHet nummer van de vergunning is 123456782. Bel Gert op 06-12345678.\n"
        "Mail naar Klachten.Commissie@Example.NL.\n",
    )
    before = found(example)
    assert len(before) == 3 and {f.file for f in before} == {"01-over-ons/cijfers.md"}
    message = next(f.message for f in before if "BSN" in f.message)  # a number: it may be allowed
    assert "toegestaan:" in message and "waarde:" in message and "reden:" in message
    phone = next(f.message for f in before if "telefoonnummer" in f.message)  # the organisation's: 'contact:'
    assert "contact:" in phone and "toegestaan:" not in phone
    assert "kop van deze pagina" in message and "kompas.yml" in message
    edit(
        page,
        "title: Cijfers\n",
        "title: Cijfers\ntoegestaan:\n  - waarde: 123 456 782\n    reden: het nummer van onze vergunning\n"
        "  - {waarde: klachten.commissie@example.nl, reden: de klachtencommissie}\n",
    )
    [left] = found(example)
    assert "telefoonnummer" in left.message and left.file == "01-over-ons/cijfers.md"
    # another page does not inherit what one page allows
    write(example / "01-over-ons" / "ander.md", "---\ntitle: Ander\n---\n\nHet nummer is 123456782.\n")
    assert {f.file for f in found(example)} == {"01-over-ons/cijfers.md", "01-over-ons/ander.md"}


def test_kompas_yml_allows_a_value_in_every_text(example):
    write(example / "01-over-ons" / "ander.md", "---\ntitle: Ander\n---\n\nHet nummer is 123456782.\n")
    edit(example / "speerpunten.yml", "titel: Cliënten maken", "titel: Vergunning 123456782, cliënten maken")
    report = load_report(example)
    assert len(found(example, report)) == 2
    allowed = (Toegestaan("123.456.782", "het nummer van onze vergunning"),)
    report.settings = dataclasses.replace(report.settings, toegestaan=allowed)
    assert found(example, report) == []
    other = (Toegestaan("123456783", "een ander nummer"), Toegestaan("", "leeg"))
    report.settings = dataclasses.replace(report.settings, toegestaan=other)
    assert len(found(example, report)) == 2


def test_a_single_allowed_value_may_be_written_without_a_list(example):
    write(
        example / "01-over-ons" / "ander.md",
        "---\ntitle: Ander\ntoegestaan:\n  waarde: '123456782'\n  reden: vergunning\n---\n\nNummer 123456782.\n",
    )
    assert found(example) == []


def test_allowing_is_never_a_switch(example):
    page = write(example / "01-over-ons" / "ander.md", "---\ntitle: Ander\ntoegestaan: alles\n---\n\nBSN 111222333\n")
    with pytest.raises(ContentError, match="Onder 'toegestaan' hoort een lijst"):  # not a switch: refused
        found(example)
    edit(page, "toegestaan: alles", "toegestaan:\n  - waarde: '*'\n    reden: alles mag")
    assert len(found(example)) == 1


# --- every published text ---------------------------------------------------------------------------


def test_every_published_text_of_a_page_is_scanned(example):
    page = write(
        example / "01-over-ons" / "alles.md",
        "---\n"
        "title: Bel 06-11112222\n"  # 2
        'description: "Mail gert.jansen@gmail.com"\n'  # 3
        "---\n\n"
        "Gewone tekst zonder gegevens.\n\n"  # 6
        '<div class="kaart">\n  <p>BSN 111222333</p>\n</div>\n\n'  # 8-10
        "Zie `06-22223333` en ![Gert, geboren op 12 maart 1990](../media/moestuin.jpg)\n\n"  # 12
        "[Onze pagina](https://example.nl/dossier?bsn=111222333) en [bel](tel:+31612345678)\n"  # 14
        "en [mail](mailto:Samira.de.Boer@Gmail.com?subject=hoi).\n\n"  # 15
        "<span>noor@hotmail.com</span>\n",  # 17
    )
    got = sorted((f.line, f.key or "") for f in found(example) if f.file == "01-over-ons/alles.md")
    assert got == [
        (2, "title"),
        (3, "description"),
        (9, ""),
        (12, ""),
        (12, ""),
        (14, ""),
        (14, ""),
        (15, ""),
        (17, ""),
    ]
    assert line_of(page, "BSN 111222333") == 9


def test_story_front_matter_is_scanned(example):
    story = example / "verhalen" / "filmavond.md"
    edit(story, 'citaat: "Op vrijdag', 'citaat: "Bel Ilse op 06-12345678. Op vrijdag')
    edit(story, '  titel: "Big Buck Bunny', '  titel: "Ilse (ilse.v@gmail.com) kiest: Big Buck Bunny')
    edit(story, "    Het konijn wordt boos.", "    Het konijn wordt boos. Het BSN van Ilse is 111222333.")
    edit(story, "title: Filmavond op De Esdoorn", "title: Filmavond, Ilse geboren 3 mei 1984")
    gert = example / "verhalen" / "gert-op-zichzelf.md"
    edit(gert, "    alt: Gert snijdt groente", "    alt: Gert (06-87654321) snijdt groente")
    got = sorted((f.file, f.line, f.key) for f in found(example))
    assert got == sorted(
        [
            ("verhalen/filmavond.md", line_of(story, "title: Filmavond"), "title"),
            ("verhalen/filmavond.md", line_of(story, "citaat:"), "citaat"),
            ("verhalen/filmavond.md", line_of(story, "  titel:"), "video: titel"),
            ("verhalen/filmavond.md", line_of(story, "Het konijn wordt boos"), "video: transcript"),
            ("verhalen/gert-op-zichzelf.md", line_of(gert, "    alt:"), "fotos: alt"),
        ]
    )


def test_speerpunten_glossary_and_verantwoordelijk_are_scanned(example):
    goals = example / "speerpunten.yml"
    edit(goals, "      Het werd 93%, en 78%", "      Het werd 93% (vragen: Femke, 06-12345678), en 78%")
    edit(goals, "titel: Ervaringsonderzoek samen", "titel: Ervaringsonderzoek (femke@gmail.com) samen")
    write(
        example / "woordenlijst.yml",
        "# Onze eigen woorden\nbegeleider: Iemand die je helpt.\n"
        "huisoverleg: Overleg in huis; bel Gert op 06-22223333.\n",
    )
    edit(example / "kompas.yml", "verantwoordelijk: Raad van Bestuur", "verantwoordelijk: J. de Vries, 06-33334444")
    got = sorted((f.file, f.line) for f in found(example))
    assert got == sorted(
        [
            ("speerpunten.yml", line_of(goals, "Het werd 93%")),
            ("speerpunten.yml", line_of(goals, "titel: Ervaringsonderzoek")),
            ("woordenlijst.yml", 3),
            ("kompas.yml", line_of(example / "kompas.yml", "verantwoordelijk:")),
        ]
    )


# --- generated values --------------------------------------------------------------------------------

SEPARATORS = [" ", "\u00a0", "\u202f", "\u2009", "-", "\u2011", "\u2013", "."]


def iban(country: str, bban: str) -> str:
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Real BBANs: a bank code of letters (NL, GB), or digits only (BE, DE, FR), then an account number.
BBAN = st.one_of(
    st.text(LETTERS + "0123456789", min_size=11, max_size=30),
    st.builds(
        lambda bank, zero, account: bank + zero + account,
        st.text(LETTERS, min_size=0, max_size=4),
        st.sampled_from(["", "0"]),
        st.text("0123456789", min_size=9, max_size=24),
    ).filter(lambda b: 11 <= len(b) <= 30),
)


@settings(max_examples=400, deadline=None)
@given(country=st.text(LETTERS, min_size=2, max_size=2), bban=BBAN, spaced=st.sampled_from(["", " ", "\u00a0"]))
@example(country="NL", bban="ABNA0417164300", spaced=" ")  # the issue's own IBAN, read as a phone number
@example(country="BE", bban="539007547034", spaced=" ")
def test_a_valid_iban_is_never_reported(country, bban, spaced):
    compact = iban(country, bban)
    assert iban_is_valid(compact)
    written = spaced.join(compact[i : i + 4] for i in range(0, len(compact), 4)) if spaced else compact
    assert kinds(f"Giften zijn welkom op {written}. Dank u wel!") == []


@settings(max_examples=300, deadline=None)
@given(
    digits=st.lists(st.integers(0, 9), min_size=8, max_size=8),
    label=st.sampled_from(["BSN", "bsn:", "Burgerservicenummer", "Haar burgerservicenummer is", "BSN-nummer"]),
    groups=st.sampled_from([(9,), (3, 3, 3), (3, 2, 4), (4, 2, 3), (2, 3, 4)]),
    separator=st.sampled_from(["", *SEPARATORS]),
)
def test_a_valid_bsn_with_its_label_is_always_reported(digits, label, groups, separator):
    check = sum(d * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2))) % 11
    if check == 10 or not any(digits + [check]):
        return  # no BSN ends with these eight digits
    number = "".join(map(str, digits + [check]))
    parts, at = [], 0
    for size in groups:
        parts.append(number[at : at + size])
        at += size
    assert kinds(f"{label} {separator.join(parts)}. Dat staat in het dossier.") == [BSN]
