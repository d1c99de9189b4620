"""Rule: the speerpunten file is consistent: known status, unique id, a reason, a real bouwsteen."""

from __future__ import annotations

from collections.abc import Iterator

from kompas_site.check.context import CheckContext
from kompas_site.check.findings import FOUT, Finding
from kompas_site.check.registry import Code
from kompas_site.model import SPEERPUNT_STATUS
from kompas_site.spelling import did_you_mean, listing

_EXAMPLE = (
    "\n\n    - id: vaste-gezichten\n      titel: Vaste gezichten op elke groep\n      bouwsteen: 3\n"
    "      status: deels-behaald\n      toelichting: Op vier van de zes groepen lukte het; ...\n"
)
CODES = (
    Code(
        "speerpunt-status-onbekend",
        FOUT,
        "Een speerpunt heeft geen of een onbekende status",
        "Elk speerpunt in speerpunten.yml heeft een status: behaald, deels-behaald, niet-behaald, doorgezet, "
        "nieuw of gestopt. Bijvoorbeeld:" + _EXAMPLE,
    ),
    Code(
        "speerpunt-dubbel",
        FOUT,
        "Twee speerpunten hebben hetzelfde id",
        "Het id van een speerpunt is zijn vaste naam, ook in een volgende editie. Geef elk speerpunt een eigen "
        "id, in kleine letters met streepjes, zoals 'vaste-gezichten'.",
    ),
    Code(
        "speerpunt-zonder-toelichting",
        FOUT,
        "Een speerpunt dat niet nieuw is, heeft geen toelichting",
        "Het kader vraagt bij elk speerpunt wat er bereikt is en wat niet, en waarom. Schrijf dat bij "
        "'toelichting'. Bij een speerpunt dat u bewust stopt (status 'gestopt') schrijft u daar waarom. Alleen "
        "een nieuw speerpunt mag nog zonder." + _EXAMPLE,
    ),
    Code(
        "speerpunt-bouwsteen-onbekend",
        FOUT,
        "Een speerpunt noemt een bouwsteen die het kader niet heeft",
        "Zet bij 'bouwsteen' het nummer van een bouwsteen van uw kader, zoals 'bouwsteen: 3', of een lijst als "
        "het bij twee bouwstenen hoort: 'bouwsteen: [1, 3]'. Geldt het doel voor de hele organisatie, laat "
        "'bouwsteen' dan weg. 'kompas check' noemt de bouwstenen van uw kader met hun nummer.",
    ),
    Code(
        "speerpunt-pagina-onbekend",
        FOUT,
        "Een speerpunt verwijst naar een pagina die er niet is",
        "Bij 'pagina' staat de pagina die meer over het speerpunt vertelt, vanaf de map van uw rapport, zoals "
        "'pagina: 05-speerpunten/terugblik.md'. Controleer de map en de bestandsnaam; 'kompas check' noemt de "
        "pagina die er het meest op lijkt.",
    ),
)


def check(ctx: CheckContext) -> Iterator[Finding]:
    report, kader = ctx.report, ctx.kader
    file = report.speerpunten_file
    seen: dict[str, int | None] = {}
    numbers = [b.nummer for b in kader.bouwstenen]
    for goal in report.speerpunten or ():
        label = f"Speerpunt '{goal.id}'"

        def finding(code: str, message: str, key: str | None, goal=goal) -> Finding:
            return Finding(code, FOUT, message, file=file, line=goal.lines.get((key,), goal.line), key=key)

        if goal.id in seen:
            yield finding(
                "speerpunt-dubbel",
                f"{label} staat er twee keer in (ook op regel {seen[goal.id]}). Geef elk speerpunt een eigen id.",
                "id",
            )
        seen.setdefault(goal.id, goal.line)
        if goal.status not in SPEERPUNT_STATUS:
            now = f"'{goal.status}'" if goal.status else "niets"
            yield finding(
                "speerpunt-status-onbekend",
                f"{label} heeft als status {now}. Kies een van: {listing(SPEERPUNT_STATUS)}."
                + (did_you_mean(goal.status, SPEERPUNT_STATUS) if goal.status else ""),
                "status",
            )
        elif goal.status == "gestopt" and not goal.toelichting:
            yield finding(
                "speerpunt-zonder-toelichting",
                f"{label} is gestopt, maar er staat niet waarom. Schrijf bij 'toelichting' waarom u dit speerpunt "
                "bewust stopt, bijvoorbeeld: 'We stoppen hiermee omdat ...'.",
                "toelichting",
            )
        elif goal.status != "nieuw" and not goal.toelichting:
            yield finding(
                "speerpunt-zonder-toelichting",
                f"{label} heeft status '{goal.status}' maar geen toelichting. Schrijf bij 'toelichting' wat er "
                "bereikt is en wat niet, en waarom.",
                "toelichting",
            )
        valid = "; ".join(f"{b.nummer} {b.titel}" for b in kader.bouwstenen)
        for index, number in enumerate(goal.bouwstenen):
            if number in numbers:
                continue
            close = _nearest_number(number, numbers)
            line = goal.lines.get(("bouwsteen", index), goal.lines.get(("bouwsteen",), goal.line))
            yield Finding(
                "speerpunt-bouwsteen-onbekend",
                FOUT,
                f"{label} heeft bouwsteen {number}, maar die heeft het {kader.korte_naam} niet. De bouwstenen "
                f"zijn: {valid}."
                + (f" Bedoelt u bouwsteen {close}?" if close is not None else "")
                + " Hoort het doel bij de hele organisatie, laat 'bouwsteen' dan weg.",
                file=file,
                line=line,
                key="bouwsteen",
            )
        if goal.pagina is not None and report.linked_page(goal.pagina) is None:
            paths = [p.path for p in report.all_pages]
            yield finding(
                "speerpunt-pagina-onbekend",
                f"{label} verwijst bij 'pagina' naar '{goal.pagina}', maar die pagina is er niet. Schrijf het pad "
                "vanaf de map van uw rapport, zoals 'pagina: 05-speerpunten/terugblik.md'."
                + did_you_mean(goal.pagina.strip().lstrip("/"), paths),
                "pagina",
            )


def _nearest_number(number: int, numbers: list[int]) -> int | None:
    """The bouwsteen an author probably meant: the nearest number (the lower one when two are as near)."""
    return min(numbers, key=lambda n: (abs(n - number), n)) if numbers else None
