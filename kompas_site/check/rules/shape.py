"""Rule: front matter in a shape the loader could not use (``kopregel-vorm``).

The loader turns the natural short forms into the long form (``kompas_site/load/verhaal.py``); what it
cannot turn (a story photo at an outside address, a film transcript that is a list, a consent date that
is not a date) it leaves out of what gets published and keeps on the page as ``Page.shape_problems``.
Each becomes an error here, with the file, line and key, so the rest of the report is still checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, Finding
from kompas_site.check.registry import Code

CODE = "kopregel-vorm"
CODES = (
    Code(
        CODE,
        FOUT,
        "Iets in de kop van een pagina of verhaal heeft een vorm die niet gebruikt kan worden",
        "De kop (tussen de regels met ---) gebruikt korte vormen waar dat kan: 'fotos: media/gert.jpg' en "
        "'domeinen: zelfbepaling' mogen. Wat niet kan: een foto op een andere website (zet hem in de map "
        "media), een transcript als lijst (schrijf 'transcript: |' met de tekst ingesprongen eronder), of "
        "een datum die geen datum is (schrijf jaar-maand-dag: 2025-03-14). De melding noemt de regel.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    for page in ctx.report.all_pages:
        for problem in page.shape_problems:
            yield Finding(
                CODE,
                FOUT,
                problem.message,
                file=problem.file or page.path,
                line=problem.line or 1,
                key=problem.key,
            )
