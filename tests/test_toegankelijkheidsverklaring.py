"""The accessibility statement (toegankelijkheid/): made from the saved 'kompas audit' result and
'toegankelijkheid:' in kompas.yml, linked from every page's footer, with an honest status; the checker's
warnings about an old result; the result itself never published."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path

import pikepdf
from bs4 import BeautifulSoup
from conftest import EXAMPLE, run_cli, run_kompas
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kompas_site.assemble.toegankelijkheid import CRITERIA, effect
from kompas_site.audit import AuditResult, PageResult, as_json, audit
from kompas_site.model import AUDIT_FILE
from kompas_site.paths import page_address
from kompas_site.pipeline import run

STATEMENT = "toegankelijkheid/index.html"

CONTRAST = {
    "id": "color-contrast",
    "impact": "serious",
    "help": "Elements must meet minimum color contrast ratio thresholds",
    "helpUrl": "https://dequeuniversity.com/rules/axe/4.10/color-contrast",
    "tags": ["cat.color", "wcag2aa", "wcag143"],
    "nodes": [{"target": [".licht"], "html": '<p class="licht">Lichtgrijs</p>', "any": []}],
}
IMAGE_ALT = {
    "id": "image-alt",
    "impact": "critical",
    "help": "Images must have alternative text",
    "helpUrl": "https://dequeuniversity.com/rules/axe/4.10/image-alt",
    "tags": ["cat.text-alternatives", "wcag2a", "wcag111"],
    "nodes": [{"target": ["img"], "html": '<img src="foto.png">', "any": []}],
}


@functools.cache
def example_addresses() -> tuple[str, ...]:
    """The addresses of every page of the example's site, as 'kompas audit' lists them."""
    return tuple(sorted(page_address(p.output) for p in run(EXAMPLE).pages.values()))


def audit_json(
    violations: list[dict] = (),
    when: datetime | None = None,
    outside: list[str] = (),
    addresses: tuple[str, ...] | None = None,
    windows: tuple[str, ...] = ("320×640", "375×812", "1280×720"),
) -> str:
    """What 'kompas audit --format json' writes, from the audit's own classes: the violations on the first two
    pages; every page of the example's site is checked unless ``addresses`` says which."""
    checked = example_addresses() if addresses is None else addresses
    pages = [
        PageResult(a, "http://127.0.0.1" + a, {"375×812": list(violations) if n < 2 else []}, outside=list(outside))
        if n == 0
        else PageResult(a, "http://127.0.0.1" + a, {"375×812": list(violations) if n < 2 else []})
        for n, a in enumerate(checked)
    ]
    result = AuditResult("site", "http://127.0.0.1/", "4.10.2", pages, list(windows))
    if when is not None:
        result.checked_at = when
    return as_json(result)


def save_audit(content: Path, text: str) -> Path:
    path = content / AUDIT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def without_block(content: Path) -> None:
    """kompas.yml without 'toegankelijkheid:' (no manual report, nobody approved)."""
    path = content / "kompas.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("\ntoegankelijkheid:", 1)[0] + "\n", encoding="utf-8")


def set_block(content: Path, block: str) -> None:
    without_block(content)
    with (content / "kompas.yml").open("a", encoding="utf-8") as stream:
        stream.write(block)


def build(content: Path, tmp_path: Path, capsys, *extra: str) -> Path:
    site = tmp_path / "site"
    code, out, err = run_kompas("build", str(content), "-o", str(site), *extra, capsys=capsys)
    assert code == 0, out + err
    return site


def statement(site: Path) -> BeautifulSoup:
    """The statement's HTML, without the soft hyphens of the headings."""
    return BeautifulSoup((site / STATEMENT).read_text(encoding="utf-8").replace("\xad", ""), "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    article = soup.select_one("article") or soup
    return " ".join(article.get_text(" ").split())


def section(soup: BeautifulSoup, heading: str) -> str:
    """The text from an h2 up to the next h2."""
    h2 = next(h for h in soup.select("article h2") if h.get_text(strip=True) == heading)
    parts = []
    for sibling in h2.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling.get_text(" "))
    return " ".join(" ".join(parts).split())


def codes(content: Path, capsys) -> dict[str, list[dict]]:
    code, out, _ = run_kompas("check", str(content), "--format", "json", capsys=capsys)
    found: dict[str, list[dict]] = {}
    for finding in json.loads(out)["findings"]:
        found.setdefault(finding["code"], []).append(finding)
    return found


