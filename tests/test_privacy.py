"""Privacy and image checks: consent, story labels, image descriptions and paths, personal data."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLE, run_kompas

from kompas_site.check import check_report
from kompas_site.check.images import looks_like_file_name
from kompas_site.check.privacy import BSN, EMAIL, GEBOORTEDATUM, TELEFOON, check_consent, find_personal_data
from kompas_site.errors import ContentError
from kompas_site.load import load_report

OUR_CODES = {
    "toestemming-ontbreekt",
    "kopregel-vorm",
    "toestemming-verlopen",
    "verhaal-perspectief-onbekend",
    "verhaal-domein-onbekend",
    "verhaal-bouwsteen-onbekend",
    "alt-ontbreekt",
    "alt-bestandsnaam",
    "alt-te-lang",
    "afbeelding-ontbreekt",
    "pad-buiten-content",
    "persoonsgegevens",
}


def findings(content: Path, *codes: str):
    return [f for f in check_report(load_report(content)).findings if f.code in (codes or OUR_CODES)]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def write_page(content: Path, rel: str, body: str, head: str = "title: Test") -> Path:
    path = content / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{head}\n---\n\n{body}\n", encoding="utf-8")
    return path


def test_the_example_has_no_privacy_or_image_findings():
    assert findings(EXAMPLE) == []


# --- consent ---------------------------------------------------------------------------------------


def test_a_client_story_without_consent_is_an_error(example):
    story = example / "verhalen" / "gert-op-zichzelf.md"
    text = story.read_text(encoding="utf-8")
    head, rest = text.split("toestemming:\n", 1)
    story.write_text(head + rest.split("\n", 3)[3], encoding="utf-8")  # drop the block of four lines
    [finding] = findings(example)
    assert (finding.code, finding.severity, finding.file) == (
        "toestemming-ontbreekt",
        "fout",
        "verhalen/gert-op-zichzelf.md",
    )
    assert finding.line == line_of(story, "perspectief:")
    assert "vastgelegd_door" in finding.message and "niet op de site" in finding.message


def test_a_professional_story_needs_no_consent(example):
    story = example / "verhalen" / "begeleider-noor.md"
    text = story.read_text(encoding="utf-8")
    head, rest = text.split("toestemming:\n", 1)
    story.write_text(head + rest.split("\n", 3)[3], encoding="utf-8")
    assert findings(example) == []


@pytest.mark.parametrize(
    "old,new,key,words",
    [
        ("  vastgelegd_door: teamleider Wonen Lindenveen\n", "", None, "ontbreekt 'vastgelegd_door'"),
        ("  datum: 2026-01-28", "  datum: 28-01-2026", "  datum:", "jaar-maand-dag"),
        ("  geldig_tot: 2027-12-31", "  geldig_tot:", "  geldig_tot:", "ontbreekt 'geldig_tot'"),
    ],
)
def test_incomplete_consent_names_the_key_and_its_line(example, old, new, key, words):
    story = example / "verhalen" / "moeder-van-samira.md"  # a relative's story
    edit(story, old, new)
    [finding] = findings(example)  # one finding per mistake (a date in the wrong form: the loader's)
    assert finding.code in ("toestemming-ontbreekt", "kopregel-vorm") and finding.severity == "fout"
    assert words in finding.message
    assert finding.line == line_of(story, key or "toestemming:")


def test_expired_consent_is_measured_against_the_publication_date(example):
    story = example / "verhalen" / "gert-op-zichzelf.md"
    edit(story, "geldig_tot: 2027-12-31", "geldig_tot: 2026-05-27")  # publicatiedatum: 2026-05-28
    [finding] = findings(example)
    assert (finding.code, finding.severity) == ("toestemming-verlopen", "fout")
    assert finding.line == line_of(story, "geldig_tot:")
    assert "27 mei 2026" in finding.message and "28 mei 2026" in finding.message
    edit(story, "geldig_tot: 2026-05-27", "geldig_tot: 2026-05-28")  # valid on the day itself
    assert findings(example) == []


def test_without_a_publication_date_consent_is_measured_against_today(example):
    edit(example / "kompas.yml", "  publicatiedatum: 2026-05-28\n", "")
    edit(example / "verhalen" / "gert-op-zichzelf.md", "geldig_tot: 2027-12-31", "geldig_tot: 2030-01-01")
    report = load_report(example)
    expired = [f for f in check_consent(report, today=date(2028, 1, 1))]
    files = {f.file for f in expired}
    assert files == {s.path for s in report.stories if s.meta["toestemming"]["geldig_tot"] < date(2028, 1, 1)}
    assert "verhalen/moeder-van-samira.md" in files and "verhalen/gert-op-zichzelf.md" not in files
    assert all("vandaag (1 januari 2028)" in f.message for f in expired)
    assert list(check_consent(report, today=date(2027, 12, 31))) == []


# --- story labels ----------------------------------------------------------------------------------


def test_unknown_perspective_domain_and_bouwsteen(example):
    story = example / "verhalen" / "gert-op-zichzelf.md"
    edit(story, "perspectief: client", "perspectief: cliënt")
    edit(
        story, "domeinen: [zelfbepaling, deelname-aan-de-samenleving]", "domeinen: [zelfbepaling, deelname-samenleving]"
    )
    edit(story, "bouwsteen: 1", "bouwsteen: 7")
    by_code = {f.code: f for f in findings(example)}
    assert set(by_code) == {"verhaal-perspectief-onbekend", "verhaal-domein-onbekend", "verhaal-bouwsteen-onbekend"}
    assert all(f.severity == "fout" and f.file == "verhalen/gert-op-zichzelf.md" for f in by_code.values())
    assert "Bedoelt u 'client'?" in by_code["verhaal-perspectief-onbekend"].message
    domain = by_code["verhaal-domein-onbekend"]
    assert "Bedoelt u 'deelname-aan-de-samenleving'?" in domain.message and "'belangen'" in domain.message
    assert domain.line == line_of(story, "domeinen:")
    assert "1, 2, 3, 4" in by_code["verhaal-bouwsteen-onbekend"].message
    for code, key in (("verhaal-perspectief-onbekend", "perspectief:"), ("verhaal-bouwsteen-onbekend", "bouwsteen:")):
        assert by_code[code].line == line_of(story, key)


def test_a_domain_in_a_block_list_points_at_its_own_line(example):
    story = example / "verhalen" / "gert-op-zichzelf.md"
    edit(story, "domeinen: [zelfbepaling, deelname-aan-de-samenleving]", "domeinen:\n  - zelfbepaling\n  - vriendschap")
    [finding] = findings(example)
    assert finding.code == "verhaal-domein-onbekend" and finding.line == line_of(story, "- vriendschap")


def test_domains_in_a_kader_without_them_are_a_warning_not_a_fout(example):
    edit(example / "kompas.yml", "kader: gehandicaptenzorg-2023", "kader: gehandicaptenzorg-2017")
    edit(example / "kompas.yml", "soort: kwaliteitsbeeld", "soort: kwaliteitsrapport")
    edit(example / "kompas.yml", "jaar: 2025", "jaar: 2021")
    assert not [f for f in findings(example) if f.code == "verhaal-domein-onbekend"]
    warned = findings(example, "verhaal-domeinen-niet-in-kader")
    assert warned and {f.severity for f in warned} == {"waarschuwing"}


# --- images ----------------------------------------------------------------------------------------


def test_markdown_image_descriptions(example):
    long_alt = "Een foto van " + "een heel lange rij mensen die samen wandelen, " * 4
    page = write_page(
        example,
        "01-over-ons/fotos.md",
        "\n\n".join(
            [
                "![](../media/moestuin.jpg)",
                "![](../media/moestuin.jpg){ .decoratief }",
                "![IMG_1234.jpg](../media/moestuin.jpg)",
                "![DSC0001](../media/moestuin.jpg)",
                "![moestuin.jpg](../media/moestuin.jpg)",
                f"![{long_alt}](../media/moestuin.jpg)",
                "![Een moestuin met houten bakken.](../media/moestuin.jpg)",
            ]
        ),
    )
    got = [(f.code, f.severity, f.line) for f in findings(example) if f.file == "01-over-ons/fotos.md"]
    assert got == [
        ("alt-ontbreekt", "fout", 5),
        ("alt-bestandsnaam", "waarschuwing", 9),
        ("alt-bestandsnaam", "waarschuwing", 11),
        ("alt-bestandsnaam", "waarschuwing", 13),
        ("alt-te-lang", "waarschuwing", 15),
    ]
    missing = next(f for f in findings(example) if f.code == "alt-ontbreekt")
    assert "{ .decoratief }" in missing.message and page.name == "fotos.md"


@pytest.mark.parametrize(
    "alt,expected",
    [
        ("IMG_1234.jpg", True),
        ("foto.png", True),
        ("DSC0001", True),
        ("IMG 1234", True),
        ("PXL_20250314_101500", True),
        ("gert_keuken", True),
        ("Foto 2025 van het team in de tuin.", False),
        ("Gert snijdt groente.", False),
        ("Moestuin", False),
        ("Het logo van De Wilgenhoeve.", False),
    ],
)
def test_file_name_like_alt_text(alt, expected):
    assert looks_like_file_name(alt, "../media/gert-keuken.jpg") is expected


def test_image_paths_missing_or_outside_the_content_folder(example):
    write_page(
        example,
        "01-over-ons/paden.md",
        "\n\n".join(
            [
                "![Een moestuin.](../media/moestuinn.jpg)",
                "![Een wachtwoordbestand.](../../etc/passwd)",
                "![Een bestand.](/etc/passwd)",
                "![Een foto van internet.](https://www.example.org/foto.jpg)",
            ]
        ),
    )
    got = [(f.code, f.severity, f.line) for f in findings(example) if f.file == "01-over-ons/paden.md"]
    assert got == [
        ("afbeelding-ontbreekt", "fout", 5),
        ("pad-buiten-content", "fout", 7),
        ("pad-buiten-content", "fout", 9),
    ]
    missing = next(f for f in findings(example) if f.code == "afbeelding-ontbreekt")
    assert "Bedoelt u '../media/moestuin.jpg'?" in missing.message


def test_a_symlink_that_leads_out_of_the_content_folder(example, tmp_path):
    secret = tmp_path / "geheim.jpg"
    secret.write_bytes(b"x")
    (example / "media" / "link.jpg").symlink_to(secret)
    write_page(example, "01-over-ons/link.md", "![Een foto.](../media/link.jpg)")
    assert [f.code for f in findings(example) if f.file == "01-over-ons/link.md"] == ["pad-buiten-content"]


def test_images_in_easy_read_pages_are_checked(example):
    twin = example / "02-zorgproces" / "index.begrijpelijk.md"
    edit(twin, "![Drie mensen koken samen in de keuken van een woonlocatie.]", "![]")
    [finding] = findings(example)
    assert (finding.code, finding.file) == ("alt-ontbreekt", "02-zorgproces/index.begrijpelijk.md")
    assert finding.line == line_of(twin, "![](../media/samen-koken.jpg)")


def test_story_photos_in_the_front_matter(example):
    story = example / "verhalen" / "gert-op-zichzelf.md"
    edit(
        story,
        "    alt: Gert snijdt groente in zijn nieuwe keuken.\n",
        """    alt: IMG_1234.jpg
  - bestand: media/moestuin.jpg
  - bestand: media/moestuin.jpg
    decoratief: true
  - bestand: media/gert-keukenn.jpg
    alt: Gert in de keuken.
  - bestand: ../../etc/passwd
    alt: Een bestand.
  - alt: Een foto zonder bestand.
