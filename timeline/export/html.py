"""One self-contained HTML page: the events on a time axis, drawn in inline SVG.

Each event is a bar from its earliest to its latest time (a point when the range is too
narrow to see, or an exact time), shaded by the granularity of its value and labelled
with its number and TIMEX3 value; an open end (BEFORE, AFTER, SINCE, UNTIL) fades out
with an arrow, at most 90 units from its known bound. When a group of marks would be
squeezed by an outlier (one event in 1998 among events in 2025), the axis is broken at
the widest empty stretches: each part has its own linear scale and ticks, and a band with
two slanted strokes marks the skipped time. Overlapping events go to separate lanes, in
timeline order, so the earlier one is always the upper one. A dashed line marks the
anchor. Each mark is a link (keyboard-focusable) with the sentence as its tooltip and
``aria-label``, leading to the numbered list of events below the chart; durations and
sets that have no place in time are listed apart. The page needs no network and no
script: a few lines of JavaScript only echo the focused event's sentence under the chart.
Colours follow ``prefers-color-scheme``.

>>> import pendulum
>>> from timeline.model import Document, Expression
>>> doc = Document("Talks resume in March.", anchor=pendulum.datetime(2024, 7, 28), source="a.txt",
...                expressions=[Expression("March", 16, 21, "DATE", "2025-03",
...                    earliest=pendulum.datetime(2025, 3, 1), latest=pendulum.datetime(2025, 4, 1))])
>>> page = to_html(doc)
>>> page.startswith("<!DOCTYPE html>"), page.count('class="mark '), 'class="anchor"' in page
(True, 1, True)
>>> [label for _, label, _ in ticks(pendulum.datetime(2024, 1, 1), pendulum.datetime(2024, 12, 31), 12)][:3]
['Jan', 'Feb', 'Mar']
"""

from __future__ import annotations

import datetime as _dt
import heapq
import html
import re
from collections.abc import Sequence

import attrs
import pendulum

from ..anchor import has_time
from ..model import Document
from ..events.order import sort_key
from ._common import Entry, display_range, entries, granularity, in_zone, is_time_value, shorten, when_words

__all__ = ["to_html", "ticks", "GRANULARITY_SHADES"]

WIDTH = 1120  # SVG user units; the page scales it down to fit narrower windows
_PAD_X = 24  # space left and right of the plot
_AXIS_Y = 52  # baseline of the top axis
_ROW = 24  # lane height
_BAR = 14  # bar height
_CHAR = 7.22  # advance of one 12px monospace character
_POINT = 5.0  # a bar narrower than this is drawn as a point
_GAP = 10.0  # room between two marks in one lane
_SENTENCE = 400  # longest sentence in a tooltip
_GIST_UP_TO = 60  # charts with at most this many marks show a few words of each event
_GIST = 34  # longest gist
_WORD = re.compile(r"\S+")
_BREAK = 26.0  # width of a break in the axis
_MIN_SEGMENT = 120.0  # narrowest stretch of a broken axis
_SQUEEZED = 0.3  # a group of marks narrower than this share of the axis asks for a break
_CAP = 90.0  # longest bar drawn into an open side
_CAP_LEAST = 24.0  # shortest
_POS = float("inf")
# the axis stays within what datetime can hold, with two days to spare for time zones
_FIRST = _dt.datetime(1, 1, 3, tzinfo=_dt.timezone.utc).timestamp()
_LAST = _dt.datetime(9999, 12, 29, tzinfo=_dt.timezone.utc).timestamp()

#: fill opacity of a bar by the granularity of its value: the finer, the darker
GRANULARITY_SHADES = {
    "century": 0.14,
    "decade": 0.2,
    "year": 0.28,
    "half": 0.34,
    "season": 0.34,
    "quarter": 0.4,
    "month": 0.48,
    "week": 0.58,
    "weekend": 0.58,
    "day": 0.68,
    "part of day": 0.76,
    "hour": 0.84,
    "minute": 0.92,
    "second": 0.92,
    "reference": 0.18,
    "unknown": 0.28,
}
_EXACT = ("minute", "second")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _esc(text: str) -> str:
    """Text safe in HTML, in SVG and in XML: escaped, and without characters XML forbids."""
    return html.escape(_BAD_CHARS.sub("\ufffd", text), quote=True)


def _slug(name: str) -> str:
    return name.replace(" ", "-")


# ------------------------------------------------------------------------------ axis