# -- the page ---------------------------------------------------------------------------------------


def test_a_clean_audit_without_a_manual_report_gives_first_measures_never_full_compliance(example, tmp_path, capsys):
    without_block(example)
    save_audit(example, audit_json(when=datetime(2026, 5, 18, 10, 30).astimezone()))
    soup = statement(build(example, tmp_path, capsys))
    text = text_of(soup)
    assert soup.select_one("article h1").get_text(strip=True) == "Toegankelijkheidsverklaring"
    status = section(soup, "Hoe toegankelijk is de website?")
    assert "Status C: eerste maatregelen genomen." in status
    assert "voldoet volledig" not in text
    assert "onderzoek door een deskundige" in status  # what is missing, said plainly
    basis = section(soup, "Waarop is dit gebaseerd?")
    assert "Automatische controle op 18 mei 2026" in basis
    assert f"{len(example_addresses())} pagina's bekeken" in basis and "Het vond geen problemen" in basis
    assert "We kennen op dit moment geen problemen" in section(soup, "Wat werkt nog niet goed?")
    assert "nog niet goedgekeurd door Stichting De Wilgenhoeve" in section(soup, "Goedkeuring")
    # who and what: the organisation and the edition
    assert "kwaliteitsbeeld 2025 van Stichting De Wilgenhoeve" in section(
        soup, "Over welke website gaat deze verklaring?"
    )


def test_a_failing_audit_lists_each_problem_with_its_criterion(example, tmp_path, capsys):
    without_block(example)
    save_audit(example, audit_json([CONTRAST, IMAGE_ALT], outside=["https://cdn.example.com/x.js"]))
    soup = statement(build(example, tmp_path, capsys))
    headings = [h.get_text(" ", strip=True) for h in soup.select("article h3")]
    assert any("1.4.3 Contrast (minimum)" in h for h in headings), headings
    assert any("1.1.1 Niet-tekstuele content" in h for h in headings), headings
    problems = section(soup, "Wat werkt nog niet goed?")
    assert "op twee pagina's" in problems
    assert "Wat merkt u ervan?" in problems and "Wat kunt u nu doen?" in problems and "Wat doen wij eraan?" in problems
    assert "andere website" in problems  # the request to another host is a known problem too
    assert "Status C: eerste maatregelen genomen." in section(soup, "Hoe toegankelijk is de website?")


def test_a_manual_report_and_problems_give_partly_compliant_with_the_authors_own_description(example, tmp_path, capsys):
    # the example: a named manual report, one problem the organisation describes itself, approved
    save_audit(example, audit_json([CONTRAST]))
    soup = statement(build(example, tmp_path, capsys))
    assert "Status B: voldoet gedeeltelijk." in section(soup, "Hoe toegankelijk is de website?")
    problems = section(soup, "Wat werkt nog niet goed?")
    assert "1.3.1 Info en relaties" in problems
    assert "Word-versie" in problems  # the author's alternative
    assert "Wanneer: niet gepland" in problems
    basis = section(soup, "Waarop is dit gebaseerd?")
    link = next(a for a in soup.select("article a") if "Toegankelijkheidsonderzoek website" in a.get_text())
    assert link["href"] == "https://www.example.org/toegankelijkheidsonderzoek-2026"
    assert "15 april 2026" in basis
    assert "op 20 mei 2026 goedgekeurd door Marieke Jansen, bestuurder" in section(soup, "Goedkeuring")
    report = section(soup, "Een probleem melden")
    assert "kwaliteit@example.org" in report and "binnen vijf werkdagen antwoord" in report


def test_full_compliance_needs_a_recent_manual_report_and_no_problem_at_all(example, tmp_path, capsys):
    block = (
        "toegankelijkheid:\n  onderzoek:\n    titel: Onderzoek 2026\n    datum: '{day}'\n"
        "    bestand: bijlagen\\onderzoek.pdf\n"
    )
    shutil.copy(example / "bijlagen" / "kwaliteitsrapport-2019.pdf", example / "bijlagen" / "onderzoek.pdf")
    save_audit(example, audit_json())
    set_block(example, block.format(day="2026-04-15"))
    site = build(example, tmp_path, capsys)
    soup = statement(site)
    assert "Status A: voldoet volledig." in section(soup, "Hoe toegankelijk is de website?")
    link = next(a for a in soup.select("article a") if a.get_text(strip=True).startswith("Onderzoek 2026"))
    assert (site / STATEMENT).parent.joinpath(link["href"].split(" ")[0]).resolve().is_file()  # the report is published
    # a report older than three years no longer counts
    set_block(example, block.format(day="2022-04-15"))
    soup = statement(build(example, tmp_path, capsys, "--force"))
    status = section(soup, "Hoe toegankelijk is de website?")
    assert "Status C: eerste maatregelen genomen." in status and "15 april 2022" in status


