"""Benchmark: how the build and the pages scale with the size of a report (issue 7).

Usage: python benchmarks/scale.py [--pages 100 250 1000] [--keep DIR] [--runs 1] [--seed 7]

For every N it generates a synthetic report in content contract v1 (benchmarks/synthetic.py: N content
pages over three bouwsteen folders, a third with an easy-read twin, N/10 stories, speerpunten.yml),
checks that ``kompas check`` finds no `fout`, and builds it twice, each build in a fresh subprocess:
- kompas-site: ``python -m kompas_site build DIR -o OUT``;
- plain Material for MkDocs on the same Markdown (the .yml data files left out): theme material,
  language nl, font false, plugins [search]; ``mkdocs build -q``.
Each build runs under a small wrapper that measures its wall time (Python start-up and imports
included), its CPU time and the peak RSS of that one build (``getrusage(RUSAGE_CHILDREN)``). With
``--runs R`` each build runs R times, alternating, and the median time is shown (wall time is noisy on a
shared machine; CPU time much less).

Per build it prints the number of HTML pages (404.html not counted), the raw HTML size per page
(median, max) and the "first view" of the home page, of the largest page and the heaviest first view of
any page. A first view is what a browser fetches to show the page, excluding images: the gzip size
(level 6) of the HTML and of every stylesheet (with its @imports), script and preloaded file it
references; the raw size of the web fonts those stylesheets declare for a font family they use (italic
only if the page has emphasis, bold only if it has headings or strong text); and, when the page starts
Material's search at load - a form named "search", a search worker in the page's __config and a script
that names search_index.json (Material's bundle) - the search worker, its lunr language files and
search/search_index.json. HTML is read with html.parser; for all pages but the home page and the
largest page only the link, script and form tags are fed to it (the result is checked to be the same on
those two).

Not a test: the targets of issue 7 are printed next to the numbers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import posixpath
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, Run, combine, machine, mark, measured
from synthetic import generate

KB = 1024
MB = 1024 * 1024
GZIP_LEVEL = 6  # what web servers use by default

# Targets from issue 7 (measured at 1,000 pages).
TARGET_SPEEDUP = 0.25  # ours / plain Material build time
TARGET_LINEAR = 4.5  # T(1,000) / T(250)
TARGET_HTML_KB = 40
TARGET_FIRST_VIEW_KB = 100
TARGET_PEAK_MB = 500


MATERIAL_CONFIG = """\
site_name: Kwaliteitsbeeld (kale Material)
docs_dir: docs
site_dir: site
theme:
  name: material
  language: nl
  font: false
plugins:
  - search
