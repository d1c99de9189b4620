"""``kompas new``: a starter content folder, written from the profile's ``sjabloon`` and guidance."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import jinja2
import yaml

from kompas_site.profiles import EditieProfiel, Kader
from kompas_site.resources import TEMPLATES_DIR

# What `kompas new` writes as the organisation's name, until the author fills in the real one.
PLACEHOLDER_NAME = "Naam van uw organisatie"


@functools.cache
def guidance() -> tuple[str, ...]:
    """The scaffold's own instructions to the author ("Vertel hier in een paar zinnen ..."): left on a
    page, they are placeholder text. Every prose line of the page templates without template code."""
    found = []
    for template in sorted((TEMPLATES_DIR / "scaffold").glob("*.md")):
        text = template.read_text(encoding="utf-8").split("---", 2)[-1]
        for line in text.splitlines():
            line = line.replace("[invullen]", "").strip()
            if line and not line.startswith(("#", ">", "{", "[")) and "{{" not in line and "{%" not in line:
                found.append(line)
    return tuple(found)


def yaml_text(text: str) -> str:
    """A value that stays one YAML string, also with a colon or quote in it."""
    return yaml.safe_dump(str(text), allow_unicode=True, width=1000).removesuffix("\n...\n").strip()


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / "scaffold"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_text
    return env


def write_scaffold(target: Path, kader: Kader, editie: EditieProfiel, jaar: int) -> list[Path]:
    env = _environment()
    context = {
        "kader": kader,
        "editie": editie,
        "jaar": jaar,
        "deadline": editie.deadline(jaar),
        "naam": PLACEHOLDER_NAME,
    }
    files = {
        "kompas.yml": env.get_template("kompas.yml").render(**context),
        "speerpunten.yml": env.get_template("speerpunten.yml").render(**context),
        "index.md": env.get_template("index.md").render(**context),
        "index.begrijpelijk.md": env.get_template("index.begrijpelijk.md").render(**context),
        "verhalen/_LEESMIJ.txt": env.get_template("verhalen.txt").render(**context),
        "media/_LEESMIJ.txt": env.get_template("media.txt").render(**context),
    }
    page = env.get_template("pagina.md")
    for entry in editie.sjabloon:
        onderdelen = [editie.onderdeel(i) for i in entry.onderdelen]
        files[entry.pad] = page.render(titel=entry.titel, onderdelen=onderdelen, **context)
    return _write_all(target, files)


def _write_all(target: Path, files: dict[str, str]) -> list[Path]:
    """Write every file, or none: on an error (no permission, disk full) what was made is removed again."""
    existed = target.is_dir()
    top = target  # the highest folder this call creates, removed again on an error
    while not top.parent.exists() and top.parent != top:
        top = top.parent
    written = []
    try:
        for rel, text in files.items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError:
        if existed:  # an empty folder the author made: leave it, empty
            for child in list(target.iterdir()):
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
        else:
            shutil.rmtree(top, ignore_errors=True)
        raise
    return written