def test_without_any_audit_the_site_is_said_to_be_unchecked(example, tmp_path, capsys):
    without_block(example)
    (example / AUDIT_FILE).unlink(missing_ok=True)
    soup = statement(build(example, tmp_path, capsys))
    status = section(soup, "Hoe toegankelijk is de website?")
    assert "Status D: eerste maatregelen nog niet genomen." in status
    assert "nog niet gecontroleerd" in status


# -- the footer ---------------------------------------------------------------------------------------


def test_every_page_links_to_the_statement_in_its_footer(example, tmp_path, capsys):
    site = build(example, tmp_path, capsys)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30 and any("begrijpelijk" in p.parts for p in pages)
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = soup.select("footer .kompas-voet a")
        assert [a.get_text(strip=True) for a in links] == ["Toegankelijkheid"], page
        href = links[0]["href"]
        if page.name == "404.html":  # written from the site's root path: see 404.html
            assert href.endswith("/toegankelijkheid/"), href
            continue
        assert (page.parent / href / "index.html").resolve() == (site / STATEMENT).resolve(), (page, href)


# -- the checker ------------------------------------------------------------------------------------


def test_no_audit_result_is_a_tip_that_says_how_to_make_one(example, capsys):
    (example / AUDIT_FILE).unlink(missing_ok=True)
    found = codes(example, capsys)
    [tip] = found["verklaring-geen-audit"]
    assert tip["severity"] == "tip"
    assert "kompas audit site --bewaar" in tip["message"]


def test_an_audit_older_than_the_content_is_a_warning(example, capsys):
    audit_file = save_audit(example, audit_json())
    assert "verklaring-audit-verouderd" not in codes(example, capsys)
    checked = time.time() - 3 * 86400
    for path in example.rglob("*"):
        os.utime(path, (checked - 60, checked - 60))
    os.utime(audit_file, (checked, checked))
    assert "verklaring-audit-verouderd" not in codes(example, capsys)
    page = example / "02-zorgproces" / "index.md"
    os.utime(page, (checked + 86400, checked + 86400))  # changed a day after the check
    [warning] = codes(example, capsys)["verklaring-audit-verouderd"]
    assert warning["severity"] == "waarschuwing"
    assert "'02-zorgproces/index.md' is veranderd" in warning["message"]
    assert warning["file"] == AUDIT_FILE
    # an editor's backup lying around is not content
    os.utime(page, (checked, checked))
    (example / "02-zorgproces" / "index.md~").write_text("oud", encoding="utf-8")
    assert "verklaring-audit-verouderd" not in codes(example, capsys)


def test_an_audit_more_than_a_year_old_is_a_warning(example, capsys):
    when = datetime.now().astimezone() - timedelta(days=400)
    audit_file = save_audit(example, audit_json(when=when))
    os.utime(audit_file, (time.time() + 3600, time.time() + 3600))  # the file is newer than every page
    [warning] = codes(example, capsys)["verklaring-audit-verouderd"]
    assert "meer dan een jaar geleden" in warning["message"]


def test_an_unreadable_audit_result_is_a_warning_and_the_build_goes_on(example, tmp_path, capsys):
    save_audit(example, '{"bron": "site", "paginas": ')
    [warning] = codes(example, capsys)["verklaring-audit-onleesbaar"]
    assert warning["file"] == AUDIT_FILE
    save_audit(example, '{"iets": "anders"}')
    assert "verklaring-audit-onleesbaar" in codes(example, capsys)
    assert "Status B" in section(statement(build(example, tmp_path, capsys)), "Hoe toegankelijk is de website?")


def test_a_bad_criterion_in_kompas_yml_names_line_and_key(example, capsys):
    set_block(
        example,
        "toegankelijkheid:\r\n  bekende_problemen:\r\n    - criterium: contrast\r\n      oorzaak: x\r\n      gevolg: y\r\n",
    )
    code, out, err = run_kompas("check", str(example), capsys=capsys)
    assert code == 2
    message = out + err
    assert "'contrast' bij 'toegankelijkheid.bekende_problemen.criterium' is geen WCAG-succescriterium" in message
    assert re.search(r"kompas\.yml, regel \d+", message)


