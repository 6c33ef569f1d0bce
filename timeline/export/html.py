"""One self-contained HTML page: the events on a time axis, drawn in inline SVG.

Each event is a bar from its earliest to its latest time (a point when the range is too
narrow to see, or an exact time), shaded by the granularity of its value and labelled
with its number and TIMEX3 value; an open end (BEFORE, AFTER, SINCE, UNTIL) fades out
with an arrow at the edge of the axis. Overlapping events go to separate lanes, in
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
import html
import re
from collections.abc import Sequence

import attrs
import pendulum

from ..anchor import has_time
from ..model import Document, Event
from ..order import sort_key
from ._common import display_range, entries, granularity, in_zone, is_time_value, shorten

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


def _range_text(e: Event, anchor: _dt.datetime) -> str:
    days = not is_time_value(e.expression.value)
    if e.earliest is not None and e.latest is not None:
        return display_range(_zoned(e.earliest, anchor), _zoned(e.latest, anchor), days=days)
    if e.earliest is not None:
        return f"from {_when(e.earliest, anchor, days)} on"
    if e.latest is not None:
        return f"until {_when(e.latest, anchor, days)}"
    return "no place in time"


def _value_label(e: Event) -> str:
    x = e.expression
    label = x.value + (f" {x.mod}" if x.mod else "")
    return label if e.relation == "ON" else f"{e.relation.lower()} {label}"


def _gist(e: Event, text: str) -> str:
    """A few words of the event: around its trigger when it has one, else its first words."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, e.start, e.end)]
    if not words:
        return ""
    at = 0
    if e.trigger_start is not None:
        at = max(0, sum(1 for pos, _ in words if pos <= e.trigger_start) - 1)
    first = max(0, at - 2)
    gist = shorten(" ".join(w for _, w in words[first : first + 6]), _GIST)
    return ("…" if first else "") + gist.strip("“”\"'‘’()[],;:.")


@attrs.frozen(slots=True)
class _Mark:
    event: Event
    number: int
    gran: str
    x0: float  # bar start (the plot's left edge for an open start)
    x1: float  # bar end
    point: bool
    label: str
    gist: str
    label_x: float
    label_end: bool  # text-anchor end
    inside: bool  # the label sits on its bar
    extent: tuple[float, float]  # what the mark covers, label included, for lane packing


def _layout(events: Sequence[Event], t0: float, t1: float, text: str) -> list[_Mark]:
    left, right = _PAD_X, WIDTH - _PAD_X
    scale = (right - left) / (t1 - t0)

    def x(t: float) -> float:
        return left + (t - t0) * scale

    marks = []
    for i, e in enumerate(events, 1):
        gran = granularity(e.expression.value, e.expression.type)
        x0 = left if e.earliest is None else x(_ts(e.earliest))
        x1 = right if e.latest is None else x(_ts(e.latest))
        bounded = e.earliest is not None and e.latest is not None
        point = bounded and (x1 - x0 < _POINT or gran in _EXACT)
        label = _value_label(e)
        gist = _gist(e, text) if len(events) <= _GIST_UP_TO else ""
        width = (len(label) + len(str(i)) + 1 + (len(gist) + 2 if gist else 0)) * _CHAR
        if point:
            mid = (x0 + x1) / 2
            x0 = x1 = mid
            lo, hi = mid - 6, mid + 6
        else:
            lo, hi = x0, x1
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


def _domain(events: Sequence[Event], anchor: _dt.datetime) -> tuple[float, float]:
    times = [_ts(anchor)]
    for e in events:
        times += [_ts(d) for d in (e.earliest, e.latest) if d is not None]
    lo, hi = min(times), max(times)
    pad = max((hi - lo) * 0.05, 12 * 3600.0)
    if any(e.earliest is None for e in events) or any(e.latest is None for e in events):
        pad = max(pad, (hi - lo) * 0.1)
    lo, hi = max(_FIRST, lo - pad), min(_LAST, hi + pad)
    return (lo, hi) if lo < hi else (_FIRST, _LAST)


def _mark_svg(m: _Mark, y: float, sid: str, total: int, anchor: _dt.datetime) -> str:
    e = m.event
    rng = _range_text(e, anchor)
    sentence = shorten(e.text, _SENTENCE)
    tip = f"{m.number}. {m.label} · {rng} · {m.gran}\n{sentence}"
    aria = f"Event {m.number} of {total}: {m.label}, {rng}, {m.gran}: {sentence}"
    vague = " vague" if e.expression.mod == "APPROX" or m.gran == "reference" else ""
    cls = f"mark rel-{e.relation.lower()} gran-{_slug(m.gran)}{vague}"
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
            parts.append(f'<path class="arrow" d="M{m.x0 - 2:.1f},{cy:.1f} l8,-6 v12 z"/>')
        if e.latest is None:
            parts.append(f'<path class="arrow" d="M{m.x1 + 2:.1f},{cy:.1f} l-8,-6 v12 z"/>')
    anchor_attr = ' text-anchor="end"' if m.label_end else ""
    parts.append(
        f'<text class="label{" inside" if m.inside else ""}" x="{m.label_x:.1f}" y="{cy + 4:.1f}"{anchor_attr}>'
        f'<tspan class="num">{m.number}</tspan> {_esc(m.label)}'
        + (f'  <tspan class="gist">{_esc(m.gist)}</tspan>' if m.gist else "")
        + "</text></a>"
    )
    return "".join(parts)


