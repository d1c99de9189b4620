"""``kompas import``: a Word file becomes a page of the report, its images files in the report's ``media/``.

Nothing is half-written: the page and its images go to temporary files beside their targets first and
are moved into place only when all of them were made. Macros in the Word file are never run: mammoth
only reads the document's XML, and the macro part (``vbaProject.bin``) is not read at all.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kompas_site.load.report import MEDIA_DIR
from kompas_site.load.settings import FILE as SETTINGS_FILE
from kompas_site.model import TWIN_SUFFIX
from kompas_site.word import WordError
from kompas_site.word.markdown_out import IMAGE_SRC, convert

OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an old .doc, or a .docx Word encrypted with a password
MAX_UNPACKED = 500 * 1024 * 1024  # a Word file that unpacks to more than this is not a report
KEEP = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}
# Word's title styles (English and Dutch names) as the page title; mammoth knows only the headings.
TITLE_MAP = "p[style-name='Title'] => h1:fresh\np[style-name='Titel'] => h1:fresh"
# Word's list styles of a deeper level ('List Bullet 2' .. 'List Number 5'; Word keeps these English names in
# the file, whatever its language) set the level by their style, not by numbering: nest them that deep.
LIST_LEVELS = range(2, 6)
LIST_MAP = "\n".join(
    f"p[style-name='List {name} {level}'] => {'ul|ol > li > ' * (level - 1)}{tag} > li:fresh"
    for level in LIST_LEVELS
    for name, tag in (("Bullet", "ul"), ("Number", "ol"))
)
STYLE_MAP = f"{TITLE_MAP}\n{LIST_MAP}"
DRAWINGS = {"image/x-emf": "EMF", "image/emf": "EMF", "image/x-wmf": "WMF", "image/wmf": "WMF"}


@dataclass
class Imported:
    page: Path
    content_dir: Path
    title: str | None
    images: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the author should know: macros, drawings, no title
    twin: bool = False  # an easy-read twin: it takes its onderdelen from its main page


def content_folder(target: Path) -> Path:
    """The report folder the page goes into: the nearest folder above it with a kompas.yml."""
    for folder in target.resolve().parents:
        if (folder / SETTINGS_FILE).is_file():
            return folder
    raise WordError(
        f"'{target}' ligt niet in de map van een rapport: in geen enkele map erboven staat een {SETTINGS_FILE}. "
        f"Kies een plek in de map van uw rapport, bijvoorbeeld 'content/02-zorgproces/{target.name}'."
    )


def check_word_file(source: Path) -> zipfile.ZipFile:
    """The Word file, opened as the zip it must be; a clear message for everything that is not one."""
    if not source.exists():
        raise WordError(f"Het bestand '{source}' bestaat niet. Controleer de naam en de map.")
    if not source.is_file():
        raise WordError(f"'{source}' is een map, geen Word-bestand. Geef het .docx-bestand zelf op.")
    try:
        with source.open("rb") as handle:
            start = handle.read(8)
    except OSError as error:
        raise WordError(f"'{source}' kan niet gelezen worden ({error.strerror or error}).") from None
    if start.startswith(OLE_MAGIC):
        raise WordError(
            f"'{source}' is beveiligd met een wachtwoord, of het is een oud Word-bestand (.doc). Dat kan kompas "
            "niet lezen. Open het in Word, haal het wachtwoord weg (Bestand > Info > Document beveiligen) en "
            "kies 'Opslaan als' > 'Word-document (*.docx)'. Importeer dan dat nieuwe bestand."
        )
    if not zipfile.is_zipfile(source):
        raise WordError(
            f"'{source}' is geen Word-bestand. Open het in Word en kies 'Opslaan als' > "
            "'Word-document (*.docx)'; importeer dan dat bestand."
        )
    try:
        archive = zipfile.ZipFile(source)
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise WordError(f"'{source}' is beschadigd en kan niet gelezen worden. Sla het in Word opnieuw op.") from None
    if "word/document.xml" not in names:
        archive.close()
        other = (
            " Het lijkt een Excel-bestand."
            if any(n.startswith("xl/") for n in names)
            else " Het lijkt een PowerPoint-bestand."
            if any(n.startswith("ppt/") for n in names)
            else " Het lijkt een OpenDocument-bestand (LibreOffice)."
            if "content.xml" in names
            else ""
        )
        raise WordError(
            f"'{source}' is geen Word-document: er staat geen Word-tekst in.{other} Open de tekst in Word of "
            "LibreOffice en kies 'Opslaan als' > 'Word-document (*.docx)'; importeer dan dat bestand."
        )
    if unpacked > MAX_UNPACKED:
        archive.close()
        raise WordError(
            f"'{source}' is uitgepakt groter dan {MAX_UNPACKED // (1024 * 1024)} MB. Dat is geen gewoon "
            "verslag; kijk of er hele grote afbeeldingen of filmpjes in staan en haal die eruit."
        )
    return archive


def page_slug(target: Path) -> str:
    """The start of the images' file names: the page's name, in plain lowercase letters and digits."""
    name = unicodedata.normalize("NFKD", target.stem).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-") or "afbeelding"


def import_docx(source: Path, target: Path, overwrite: bool = False) -> Imported:
    if target.suffix.lower() != ".md":
        raise WordError(f"De nieuwe pagina moet een naam hebben die eindigt op .md, zoals '{target.stem}.md'.")
    root = content_folder(target)
    if target.exists() and not overwrite:
        raise WordError(
            f"'{target}' bestaat al. Kies een andere naam, of zet --overschrijf achter het commando als u die "
            "pagina wilt vervangen."
        )
    if target.exists() and not target.is_file():
        raise WordError(f"'{target}' is een map. Geef de naam van de nieuwe pagina op, eindigend op .md.")
    archive = check_word_file(source)
    with archive:
        macros = _holds_macros(archive)
        data = source.read_bytes()
    import mammoth

    media = root / MEDIA_DIR
    slug = page_slug(target)
    page_dir = target.resolve().parent
    images: dict[int, str] = {}  # number -> path in the Markdown
    skipped: dict[int, str] = {}  # number -> comment left in its place
    files: dict[Path, bytes] = {}
    notes: list[str] = []

    def image(picture) -> dict[str, str]:
        number = len(images) + len(skipped) + 1
        kind = (picture.content_type or "").lower()
        try:
            with picture.open() as stream:
                raw = stream.read()
        except (KeyError, OSError):
            raw = b""
        description = " ".join((picture.alt_text or "").split())
        if kind in DRAWINGS:
            named = _named(number, f"{DRAWINGS[kind]}-tekening", description)
            skipped[number] = f"{named} niet overgenomen: sla hem in Word op als PNG"
            notes.append(
                f"{named} kan een website niet tonen. Sla hem in Word op als PNG (rechtermuisknop op de "
                f"afbeelding > 'Opslaan als afbeelding' > PNG), zet hem in de map '{MEDIA_DIR}' en vervang de "
                f"regel 'Afbeelding {number}' in de pagina door een verwijzing naar de foto."
                + (" Gebruik de beschrijving uit Word als alt-tekst." if description else "")
            )
            return {"src": f"{IMAGE_SRC}{number}"}
        extension = KEEP.get(kind)
        if extension is None or not raw:
            raw, extension = _as_png(raw), "png"
            if not raw:
                named = _named(number, kind or "onbekend soort", description)
                skipped[number] = f"{named} niet overgenomen: onbekend soort afbeelding"
                notes.append(
                    f"{named} is een soort afbeelding die kompas niet kan lezen. "
                    f"Sla hem in Word op als PNG en zet hem zelf in de map '{MEDIA_DIR}'."
                )
                return {"src": f"{IMAGE_SRC}{number}"}
        path = media / f"{slug}-{number}.{extension}"
        files[path] = raw
        images[number] = posixpath.relpath(path.as_posix(), page_dir.as_posix())
        return {"src": f"{IMAGE_SRC}{number}"}

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data), convert_image=mammoth.images.img_element(image), style_map=STYLE_MAP
        )
    except Exception as error:  # mammoth raises whatever its XML reader raises on a broken file
        raise WordError(
            f"'{source}' kan niet gelezen worden: het Word-bestand is beschadigd ({type(error).__name__}). "
            "Open het in Word en sla het opnieuw op als 'Word-document (*.docx)'."
        ) from None
    converted = convert(result.value, images, skipped)
    title = converted.title or _core_title(data) or None
    if macros:
        notes.insert(
            0, "Dit Word-bestand bevat macro's. Die zijn niet uitgevoerd en niet overgenomen; alleen de tekst."
        )
    if converted.title is None:
        notes.append(
            "Het Word-bestand begint niet met een kop. Zet bij 'title' in de kop van de pagina de titel die "
            "lezers bovenaan zien."
        )
    existing = [p for p in files if p.exists()]
    if existing and not overwrite:
        raise WordError(
            f"In de map '{MEDIA_DIR}' staan al afbeeldingen met de namen die deze pagina zou krijgen: "
            + ", ".join(p.name for p in existing)
            + ". Kies een andere naam voor de pagina, of zet --overschrijf achter het commando om ze te vervangen."
        )
    twin = target.name.lower().endswith(TWIN_SUFFIX)
    header: dict[str, object] = {"title": title or _name_title(target)}
    if not twin:
        header["onderdelen"] = []  # for the author to fill; a twin takes them from its main page
    front = yaml.safe_dump(
        header,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1000,
    )
    page_text = f"---\n{front}---\n\n{converted.markdown}"
    files[target] = page_text.encode("utf-8")
    _write_all(files)
    return Imported(
        page=target,
        content_dir=root,
        title=title,
        images=[p for p in files if p != target],
        notes=notes,
        twin=twin,
    )


def _name_title(target: Path) -> str:
    """A title made from the page's file name ('teamdag.begrijpelijk.md': 'Teamdag')."""
    name = target.name[: -len(TWIN_SUFFIX)] if target.name.lower().endswith(TWIN_SUFFIX) else target.stem
    return name.replace("-", " ").capitalize()