# -- never published ----------------------------------------------------------------------------------


def test_the_audit_result_never_reaches_the_site(example, tmp_path, capsys):
    marker = "geheime-map-van-de-kwaliteitsfunctionaris"
    save_audit(example, audit_json([CONTRAST]).replace('"site"', f'"/home/{marker}/site"'))
    page = example / "02-zorgproces" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n[De uitslag](../toegankelijkheid/audit.json)\n", encoding="utf-8"
    )
    site = build(example, tmp_path, capsys, "--concept")  # a link to it is an error (download-soort): built anyway
    assert not (site / AUDIT_FILE).exists()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".xml", ".txt"):
            assert marker not in path.read_text(encoding="utf-8", errors="replace"), path
    assert "verklaring-geen-audit" not in codes(example, capsys)
    assert "niet-gepubliceerd" not in codes(example, capsys) or AUDIT_FILE not in json.dumps(
        codes(example, capsys)["niet-gepubliceerd"]
    )


# -- kompas audit --bewaar ------------------------------------------------------------------------------


def test_kompas_audit_saves_its_result_for_the_next_build(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Goed</title></head>'
        "<body><main><h1>Goed</h1><p>Niets mis.</p></main></body></html>",
        encoding="utf-8",
    )
    content = tmp_path / "content"
    content.mkdir()
    (content / "kompas.yml").write_text("organisatie:\n  naam: X\n", encoding="utf-8")
    done = run_cli("audit", site, "--venster", "375x812", "--bewaar", content)
    assert done.returncode == 0, done.stdout + done.stderr
    saved = json.loads((content / AUDIT_FILE).read_text(encoding="utf-8"))
    assert saved["ok"] is True and saved["samenvatting"]["paginas"] == 1
    assert datetime.fromisoformat(saved["gecontroleerd_op"]).date() == datetime.now().date()
    refused = run_cli("audit", site, "--bewaar", tmp_path / "nergens")
    assert refused.returncode == 2
    assert "geen kompas.yml" in refused.stderr


# -- in a real browser ------------------------------------------------------------------------------


def test_the_statement_passes_axe_at_three_window_sizes(example, tmp_path, capsys, browser):
    save_audit(example, audit_json([CONTRAST, IMAGE_ALT]))
    site = build(example, tmp_path, capsys)
    for page in site.rglob("*.html"):  # only the statement is checked
        if page.resolve() != (site / STATEMENT).resolve():
            page.unlink()
    sizes = [{"width": 320, "height": 640}, {"width": 375, "height": 812}, {"width": 1280, "height": 720}]
    result = audit(site, browser=browser, viewports=sizes)
    assert [p.page for p in result.pages] == ["/toegankelijkheid/"]
    assert result.ok, as_json(result)


def test_a_manual_report_needs_exactly_one_of_file_and_address(example, capsys):
    set_block(example, "toegankelijkheid:\n  onderzoek:\n    titel: Onderzoek\n    datum: 2026-04-15\n")
    code, out, err = run_kompas("check", str(example), capsys=capsys)
    assert code == 2 and "heeft geen 'bestand' en geen 'url'" in out + err
    set_block(
        example,
        "toegankelijkheid:\n  onderzoek:\n    titel: Onderzoek\n    datum: 2026-04-15\n    bestand: bijlagen/weg.pdf\n",
    )
    [warning] = codes(example, capsys)["verklaring-onderzoek-onvindbaar"]
    assert "'bijlagen/weg.pdf'" in warning["message"] and warning["line"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
        max_leaves=20,
    )
)
@example(float("inf"))  # json reads 'Infinity': not a number of pages
@example({"samenvatting": []})
def test_any_json_in_the_audit_file_is_read_or_reported_never_a_crash(tmp_path, value):
    from kompas_site.load.audit import load_audit

    base = json.loads(audit_json([CONTRAST]))
    variants = [value, {**base, **value} if isinstance(value, dict) else value]
    for key in ("paginas", "verzoeken_naar_buiten"):  # a number that is not one
        variants.append({**base, "samenvatting": {**base["samenvatting"], key: value}})
    variants.append({**base, "gecontroleerd_op": value})
    variants.append({**base, "schendingen": [{**base["schendingen"][0], "wcag": value, "paginas": value}]})
    for data in variants:
        save_audit(tmp_path, json.dumps(data))
        result, problems = load_audit(tmp_path, [AUDIT_FILE])
        assert (result is None) == bool(problems)