def _axis_svg(t0: float, t1: float, anchor: _dt.datetime, y: float, bottom: float, below: bool) -> list[str]:
    left, right = _PAD_X, WIDTH - _PAD_X
    tz = anchor.tzinfo or pendulum.UTC
    start = pendulum.from_timestamp(t0, tz=tz)  # type: ignore[arg-type]
    end = pendulum.from_timestamp(t1, tz=tz)  # type: ignore[arg-type]
    out = [f'<line class="axis" x1="{left}" y1="{y}" x2="{right}" y2="{y}"/>']
    for t, label, ctx in ticks(start, end, most=int((right - left) // 95)):
        x = left + (_ts(t) - t0) * (right - left) / (t1 - t0)
        if not below:
            out.append(f'<line class="grid" x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{bottom}"/>')
        dy = 16 if below else -8
        out.append(f'<line class="tick" x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + (5 if below else -5)}"/>')
        out.append(f'<text class="tick-label" x="{x:.1f}" y="{y + dy}">{label}</text>')
        if ctx and not below:  # left-aligned on its tick, unless that would leave the chart
            cx, side = (x - 2, "start") if x - 2 + len(ctx) * 7.5 <= WIDTH else (x + 2, "end")
            out.append(f'<text class="tick-context" x="{cx:.1f}" y="{y - 24}" text-anchor="{side}">'
                       f"{_esc(ctx)}</text>")
    return out


def _svg(doc: Document, sid: str, placed: Sequence[Event]) -> str:
    t0, t1 = _domain(placed, doc.anchor)
    marks = _layout(placed, t0, t1, doc.text)
    lanes = _lanes(marks)
    n_lanes = max(lanes, default=-1) + 1
    top = _AXIS_Y + 18
    bottom = top + max(n_lanes, 1) * _ROW + 4
    bottom_axis = n_lanes > 12  # a long chart gets an axis at its foot too
    height = bottom + (34 if bottom_axis else 12)
    ax = _PAD_X + (_ts(doc.anchor) - t0) * (WIDTH - 2 * _PAD_X) / (t1 - t0)
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
    out += _axis_svg(t0, t1, doc.anchor, _AXIS_Y, bottom, below=False)
    if bottom_axis:
        out += _axis_svg(t0, t1, doc.anchor, bottom + 4, bottom, below=True)
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


def _entry_li(e: Event, sid: str, number: int | None, anchor: _dt.datetime) -> str:
    x = e.expression
    ident = f' id="{sid}-e{number}"' if number is not None else ""
    gran = granularity(x.value, x.type)
    num = f'<span class="num">{number}.</span> ' if number is not None else ""
    rng = _range_text(e, anchor) if number is not None else gran
    return (
        f"<li{ident}>{num}<code>{_esc(_value_label(e))}</code> "
        f'<span class="range">{_esc(rng)}</span> '
        f'<span class="expr">“{_esc(x.text)}”</span><br/>{_esc(" ".join(e.text.split()))}</li>'
    )


def _section(doc: Document, k: int, heading: bool, name: str | None = None) -> str:
    sid = f"s{k}"
    all_entries = sorted(entries(doc), key=sort_key)
    placed = [e for e in all_entries if e.earliest is not None or e.latest is not None]
    unplaced = [e for e in all_entries if e.earliest is None and e.latest is None]
    what = "event" if doc.events else "expression"
    title = name or doc.source or "Timeline"
    facts = [
        f"anchor {_when(doc.anchor, doc.anchor, not has_time(doc.anchor))}",
        doc.domain,
        f"{_plural(len(doc.expressions), 'expression')}, {_plural(len(doc.events), 'event')}",
    ]
    note = ""
    if not doc.events and doc.expressions:
        note = ('<p class="note">No events were found: each expression with a place in time is '
                "drawn instead, with its sentence.</p>")
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
    if placed:
        parts.append(f'<h3>{what.capitalize()}s</h3><ol class="events">')
        parts += [_entry_li(e, sid, i, doc.anchor) for i, e in enumerate(placed, 1)]
        parts.append("</ol>")
    else:
        parts.append('<p class="note">(no temporal expressions with a place in time)</p>')
    if unplaced:
        parts.append('<h3>Not on the axis</h3><p class="note">Durations and sets name no '
                     'particular time.</p><ul class="events">')
        parts += [_entry_li(e, sid, None, doc.anchor) for e in unplaced]
        parts.append("</ul>")
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
.range, .expr { color: var(--muted); font-size: 13px; }
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
