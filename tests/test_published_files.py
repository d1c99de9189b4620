"""Only what is meant is published: pages, the photos, films and downloads that pages use, and the
theme's files. Nothing else in the content folder reaches the site, whatever its name or case."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import run_kompas

STRAY = {
    "notities.txt": "Geheime notitie over Gert, BSN 111222333.",
    "01-over-ons/begroting.xlsx": "PK\x03\x04 spreadsheet",
    "verhalen/gert-op-zichzelf.md~": "---\ntitle: oud\n---\noude versie",
    "verhalen/#gert-op-zichzelf.md#": "autosave",
    "01-over-ons/x.md.bak": "backup",
    "kompas.yml~": "organisatie: oud",
    "speerpunten.yml.orig": "- id: oud",
    "Speerpunten.YML": "- id: hoofdletters",
    "01-over-ons/Verslag.MD": "---\ntitle: Hoofdletters\ntoestemming: geheim\n---\n\nTekst.",
    "01-over-ons/lang.markdown": "# Lang\n\nTekst.",
    "01-over-ons/kort.mdown": "# Kort\n\nTekst.",
    "01-over-ons/mkd.mkd": "# Mkd\n\nTekst.",
    "media/ongebruikt.jpg": None,  # a copy of a real photo that no page uses
    "media/~$werkblad.docx": "lock file",
}


def stray_folder(example: Path) -> None:
    for name, text in STRAY.items():
        path = example / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            shutil.copyfile(example / "media" / "moestuin.jpg", path)
        else:
            path.write_text(text, encoding="utf-8")


def published(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_stray_files_backups_case_variants_and_unused_photos_stay_out(example, tmp_path, capsys):
    stray_folder(example)
    code, out, err = run_kompas("build", example, "-o", tmp_path / "site", capsys=capsys)
    assert code == 0, err
    files = published(tmp_path / "site")
    for name in STRAY:
        base = Path(name).name
        assert not any(f.endswith(base) for f in files), (name, [f for f in files if f.endswith(base)])
    assert not any(f.endswith((".yml", ".YML", ".yaml", ".md", ".MD")) for f in files)
    everything = "\n".join(
        (tmp_path / "site" / f).read_text(encoding="utf-8", errors="replace")
        for f in files
        if f.endswith((".html", ".json", ".xml", ".txt"))
    )
    for secret in ("Geheime notitie", "111222333", "hoofdletters", "Hoofdletters", "toestemming: geheim"):
        assert secret not in everything
    # the photos pages use are there, as processed variants only
    assert any(f.startswith("afbeeldingen/") and "moestuin" in f for f in files)
    assert not any(f == "media/moestuin.jpg" for f in files)
    assert "media/filmgroep.mp4" in files and "media/filmgroep.nl.vtt" in files


def test_check_lists_what_stays_out_as_one_tip(example, capsys):
    stray_folder(example)
    code, out, _ = run_kompas("check", example, capsys=capsys)
    tips = [line for line in out.splitlines() if "[niet-gepubliceerd]" in line]
    assert len(tips) == 1
    text = out.replace("\n    ", " ")
    for name in ("notities.txt", "media/ongebruikt.jpg", "01-over-ons/Verslag.MD"):
        assert f"'{name}'" in text
    for number in range(30):
        (example / f"notitie-{number:02d}.txt").write_text("x", encoding="utf-8")
    _, out, _ = run_kompas("check", example, capsys=capsys)
    assert "en nog 24 andere" in out.replace("\n    ", " ")  # 44 files: twenty named, the rest counted


def test_a_download_a_page_links_to_is_published(example, tmp_path, capsys):
    (example / "bijlagen").mkdir(exist_ok=True)
    (example / "bijlagen" / "visitatieverslag.pdf").write_bytes(b"%PDF-1.4 verslag")
    (example / "bijlagen" / "concept.pdf").write_bytes(b"%PDF-1.4 concept")
    page = example / "06-visitatie" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n\n[Het visitatieverslag](../bijlagen/visitatieverslag.pdf)\n",
        encoding="utf-8",
    )
    assert run_kompas("build", example, "-o", tmp_path / "site", capsys=capsys)[0] == 0
    files = published(tmp_path / "site")
    assert "bijlagen/visitatieverslag.pdf" in files
    assert "bijlagen/concept.pdf" not in files


def test_a_link_to_a_missing_download_is_a_dutch_finding_with_its_line(example, capsys):
    page = example / "06-visitatie" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n\n[Het verslag](../bijlagen/verslag.pdf)\n", encoding="utf-8")
    _, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    import json

    findings = [f for f in json.loads(out)["findings"] if f["code"] in ("link-kapot", "download-ontbreekt")]
    assert len(findings) == 1
    assert findings[0]["code"] == "download-ontbreekt" and findings[0]["severity"] == "fout"
    assert findings[0]["file"] == "06-visitatie/index.md"
    assert text.endswith("\n") and findings[0]["line"] == len(text.splitlines()) + 3
    assert "niet in de map van het rapport staat" in findings[0]["message"]


def test_a_link_to_a_generated_page_is_not_broken(example, capsys):
    page = example / "05-speerpunten" / "terugblik.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n[Alle speerpunten](../speerpunten.md)\n", encoding="utf-8")
    _, out, _ = run_kompas("check", example, capsys=capsys)
    assert "link-kapot" not in out


def test_a_symlink_to_a_file_outside_is_not_published(example, tmp_path, capsys):
    secret = tmp_path / "geheim.txt"
    secret.write_text("root:x:0:0", encoding="utf-8")
    os.symlink(secret, example / "media" / "wachtwoorden.txt")
    page = example / "01-over-ons" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n[lijst](../media/wachtwoorden.txt)\n", encoding="utf-8")
    run_kompas("build", example, "-o", tmp_path / "site", "--concept", capsys=capsys)
    files = published(tmp_path / "site")
    assert not any("wachtwoorden" in f for f in files)


def test_pages_and_folders_that_would_take_the_place_of_generated_ones_are_refused(example, capsys):
    for name in ("07-begrijpelijk/x.md", "speerpunten/index.md", "03-zoeken/index.md", "assets/javascripts/zoeken.md"):
        (example / name).parent.mkdir(parents=True, exist_ok=True)
        (example / name).write_text("# Eigen\n\nTekst.\n", encoding="utf-8")
    _, out, _ = run_kompas("check", example, "--format", "json", capsys=capsys)
    import json

    found = {f["file"] for f in json.loads(out)["findings"] if f["code"] == "pagina-naam-gereserveerd"}
    assert found == {
        "07-begrijpelijk/x.md",
        "speerpunten/index.md",
        "03-zoeken/index.md",
        "assets/javascripts/zoeken.md",
    }


def test_a_readme_and_a_templates_folder_are_ordinary_pages(example, tmp_path, capsys):
    (example / "README.md").write_text("# Lees mij\n\nTekst.\n", encoding="utf-8")
    (example / "templates").mkdir()
    (example / "templates" / "index.md").write_text("# Sjablonen\n\nTekst.\n", encoding="utf-8")
    assert run_kompas("build", example, "-o", tmp_path / "site", capsys=capsys)[0] == 0
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href=""' not in home
    assert (tmp_path / "site" / "README" / "index.html").is_file()
    assert (tmp_path / "site" / "templates" / "index.html").is_file()
    assert "Wilgenhoeve" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_the_public_address_from_kompas_yml_is_used_for_the_sitemap_and_the_404_page(example, tmp_path, capsys):
    settings = example / "kompas.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "site_url: https://kwaliteit.example.nl/2025\n")
    assert run_kompas("build", example, "-o", tmp_path / "site", capsys=capsys)[0] == 0
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://kwaliteit.example.nl/2025/waar-vind-ik-wat/</loc>" in sitemap
    assert 'href="/2025/waar-vind-ik-wat/"' in (tmp_path / "site" / "404.html").read_text(encoding="utf-8")


def test_a_photo_named_by_the_camera_is_published_without_its_date_in_the_name(example, tmp_path, capsys):
    shutil.copyfile(example / "media" / "moestuin.jpg", example / "media" / "IMG_20250614_101233.jpg")
    page = example / "01-over-ons" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n\n![Bewoners in de moestuin.](../media/IMG_20250614_101233.jpg)\n",
        encoding="utf-8",
    )
    assert run_kompas("build", example, "-o", tmp_path / "site", capsys=capsys)[0] == 0
    files = published(tmp_path / "site")
    assert not any("20250614" in f or "101233" in f for f in files)
    html = (tmp_path / "site" / "over-ons" / "index.html").read_text(encoding="utf-8")
    assert "20250614" not in html and "afbeeldingen/foto-" in html
