"""Leesbaarheid: hand-counted metrics, the calibration texts, the example's pages and the verb."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT, run_kompas

from kompas_site.easyread import readability as r
from kompas_site.easyread.readability import analyse, easy_read_findings, meets_easy_read, passive_hint, syllables

TEKSTEN = ROOT / "tests" / "teksten"
EASY_READ_PAGES = sorted(EXAMPLE.rglob("*.begrijpelijk.md"))


def sentences(markdown: str) -> list[tuple[int, str]]:
    return [(s.line, s.text) for s in analyse(markdown).sentences]


# --- Counting, by hand ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, count",
    [
        ("zorg", 1),
        ("alles", 2),
        ("dertig", 2),
        ("begeleider", 4),  # be-ge-lei-der
        ("cliëntenraad", 4),  # cli-ën-ten-raad
        ("ondersteuningsplan", 5),  # on-der-steu-nings-plan
        ("cliëntervaringsonderzoek", 8),  # pyphen: cli-ën-t-er-…; the lone t is no syllable
        ("e-mail", 2),
        ("PDCA", 4),  # an abbreviation is spelled out: pee-dee-cee-aa
        # pyphen never splits off one letter at the edge of a word: it counts these low (e-ten, o-ver).
        # The thresholds were set with the same counting.
        ("eten", 1),
        ("over", 1),
    ],
)
def test_syllables_are_pyphens_dutch_parts(word, count):
    assert syllables(word) == count


def test_one_sentence_counted_by_hand():
    result = analyse("De cliëntenraad leest alles.")
    # de (1) cli-ën-ten-raad (4) leest (1) al-les (2): 8 syllables, 4 words, 1 sentence
    assert (len(result.sentences), result.words, result.syllables) == (1, 4, 8)
    assert result.syllables_per_word == 2.0
    assert result.douma == pytest.approx(206.84 - 0.77 * 200 - 0.93 * 4)  # 49.12


def test_two_sentences_counted_by_hand():
    result = analyse("Kees woont al dertig jaar bij ons. Hij koos de foto van een bus.")
    # Kees woont al der-tig jaar bij ons: 7 words, 8 syllables; Hij koos de fo-to van een bus: 7 words, 8
    assert [s.words for s in result.sentences] == [7, 7]
    assert result.syllables == 16
    assert result.words_per_sentence == 7.0
    assert result.douma == pytest.approx(206.84 - 0.77 * (100 * 16 / 14) - 0.93 * 7)


def test_numerals_are_words_but_have_no_syllables_and_are_never_long_or_rare():
    result = analyse("In 2023 was dat 64 van de 100.")
    assert result.words == 8  # a sentence of eight words to read
    assert (result.letter_words, result.syllables) == (5, 5)  # in, was, dat, van, de
    assert result.long_words == result.rare_words == 0


def test_long_words_have_13_letters_or_more():
    result = analyse("Ondersteuning, medewerkers, cliëntenraad, kwaliteitszorg en ervaringsdeskundige.")
    # long: ondersteuning 13, kwaliteitszorg 14, ervaringsdeskundige 19 letters; not: medewerkers 11, cliëntenraad 12
    assert result.sentences[0].long_words == ("Ondersteuning", "kwaliteitszorg", "ervaringsdeskundige")
    assert result.long_word_share == pytest.approx(3 / 6)


def test_sentences_end_at_full_stops_but_not_in_abbreviations_initials_or_numbers():
    text = (
        "We praten bijv. over geld. Mevrouw A. Verhoef is de baas. Het kost 1,5 euro. "
        '\'s Avonds is het stil. Is dat zo? "Ja," zegt Gert. Het gaat o.a. over eten, enz. en drinken.'
    )
    assert [t for _, t in sentences(text)] == [
        "We praten bijv. over geld.",
        "Mevrouw A. Verhoef is de baas.",
        "Het kost 1,5 euro.",
        "'s Avonds is het stil.",
        "Is dat zo?",
        '"Ja," zegt Gert.',
        "Het gaat o.a. over eten, enz. en drinken.",
    ]
    assert [s.words for s in analyse(text).sentences][3] == 4  # 's is not a word: Avonds is het stil


# --- What is text -----------------------------------------------------------------------------

PAGE = """\
---
title: Een pagina
onderdelen: [bouwsteen-1]
---

# Een kop telt niet mee