"""


# -- running a build --------------------------------------------------------------------------


# -- first view -------------------------------------------------------------------------------


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stylesheets: list[str] = []
        self.scripts: list[str] = []
        self.preloads: list[tuple[str, str]] = []  # (href, as) of <link rel=preload>
        self.search_form = False
        self.tags: set[str] = set()
        self._in_config = False
        self.config_text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        rel = (a.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and a.get("href"):
            self.stylesheets.append(a["href"])
        elif tag == "link" and ("preload" in rel or "modulepreload" in rel) and a.get("href"):
            self.preloads.append((a["href"], "script" if "modulepreload" in rel else (a.get("as") or "").lower()))
        elif tag == "script":
            if a.get("src"):
                self.scripts.append(a["src"])
            elif a.get("id") == "__config":
                self._in_config = True
        elif tag == "form" and a.get("name") == "search":
            self.search_form = True

    def handle_data(self, data):
        if self._in_config:
            self.config_text += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False


# For the quick pass: the tags whose attributes matter (an inline script whole, for Material's config),
# and the tags that make a browser fetch an italic or bold font face.
_RELEVANT = re.compile(r"<script\b[^>]*>.*?</script\s*>|<(?:link|form)\b[^>]*>", re.IGNORECASE | re.DOTALL)
_TEXT_TAGS = re.compile(r"<(em|i|cite|blockquote|h[1-6]|strong|b|th)[\s>/]", re.IGNORECASE)
_FONT_FACE = re.compile(r"@font-face\s*{(?P<body>[^}]*)}", re.IGNORECASE)
_FAMILY = re.compile(r"font-family\s*:\s*(?P<value>[^;}]+)", re.IGNORECASE)
_URL = re.compile(
    r"url\(\s*(['\"]?)(?P<url>[^'\")]+)\1\s*\)(?:\s*format\(\s*['\"]?(?P<format>[^'\")]+))?", re.IGNORECASE
)
_IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]?(?P<url>[^'\")\s;]+)", re.IGNORECASE)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_STYLE = re.compile(r"font-style\s*:\s*(\w+)", re.IGNORECASE)
_WEIGHT = re.compile(r"font-weight\s*:\s*(\w+)", re.IGNORECASE)


@dataclass
class FirstView:
    html: int = 0
    css: int = 0
    js: int = 0
    fonts: int = 0
    search: int = 0  # worker, lunr languages and index, when loaded at start-up
    external: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html + self.css + self.js + self.fonts + self.search


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


class Site:
    def __init__(self, root: Path):
        self.root = root
        self._gz: dict[str, int] = {}
        self._css: dict[str, tuple] = {}
        self._langs: dict[str, list[str]] = {}
        self._fetches: dict[str, bool] = {}

    def resolve(self, ref: str, base: str) -> str | None:
        """Site-relative path of ``ref`` as seen from the site file ``base``; None if not on this site."""
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc:
            return None
        path = unquote(parts.path)
        joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(base), path)
        joined = posixpath.normpath(joined)
        if joined.endswith("/") or (self.root / joined).is_dir():
            joined = posixpath.join(joined, "index.html")
        return joined

    def gzip_size(self, rel: str) -> int:
        if rel not in self._gz:
            self._gz[rel] = _gz((self.root / rel).read_bytes())
        return self._gz[rel]

    def raw_size(self, rel: str) -> int:
        return (self.root / rel).stat().st_size

    def fetches_search_index(self, ref: str, page: str) -> bool:
        """Whether a script names search/search_index.json, as Material's bundle does."""
        rel = self.resolve(ref, page)
        if rel is None or not (self.root / rel).is_file():
            return False
        if rel not in self._fetches:
            self._fetches[rel] = b"search_index.json" in (self.root / rel).read_bytes()
        return self._fetches[rel]

    def search_languages(self, index: str) -> list[str]:
        if index not in self._langs:
            self._langs[index] = json.loads((self.root / index).read_text(encoding="utf-8"))["config"].get("lang", [])
        return self._langs[index]

    def stylesheet(self, rel: str) -> tuple[list[str], list[tuple[str, str, str, str, str]], set[str]]:
        """What a stylesheet imports, the font faces it declares, the font families it uses."""
        if rel in self._css:
            return self._css[rel]
        css = _COMMENT.sub("", (self.root / rel).read_text(encoding="utf-8", errors="replace"))
        imports = [match.group("url") for match in _IMPORT.finditer(css)]
        faces = []
        for face in _FONT_FACE.finditer(css):
            body = face.group("body")
            family = _FAMILY.search(body)
            urls = list(_URL.finditer(body))
            if not family or not urls:
                continue
            best = next(
                (
                    u
                    for u in urls
                    if (u.group("format") or "").lower() == "woff2" or u.group("url").lower().endswith(".woff2")
                ),
                urls[0],
            )
            style = _STYLE.search(body)
            weight = _WEIGHT.search(body)
            faces.append(
                (
                    _family_name(family.group("value")),
                    (style.group(1) if style else "normal").lower(),
                    weight.group(1).lower() if weight else "400",
                    best.group("url"),
                    rel,
                )
            )
        families: set[str] = set()
        for match in _FAMILY.finditer(_FONT_FACE.sub("", css)):
            families.update(_family_names(match.group("value")))
        self._css[rel] = (imports, faces, families)
        return self._css[rel]

    def first_view(self, page: str, full: bool = True) -> FirstView:
        """What a browser fetches to show ``page``. ``full=False`` feeds html.parser only the tags that
        matter (link, script, form; the presence of text-level tags is found by a regular expression):
        the same answer on Material's pages, 10 times faster than parsing 400 KB of navigation."""
        html = (self.root / page).read_bytes()
        text = html.decode("utf-8", errors="replace")
        parser = _PageParser()
        if full:
            parser.feed(text)
        else:
            parser.feed("".join(m.group(0) for m in _RELEVANT.finditer(text)))
            parser.tags |= {m.group(1).lower() for m in _TEXT_TAGS.finditer(text)}
        view = FirstView(html=_gz(html), files=[page])
        seen: set[str] = set()

        def add(ref: str, base: str, kind: str) -> str | None:
            if ref.startswith("data:"):
                return None
            rel = self.resolve(ref, base)
            if rel is None:
                view.external.append(ref)
                return None
            if rel in seen or not (self.root / rel).is_file():
                return None
            seen.add(rel)
            view.files.append(rel)
            if kind == "font":
                view.fonts += self.raw_size(rel)  # woff2 is compressed already; servers do not gzip it
            else:
                setattr(view, kind, getattr(view, kind) + self.gzip_size(rel))
            return rel

        # Stylesheets (and what they @import), then the faces of the font families they use.
        faces: list[tuple[str, str, str, str, str]] = []  # family, style, weight, url, stylesheet
        used_families: set[str] = set()
        queue = list(parser.stylesheets)
        bases = [page] * len(queue)
        while queue:
            ref, base = queue.pop(0), bases.pop(0)
            rel = add(ref, base, "css")
            if rel is None:
                continue
            imports, sheet_faces, families = self.stylesheet(rel)
            queue += imports
            bases += [rel] * len(imports)
            faces += sheet_faces
            used_families |= families
        # A browser downloads a face only when text needs it: count italic only if the page has
        # emphasis, bold only if it has headings or strong text (nearly always).
        has_italic = bool(parser.tags & {"em", "i", "cite", "blockquote"})
        has_bold = bool(parser.tags & {"h1", "h2", "h3", "h4", "strong", "b", "th"})
        for family, style, weight, url, sheet in faces:
            if family.lower() not in used_families:
                continue
            if style in ("italic", "oblique") and not has_italic:
                continue
            if weight in ("600", "700", "800", "900", "bold") and not has_bold:
                continue
            add(url, sheet, "font")

        for ref in parser.scripts:
            add(ref, page, "js")
        for ref, kind in parser.preloads:  # fetched at load whether used or not
            if kind in ("font", "style", "script"):
                add(ref, page, {"font": "font", "style": "css", "script": "js"}[kind])

        # Material's search: when the page has a form named "search" and a search worker in its config,
        # Material's bundle (a script that names search_index.json) starts the worker at load and fetches
        # search/search_index.json right away, not only when the reader opens search.
        config = {}
        if parser.config_text.strip():
            try:
                config = json.loads(parser.config_text)
            except ValueError:
                config = {}
        starts_search = any(self.fetches_search_index(ref, page) for ref in parser.scripts)
        if parser.search_form and config.get("search") and starts_search:
            base_url = posixpath.normpath(posixpath.join(posixpath.dirname(page), config.get("base", ".")))
            worker = add(config["search"], page, "search")  # the worker's URL is relative to the page
            index = self.resolve(posixpath.join(base_url, "search/search_index.json"), "")
            if index and (self.root / index).is_file():
                add(index, "", "search")
                if worker:
                    lunr = posixpath.join(posixpath.dirname(posixpath.dirname(worker)), "lunr")
                    langs = self.search_languages(index)
                    extra = [f"min/lunr.{lang}.min.js" for lang in langs if lang != "en"]
                    if len(langs) > 1:
                        extra.append("min/lunr.multi.min.js")
                    if extra:
                        extra.insert(0, "min/lunr.stemmer.support.min.js")
                    for name in extra:
                        add(posixpath.join(lunr, name), "", "search")
        return view


