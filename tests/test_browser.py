"""The seed's HTML timeline rendered by a real browser: headless Chromium (the Debian package;
.ci/run installs it when missing) takes screenshots in light and dark mode, and the test
reads the PNGs back. The page and its screenshots stay in test-artifacts/ (git-ignored) to
be looked at: test-artifacts/seed.html, seed-light.png, seed-dark.png, and seed-focus.png
(the third mark focused by a script).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest

import _png

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "us-japan-2plus2-talks.txt"
ARTIFACTS = ROOT / "test-artifacts"
WIDTH, HEIGHT = 1200, 800
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--mute-audio",
]


def _chromium() -> str | None:
    for candidate in (os.environ.get("TIMELINE_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = _chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium, as .ci/run does as root; "
           "or set TIMELINE_CHROMIUM to a Chromium binary)",
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory(prefix="timeline-chromium-") as profile:
        return subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120, check=False,
            env={**os.environ, "HOME": profile},
        )


@pytest.fixture(scope="module")
def seed_page() -> tuple[Path, int]:
    """test-artifacts/seed.html from the real tagger, and how many marks it should draw."""
    from timeline import parse

    doc = parse(SEED.read_text(encoding="utf-8"), anchor="2024-07-28", source=SEED.name)
    placed = [e for e in doc.events if e.earliest is not None or e.latest is not None]
    assert placed, "the seed should give events with a place in time"
    ARTIFACTS.mkdir(exist_ok=True)
    page = ARTIFACTS / "seed.html"
    page.write_text(doc.to_html(), encoding="utf-8")
    return page, len(placed)


def _screenshot(page: Path, name: str, *extra: str) -> Path:
    png = ARTIFACTS / name
    png.unlink(missing_ok=True)
    done = _run(*extra, f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri())
    assert done.returncode == 0 and png.exists(), f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return png


_decoded: dict[tuple[Path, int], list[bytes]] = {}


def _rows(png: Path) -> list[bytes]:
    """The PNG's RGB rows (decoded once per file version: the pure-Python reader takes ~1 s)."""
    key = (png, png.stat().st_mtime_ns)
    if key not in _decoded:
        _decoded[key] = _png.rows(png.read_bytes())
    return _decoded[key]


