"""`kompas serve` loads, checks and assembles the whole report again after every edit, in one process.
What did not change must not be read again: counted here by patching, never timed."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from kompas_site import markdown
from kompas_site.assemble import assemble
from kompas_site.check import check_report
from kompas_site.load import load_report, yamlsource


@pytest.fixture
def counted(monkeypatch, tmp_path):
    """Count every Markdown parse (by text) and every YAML parse, from now on."""
    monkeypatch.setenv("KOMPAS_CACHE", str(tmp_path / "cache"))
    calls = {"markdown": [], "yaml": []}
    parse, compose = MarkdownIt.parse, yamlsource._compose

    def counting_parse(self, text, env=None):
        calls["markdown"].append(text)
        return parse(self, text, env)

    def counting_compose(text, loader_class):
        calls["yaml"].append(text)
        return compose(text, loader_class)

    def start():
        markdown.tokens.cache_clear()  # so that any use of a page's tokens shows as a parse
        calls["markdown"].clear()
        calls["yaml"].clear()
        monkeypatch.setattr(MarkdownIt, "parse", counting_parse)
        monkeypatch.setattr(yamlsource, "_compose", counting_compose)
        return calls

    return start


def build(content):
    result = check_report(load_report(content))
    site = assemble(result, draft=True)
    return result, site


def test_an_unchanged_report_is_not_parsed_again(example, counted):
    first, first_site = build(example)
    calls = counted()
    again, again_site = build(example)
    assert calls == {"markdown": [], "yaml": []}
    assert again.findings == first.findings
    assert again_site.markdown == first_site.markdown
    assert again_site.data_files == first_site.data_files


def test_after_an_edit_only_the_edited_page_is_parsed_again(example, counted):
    build(example)
    page = example / "04-leren" / "teamreflectie.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("\n---\n", "\nextra: ja\n---\n", 1) + "\nMail naar kees.de.vries@voorbeeld.nl.\n", encoding="utf-8"
    )
    calls = counted()
    result, _ = build(example)
    edited = load_report(example).page("04-leren/teamreflectie.md")
    assert set(calls["markdown"]) == {edited.body}
    assert len(calls["yaml"]) == 1 and "extra: ja" in calls["yaml"][0]
    found = [f for f in result.findings if f.code == "persoonsgegevens"]
    assert [(f.file, f.line) for f in found] == [
        ("04-leren/teamreflectie.md", len(page.read_text(encoding="utf-8").splitlines()))
    ]


def test_what_is_kept_cannot_be_changed_by_a_caller(example, counted):
    first, first_site = build(example)
    for page in first.report.pages:  # a careless caller changes what it got
        page.meta.clear()
        page.meta_lines.clear()
        page.onderdelen.append("iets-anders")
        if page.twin:
            page.twin.meta.clear()
    counted()
    again, again_site = build(example)
    assert again.findings == first.findings
    assert again_site.markdown == first_site.markdown
    assert all(not p.meta or "iets-anders" not in p.onderdelen for p in again.report.pages)
    assert any(p.meta for p in again.report.pages)


def test_two_files_with_the_same_text_each_get_their_own_findings(example, counted):
    page = example / "04-leren" / "teamreflectie.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMail naar kees.de.vries@voorbeeld.nl.\n", encoding="utf-8")
    (example / "04-leren" / "kopie.md").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    build(example)
    counted()
    result, _ = build(example)
    files = sorted(f.file for f in result.findings if f.code == "persoonsgegevens")
    assert files == ["04-leren/kopie.md", "04-leren/teamreflectie.md"]