def _family_names(value: str) -> list[str]:
    return [n.strip().strip("'\"").lower() for n in value.split(",") if n.strip()]


def _family_name(value: str) -> str:
    names = _family_names(value)
    return names[0] if names else ""


# -- one build's numbers ----------------------------------------------------------------------


@dataclass
class Result:
    pipeline: str
    pages_in: int
    run: Run
    html_pages: int
    html_median: float
    html_max: int
    largest: str
    home: FirstView
    heaviest: FirstView  # first view of the largest page
    worst: FirstView  # the heaviest first view of any page
    worst_page: str
    search_index: int  # raw bytes of search/search_index.json, 0 if absent


def measure_site(site_dir: Path, pipeline: str, pages_in: int, run: Run) -> Result:
    site = Site(site_dir)
    pages = sorted(
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if p.relative_to(site_dir).as_posix() != "404.html"
    )
    sizes = {page: (site_dir / page).stat().st_size for page in pages}
    largest = max(pages, key=lambda p: sizes[p])
    index = site_dir / "search" / "search_index.json"
    views = {page: site.first_view(page, full=False) for page in pages}
    for page in ("index.html", largest):  # the quick pass must agree with a full parse
        full = site.first_view(page)
        if full.files != views[page].files or full.total != views[page].total:
            print(
                f"warning: quick and full parse of {site_dir.name}/{page} differ: {views[page].files} / {full.files}",
                file=sys.stderr,
            )
        views[page] = full
    worst = max(pages, key=lambda p: views[p].total)
    return Result(
        pipeline=pipeline,
        pages_in=pages_in,
        run=run,
        html_pages=len(pages),
        html_median=statistics.median(sizes.values()),
        html_max=sizes[largest],
        largest=largest,
        home=views["index.html"],
        heaviest=views[largest],
        worst=views[worst],
        worst_page=worst,
        search_index=index.stat().st_size if index.exists() else 0,
    )