Dit is de eerste zin. Dit is de tweede zin,
die doorloopt op de volgende regel. Zie [onze website](https://www.example.nl/lang/adres) of https://example.nl.

- een punt zonder punt aan het eind
- nog een punt

> Een citaat telt wel mee.

| Kolom | Getal |
| --- | --- |
| Tabellen tellen niet mee | 12 |

```
code telt niet mee
```

Typ `kompas leesbaarheid` in. <span>De woorden tussen HTML-tags wel.</span> ![Een plaatje niet.](foto.jpg)

<div>
Een HTML-blok telt niet mee.
</div>
"""


def test_front_matter_headings_tables_code_html_images_and_addresses_are_not_text():
    assert sentences(PAGE) == [
        (8, "Dit is de eerste zin."),
        (8, "Dit is de tweede zin, die doorloopt op de volgende regel."),
        (9, "Zie onze website of ."),
        (11, "een punt zonder punt aan het eind"),
        (12, "nog een punt"),
        (14, "Een citaat telt wel mee."),
        (24, "Typ in."),
        (24, "De woorden tussen HTML-tags wel."),  # the reader sees them
    ]


def test_a_body_split_off_by_the_loader_keeps_the_line_numbers_of_the_file():
    body = PAGE.split("---\n", 2)[2]
    assert sentences(PAGE) == [(s.line, s.text) for s in analyse(body, first_line=5).sentences]


def test_nothing_to_read_is_empty():
    assert analyse("---\ntitle: x\n---\n# Alleen een kop\n\n| a |\n| - |\n| b |\n").empty
    assert analyse("").empty


# --- Rare words and passive hints ------------------------------------------------------------


def test_rare_words_skip_names_numbers_compounds_and_other_forms_of_common_words():
    text = (
        "Marloes praat met De Wilgenhoeve over de visitatie. Marloes kent de PDCA-cirkel niet. "
        "De boodschappenpas en de teamreflectie zijn er sinds 2024. Het was een zorgvuldige keuze. "
        "De visitatie was in mei."
    )
    result = analyse(text)
    assert [s.rare_words for s in result.sentences] == [("visitatie",), ("PDCA-cirkel",), (), (), ()]
    assert result.rare_words == 3  # the second visitatie counts in the share, but is not named again


@pytest.mark.parametrize(
    "sentence, hint",
    [
        ("Het plan wordt besproken met de cliënt.", "wordt besproken"),
        ("De plannen worden elk jaar geëvalueerd.", "worden … geëvalueerd"),
        ("Dat werd in 2024 door de raad besloten.", "werd … besloten"),
        ("We weten dat het plan met Kees besproken wordt.", "besproken wordt"),
        ("Het verslag is goedgekeurd geworden.", "goedgekeurd geworden"),
        ("Ik word teruggebeld.", "word teruggebeld"),
        ("Het wordt beter.", None),
        ("Het is beter geworden.", None),
        ("Het werd 93%.", None),
        ("Wat overal terugkwam, wordt een speerpunt.", None),
        ("Bewoners werden onrustiger en er gebeurden meer incidenten.", None),
        ("We willen dat cliënten zelf beslissen, zodat ze zelfstandiger worden.", None),
        ("Het onderzoek bevestigt het: waar met het plan wordt gewerkt, weten cliënten meer.", "wordt gewerkt"),
    ],
)
def test_passive_hints(sentence, hint):
    assert passive_hint(sentence) == hint


def test_a_hard_sentence_says_why_and_what_to_do():
    text = "\n".join(
        ["Eerste regel.", "", "Tweede alinea.", "", " ".join(["woord"] * 24) + ".", "", "Het plan wordt besproken."]
    )
    hard = analyse(text).hard_sentences
    assert [(s.line, s.reasons) for s in hard] == [(5, (r.TE_LANG,)), (7, (r.LIJDENDE_VORM,))]
    assert hard[0].advice() == "Zin op regel 5 is 24 woorden lang. Maak er twee zinnen van."
    assert hard[1].advice() == (
        "Zin op regel 7 is lijdende vorm ('wordt besproken'). Zeg wie het doet, bijvoorbeeld 'wij' of 'de begeleider'."
    )


# --- Calibration: the two profiles of issue 4 ------------------------------------------------


def measure(path: Path):
    return analyse(path.read_text(encoding="utf-8"))


def test_calibration_easy_read_text_passes():
    # The sector's easy-read framework: ~10 words per sentence, Douma ~60, ~6% long words, up to ~23.
    result = measure(TEKSTEN / "makkelijk.md")
    assert (result.words, len(result.sentences), result.longest_sentence) == (311, 31, 23)
    assert result.words_per_sentence == pytest.approx(10.03, abs=0.01)
    assert result.douma == pytest.approx(59.4, abs=0.1)
    assert result.long_word_share == pytest.approx(0.058, abs=0.001)
    assert result.rare_word_share == 0
    assert meets_easy_read(result)
    # judged as a whole: its one long sentence is a finding, not a failed verdict
    assert [s.line for s in result.hard_sentences if r.TE_LANG in s.reasons] == [29, 33]


def test_calibration_policy_text_fails():
    # A chapter of the full framework: ~16 words per sentence, Douma ~47, ~9% long words, 40+ words.
    result = measure(TEKSTEN / "beleid.md")
    assert (result.words, len(result.sentences), result.longest_sentence) == (301, 19, 46)
    assert result.words_per_sentence == pytest.approx(15.84, abs=0.01)
    assert result.douma == pytest.approx(46.5, abs=0.1)
    assert result.long_word_share == pytest.approx(0.090, abs=0.001)
    assert result.rare_word_share == pytest.approx(0.003, abs=0.001)
    assert not meets_easy_read(result)
    assert len(result.problems()) == 3  # sentence length, Douma and long words all miss
    assert result.passive_sentences == 6


# --- The example ------------------------------------------------------------------------------


@pytest.mark.parametrize("page", EASY_READ_PAGES, ids=lambda p: p.relative_to(EXAMPLE).as_posix())
def test_the_examples_easy_read_pages_meet_the_level(page):
    result = measure(page)
    assert result.meets_easy_read, result.problems()
    assert result.words_per_sentence < 9 and result.douma > 70  # written as easy-read: room to spare


@pytest.mark.parametrize("page", EASY_READ_PAGES, ids=lambda p: p.relative_to(EXAMPLE).as_posix())
def test_an_easy_read_page_is_easier_than_its_full_page(page):
    full = page.with_name(page.name.replace(".begrijpelijk.md", ".md"))
    easy, hard = measure(page), measure(full)
    assert easy.words_per_sentence < hard.words_per_sentence
    assert easy.douma > hard.douma


def test_easy_read_findings_for_the_checker():
    assert easy_read_findings("") == []
    easy = easy_read_findings((TEKSTEN / "makkelijk.md").read_text(encoding="utf-8"))
    assert {f.severity for f in easy} == {"tip"}
    assert len(easy) == r.MAX_SENTENCE_TIPS
    assert [f.line for f in easy] == sorted(f.line for f in easy)
    assert {f.code for f in easy} == {"zin-te-lang", "zin-moeilijk"}

    policy = easy_read_findings((TEKSTEN / "beleid.md").read_text(encoding="utf-8"))
    warning, *tips = policy
    assert (warning.code, warning.severity) == ("begrijpelijk-te-moeilijk", "waarschuwing")
    assert warning.message.startswith(
        "Deze begrijpelijke versie is nog niet makkelijk genoeg: de zinnen zijn "
        "gemiddeld 15,8 woorden lang (makkelijk lezen: hoogstens 12);"
    )
    assert "De moeilijkste zinnen staan op regel 11 (“Voor cliënten die" in warning.message
    assert warning.message.count("regel ") == 3
    assert 0 < len(tips) <= r.MAX_SENTENCE_TIPS and {t.severity for t in tips} == {"tip"}
    assert all(t.message.startswith(f"Zin op regel {t.line} ") for t in tips)


# --- The verb ---------------------------------------------------------------------------------


def test_leesbaarheid_exit_0_for_easy_read_and_1_for_policy_prose(capsys):
    code, out, _ = run_kompas("leesbaarheid", TEKSTEN / "makkelijk.md", capsys=capsys)
    assert code == 0
    assert "Deze tekst is makkelijk genoeg voor de begrijpelijke versie." in out
    assert "Zin op regel 29 is 23 woorden lang. Maak er twee zinnen van." in out

    code, out, _ = run_kompas("leesbaarheid", TEKSTEN / "beleid.md", capsys=capsys)
    assert code == 1
    assert "Flesch-Douma            46,5" in out
    assert "Zin op regel 11 is 46 woorden lang. Maak er vier zinnen van." in out


def test_leesbaarheid_json(capsys):
    code, out, _ = run_kompas("leesbaarheid", TEKSTEN / "beleid.md", "--json", capsys=capsys)
    data = json.loads(out)
    assert code == 1 and data["voldoet"] is False
    assert data["metingen"]["woorden_per_zin"] == 15.84
    assert data["metingen"]["langste_zin"] == 46
    assert data["grenzen"]["douma"] == {"min": r.MIN_DOUMA}
    longest = max(data["moeilijke_zinnen"], key=lambda s: s["woorden"])
    assert (longest["regel"], longest["redenen"][0]) == (11, "te-lang")


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "bestaat-niet.md", "bestaat niet"),
        (lambda d: d, "is geen bestand maar een map"),
        (
            lambda d: (d / "latin1.md").write_bytes("Cliënten praten mee.".encode("latin-1")) and d / "latin1.md",
            "is geen tekst in UTF-8",
        ),
        (
            lambda d: (
                (d / "leeg.md").write_text("---\ntitle: Leeg\n---\n\n# Alleen een kop\n", encoding="utf-8")
                and d / "leeg.md"
            ),
            "staat geen tekst om te meten",
        ),
        (
            lambda d: (d / "open.md").write_text("---\ntitle: Open\n\nEen zin.\n", encoding="utf-8") and d / "open.md",
            "wordt niet afgesloten",
        ),
    ],
)
def test_leesbaarheid_unusable_input_exit_2_in_dutch(tmp_path, capsys, make, message):
    code, out, err = run_kompas("leesbaarheid", make(tmp_path), capsys=capsys)
    assert code == 2 and out == ""
    assert err.startswith("kompas leesbaarheid: ") and message in err
    assert "Traceback" not in err


def test_wordfreq_and_pyphen_work_without_network():
    script = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('geen netwerk')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
        "from kompas_site.easyread.readability import analyse\n"
        "r = analyse('De visitatie en de boodschappenpas. Kees leest.')\n"
        "assert r.rare_words == 1 and r.syllables == 13, (r.rare_words, r.syllables)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


# --- The organisation's own name ----------------------------------------------------------------

NAME = "Stichting Ommelandenzorggroep"  # 19 letters and not in wordfreq's list: long and rare
OWN_NAME_TEXT = (
    "Ommelandenzorggroep helpt mensen thuis.\r\n"
    "Bij ons werken veel begeleiders.\r\n\r\n"
    "Ommelandenzorggroep luistert goed. De visitatie was in mei.\r\n"
)


def test_the_organisations_own_name_is_never_a_long_or_rare_word():
    plain = analyse(OWN_NAME_TEXT)
    assert plain.sentences[0].long_words == ("Ommelandenzorggroep",)
    assert plain.sentences[0].rare_words == ("Ommelandenzorggroep",)  # what the checker's woord-zonder-uitleg names
    assert (plain.long_words, plain.rare_words) == (2, 3)

    known = analyse(OWN_NAME_TEXT, known=r.known_words(NAME))
    assert [s.long_words for s in known.sentences] == [(), (), (), ()]
    assert [s.rare_words for s in known.sentences] == [(), (), (), ("visitatie",)]  # other hard words stay hard
    assert (known.long_words, known.rare_words) == (0, 1)
    # still words, with their syllables: only "hard" changes
    assert (known.words, known.letter_words, known.syllables) == (plain.words, plain.letter_words, plain.syllables)


def test_known_words_are_the_lower_case_words_of_a_name_and_their_parts():
    assert r.known_words("Zorggroep Noorderbreedte-Oost", "  ", "") == {
        "zorggroep",
        "noorderbreedte-oost",
        "noorderbreedte",
        "oost",
    }
    assert r.known_words() == frozenset()


def test_a_hard_sentence_does_not_name_the_organisation_as_a_hard_word():
    text = "Ommelandenzorggroep en Ommelandenzorggroep zijn één.\n\n" + OWN_NAME_TEXT
    tips = [f for f in easy_read_findings(text) if f.severity == r.TIP]
    assert [f.line for f in tips] == [1, 6]
    assert "twee lange woorden (Ommelandenzorggroep en Ommelandenzorggroep)" in tips[0].message
    tips = [f for f in easy_read_findings(text, known=r.known_words(NAME)) if f.severity == r.TIP]
    assert [f.line for f in tips] == [6]  # only the sentence with visitatie


def content_with_name(folder: Path, kompas_yml: bytes) -> Path:
    (folder / "verhalen").mkdir(parents=True)
    (folder / "kompas.yml").write_bytes(kompas_yml)
    page = folder / "verhalen" / "thuis.begrijpelijk.md"
    page.write_bytes(("---\r\ntitle: 'Thuis'\r\n---\r\n\r\n" + OWN_NAME_TEXT).encode("utf-8"))
    return page


KOMPAS_YML = (
    "organisatie:\r\n  naam: 'Stichting Ommelandenzorggroep'\r\nkader: gehandicaptenzorg-2023\r\n"
    "editie:\r\n  soort: kwaliteitsbeeld\r\n  jaar: 2025\r\n  publicatiedatum: '2026-05-28'\r\n"
)


def test_leesbaarheid_knows_the_name_from_kompas_yml_above_the_page(tmp_path, capsys):
    page = content_with_name(tmp_path / "content", KOMPAS_YML.encode("utf-8"))
    code, out, _ = run_kompas("leesbaarheid", page, "--json", capsys=capsys)
    data = json.loads(out)
    assert data["organisatie"] == "Stichting Ommelandenzorggroep"
    assert data["metingen"]["lange_woorden"] == 0
    assert data["metingen"]["zeldzame_woorden"] == pytest.approx(1 / 17, abs=0.0001)  # visitatie only
    assert all("Ommelandenzorggroep" not in s["zeldzame_woorden"] for s in data["moeilijke_zinnen"])

    code, out, _ = run_kompas("leesbaarheid", page, capsys=capsys)
    assert "De naam 'Stichting Ommelandenzorggroep' telt niet als lang of moeilijk woord." in out
    assert "Ommelandenzorggroep" not in out.split("Zinnen om naar te kijken")[-1]


def test_leesbaarheid_organisatie_option_wins_over_kompas_yml(tmp_path, capsys):
    page = content_with_name(tmp_path / "content", KOMPAS_YML.encode("utf-8"))
    code, out, _ = run_kompas("leesbaarheid", page, "--json", "--organisatie", "", capsys=capsys)
    data = json.loads(out)
    assert data["organisatie"] is None
    assert data["metingen"]["lange_woorden"] == pytest.approx(2 / 17, abs=0.0001)
    assert code == 1  # 12% long words: too hard without the name known

    code, out, _ = run_kompas("leesbaarheid", page, "--json", "--organisatie", "Ommelandenzorggroep", capsys=capsys)
    assert json.loads(out)["metingen"]["lange_woorden"] == 0


@pytest.mark.parametrize(
    "kompas_yml",
    [
        (KOMPAS_YML + "verantwoordelijk: Cliëntenraad\n").encode("latin-1"),  # not UTF-8
        b"organisatie: [\n",  # not YAML
        b"kader: gehandicaptenzorg-2023\n",  # no naam
        b"organisatie: Ommelandenzorggroep\n",  # not a section
        b"organisatie:\n  naam: 12\n",  # not a text
        b"a: &a [*a, *a]\norganisatie: *a\n",  # an alias of itself
    ],
)
def test_leesbaarheid_measures_without_the_name_when_kompas_yml_has_problems(tmp_path, capsys, kompas_yml):
    page = content_with_name(tmp_path / "content", kompas_yml)
    code, out, err = run_kompas("leesbaarheid", page, "--json", capsys=capsys)
    assert code == 1 and "Traceback" not in err
    assert json.loads(out)["organisatie"] is None


def test_a_word_of_thousands_of_letters_is_named_by_its_start(tmp_path, capsys):
    text = "Het " + "kwaliteitsverbetering" * 500 + " en de " + "x" * 3000 + " zijn er.\r\n"
    (sentence,) = analyse(text).hard_sentences
    start = "kwaliteitsverbeteringkwaliteitsverbeter…"
    assert f"lange woorden ({start} en {'x' * 39}…)" in sentence.advice()
    assert len(sentence.advice()) < 400
    assert sentence.long_words[0] == "kwaliteitsverbetering" * 500  # the measurement keeps the word

    page = tmp_path / "lang.md"
    page.write_text(text, encoding="utf-8")
    code, out, err = run_kompas("leesbaarheid", page, capsys=capsys)
    assert code == 1 and len(out) < 5000 and err == ""
    assert "  Flesch-Douma            -38.101,7 makkelijk lezen: minstens 55" in out  # a wide value keeps a space
