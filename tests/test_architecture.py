"""The core stays independent of the site engine: only the adapter imports mkdocs."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kompas_site"
ADAPTER = PACKAGE / "render" / "mkdocs_engine.py"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_adapter_imports_mkdocs():
    offenders = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if p != ADAPTER and {"mkdocs", "material"} & imported_modules(p)
    ]
    assert offenders == []
    assert "mkdocs" in imported_modules(ADAPTER)


def test_the_root_mkdocs_yml_and_the_kompas_command_configure_mkdocs_alike():
    from kompas_site.render.mkdocs_engine import CONFIG_TEMPLATE

    root = (PACKAGE.parent / "mkdocs.yml").read_text(encoding="utf-8")
    expected = CONFIG_TEMPLATE.format(docs_dir="content", concept="")
    assert [line for line in root.splitlines() if line and not line.startswith("#")] == expected.splitlines()