def _looks_drawn(png: Path) -> dict[str, float]:
    """Checks that hold for a readable screenshot of the timeline; returns what it measured."""
    assert _png.size(png.read_bytes()) == (WIDTH, HEIGHT)
    rows = _rows(png)
    background = rows[2][6:9]
    colours: set[bytes] = set()
    ink = blue = red = 0
    for y, row in enumerate(rows):
        for x in range(0, len(row), 3 * 2):  # every other pixel is plenty
            px = row[x : x + 3]
            colours.add(px)
            if px != background:
                ink += 1
            if y < 420:  # the chart: bars (blue) and the anchor line (red)
                r, g, b = px
                blue += b > r + 50 and b > g + 20
                red += r > b + 80 and r > g + 60
    total = len(rows) * (len(rows[0]) // 6)
    measured = {"colours": len(colours), "ink": ink / total, "blue": blue, "red": red, "bg": sum(background) / 3}
    assert len(colours) > 50, measured  # not blank, not one colour
    assert 0.02 < measured["ink"] < 0.6, measured
    assert blue > 200, measured  # the bars and points
    assert red > 20, measured  # the anchor line and its label
    return measured


@pytest.fixture(scope="module")
def light_png(seed_page: tuple[Path, int]) -> Path:
    return _screenshot(seed_page[0], "seed-light.png")


@needs_chromium
def test_chromium_draws_the_seed_timeline_in_light_mode(light_png: Path) -> None:
    measured = _looks_drawn(light_png)
    assert measured["bg"] > 240  # white page


@needs_chromium
def test_chromium_draws_the_seed_timeline_in_dark_mode(seed_page: tuple[Path, int]) -> None:
    page, _ = seed_page
    measured = _looks_drawn(_screenshot(page, "seed-dark.png", "--force-dark-mode"))
    assert measured["bg"] < 40  # prefers-color-scheme: dark took effect


def _amber(png: Path) -> int:
    """Pixels of the focus colour (#d97706 in light mode) in the chart's rows."""
    return sum(
        1
        for row in _rows(png)[:420]
        for x in range(0, len(row), 3)
        if row[x] > 190 and 90 < row[x + 1] < 150 and row[x + 2] < 60
    )


@needs_chromium
def test_a_focused_mark_is_outlined_and_its_sentence_shown(seed_page: tuple[Path, int], light_png: Path) -> None:
    page, n = seed_page
    focused = ARTIFACTS / "seed-focus.html"
    focus = '<script>document.querySelectorAll("a.mark")[2].focus();</script></body>'
    focused.write_text(page.read_text(encoding="utf-8").replace("</body>", focus), encoding="utf-8")
    png = _screenshot(focused, "seed-focus.png")
    assert _amber(png) > 100  # the focus ring on the bar and the detail box's border
    assert _amber(light_png) < _amber(png) // 10  # nothing amber without focus

    done = _run("--dump-dom", focused.as_uri())  # the DOM as the browser built it
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert dom.count('<a class="mark ') == dom.count('tabindex="0"') == n  # every mark parsed as SVG
    assert 'class="anchor"' in dom
    detail = dom.split('id="s0-detail"', 1)[1].split("</p>", 1)[0]
    assert "hidden" not in detail.split(">", 1)[0] and ">3. " in detail  # the script showed event 3


def _plain_png(rgb: tuple[int, int, int], filter_type: int = 0) -> bytes:
    """A WIDTH x HEIGHT PNG of one colour, each row with ``filter_type``."""
    row = bytes(rgb) * WIDTH
    if filter_type == 1:  # Sub: each byte minus the one a pixel to its left
        row = row[:3] + bytes((row[i] - row[i - 3]) & 255 for i in range(3, len(row)))
    raw = b"".join(bytes([filter_type]) + row for _ in range(HEIGHT))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    return _png.SIGNATURE + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.mark.parametrize("filter_type", [0, 1])
def test_a_one_colour_screenshot_counts_as_blank(tmp_path: Path, filter_type: int) -> None:
    png = tmp_path / "blank.png"
    png.write_bytes(_plain_png((250, 250, 250), filter_type))
    assert _png.rows(png.read_bytes())[7][30:33] == bytes((250, 250, 250))
    with pytest.raises(AssertionError, match="'colours': 1,"):
        _looks_drawn(png)


# -- issue 16's document: an outlier in 1998, a weekly meeting and deadlines ----------------

_GEOMETRY = """<pre id="geometry"></pre><script>
var boxes = Array.from(document.querySelectorAll("svg.chart text")).map(function (t) {
  var r = t.getBoundingClientRect();
  return [r.left, r.top, r.right, r.bottom, t.textContent];
});
var overlaps = [];
for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
  var a = boxes[i], b = boxes[j];
  if (a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1) overlaps.push([a[4], b[4]]);
}
var bars = Array.from(document.querySelectorAll("a.mark")).map(function (m) {
  var el = m.querySelector("rect, circle"), r = el.getBoundingClientRect();
  return [r.left, r.right, (el.getAttribute("style") || "").indexOf("fade") >= 0];
});
document.getElementById("geometry").textContent = JSON.stringify({texts: boxes.length, overlaps: overlaps, bars: bars});
</script></body>"""


@pytest.fixture(scope="module")
def deadlines_page() -> Path:
    """test-artifacts/deadlines.html: the hand-built document of tests/_export_deadlines.py."""
    import _export_deadlines as DL

    ARTIFACTS.mkdir(exist_ok=True)
    page = ARTIFACTS / "deadlines.html"
    page.write_text(DL.document().to_html(), encoding="utf-8")
    return page


@needs_chromium
def test_chromium_draws_an_outlier_deadlines_and_a_set_with_no_label_overlapping(deadlines_page: Path) -> None:
    import json

    measured = _looks_drawn(_screenshot(deadlines_page, "deadlines-light.png"))
    assert measured["bg"] > 240
    probe = ARTIFACTS / "deadlines-geometry.html"
    probe.write_text(deadlines_page.read_text(encoding="utf-8").replace("</body>", _GEOMETRY), encoding="utf-8")
    done = _run("--dump-dom", f"--window-size={WIDTH},{HEIGHT}", probe.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    geometry = json.loads(done.stdout.split('<pre id="geometry">', 1)[1].split("</pre>", 1)[0])
    assert geometry["texts"] > 10  # ticks, the anchor, six labelled marks
    assert geometry["overlaps"] == []
    bars = geometry["bars"]
    assert len(bars) == 6
    open_widths = [right - left for left, right, fades in bars if fades]
    assert len(open_widths) == 3 and max(open_widths) < 100  # open bars are capped; no 30-year bar
    late = sorted(x for left, right, _ in bars[1:] for x in (left, right))  # the 2025 events
    assert late[-1] - late[0] > WIDTH * 0.4  # spread out, not crushed to a pixel by 1998
    dom = done.stdout
    assert 'class="break"' in dom and "every Monday at 18:00" in dom