""",
    )
    got = {(f.code, f.severity, f.line, f.key) for f in findings(example)}
    assert got == {
        ("afbeelding-ontbreekt", "fout", line_of(story, "bestand: media/gert-keukenn.jpg"), "fotos.bestand"),
        ("afbeelding-ontbreekt", "fout", line_of(story, "- alt: Een foto zonder bestand."), "fotos"),
        ("pad-buiten-content", "fout", line_of(story, "bestand: ../../etc/passwd"), "fotos.bestand"),
        ("alt-bestandsnaam", "waarschuwing", line_of(story, "alt: IMG_1234.jpg"), "fotos.alt"),
        ("alt-ontbreekt", "fout", line_of(story, "  - bestand: media/moestuin.jpg"), "fotos.alt"),
    }
    message = next(f.message for f in findings(example) if f.code == "afbeelding-ontbreekt")
    assert "Bedoelt u 'media/gert-keuken.jpg'?" in message


# --- personal data ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Bel Gert op 06-12345678.", TELEFOON),
        ("Bel Gert op 06 1234 5678.", TELEFOON),
        ("Bel Gert op +31 6 1234 5678.", TELEFOON),
        ("Bel Gert op +31 (0)6 12345678.", TELEFOON),
        ("Bel het team op 020-1234567.", TELEFOON),
        ("Bel het team op 0201234567.", TELEFOON),
        ("Bel het team op (0591) 123 456.", TELEFOON),
        ("Mail naar samira.de.boer@gmail.com voor vragen.", EMAIL),
        ("Haar BSN is 111222333.", BSN),
        ("Het nummer 1234.56.782 staat in haar dossier.", BSN),
        ("Burgerservicenummer: 123.456.782.", BSN),
        ("Gert is geboren op 12 maart 1990 in Lindenveen.", GEBOORTEDATUM),
        ("Geb. 12-03-1990, woont in Molenbeek.", GEBOORTEDATUM),
        ("Geboortedatum: 1990-03-12.", GEBOORTEDATUM),
        ("Samira werd op 4 juli geboren.", GEBOORTEDATUM),
    ],
)
def test_personal_data_is_found(text, kind):
    assert [h.kind for h in find_personal_data(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "In 2025 waren 85% van de cliënten tevreden; het budget was € 123456782 en 123.456.782 euro.",
        "Het jaar 2024-2025 was druk. Op 12-03-2025 kwam het team samen, en op 14 maart 2025 weer.",
        "We hebben 420 cliënten, 14 woonlocaties en 610 medewerkers; 2,5 fte extra, 3,4 procent verzuim.",
        "Gert is geboren in 1990. Hij verhuisde op 3 april 2025 naar Molenbeek.",
        "Bel gratis 0800-1234567 of 0900 1234567.",
        "Versie 1.2.3 van het plan, uit 2023.",
        "Het budget is 123456782 euro.",
        "Het nummer voor de nacht mag je altijd bellen.",
    ],
)
def test_ordinary_numbers_and_dates_are_not_personal_data(text):
    assert list(find_personal_data(text)) == []


def test_a_nine_digit_number_in_a_table_needs_the_word_bsn(example):
    write_page(
        example,
        "01-over-ons/cijfers.md",
        "| Post | Bedrag |\n| --- | ---: |\n| Zorg | 123456782 |\n| Cliënt | BSN 111222333 |",
    )
    [finding] = findings(example)
    assert finding.code == "persoonsgegevens" and finding.line == 8 and "BSN" in finding.message


def test_personal_data_in_pages_names_kind_file_and_line(example):
    page = example / "04-leren" / "index.md"
    edit(page, "![Een team", "Vragen? Bel Noor op 06-12345678 of mail\nnoor.jansen@hotmail.com.\n\n![Een team")
    got = [(f.code, f.severity, f.file, f.line) for f in findings(example)]
    assert got == [
        ("persoonsgegevens", "fout", "04-leren/index.md", line_of(page, "Bel Noor")),
        ("persoonsgegevens", "fout", "04-leren/index.md", line_of(page, "noor.jansen@")),
    ]
    phone, mail = findings(example)
    assert phone.message.startswith(f"Op regel {phone.line} staat een telefoonnummer ('06-1…').")
    assert "n…@hotmail.com" in mail.message and "noor.jansen" not in mail.message  # not spread further
    assert "contact:" in phone.message


def test_code_links_titles_and_quotes_are_published_and_scanned(example):
    write_page(
        example,
        "01-over-ons/code.md",
        "Voorbeeld: `jan@example.nl` en\n\n```\nbsn 111222333\n```\n\n"
        "[Mail ons](mailto:klachten@example.nl) of <noor@example.nl>.",
        head='title: Bel 06-12345678\ncitaat: "Mijn nummer is 06-87654321."',
    )
    got = sorted(f.line for f in findings(example) if f.file == "01-over-ons/code.md")
    assert got == [2, 3, 6, 9, 12, 12]  # title, citaat, inline code, a code block, the mailto address, the autolink


def test_personal_data_in_stories_and_easy_read_pages(example):
    edit(
        example / "verhalen" / "gert-op-zichzelf.begrijpelijk.md",
        "Hij is 34 jaar.",
        "Hij is geboren op 2 februari 1991.",
    )
    [finding] = findings(example)
    assert finding.file == "verhalen/gert-op-zichzelf.begrijpelijk.md" and "geboortedatum" in finding.message


def test_contact_details_of_the_organisation_are_allowed(example):
    edit(
        example / "04-leren" / "index.md",
        "![Een team",
        "Vragen? Mail info@wilgenhoeve.example of bel 020 - 123 45 67.\n\n![Een team",
    )
    assert len(findings(example)) == 2
    kompas = example / "kompas.yml"
    text = re.sub(r"(?m)^contact:\n(?:[ ].*\n)+", "", kompas.read_text(encoding="utf-8"))  # the example's own
    kompas.write_text(
        text + "contact:\n  email: Info@Wilgenhoeve.example\n"
        '  telefoon: ["020-1234567", "+31 6 11112222"]\n  adres: Dijkweg 1, Lindenveen\n',
        encoding="utf-8",
    )
    report = load_report(example)
    assert report.settings.contact.email == ("Info@Wilgenhoeve.example",)
    assert report.settings.contact.telefoon == ("020-1234567", "+31 6 11112222")
    assert report.settings.contact.adres == "Dijkweg 1, Lindenveen"
    assert findings(example) == []


@pytest.mark.parametrize(
    "block,words",
    [
        ("contact:\n  telefoon: 0201234567\n", "aanhalingstekens"),
        ("contact:\n  fax: 020-1234567\n", "De sleutel 'fax' kennen we niet"),
        ("contact: info@example.nl\n", "ingesprongen regels"),
    ],
)
def test_contact_in_kompas_yml_is_validated(example, block, words):
    kompas = example / "kompas.yml"
    kompas.write_text(kompas.read_text(encoding="utf-8") + block, encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_report(example)
    assert any(words in p.message and p.file == "kompas.yml" for p in exc.value.problems)


def test_check_command_reports_personal_data_and_fails(example, capsys):
    edit(example / "04-leren" / "index.md", "![Een team", "Haar BSN is 111222333.\n\n![Een team")
    code, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    assert code == 1
    data = json.loads(out)
    items = data["findings"] if isinstance(data, dict) else data
    assert any(f["code"] == "persoonsgegevens" and f["file"] == "04-leren/index.md" for f in items)
    assert "111222333" not in out