def _named(number: int, kind: str, description: str) -> str:
    """'Afbeelding 1 (EMF-tekening, 'Een deelnemer plant tomaten.')': the picture's Word description kept, so the
    author can reuse it as alt text; safe inside an HTML comment ('--' would end it early)."""
    said = re.sub(r"-(?=-)", "- ", description)
    return f"Afbeelding {number} ({kind}, '{said}')" if said else f"Afbeelding {number} ({kind})"


def _holds_macros(archive: zipfile.ZipFile) -> bool:
    """Whether the Word file really holds macros: a macro part (``vbaProject.bin``) or a macro-enabled content
    type. The name alone says nothing: a .docx renamed to .docm holds none."""
    if any(name.lower().endswith("vbaproject.bin") for name in archive.namelist()):
        return True
    try:
        types = archive.read("[Content_Types].xml").decode("utf-8", "replace").lower()
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return False
    return "macroenabled" in types or "vbaproject" in types


def _as_png(raw: bytes) -> bytes:
    """A raster image Word allows but a website does not show as it is (BMP, TIFF) as PNG; b"" if unreadable."""
    if not raw:
        return b""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(raw)) as picture:
            if picture.format in ("WMF", "EMF"):
                return b""
            out = io.BytesIO()
            picture.save(out, "PNG")
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return b""


def _core_title(data: bytes) -> str | None:
    """The title in the Word file's properties (File > Info), if there is one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    match = re.search(r"<dc:title>([^<]*)</dc:title>", xml)
    return " ".join(match.group(1).split()) or None if match else None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_all(files: dict[Path, bytes]) -> None:
    """Every file to a temporary name beside its target first; then all moved into place."""
    written: list[tuple[Path, Path]] = []
    try:
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            os.chmod(name, 0o666 & ~_umask())
            written.append((Path(name), path))
    except OSError as error:
        for temp, _ in written:
            temp.unlink(missing_ok=True)
        raise WordError(f"Er kon niet geschreven worden in '{path.parent}' ({error.strerror or error}).") from None
    for temp, path in written:
        os.replace(temp, path)
