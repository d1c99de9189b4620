"""Benchmark: what kwaliteitsbeeld.json adds to a run of the pipeline (assemble/summary.py).

Usage: python benchmarks/summary.py [--pages 1000] [--seed 7]

Generates a synthetic report (benchmarks/synthetic.py) in a temp folder, runs the pipeline once to warm
the caches, then times the summary alone (the hash over every page and published file, and the
readability figures of every easy-read page), cold (empty cache folder, nothing in memory) and warm (as
in the next rebuild of ``kompas serve``), next to the whole pipeline run. Not a test: numbers only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kompas-bench-summary-") as temp:
        os.environ["KOMPAS_CACHE"] = str(Path(temp) / "cache")
        from synthetic import generate

        from kompas_site import pipeline
        from kompas_site.assemble import SPEERPUNTEN, WAAR_VIND_IK_WAT
        from kompas_site.assemble import summary as summary_module

        content = Path(temp) / "content"
        generate(content, args.pages, seed=args.seed)
        start = time.perf_counter()
        build = pipeline.run(content)
        whole = time.perf_counter() - start

        def once() -> float:
            begin = time.perf_counter()
            summary_module.summary(
                build.result,
                build.pages,
                {**build.images, **build.files},
                build.site.data_files,
                home="index.md",
                speerpunten_page=SPEERPUNTEN,
                waar_vind_ik_wat=WAAR_VIND_IK_WAT,
            )
            return time.perf_counter() - begin

        warm = min(once() for _ in range(3))
        summary_module._digest.cache_clear()
        for kind in ("samenvatting-bestanden", "samenvatting-leesbaarheid"):
            for file in (Path(temp) / "cache" / kind).glob("*.json"):
                file.unlink()
        cold = once()
        size = len(summary_module.as_json(build.summary).encode("utf-8"))
        print(
            f"{args.pages} pagina's, {len(build.pages)} in de site, {len(build.images) + len(build.files)} bestanden: "
            f"pipeline (eerste keer) {whole:.2f} s; samenvatting koud {cold * 1000:.0f} ms, warm {warm * 1000:.0f} ms; "
            f"kwaliteitsbeeld.json {size / 1024:.0f} kB"
        )


if __name__ == "__main__":
    main()