@attrs.frozen(slots=True)
class _Step:
    unit: str  # minute, hour, day, week, month, year
    n: int
    seconds: float  # roughly


_STEPS = tuple(
    _Step(u, n, n * s)
    for u, s, ns in (
        ("minute", 60, (1, 5, 15, 30)),
        ("hour", 3600, (1, 3, 6, 12)),
        ("day", 86400, (1, 2)),
        ("week", 7 * 86400, (1, 2)),
        ("month", 30.44 * 86400, (1, 3, 6)),
        ("year", 365.25 * 86400, (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)),
    )
    for n in ns
)


def _floor(d: pendulum.DateTime, step: _Step) -> pendulum.DateTime:
    if step.unit == "minute":
        return d.replace(minute=d.minute // step.n * step.n, second=0, microsecond=0)
    if step.unit == "hour":
        return d.replace(hour=d.hour // step.n * step.n, minute=0, second=0, microsecond=0)
    day = d.start_of("day")
    if step.unit == "day":
        return day
    if step.unit == "week":
        return day.subtract(days=day.weekday())
    if step.unit == "month":
        return day.replace(month=(d.month - 1) // step.n * step.n + 1, day=1)
    return day.replace(year=max(1, d.year // step.n * step.n), month=1, day=1)


def _add(d: pendulum.DateTime, step: _Step) -> pendulum.DateTime:
    if step.unit == "week":
        return d.add(weeks=step.n)
    return d.add(**{step.unit + "s": step.n})


def _label(d: pendulum.DateTime, unit: str) -> tuple[str, str]:
    """(tick label, context shown under it when it changes)."""
    if unit in ("minute", "hour"):
        return f"{d.hour:02d}:{d.minute:02d}", f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"
    if unit in ("day", "week"):
        return f"{_MONTHS[d.month - 1]} {d.day}", str(d.year)
    if unit == "month":
        return _MONTHS[d.month - 1], str(d.year)
    return str(d.year), ""


def ticks(start: _dt.datetime, end: _dt.datetime, most: int = 12) -> list[tuple[_dt.datetime, str, str]]:
    """Round times between ``start`` and ``end`` for axis ticks, at the finest step (minutes
    to millennia) that gives at most ``most`` of them: ``(time, label, context)`` where
    context (the year of a month, the date of an hour) is '' unless it changed since the
    tick before.

    >>> [(t.year, label) for t, label, _ in ticks(pendulum.datetime(1890, 5, 1), pendulum.datetime(2024, 1, 1), 8)]
    [(1900, '1900'), (1920, '1920'), (1940, '1940'), (1960, '1960'), (1980, '1980'), (2000, '2000'), (2020, '2020')]
    >>> [(label, ctx) for _, label, ctx in ticks(pendulum.datetime(2024, 7, 27, 20), pendulum.datetime(2024, 7, 28, 8), 5)]
    [('21:00', 'Jul 27, 2024'), ('00:00', 'Jul 28, 2024'), ('03:00', ''), ('06:00', '')]
    """
    s, e = pendulum.instance(start), pendulum.instance(end)
    if not s < e:
        raise ValueError(f"start ({start}) must be before end ({end})")
    span = (e - s).total_seconds()
    step = next((st for st in _STEPS if span / st.seconds < most), _STEPS[-1])
    out: list[tuple[_dt.datetime, str, str]] = []
    last_ctx = ""
    t = _floor(s, step)
    while t <= e and len(out) <= most + 2:
        if t >= s:
            label, ctx = _label(t, step.unit)
            out.append((t, label, "" if ctx == last_ctx else ctx))
            last_ctx = ctx
        try:
            t = _add(t, step)
        except (ValueError, OverflowError):  # past year 9999
            break
    return out


# ------------------------------------------------------------------------------ marks


def _ts(d: _dt.datetime) -> float:
    return d.timestamp()


def _zoned(d: _dt.datetime, anchor: _dt.datetime) -> _dt.datetime:
    """``d`` in the anchor's zone, or as it is where that would leave years 1-9999."""
    try:
        return in_zone(d, anchor)
    except (ValueError, OverflowError):
        return d


def _when(d: _dt.datetime, anchor: _dt.datetime, days: bool) -> str:
    z = _zoned(d, anchor)
    if days or (z.hour, z.minute, z.second) == (0, 0, 0):
        return z.date().isoformat()
    return z.strftime("%Y-%m-%d %H:%M")


def _range_text(e: Entry, anchor: _dt.datetime) -> str:
    days = not is_time_value(e.expression.value)
    if e.earliest is not None and e.latest is not None:
        return display_range(_zoned(e.earliest, anchor), _zoned(e.latest, anchor), days=days)
    if e.earliest is not None:
        return f"from {_when(e.earliest, anchor, days)} on"
    if e.latest is not None:
        return f"until {_when(e.latest, anchor, days)}"
    return "no place in time"


def _value_label(e: Entry) -> str:
    x = e.expression
    label = x.value + (f" {x.mod}" if x.mod else "")
    return label if e.relation in ("", "ON") else f"{e.cue or e.relation.lower()} {label}"


def _gist(e: Entry, text: str) -> str:
    """A few words of the event: around its trigger when it has one, else its first words."""
    if not e.is_event:
        return ""
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, e.start, e.end)]
    if not words:
        return ""
    at = 0
    start = e.event.trigger_start if e.event is not None else None
    if start is not None:
        at = max(0, sum(1 for pos, _ in words if pos <= start) - 1)
    first = max(0, at - 2)
    gist = shorten(" ".join(w for _, w in words[first : first + 6]), _GIST)
    return ("…" if first else "") + gist.strip("“”\"'‘’()[],;:.")


def _known(e: Entry) -> float:
    """The time an entry is ordered and clustered by: its start, or its end when open there."""
    d = e.earliest if e.earliest is not None else e.latest
    assert d is not None
    return _ts(d)


def _order_key(e: Entry) -> tuple[float, float, int]:
    return (_known(e), _ts(e.latest) if e.latest is not None else _POS, e.start)


def _timeline_order(items: Sequence[Entry]) -> list[Entry]:
    """Events in timeline order (``order.sort_key``), expressions without one merged in."""
    events = sorted((e for e in items if e.event is not None), key=lambda e: sort_key(e.event))  # type: ignore[arg-type]
    loose = sorted((e for e in items if not e.is_event), key=_order_key)
    return list(heapq.merge(events, loose, key=_order_key))


# ------------------------------------------------------------------------------ a broken axis


@attrs.frozen(slots=True)
class _Segment:
    """One stretch of the axis: times ``[t0, t1]`` drawn from ``x0`` to ``x1``."""

    t0: float
    t1: float
    x0: float
    x1: float

    def x(self, t: float) -> float:
        return self.x0 + (t - self.t0) * (self.x1 - self.x0) / (self.t1 - self.t0)


@attrs.frozen(slots=True)
class _Axis:
    """Segments left to right with a break between each two; times map to x monotonically."""

    segments: tuple[_Segment, ...]

    def x(self, t: float) -> float:
        for s in self.segments:
            if t <= s.t1:
                return s.x(max(t, s.t0))
        return self.segments[-1].x1

    def segment(self, t: float) -> _Segment:
        for s in self.segments:
            if t <= s.t1:
                return s
        return self.segments[-1]


def _intervals(items: Sequence[Entry], anchor: _dt.datetime) -> list[tuple[float, float, int]]:
    """Merged ``(start, end, marks)`` stretches of time the marks and the anchor cover (an
    open mark covers only its known bound)."""
    spans = [(_ts(anchor), _ts(anchor), 0)]
    for e in items:
        if e.earliest is not None and e.latest is not None:
            spans.append((_ts(e.earliest), _ts(e.latest), 1))
        else:
            spans.append((_known(e), _known(e), 1))
    spans.sort()
    merged: list[tuple[float, float, int]] = []
    for a, b, n in spans:
        if merged and a <= merged[-1][1]:
            pa, pb, pn = merged[-1]
            merged[-1] = (pa, max(pb, b), pn + n)
        else:
            merged.append((a, b, n))
    return merged


def _pad(lo: float, hi: float, least: float) -> tuple[float, float]:
    span = max(hi - lo, least)
    mid = (lo + hi) / 2
    lo, hi = min(lo, mid - span / 2), max(hi, mid + span / 2)
    pad = max(span * 0.05, 12 * 3600.0)
    lo, hi = max(_FIRST, lo - pad), min(_LAST, hi + pad)
    return (lo, hi) if lo < hi else (_FIRST, _LAST)


def _allot(weights: Sequence[float], room: float) -> list[float]:
    """Widths in proportion to ``weights``, none under ``_MIN_SEGMENT`` (when room allows)."""
    least = min(_MIN_SEGMENT, room / len(weights))
    widths = [0.0] * len(weights)
    free = list(range(len(weights)))
    while free:
        left = room - sum(widths[i] for i in range(len(weights)) if i not in free)
        total = sum(weights[i] for i in free)
        trial = {i: left * weights[i] / total for i in free}
        small = [i for i in free if trial[i] < least]
        if not small:
            for i in free:
                widths[i] = trial[i]
            break
        for i in small:
            widths[i] = least
            free.remove(i)
    return widths


def _axis(items: Sequence[Entry], anchor: _dt.datetime) -> _Axis:
    """A linear axis, broken at the widest empty stretches while a group of marks would
    otherwise be squeezed: an outlier decades away no longer crushes the rest."""
    left, right = float(_PAD_X), float(WIDTH - _PAD_X)
    spans = _intervals(items, anchor)
    lo, hi = spans[0][0], max(b for _, b, _ in spans)
    total = max(hi - lo, 1.0)
    # groups: the covered stretches, joined across gaps under a tenth of the whole
    groups = [list(spans[:1])]
    for prev, cur in zip(spans, spans[1:]):
        if cur[0] - prev[1] > 0.1 * total:
            groups.append([])
        groups[-1].append(cur)
    gaps = sorted(range(1, len(groups)), key=lambda i: groups[i][0][0] - groups[i - 1][-1][1], reverse=True)
    breaks: set[int] = set()

    def build() -> tuple[_Axis, list[list[list[tuple[float, float, int]]]]]:
        parts: list[list[list[tuple[float, float, int]]]] = [[]]
        for i, g in enumerate(groups):
            if i in breaks:
                parts.append([])
            parts[-1].append(g)
        domains = []
        for p in parts:
            a, b = p[0][0][0], max(b for g in p for _, b, _ in g)
            domains.append(_pad(a, b, 0.05 * total if breaks and a == b else 0.0))
        room = right - left - _BREAK * (len(parts) - 1)
        marks_in = [sum(n for g in p for _, _, n in g) + 1 for p in parts]
        widths = _allot(marks_in, room) if len(parts) > 1 else [room]
        segs, x = [], left
        for (t0, t1), w in zip(domains, widths):
            segs.append(_Segment(t0, t1, x, x + w))
            x += w + _BREAK
        return _Axis(tuple(segs)), parts

    axis, parts = build()
    for gap in gaps:
        if groups[gap][0][0] - groups[gap - 1][-1][1] < 0.25 * total:
            break
        squeezed = False
        for g in groups:
            n = sum(k for _, _, k in g)
            width = axis.x(max(b for _, b, _ in g)) - axis.x(g[0][0])
            squeezed |= n >= 2 and width < _SQUEEZED * (right - left)
        if not squeezed:
            break
        breaks.add(gap)
        axis, parts = build()
    return axis


@attrs.frozen(slots=True)
class _Mark:
    entry: Entry
    number: int
    gran: str
    x0: float  # bar start
    x1: float  # bar end
    point: bool
    label: str
    gist: str
    label_x: float
    label_end: bool  # text-anchor end
    inside: bool  # the label sits on its bar
    extent: tuple[float, float]  # what the mark covers, label included, for lane packing


def _layout(items: Sequence[Entry], axis: _Axis, text: str) -> list[_Mark]:
    marks = []
    for i, e in enumerate(items, 1):
        gran = granularity(e.expression.value, e.expression.type)
        seg = axis.segment(_known(e))
        if e.earliest is not None and e.latest is not None:
            x0, x1 = axis.x(_ts(e.earliest)), axis.x(_ts(e.latest))
        elif e.earliest is not None:  # open end: a capped bar into the open side
            x0 = axis.x(_ts(e.earliest))
            room = seg.x1 - x0 + (_BREAK / 2 if seg is not axis.segments[-1] else 0)
            x1 = x0 + max(_CAP_LEAST, min(_CAP, room))
        else:
            x1 = axis.x(_known(e))
            room = x1 - seg.x0 + (_BREAK / 2 if seg is not axis.segments[0] else 0)
            x0 = x1 - max(_CAP_LEAST, min(_CAP, room))
        bounded = e.earliest is not None and e.latest is not None
        point = bounded and (x1 - x0 < _POINT or gran in _EXACT)
        label = _value_label(e)
        gist = _gist(e, text) if len(items) <= _GIST_UP_TO else ""
        width = (len(label) + len(str(i)) + 1 + (len(gist) + 2 if gist else 0)) * _CHAR
        if point:
            mid = (x0 + x1) / 2
            x0 = x1 = mid
            lo, hi = mid - 6, mid + 6
        else:
            lo, hi = x0 - (8 if e.earliest is None else 0), x1 + (8 if e.latest is None else 0)
        inside = not point and x1 - x0 >= width + 12
        if inside:  # at the solid end
            end = e.earliest is None
            lx = x1 - 6 if end else x0 + 6
        elif hi + 6 + width <= WIDTH - 4:
            end, lx = False, hi + 6
            hi = lx + width
        else:
            end, lx = True, lo - 6
            lo = lx - width
        marks.append(_Mark(e, i, gran, x0, x1, point, label, gist, lx, end, inside, (lo, hi)))
    return marks


def _lanes(marks: Sequence[_Mark]) -> list[int]:
    """First-fit lanes in timeline order: a mark goes to the first lane it fits in."""
    ends: list[float] = []
    out = []
    for m in marks:
        lo, hi = m.extent
        for k, end in enumerate(ends):
            if end + _GAP <= lo:
                break
        else:
            k = len(ends)
            ends.append(hi)
        ends[k] = hi
        out.append(k)
    return out


def _mark_svg(m: _Mark, y: float, sid: str, total: int, anchor: _dt.datetime) -> str:
    e = m.entry
    rng = _range_text(e, anchor)
    sentence = shorten(e.text, _SENTENCE)
    tip = f"{m.number}. {m.label} · {rng} · {m.gran}\n{sentence}"
    aria = f"Event {m.number} of {total}: {m.label}, {rng}, {m.gran}: {sentence}"
    vague = " vague" if e.expression.mod == "APPROX" or m.gran == "reference" else ""
    rel = (e.relation or "none").lower()
    cls = f"mark rel-{rel} gran-{_slug(m.gran)}{vague}"
    cy = y + _BAR / 2
    parts = [
        f'<a class="{cls}" href="#{sid}-e{m.number}" tabindex="0" aria-label="{_esc(aria)}" '
        f'data-panel="{sid}-detail">',
        f"<title>{_esc(tip)}</title>",
    ]
    shade = GRANULARITY_SHADES.get(m.gran, 0.3)
    if m.point:
        parts.append(f'<circle class="pt" cx="{m.x0:.1f}" cy="{cy:.1f}" r="5.5" fill-opacity="{min(1.0, shade + 0.2):.2f}"/>')
    else:
        fill = ""
        if e.earliest is None or e.latest is None:  # the fade needs a strong solid end
            shade = max(shade, 0.6)
        if e.earliest is None:
            fill = f' style="fill:url(#{sid}-fade-l)"'
        elif e.latest is None:
            fill = f' style="fill:url(#{sid}-fade-r)"'
        parts.append(
            f'<rect class="bar" x="{m.x0:.1f}" y="{y:.1f}" width="{max(m.x1 - m.x0, 1):.1f}" '
            f'height="{_BAR}" rx="3" fill-opacity="{shade:.2f}"{fill}/>'
        )
        if e.earliest is None:
            parts.append(f'<path class="arrow" d="M{m.x0 - 6:.1f},{cy:.1f} l8,-6 v12 z"/>')
        if e.latest is None:
            parts.append(f'<path class="arrow" d="M{m.x1 + 6:.1f},{cy:.1f} l-8,-6 v12 z"/>')
    anchor_attr = ' text-anchor="end"' if m.label_end else ""
    parts.append(
        f'<text class="label{" inside" if m.inside else ""}" x="{m.label_x:.1f}" y="{cy + 4:.1f}"{anchor_attr}>'
        f'<tspan class="num">{m.number}</tspan> {_esc(m.label)}'
        + (f'  <tspan class="gist">{_esc(m.gist)}</tspan>' if m.gist else "")
        + "</text></a>"
    )
    return "".join(parts)


def _axis_svg(axis: _Axis, anchor: _dt.datetime, y: float, bottom: float, below: bool) -> list[str]:
    tz = anchor.tzinfo or pendulum.UTC
    out: list[str] = []
    taken: list[tuple[float, float]] = []  # label boxes already drawn on this row
    contexts: list[tuple[float, float]] = []

    def free(box: tuple[float, float], boxes: list[tuple[float, float]]) -> bool:
        return all(box[1] + 6 <= a or b + 6 <= box[0] for a, b in boxes)

    for k, seg in enumerate(axis.segments):
        out.append(f'<line class="axis" x1="{seg.x0:.1f}" y1="{y}" x2="{seg.x1:.1f}" y2="{y}"/>')
        if k and not below:  # the break: two slanted strokes and a light band down the chart
            gx = seg.x0 - _BREAK / 2
            out.append(f'<g class="break"><title>axis broken: time skipped</title>'
                       f'<rect x="{gx - 3:.1f}" y="{y}" width="6" height="{bottom - y:.1f}"/>'
                       f'<path d="M{gx - 7:.1f},{y + 5} l6,-10 M{gx + 1:.1f},{y + 5} l6,-10"/></g>')
        start = pendulum.from_timestamp(seg.t0, tz=tz)  # type: ignore[arg-type]
        end = pendulum.from_timestamp(seg.t1, tz=tz)  # type: ignore[arg-type]
        for t, label, ctx in ticks(start, end, most=max(1, int((seg.x1 - seg.x0) // 95))):
            x = seg.x(_ts(t))
            half = len(label) * _CHAR / 2
            box = (x - half, x + half)
            if not free(box, taken) or box[0] < 0 or box[1] > WIDTH:
                continue
            taken.append(box)
            dy = 16 if below else -8
            if not below:
                out.append(f'<line class="grid" x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{bottom}"/>')
            out.append(f'<line class="tick" x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + (5 if below else -5)}"/>')
            out.append(f'<text class="tick-label" x="{x:.1f}" y="{y + dy}">{label}</text>')
            if ctx and not below:  # left-aligned on its tick, unless that would leave the chart
                w = len(ctx) * 7.5
                cx, side = (x - 2, "start") if x - 2 + w <= WIDTH else (x + 2, "end")
                cbox = (cx, cx + w) if side == "start" else (cx - w, cx)
                if free(cbox, contexts):
                    contexts.append(cbox)
                    out.append(f'<text class="tick-context" x="{cx:.1f}" y="{y - 24}" text-anchor="{side}">'
                               f"{_esc(ctx)}</text>")
    return out


def _svg(doc: Document, sid: str, placed: Sequence[Entry]) -> str:
    axis = _axis(placed, doc.anchor)
    marks = _layout(placed, axis, doc.text)
    lanes = _lanes(marks)
    n_lanes = max(lanes, default=-1) + 1
    top = _AXIS_Y + 18
    bottom = top + max(n_lanes, 1) * _ROW + 4
    bottom_axis = n_lanes > 12  # a long chart gets an axis at its foot too
    height = bottom + (34 if bottom_axis else 12)
    ax = axis.x(_ts(doc.anchor))
    a_text = f"anchor {_when(doc.anchor, doc.anchor, not has_time(doc.anchor))}"
    a_end = ax + len(a_text) * 6.5 + 8 > WIDTH
    a_attr = ' text-anchor="end"' if a_end else ""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="{sid}-title" font-size="12">',
        "<defs>",
        f'<linearGradient id="{sid}-fade-r"><stop offset="0" class="stop"/>'
        '<stop offset="1" class="stop" stop-opacity="0.05"/></linearGradient>',
        f'<linearGradient id="{sid}-fade-l"><stop offset="0" class="stop" stop-opacity="0.05"/>'
        '<stop offset="1" class="stop"/></linearGradient>',
        "</defs>",
    ]
    out += _axis_svg(axis, doc.anchor, _AXIS_Y, bottom, below=False)
    if bottom_axis:
        out += _axis_svg(axis, doc.anchor, bottom + 4, bottom, below=True)
    out.append(
        f'<g class="anchor" id="{sid}-anchor"><title>{_esc(a_text)} (the publication date)</title>'
        f'<line x1="{ax:.1f}" y1="{_AXIS_Y - 4}" x2="{ax:.1f}" y2="{bottom}"/>'
        f'<text x="{ax + (-4 if a_end else 4):.1f}" y="{_AXIS_Y + 11}"'
        f'{a_attr}>{_esc(a_text)}</text></g>'
    )
    for m, lane in zip(marks, lanes):
        out.append(_mark_svg(m, top + lane * _ROW + (_ROW - _BAR) / 2, sid, len(marks), doc.anchor))
    out.append("</svg>")
    return "\n".join(out)


# ------------------------------------------------------------------------------ page


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _legend(grans: set[str], open_ends: bool, points: bool) -> str:
    items = []
    for g, shade in GRANULARITY_SHADES.items():
        if g in grans:
            items.append(
                f'<li><svg width="22" height="12" aria-hidden="true"><rect class="bar" width="22" '
                f'height="12" rx="3" fill-opacity="{shade}"/></svg>{_esc(g)}</li>'
            )
    if points:
        items.append('<li><svg width="12" height="12" aria-hidden="true"><circle class="pt" cx="6" cy="6" '
                     'r="5"/></svg>exact time or too short to draw</li>')
    if open_ends:
        items.append('<li><svg width="22" height="12" aria-hidden="true"><path class="arrow" '
                     'd="M1,6 l8,-6 v12 z"/></svg>open end (before, after, since, until)</li>')
    items.append('<li><svg width="12" height="12" aria-hidden="true"><line class="anchor-key" x1="6" '
                 'y1="0" x2="6" y2="12"/></svg>anchor</li>')
    return '<ul class="legend" aria-label="Legend">' + "".join(items) + "</ul>"


def _entry_li(e: Entry, sid: str, number: int | None, anchor: _dt.datetime) -> str:
    x = e.expression
    ident = f' id="{sid}-e{number}"' if number is not None else ""
    num = f'<span class="num">{number}.</span> ' if number is not None else ""
    rng = _range_text(e, anchor) if number is not None else granularity(x.value, x.type)
    words = when_words(e)
    body = _esc(" ".join(e.text.split())) if e.is_event else '<span class="note">(no event found for it)</span>'
    return (
        f"<li{ident}>{num}<code>{_esc(_value_label(e))}</code> "
        f'<span class="range">{_esc(rng)}</span> '
        f'<span class="expr">“{_esc(x.text)}”</span> <span class="when">{_esc(words)}</span>'
        f"<br/>{body}</li>"
    )


def _section(doc: Document, k: int, heading: bool, name: str | None = None) -> str:
    sid = f"s{k}"
    items = entries(doc)
    placed = _timeline_order([e for e in items if e.earliest is not None or e.latest is not None])
    unplaced = [e for e in items if e.earliest is None and e.latest is None]
    what = "event" if doc.events else "expression"
    title = name or doc.source or "Timeline"
    facts = [
        f"anchor {_when(doc.anchor, doc.anchor, not has_time(doc.anchor))}",
        doc.domain,
        f"{_plural(len(doc.expressions), 'expression')}, {_plural(len(doc.events), 'event')}",
    ]
    note = ""
    if not doc.events and doc.expressions:
        note = '<p class="note">No events were found: the expressions are drawn as themselves.</p>'
    parts = [
        f'<section aria-labelledby="{sid}-title">',
        f'<h2 id="{sid}-title">{_esc(title)}</h2>' if heading else f'<h1 id="{sid}-title">{_esc(title)}</h1>',
        f'<p class="facts">{_esc(" · ".join(facts))}</p>',
        note,
        '<figure>',
        _svg(doc, sid, placed),
        f'<figcaption>{_plural(len(placed), what)} on the axis, in timeline order; overlapping '
        "ones in separate lanes, earlier above. Hover or focus a mark for its sentence; follow "
        "it to its entry below.</figcaption>",
        "</figure>",
        f'<p class="detail" id="{sid}-detail" aria-live="polite" hidden=""></p>',
        _legend({granularity(e.expression.value, e.expression.type) for e in placed},
                any(e.earliest is None or e.latest is None for e in placed),
                bool(placed)),
    ]
    if unplaced:
        parts.append('<h3>Not on the axis</h3><p class="note">Repetitions and durations name no '
                     'particular time.</p><ul class="events unplaced">')
        parts += [_entry_li(e, sid, None, doc.anchor) for e in unplaced]
        parts.append("</ul>")
    if placed:
        parts.append(f'<h3>{what.capitalize()}s</h3><ol class="events">')
        parts += [_entry_li(e, sid, i, doc.anchor) for i, e in enumerate(placed, 1)]
        parts.append("</ol>")
    else:
        parts.append('<p class="note">(no temporal expressions with a place in time)</p>')
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


_CSS = """
:root { color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #5b6570; --grid: #e4e8ee; --axis: #8a94a0;
  --bar: #1f5fd6; --anchor: #c62f22; --focus: #d97706; --hi: #fff4d6; }
@media (prefers-color-scheme: dark) { :root {
  --bg: #111418; --fg: #e8ebf0; --muted: #a2acb8; --grid: #262c34; --axis: #6b7683;
  --bar: #74aaff; --anchor: #ff7b6b; --focus: #fbbf24; --hi: #3a2f12; } }
html { background: var(--bg); color: var(--fg); }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto;
  padding: 12px 16px 40px; max-width: 1140px; }
h1 { font-size: 20px; margin: 4px 0 2px; }
h1, h2 { overflow-wrap: anywhere; }
h2 { font-size: 17px; margin: 18px 0 0; }
h3 { font-size: 15px; margin: 16px 0 4px; }
.facts, .note, figcaption { color: var(--muted); font-size: 13px; margin: 2px 0 6px; }
figure { margin: 0; overflow-x: auto; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: ui-monospace, "DejaVu Sans Mono",
  Menlo, Consolas, monospace; }
.axis, .tick { stroke: var(--axis); stroke-width: 1; }
.grid { stroke: var(--grid); stroke-width: 1; }
.break rect { fill: var(--grid); opacity: 0.7; }
.break path { stroke: var(--axis); stroke-width: 1.5; fill: none; }
.tick-label, .tick-context { fill: var(--muted); }
.tick-label { text-anchor: middle; }
.tick-context { font-weight: 600; }
.anchor line, .anchor-key { stroke: var(--anchor); stroke-width: 2; stroke-dasharray: 5 3; }
.anchor text { fill: var(--anchor); font-weight: 600; }
.bar { fill: var(--bar); stroke: var(--bar); stroke-width: 1.2; }
.vague .bar { stroke-dasharray: 4 3; }
.pt { fill: var(--bar); stroke: var(--bg); stroke-width: 1.5; }
.arrow { fill: var(--bar); }
.stop { stop-color: var(--bar); }
.label { fill: var(--fg); paint-order: stroke; stroke: var(--bg); stroke-width: 3px;
  stroke-linejoin: round; }
.label.inside { stroke: none; }
.num, .gist { fill: var(--muted); }
.mark { cursor: pointer; outline: none; }
.mark:hover .bar, .mark:focus .bar, .mark:hover .pt, .mark:focus .pt { stroke: var(--focus);
  stroke-width: 3; }
.mark:focus .label, .mark:hover .label { font-weight: 700; }
.mark:focus-visible .label { text-decoration: underline; }
.detail { border-left: 3px solid var(--focus); padding: 4px 10px; margin: 6px 0; min-height: 1.4em;
  white-space: pre-line; }
.legend { list-style: none; padding: 0; margin: 8px 0; display: flex; flex-wrap: wrap; gap: 4px 16px;
  color: var(--muted); font-size: 13px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.events { padding-left: 0; list-style: none; }
.events li { margin: 0 0 8px; padding: 2px 6px; }
.events li:target { background: var(--hi); outline: 2px solid var(--focus); }
.events code { font-weight: 600; }
.range, .expr, .when { color: var(--muted); font-size: 13px; }
@media print { figure { overflow: visible; } }
"""

# echoes the focused or hovered mark's sentence under its chart; the page reads the same without it
_JS = """
document.querySelectorAll("a.mark").forEach(function (m) {
  function show() {
    var p = document.getElementById(m.getAttribute("data-panel"));
    p.textContent = m.querySelector("title").textContent;
    p.hidden = false;
  }
  m.addEventListener("focus", show);
  m.addEventListener("mouseenter", show);
});
"""


def to_html(docs: Document | Sequence[Document], title: str | None = None) -> str:
    """The page for ``docs`` (one section each), ending with a newline. ``title`` names the
    page (default: the single document's source, else "Timeline")."""
    if isinstance(docs, Document):
        docs = [docs]
    if title is None:
        title = docs[0].source if len(docs) == 1 and docs[0].source else "Timeline"
    several = len(docs) != 1
    body = "\n".join(_section(d, k, heading=several, name=None if several else title)
                     for k, d in enumerate(docs)) or '<p class="note">(no documents)</p>'

    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8"/>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>\n'
        '<meta name="generator" content="timeline"/>\n'
        f"<title>{_esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + (f"<h1>{_esc(title)}</h1>\n" if several else "")
        + f"{body}\n"
        f"<script>{_JS}</script>\n</body>\n</html>\n"
    )
