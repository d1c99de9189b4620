"""Benchmark: the personal-data scan is linear in the length of a text (issue 12).

Usage: python benchmarks/privacy_scan.py [--sizes 10 100 1000]

For each size (in KB) it times the scan of one page body that is a single paragraph (no blank line:
the worst case for a scan that works per block) of five kinds of text: ordinary prose with the
organisation's numbers and figurative dates, one long run of digits and separators, text full of
birth words and dates, a paragraph of many links with numbers in their addresses, and a run of
uppercase letters and digits that looks like IBANs. It prints the time per KB; a linear scan shows a
flat column from 10 KB to 1 MB. Not a test: no machine is fast or slow enough to assert on.
"""

from __future__ import annotations

import argparse
import time

from kompas_site.check.privacy import find_personal_data, personal_data_in

PIECES = {
    "proza": (
        "Ons RSIN is 801745913 en onze KvK 41234567; giften op NL91 ABNA 0417 1643 00. Het idee werd "
        "geboren op 4 april 2022. In 2025 waren 420 cliënten tevreden (85%), met 2,5 fte extra. "
    ),
    "cijfers": "1234 5678-9012.3456 ",
    "geboren": "geboren 12 maart geboren 3-4-1990 geb. ",
    "links": "[bel](tel:+31612345678) en [site](https://example.nl/a?id=123456782)\n",
    "iban": "NL91ABNA0417164300NL91 ",
}


def measure(text: str, body: bool) -> float:
    start = time.perf_counter()
    if body:
        personal_data_in.__wrapped__(text)  # the function itself, not its cache
    else:
        list(find_personal_data(text))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="sizes in KB")
    args = parser.parse_args()
    print(f"{'tekst':10}" + "".join(f"{size:>10} KB" for size in args.sizes) + "   (ms per KB)")
    for name, piece in PIECES.items():
        row = f"{name:10}"
        for size in args.sizes:
            text = (piece * (size * 1024 // len(piece) + 1))[: size * 1024]
            seconds = min(measure(text, body=name == "links") for _ in range(2))
            row += f"{1000 * seconds / size:13.3f}"
        print(row, flush=True)


if __name__ == "__main__":
    main()