# -- what the statement may claim: the pages the check saw, the problems the checker knows ---------------------


def untagged_pdf(path: Path) -> None:
    """A PDF as many programs save it: no document structure, no language."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(path)


def link_pdf(content: Path, name: str) -> None:
    untagged_pdf(content / "bijlagen" / name)
    page = content / "01-over-ons" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + f"\n\nLees ook [het jaarverslag](../bijlagen/{name}).\n", encoding="utf-8"
    )


def test_an_audit_of_another_site_is_a_warning_and_the_statement_claims_nothing_from_it(example, tmp_path, capsys):
    # the 2023 site's result saved into this folder: 16 pages, none of them an address of this site
    without_block(example)
    other = tuple(f"/2023/pagina-{n}/" for n in range(16))
    save_audit(example, audit_json(addresses=other).replace('"bron": "site"', '"bron": "archief/2023"'))
    [warning] = codes(example, capsys)["verklaring-audit-onvolledig"]
    assert warning["severity"] == "waarschuwing" and warning["file"] == AUDIT_FILE
    assert "andere website" in warning["message"] and "archief/2023" in warning["message"]
    assert "kompas audit site --bewaar" in warning["message"]
    soup = statement(build(example, tmp_path, capsys))
    status = section(soup, "Hoe toegankelijk is de website?")
    assert "Status D" in status and "bewaarde uitslag gaat over een andere website" in status
    text = text_of(soup)
    assert "16 pagina's" not in text and "geen problemen gevonden" not in text and "Het vond geen problemen" not in text


def test_a_page_added_after_the_audit_is_named_and_the_statement_counts_only_what_was_seen(example, tmp_path, capsys):
    save_audit(example, audit_json())
    assert "verklaring-audit-onvolledig" not in codes(example, capsys)
    # added a minute after the check: within the margin for file times, but not in the list of checked pages
    (example / "01-over-ons" / "nieuw-team.md").write_text("# Ons nieuwe team\n\nWe stellen ons voor.\n", "utf-8")
    [warning] = codes(example, capsys)["verklaring-audit-onvolledig"]
    assert "/over-ons/nieuw-team/" in warning["message"]
    assert "1 van de" in warning["message"]
    basis = section(statement(build(example, tmp_path, capsys)), "Waarop is dit gebaseerd?")
    total = len(example_addresses()) + 1
    assert f"{total - 1} van de {total} pagina's van deze site bekeken" in basis
    assert "Eén pagina is nog niet automatisch gecontroleerd" in basis
    assert "Op de pagina's die het bekeek, vond het geen problemen." in basis


def test_many_unaudited_pages_are_named_up_to_five(example, capsys):
    save_audit(example, audit_json(addresses=("/",)))
    [warning] = codes(example, capsys)["verklaring-audit-onvolledig"]
    named = re.findall(r"/[a-z0-9/-]+/", warning["message"].split(":", 1)[1].split(".")[0])
    assert len(named) == 5 and "en nog" in warning["message"]


def test_an_inaccessible_pdf_is_a_known_problem_in_the_statement(example, tmp_path, capsys):
    without_block(example)
    save_audit(example, audit_json())
    link_pdf(example, "jaarverslag-2025.pdf")
    found = codes(example, capsys)
    assert "pdf-niet-toegankelijk" in found
    [tip] = found["verklaring-geen-oplossing"]
    assert "jaarverslag-2025.pdf" in tip["message"] and "oplossing:" in tip["message"]
    soup = statement(build(example, tmp_path, capsys))
    problems = section(soup, "Wat werkt nog niet goed?")
    assert "We kennen op dit moment geen problemen" not in problems
    headings = " ".join(h.get_text(" ", strip=True) for h in soup.select("article h3"))
    assert "1.3.1 Info en relaties" in headings and "3.1.1 Taal van de pagina" in headings
    assert "jaarverslag-2025.pdf" in problems and "schermlezer" in problems
    assert "Een probleem melden" in problems  # the alternative points at the contact details
    assert "Dat weten we nog niet." in problems
    assert "geen problemen gevonden" not in section(soup, "Hoe toegankelijk is de website?")


def test_the_authors_description_of_a_pdf_replaces_the_generated_one(example, tmp_path, capsys):
    save_audit(example, audit_json())
    link_pdf(example, "jaarverslag-2025.pdf")
    set_block(
        example,
        "toegankelijkheid:\n  bekende_problemen:\n    - criterium: 1.3.1\n"
        "      oorzaak: Het jaarverslag-2025.pdf heeft geen koppen.\n"
        "      gevolg: Een schermlezer leest het als één lange tekst voor.\n"
        "      oplossing: We maken een nieuwe pdf.\n      planning: maart 2027\n",
    )
    assert "verklaring-geen-oplossing" not in codes(example, capsys)
    problems = section(statement(build(example, tmp_path, capsys)), "Wat werkt nog niet goed?")
    assert problems.count("jaarverslag-2025.pdf") == 1
    assert "Dat weten we nog niet" not in problems and "Wanneer: maart 2027" in problems


def test_audit_problems_without_a_planned_fix_get_a_tip_showing_how_to_add_one(example, capsys):
    without_block(example)
    save_audit(example, audit_json([CONTRAST]))
    [tip] = codes(example, capsys)["verklaring-geen-oplossing"]
    assert "1.4.3" in tip["message"] and "color-contrast" in tip["message"]
    assert "bekende_problemen" in tip["message"] and "planning:" in tip["message"]
    set_block(
        example,
        "toegankelijkheid:\n  bekende_problemen:\n    - criterium: 1.4.3\n      oorzaak: Grijze tekst.\n"
        "      gevolg: Slecht te lezen.\n      oplossing: Donkerder maken.\n",
    )
    assert "verklaring-geen-oplossing" not in codes(example, capsys)


def test_approval_before_the_audit_is_a_tip(example, capsys):
    save_audit(example, audit_json(when=datetime(2026, 6, 1, 10, 0).astimezone()))
    path = example / "kompas.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("datum: 2026-05-20", "datum: '2026-05-20'"), encoding="utf-8")  # quoted, as people do
    [tip] = codes(example, capsys)["verklaring-goedkeuring-voor-controle"]
    assert "20 mei 2026" in tip["message"] and "1 juni 2026" in tip["message"]
    assert tip["key"] == "toegankelijkheid.datum" and tip["line"]
    path.write_text(text.replace("datum: 2026-05-20", "datum: 2026-06-02"), encoding="utf-8")
    assert "verklaring-goedkeuring-voor-controle" not in codes(example, capsys)


def test_the_screen_sizes_are_only_those_the_audit_used(example, tmp_path, capsys):
    save_audit(example, audit_json(windows=("375×812",)))
    basis = section(statement(build(example, tmp_path, capsys)), "Waarop is dit gebaseerd?")
    assert "op de schermgrootte 375×812 pixels (een telefoon)" in basis
    assert "computer)" not in basis and "tot computer" not in basis
    save_audit(example, audit_json())
    basis = section(statement(build(example, tmp_path, capsys)), "Waarop is dit gebaseerd?")
    assert "320×640, 375×812 en 1280×720 pixels (telefoon en computer)" in basis


def test_each_effect_fits_its_criterion():
    assert "slecht ziet" in effect(("1.4.3",)) and "hoort" not in effect(("1.4.3",))
    assert "doof" in effect(("1.2.2",))
    assert "toetsenbord" in effect(("2.1.1",))
    assert "taal" in effect(("3.1.1",))
    for number in CRITERIA:  # every criterion has an effect, and none claims hearing unless about sound
        text = effect((number,))
        assert text
        if not number.startswith("1.2"):
            assert "doof" not in text and "slecht hoort" not in text and "of hoort" not in text, number


def test_a_change_on_the_day_of_the_audit_names_the_time_not_the_same_date_twice(example, capsys):
    checked = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)
    audit_file = save_audit(example, audit_json(when=checked.astimezone()))
    for path in example.rglob("*"):
        os.utime(path, (checked.timestamp() - 60, checked.timestamp() - 60))
    os.utime(audit_file, (checked.timestamp(), checked.timestamp()))
    later = checked.timestamp() + 5 * 3600 + 32 * 60
    os.utime(example / "02-zorgproces" / "index.md", (later, later))
    [warning] = codes(example, capsys)["verklaring-audit-verouderd"]
    assert "(om 14:32)" in warning["message"] and "om 09:00" in warning["message"]
    assert warning["message"].count(str(checked.year)) == 1