def check_report(content: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "kompas_site", "check", str(content), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode == 2:
        raise SystemExit(f"kompas check could not read the synthetic report:\n{done.stdout}{done.stderr}")
    counts = json.loads(done.stdout)["samenvatting"]  # {"fout": 0, "waarschuwing": 0, "tip": 0}
    if done.returncode != 0 or counts.get("fout"):
        raise SystemExit(
            f"kompas check found errors in the synthetic report (exit {done.returncode}):\n{done.stdout[:4000]}"
        )
    return counts


def bench(n: int, work: Path, seed: int, runs: int = 1) -> tuple[list[Result], dict]:
    content = work / "content"
    summary = generate(content, n, seed)
    counts = check_report(content)
    # Plain Material: the same Markdown, without the data files it would otherwise publish.
    docs = work / "docs"
    shutil.copytree(content, docs, ignore=shutil.ignore_patterns("*.yml", "*.yaml"))
    (work / "mkdocs.yml").write_text(MATERIAL_CONFIG, encoding="utf-8")

    ours_cmd = [sys.executable, "-m", "kompas_site", "build", str(content), "-o", str(work / "site-kompas")]
    plain_cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml")]
    ours, plain = [], []
    for _ in range(runs):  # alternate, so that a busy moment on the machine does not hit one pipeline only
        ours.append(measured(ours_cmd, cwd=work))
        plain.append(measured(plain_cmd, cwd=work))
    results = [
        measure_site(work / "site-kompas", "kompas-site", n, combine(ours)),
        measure_site(work / "site", "Material (kaal)", n, combine(plain)),
    ]
    info = {"summary": summary, "check": counts, "md_files": sum(1 for _ in content.rglob("*.md"))}
    return results, info


# -- printing ---------------------------------------------------------------------------------


def _kb(value: float) -> str:
    return f"{value / KB:.0f}" if value >= 10 * KB else f"{value / KB:.1f}"


def table(n: int, results: list[Result], info: dict) -> str:
    s = info["summary"]
    lines = [
        f"### {n} content pages",
        "",
        f"{s.pages} pages + {s.twins} easy-read twins + {s.stories} stories = {info['md_files']} Markdown files, "
        f"{s.speerpunten} speerpunten, {s.words:,} words in the pages; kompas check: "
        + ", ".join(f"{v} {k}" for k, v in info["check"].items())
        + ".",
        "",
        "| pipeline | build s | CPU s | peak MB | pages | HTML median KB | HTML max KB "
        "| first view KB (gzip): home | largest page | heaviest of all | search index KB (raw) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.pipeline} | {r.run.wall:.1f} | {r.run.cpu:.1f} | {r.run.peak_mb:.0f} | {r.html_pages} "
            f"| {_kb(r.html_median)} | {_kb(r.html_max)} | {_kb(r.home.total)} | {_kb(r.heaviest.total)} "
            f"| {_kb(r.worst.total)} | {_kb(r.search_index)} |"
        )
    if len(results[0].run.walls) > 1:
        lines += [
            "",
            "Build s is the median of "
            + "; ".join(f"{r.pipeline}: {', '.join(f'{w:.1f}' for w in r.run.walls)} s" for r in results)
            + ".",
        ]
    lines += ["", "First view, in KB: HTML + CSS + JS + fonts + search (worker, lunr, index) = total:"]
    for r in results:
        for label, view, page in (
            ("home", r.home, "index.html"),
            ("largest", r.heaviest, r.largest),
            ("heaviest", r.worst, r.worst_page),
        ):
            lines.append(
                f"- {r.pipeline}, {label} (`{page}`): {_kb(view.html)} + {_kb(view.css)} + {_kb(view.js)} "
                f"+ {_kb(view.fonts)} + {_kb(view.search)} = {_kb(view.total)}"
                + (f"; external: {', '.join(view.external)}" if view.external else "")
            )
    return "\n".join(lines)


def targets(all_results: dict[int, list[Result]]) -> str:
    lines = ["### Against the targets of issue 7", ""]
    ours = {n: rs[0] for n, rs in all_results.items()}
    plain = {n: rs[1] for n, rs in all_results.items()}
    for n in sorted(all_results):
        ratio = ours[n].run.wall / plain[n].run.wall
        lines.append(
            f"- {n} pages: build time kompas-site / Material = {ours[n].run.wall:.1f} / "
            f"{plain[n].run.wall:.1f} s = {ratio:.2f}"
            + (f" (target ≤ {TARGET_SPEEDUP}: {mark(ratio <= TARGET_SPEEDUP)})" if n == 1000 else "")
        )
    if 250 in all_results and 1000 in all_results:
        for name, group in (("kompas-site", ours), ("Material (kaal)", plain)):
            growth = group[1000].run.wall / group[250].run.wall
            lines.append(
                f"- {name}: T(1000) / T(250) = {group[1000].run.wall:.1f} / {group[250].run.wall:.1f} s = "
                f"{growth:.2f}"
                + (
                    f" (target ≤ {TARGET_LINEAR}: {mark(growth <= TARGET_LINEAR)})"
                    if name == "kompas-site"
                    else " (for comparison)"
                )
            )
    if 1000 in all_results:
        r = ours[1000]
        first = r.worst.total
        lines += [
            f"- kompas-site at 1000 pages: HTML max {_kb(r.html_max)} KB (target ≤ {TARGET_HTML_KB}: "
            f"{mark(r.html_max <= TARGET_HTML_KB * KB)}); heaviest first view of any page {_kb(first)} KB gzip "
            f"(target ≤ {TARGET_FIRST_VIEW_KB}: {mark(first <= TARGET_FIRST_VIEW_KB * KB)}); peak "
            f"{r.run.peak_mb:.0f} MB (target < {TARGET_PEAK_MB}: {mark(r.run.peak_mb < TARGET_PEAK_MB)})",
        ]
    if len(all_results) > 1:
        small, large = min(all_results), max(all_results)
        for name, group in (("kompas-site", ours), ("Material (kaal)", plain)):
            a, b = group[small].home.total, group[large].home.total
            c, d = group[small].worst.total, group[large].worst.total
            lines.append(
                f"- {name}: first view of the home page {_kb(a)} KB at {small} pages, {_kb(b)} KB at "
                f"{large}; heaviest page {_kb(c)} → {_kb(d)} KB (must not grow with the report: "
                f"{mark(b <= a * 1.05 and d <= c * 1.05)})"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--pages",
        type=int,
        nargs="+",
        default=[100, 250, 1000],
        metavar="N",
        help="report sizes in content pages (default: 100 250 1000)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="keep the generated reports and sites in DIR/pages-N/ (default: a temp folder, removed)",
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic content (default: 7)")
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="build each site this many times, alternating, and report the median (default: 1)",
    )
    args = parser.parse_args()

    print(machine())
    print()
    all_results = {}
    with tempfile.TemporaryDirectory(prefix="kompas-scale-") as tmp:
        base = args.keep.resolve() if args.keep else Path(tmp)
        for n in args.pages:
            work = base / f"pages-{n}"
            if work.exists():
                shutil.rmtree(work)
            work.mkdir(parents=True)
            start = time.perf_counter()
            results, info = bench(n, work, args.seed, args.runs)
            all_results[n] = results
            print(table(n, results, info))
            print(f"\n(benchmark for {n} pages took {time.perf_counter() - start:.0f} s)\n", flush=True)
    print(targets(all_results))
    if args.keep:
        print(f"\nReports and sites kept in {args.keep}/pages-N/ (content, docs, site-kompas, site).")


if __name__ == "__main__":
    main()
