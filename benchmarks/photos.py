"""Benchmark: the photo pipeline on many 12-megapixel photos, cold and warm cache (issue 5).

Usage: python benchmarks/photos.py [--photos 200] [--keep DIR]

1. Makes N synthetic photos of 4000 x 3000 pixels (JPEG, quality 92, about 3 MB each, like a phone
   camera): smooth colour gradients, shapes with soft edges, fine texture in some regions and sensor
   noise everywhere, so they compress and decode like real photos. Every photo has EXIF (camera,
   date, serial number, orientation); two in three have a GPS position and one in four is turned by
   its orientation tag (6, 8 or 3). Deterministic: photo i is the same file on every run and every
   computer with the same Pillow. They go in a temporary folder, or in DIR with ``--keep DIR``,
   where they are made once and reused by later runs (only missing ones are made).
2. Runs ``process_images`` on them with a new, empty cache folder, on all cores (the default
   number of workers): cold (everything decoded, resized and encoded), then warm (every photo a
   cache hit: read and hashed, never decoded).
3. Times ``python -m kompas_site build content -o ...`` of the bundled example with its own empty
   image cache (``KOMPAS_CACHE``): one run to fill the cache, then 3 warm runs, median (target:
   under 1 second).

MB is 10^6 bytes. Peak RSS is that of this process (generation runs in child processes and is not
counted). Not a test: the numbers go in the README.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import PIL  # noqa: E402
from PIL import Image, ImageChops, ImageDraw, ImageFilter, features  # noqa: E402
from PIL.TiffImagePlugin import IFDRational  # noqa: E402

from kompas_site.media import ImageSettings, process_images  # noqa: E402

WIDTH, HEIGHT = 4000, 3000
JPEG_QUALITY = 92
# Change this when the photos change: a --keep folder made by another version is then made anew.
GENERATOR = f"kompas-benchmark-photos/1;{WIDTH}x{HEIGHT};q{JPEG_QUALITY}"
MARKER = ".kompas-benchmark-photos"
SEED = 20250314
EXAMPLE_RUNS = 3


# ---------------------------------------------------------------------------------------------
# Synthetic photos


def photo_name(index: int) -> str:
    return f"foto-{index:04d}.jpg"


def orientation_of(index: int) -> int:
    """1 (as stored) for most; 6, 8 and 3 for one photo in four together."""
    return {3: 6, 7: 8, 11: 3, 15: 6}.get(index % 16, 1)


def has_gps(index: int) -> bool:
    return index % 3 != 2


def _lut(amplitude: float) -> list[int]:
    """Maps uniform bytes 0..255 to 128 +/- amplitude (added later with offset -128)."""
    return [max(0, min(255, round(128 + (v - 127.5) / 127.5 * amplitude))) for v in range(256)]


def _rational(value: float, denominator: int = 10_000) -> IFDRational:
    return IFDRational(round(value * denominator), denominator)


def _dms(degrees: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    d = int(degrees)
    m = int((degrees - d) * 60)
    s = (degrees - d - m / 60) * 3600
    return IFDRational(d, 1), IFDRational(m, 1), _rational(s, 100)


def make_photo(index: int) -> bytes:
    """The JPEG file of photo ``index``: the same bytes every time."""
    rng = random.Random(SEED * 1_000_003 + index)

    # Smooth colour field: a vertical gradient with a few soft blobs, computed small, scaled up.
    sw, sh = 80, 60
    top = [rng.randrange(256) for _ in range(3)]
    bottom = [rng.randrange(256) for _ in range(3)]
    blobs = [
        (rng.uniform(0, sw), rng.uniform(0, sh), rng.uniform(6, 25), [rng.uniform(-90, 90) for _ in range(3)])
        for _ in range(rng.randint(3, 7))
    ]
    pixels = []
    for y in range(sh):
        t = y / (sh - 1)
        for x in range(sw):
            colour = [top[k] + (bottom[k] - top[k]) * t for k in range(3)]
            for bx, by, r, col in blobs:
                d2 = ((x - bx) ** 2 + (y - by) ** 2) / (r * r)
                if d2 < 9:
                    f = 2.718281828**-d2
                    colour = [colour[k] + col[k] * f for k in range(3)]
            pixels.append(tuple(max(0, min(255, int(v))) for v in colour))
    small = Image.new("RGB", (sw, sh))
    small.putdata(pixels)
    image = small.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)

    # Objects: shapes and lines, edges softened as by a lens.
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(12, 30)):
        kind = rng.choice(("ellipse", "rectangle", "polygon", "line"))
        colour = tuple(rng.randrange(256) for _ in range(3))
        x0, y0 = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        x1, y1 = x0 + rng.randint(40, 900), y0 + rng.randint(40, 700)
        if kind == "ellipse":
            draw.ellipse((x0, y0, x1, y1), fill=colour)
        elif kind == "rectangle":
            draw.rectangle((x0, y0, x1, y1), fill=colour)
        elif kind == "polygon":
            draw.polygon(
                [(x0 + rng.randint(-600, 600), y0 + rng.randint(-450, 450)) for _ in range(rng.randint(3, 6))],
                fill=colour,
            )
        else:
            draw.line((x0, y0, x1, y1), fill=colour, width=rng.randint(3, 40))
    image = image.filter(ImageFilter.GaussianBlur(1.2))

    # Fine texture (grass, fabric, hair) in some regions, chosen by a smooth random mask.
    tw, th = WIDTH // 3, HEIGHT // 3
    texture = (
        Image.frombytes("L", (tw, th), rng.randbytes(tw * th))
        .resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
        .point(_lut(rng.uniform(16, 30)))
    )
    mask = Image.frombytes("L", (8, 6), rng.randbytes(48)).resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    textured = ImageChops.add(image, Image.merge("RGB", (texture, texture, texture)), 1.0, -128)
    image = Image.composite(textured, image, mask)

    # Sensor noise everywhere.
    noise = Image.frombytes("L", (WIDTH, HEIGHT), rng.randbytes(WIDTH * HEIGHT)).point(_lut(rng.uniform(4, 7)))
    image = ImageChops.add(image, Image.merge("RGB", (noise, noise, noise)), 1.0, -128)

    # EXIF as a phone writes it: what the pipeline must strip.
    taken = datetime.datetime(2025, 1, 1, 8) + datetime.timedelta(minutes=rng.randrange(365 * 24 * 60))
    stamp = taken.strftime("%Y:%m:%d %H:%M:%S")
    exif = Image.Exif()
    exif[0x010F] = "Kompas"  # Make
    exif[0x0110] = "Benchmark Phone 12"  # Model
    exif[0x0131] = "kompas-site benchmarks/photos.py"  # Software
    exif[0x0132] = stamp  # DateTime
    exif[0x0112] = orientation_of(index)  # Orientation
    details = exif.get_ifd(0x8769)  # Exif IFD
    details[0x9003] = stamp  # DateTimeOriginal
    details[0xA431] = f"SN{rng.randrange(10**9):09d}"  # BodySerialNumber
    if has_gps(index):
        gps = exif.get_ifd(0x8825)
        lat, lon = rng.uniform(50.8, 53.5), rng.uniform(3.4, 7.2)  # somewhere in the Netherlands
        gps[0x0000] = b"\x02\x02\x00\x00"  # GPSVersionID
        gps[0x0001], gps[0x0002] = "N", _dms(lat)
        gps[0x0003], gps[0x0004] = "E", _dms(lon)
        altitude = rng.uniform(-5, 120)  # metres; below sea level is a reference of 1, not a negative value
        gps[0x0005], gps[0x0006] = (b"\x01" if altitude < 0 else b"\x00"), _rational(abs(altitude), 100)

    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, exif=exif)
    return out.getvalue()


def _write_photo(folder: str, index: int) -> int:
    target = Path(folder) / photo_name(index)
    data = make_photo(index)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
    return len(data)


def ensure_photos(folder: Path, count: int, workers: int) -> tuple[list[Path], int, float]:
    """Photos 0..count-1 in ``folder``: reuse what a run of this generator left, make the rest.

    Returns the paths, how many were made and how long that took.
    """
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / MARKER
    same_generator = marker.is_file() and marker.read_text(encoding="utf-8").strip() == GENERATOR
    paths = [folder / photo_name(i) for i in range(count)]
    todo = [i for i, p in enumerate(paths) if not (same_generator and p.is_file() and p.stat().st_size > 0)]
    start = time.perf_counter()
    if todo:
        marker.unlink(missing_ok=True)  # until every photo of this generator is there
        print(f"Making {len(todo)} photo(s) of {WIDTH} x {HEIGHT} in {folder} ...", file=sys.stderr, flush=True)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for done, _ in enumerate(pool.map(_write_photo, [str(folder)] * len(todo), todo), 1):
                if done % 25 == 0 or done == len(todo):
                    print(f"  {done}/{len(todo)}", file=sys.stderr, flush=True)
        marker.write_text(GENERATOR + "\n", encoding="utf-8")
    elif not marker.is_file():
        marker.write_text(GENERATOR + "\n", encoding="utf-8")
    return paths, len(todo), time.perf_counter() - start


# ---------------------------------------------------------------------------------------------
# Measuring


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # what process_images uses by default
    except AttributeError:
        return os.cpu_count() or 1


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6  # bytes on macOS, KiB on Linux


def jpeg_library() -> str:
    if features.check_feature("libjpeg_turbo"):
        return f"libjpeg-turbo {features.version('libjpeg_turbo')}"
    return f"libjpeg {features.version('jpg')}"


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def time_example_build(work: Path) -> tuple[float, list[float]]:
    """One run of `kompas build` on the bundled example with an empty image cache, then EXAMPLE_RUNS warm runs."""
    env = dict(os.environ, KOMPAS_CACHE=str(work / "example-cache"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "kompas_site", "build", "content", "-o", str(work / "example-site")]
    times = []
    for _ in range(1 + EXAMPLE_RUNS):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(
                f"`kompas build` of the example failed (exit {done.returncode}):\n{done.stdout}{done.stderr}"
            )
    return times[0], times[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--photos", type=int, default=200, metavar="N", help="how many photos (default 200)")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="make the photos here once and reuse them on later runs (default: a temporary folder)",
    )
    args = parser.parse_args()
    if args.photos < 1:
        parser.error("--photos must be at least 1")
    n_cores = cores()
    settings = ImageSettings()
    load_at_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else None

    with tempfile.TemporaryDirectory(prefix="kompas-bench-photos-") as tmp:
        work = Path(tmp)
        photo_dir = args.keep.resolve() if args.keep else work / "photos"
        paths, made, made_seconds = ensure_photos(photo_dir, args.photos, n_cores)
        load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        source_bytes = sum(p.stat().st_size for p in paths)
        rss_before = peak_rss_mb()

        cache = work / "cache"
        cache.mkdir()  # new and empty
        start = time.perf_counter()
        cold = process_images(paths, cache, settings, progress=False)
        cold_seconds = time.perf_counter() - start
        start = time.perf_counter()
        warm = process_images(paths, cache, settings, progress=False)
        warm_seconds = time.perf_counter() - start
        rss_peak = peak_rss_mb()
        output_files, output_bytes = folder_size(cache)
        encoded = sum(not r.cached for r in cold.values())
        hits = sum(r.cached for r in warm.values())
        if len(cold) != len(paths) or encoded != len(paths) or hits != len(paths):
            raise SystemExit(f"unexpected: {len(cold)} results, {encoded} encoded cold, {hits} cache hits warm")

        print(
            f"Building the example (1 run to fill its cache, then {EXAMPLE_RUNS} warm runs) ...",
            file=sys.stderr,
            flush=True,
        )
        example_cold, example_warm = time_example_build(work)

    turned = sum(orientation_of(i) != 1 for i in range(args.photos))
    gps = sum(has_gps(i) for i in range(args.photos))
    origin = (
        f"{made} made in {made_seconds:.0f} s, {args.photos - made} reused"
        if args.keep
        else f"made in {made_seconds:.0f} s, temporary"
    )
    print(f"kompas-site photo benchmark, {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(
        f"photos:          {args.photos} JPEG of {WIDTH} x {HEIGHT} ({WIDTH * HEIGHT / 1e6:.0f} MP), "
        f"{gps} with GPS, {turned} turned by EXIF orientation ({origin})"
    )
    print(f"source:          {source_bytes / 1e6:.1f} MB ({source_bytes / 1e6 / args.photos:.2f} MB per photo)")
    print(
        f"cold cache:      {cold_seconds:.2f} s, {args.photos / cold_seconds:.2f} photos/s "
        f"({cold_seconds / args.photos * n_cores:.2f} core-seconds per photo)"
    )
    print(
        f"warm cache:      {warm_seconds:.2f} s ({hits}/{args.photos} cache hits, "
        f"{warm_seconds / args.photos * 1000:.1f} ms per photo)"
    )
    print(
        f"output:          {output_bytes / 1e6:.1f} MB in {output_files} files "
        f"(widths {', '.join(map(str, settings.widths))}: WebP q{settings.webp_quality} + "
        f"JPEG q{settings.jpeg_quality}, plus manifests)"
    )
    print(f"peak RSS:        {rss_peak:.0f} MB (this process; {rss_before:.0f} MB before processing)")
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    load = (
        ""
        if load_before is None
        else f"; 1-minute load average {load_at_start:.1f} at start, {load_before:.1f} before processing, "
        f"{load_after:.1f} at the end (above {n_cores}: other programs shared the cores)"
    )
    print(f"cores:           {n_cores} (process_images workers: default = {n_cores}{load})")
    print(
        f"versions:        Python {platform.python_version()}, Pillow {PIL.__version__} "
        f"({jpeg_library()}, libwebp {features.version('webp')}), "
        f"{platform.system()} {platform.machine()}"
    )
    print(
        f"example build:   warm median {statistics.median(example_warm):.2f} s over {EXAMPLE_RUNS} runs "
        f"({', '.join(f'{t:.2f}' for t in example_warm)}; first run with empty cache {example_cold:.2f} s); "
        f"target under 1 s"
    )


if __name__ == "__main__":
    main()
