"""The shape of the code: the flow runs one way (load -> check -> assemble -> render, media beside it),
the core stays independent of the site engine, and the engine adapter stays a thin translation."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kompas_site"
ADAPTER = PACKAGE / "render" / "mkdocs_engine.py"
ADAPTER_LIMIT = 250  # lines, for all modules that import mkdocs together
ENGINES = {"mkdocs", "material"}

SHARED = {
    "model",
    "errors",
    "woorden",
    "cache",
    "dutch",
    "markdown",
    "paths",
    "spelling",
    "resources",
    "profiles",
    "sanitise",
}
# Which part of kompas_site may import which other part. Anything else is a new edge: think before adding.
ALLOWED = {
    "model": {"errors", "woorden"},
    "woorden": set(),
    "errors": set(),
    "cache": {"outputdir"},
    "dutch": set(),
    "spelling": set(),
    "sanitise": set(),
    "resources": set(),
    "markdown": {"cache"},
    "paths": {"model"},
    "profiles": {"errors", "load", "spelling", "dutch"},  # profile files are read and validated like content
    "scaffold": {"profiles", "resources"},
    "buildstamp": {"cache", "resources"},
    "outputdir": set(),
    "load": SHARED,
    "easyread": SHARED,
    "media": SHARED,
    "check": SHARED | {"load", "easyread", "media", "scaffold"},
    "assemble": SHARED | {"load", "check", "easyread", "media", "__version__"},  # the summary names its maker
    "render": SHARED | {"check", "pipeline", "outputdir"},
    "pipeline": SHARED | {"load", "check", "assemble", "media", "render"},
    "audit": SHARED,
    "word": SHARED | {"load", "pipeline"},  # Word in (a page) and out (the easy-read pages of a build)
    "paper": SHARED | {"pipeline", "render", "media"},
    "archive": SHARED
    | {
        "pipeline",
        "assemble",
        "load",
        "render",
    },  # editions in one site (kompas archief)  # the printed documents, from the pipeline's pages
    "commands": SHARED
    | {
        "pipeline",
        "check",
        "easyread",
        "render",
        "audit",
        "scaffold",
        "buildstamp",
        "load",
        "outputdir",
        "word",
        "paper",
        "archive",
    },
    "cli": {"commands", "__version__", "errors"},
    "__main__": {"cli"},
    "__init__": set(),
}


def part_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def imports(path: Path) -> set[str]:
    """Every module the file imports, statically or with importlib.import_module / __import__."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "kompas_site":
                names |= {f"kompas_site.{a.name}" for a in node.names}
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
    return names


def test_only_the_adapter_imports_the_engine():
    offenders = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if p != ADAPTER and {m.split(".")[0] for m in imports(p)} & ENGINES
    ]
    assert offenders == []
    assert "mkdocs" in {m.split(".")[0] for m in imports(ADAPTER)}


def test_a_dynamic_import_of_the_engine_is_caught(tmp_path):
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text('import importlib\nengine = importlib.import_module("mkdocs.commands.build")\n')
    assert "mkdocs.commands.build" in imports(sneaky)


def test_imports_between_the_parts_follow_the_table():
    edges = set()
    for path in PACKAGE.rglob("*.py"):
        here = part_of(path)
        for module in imports(path):
            parts = module.split(".")
            if parts[0] != "kompas_site" or len(parts) < 2 or parts[1] == here:
                continue
            edges.add((here, parts[1], path.relative_to(PACKAGE).as_posix()))
    unknown = sorted({here for here, _, _ in edges} - set(ALLOWED))
    assert unknown == [], f"parts without a row in ALLOWED: {unknown}"
    wrong = sorted(f"{file}: {here} -> {there}" for here, there, file in edges if there not in ALLOWED[here])
    assert wrong == []


def test_the_engine_adapter_stays_thin():
    engine_modules = [p for p in PACKAGE.rglob("*.py") if {m.split(".")[0] for m in imports(p)} & ENGINES]
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in engine_modules)
    assert lines <= ADAPTER_LIMIT, f"{lines} lines in {[p.name for p in engine_modules]}"


def test_the_root_mkdocs_yml_and_the_kompas_command_configure_mkdocs_alike():
    from kompas_site.render.siteconfig import CONFIG_TEMPLATE

    root = (PACKAGE.parent / "mkdocs.yml").read_text(encoding="utf-8")
    expected = CONFIG_TEMPLATE.format(docs_dir="content", concept="")
    assert [line for line in root.splitlines() if line and not line.startswith("#")] == expected.splitlines()


def test_an_engine_that_skips_the_plugin_publishes_no_data_files():
    """Zensical reads mkdocs.yml but skips the kompas plugin: exclude_docs keeps the data files out."""
    from kompas_site.render.siteconfig import CONFIG_TEMPLATE

    for pattern in ("*.yml", "*.yaml", "*~", ".*", "_*"):
        assert f"\n  {pattern}\n" in CONFIG_TEMPLATE
