"""The HTML timeline: structure of the page and its SVG, read back with xml.etree and
html.parser (the page is also well-formed XML)."""

from __future__ import annotations

import html.parser
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import _export_docs as D
import strategies as S
from timeline.export import EXTENSIONS, FORMATS, render
from timeline.export.html import GRANULARITY_SHADES, WIDTH, ticks, to_html
from timeline.model import Document, Event, Expression
from timeline.events.order import ordered

SVG = "{http://www.w3.org/2000/svg}"


def page_tree(page: str) -> ET.Element:
    """The whole page as XML (it is written to be well-formed)."""
    return ET.fromstring(page.split("\n", 1)[1])  # drop <!DOCTYPE html>


def charts(page: str) -> list[ET.Element]:
    return [el for el in page_tree(page).iter(f"{SVG}svg") if el.get("class") == "chart"]


def marks(chart: ET.Element) -> list[ET.Element]:
    return [a for a in chart.iter(f"{SVG}a") if a.get("class", "").startswith("mark ")]


def span_of(mark: ET.Element) -> tuple[float, float]:
    """The drawn x extent of a mark's bar or point."""
    rect = mark.find(f"{SVG}rect")
    if rect is not None:
        x = float(rect.get("x", "nan"))
        return x, x + float(rect.get("width", "nan"))
    circle = mark.find(f"{SVG}circle")
    assert circle is not None
    cx = float(circle.get("cx", "nan"))
    return cx, cx


def label(mark: ET.Element) -> str:
    """The number and value a mark is labelled with (without the gist that may follow)."""
    num = mark.find(f"{SVG}text/{SVG}tspan[@class='num']")
    assert num is not None
    return f"{num.text}{(num.tail or '').rstrip()}"


def gist(mark: ET.Element) -> str | None:
    g = mark.find(f"{SVG}text/{SVG}tspan[@class='gist']")
    return None if g is None else g.text


def anchor_x(chart: ET.Element) -> float:
    (g,) = [g for g in chart.iter(f"{SVG}g") if g.get("class") == "anchor"]
    line = g.find(f"{SVG}line")
    assert line is not None and line.get("x1") == line.get("x2")
    return float(line.get("x1", "nan"))


def month_doc(months: list[str], anchor: pendulum.DateTime = D.ANCHOR, text_of: str = "Item {i}.") -> Document:
    """One event per month value, each with its own sentence."""
    xs, evs, parts, pos = [], [], [], 0
    for i, m in enumerate(months):
        sent = text_of.format(i=i) + " (May)"
        x = D.expr(sent, "May", "DATE", m, anchor)
        x = Expression(x.text, x.start + pos, x.end + pos, x.type, x.value, earliest=x.earliest, latest=x.latest)
        evs.append(Event(sent, pos, pos + len(sent), x, earliest=x.earliest, latest=x.latest))
        xs.append(x)
        parts.append(sent)
        pos += len(sent) + 1
    return Document(" ".join(parts), anchor=anchor, expressions=xs, events=ordered(evs), source="months.txt")


# ---------------------------------------------------------------------------- structure


def test_one_mark_per_event_with_a_place_in_time() -> None:
    doc = D.with_events()
    page = doc.to_html()
    (chart,) = charts(page)
    placed = [e for e in doc.events if e.earliest is not None or e.latest is not None]
    assert len(placed) == 4  # the SET and the bare duration have no place
    got = marks(chart)
    assert len(got) == len(placed)
    assert [label(m) for m in got] == ["1 PAST_REF", "2 2024-03", "3 2024-07-29T10:30", "4 2025 START"]
    assert [gist(m) for m in got] == ["Japan has suffered cyberattacks…", "In March, the regime announced a",
                                      "The ministers meet at 10:30 a.m", "Japan has suffered cyberattacks…"]
    assert "Not on the axis" in page and "P15Y" in page and "P1M" in page


def test_granularity_sets_the_class_and_the_shade() -> None:
    (chart,) = charts(D.with_events().to_html())
    by_label = {label(m): m for m in marks(chart)}
    march = by_label["2 2024-03"]
    assert "gran-month" in march.get("class", "")
    rect = march.find(f"{SVG}rect")
    assert rect is not None and float(rect.get("fill-opacity", "0")) == GRANULARITY_SHADES["month"]
    time_mark = by_label["3 2024-07-29T10:30"]
    assert "gran-minute" in time_mark.get("class", "") and time_mark.find(f"{SVG}circle") is not None
    assert "vague" in by_label["1 PAST_REF"].get("class", "")
    assert GRANULARITY_SHADES["day"] > GRANULARITY_SHADES["month"] > GRANULARITY_SHADES["year"] > GRANULARITY_SHADES["century"]


def test_x_positions_are_monotone_in_time_and_the_anchor_sits_between() -> None:
    doc = month_doc(["2023-11", "2024-01", "2024-02", "2024-05", "2024-09", "2025-01"])
    (chart,) = charts(doc.to_html())
    spans = [span_of(m) for m in marks(chart)]
    starts = [a for a, _ in spans]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert all(a < b for a, b in spans)
    # a linear scale: two 31-day months have the same width; February is shorter
    widths = [b - a for a, b in spans]
    assert widths[1] == pytest.approx(widths[3], abs=0.2) and widths[2] < widths[1]
    ax = anchor_x(chart)
    assert spans[3][1] < ax < spans[4][0]  # 2024-07-28 lies between May and September
    assert 0 < min(starts) and max(b for _, b in spans) < WIDTH


@settings(max_examples=60, deadline=None)
@given(st.lists(S.events(), min_size=1, max_size=25))
def test_marks_follow_timeline_order_and_time_maps_to_x_monotonically(events: list[Event]) -> None:
    anchor = pendulum.datetime(2024, 1, 10)
    doc = Document("Talks began. " * 6, anchor=anchor, events=ordered(events))
    (chart,) = charts(doc.to_html())
    placed = [e for e in ordered(events) if e.earliest is not None or e.latest is not None]
    got = marks(chart)
    assert len(got) == len(placed)
    seen: dict[float, float] = {}
    for e, m in zip(placed, got):
        a, b = span_of(m)
        assert a <= b
        for t, x in ((e.earliest, a), (e.latest, b)):
            if t is not None and m.find(f"{SVG}rect") is not None:
                seen.setdefault(t.timestamp(), x)
                assert seen[t.timestamp()] == pytest.approx(x, abs=0.11)  # one time, one x
    pairs = sorted(seen.items())
    assert [x for _, x in pairs] == sorted(x for _, x in pairs)
    starts = [span_of(m)[0] for m, e in zip(got, placed) if e.earliest is not None]
    assert starts == sorted(starts)


def test_open_ends_fade_out_with_an_arrow_and_are_capped() -> None:
    text = "Prices rose before March. Talks have run since June."
    before = D.expr(text, "March", "DATE", "2024-03")
    since = D.expr(text, "June", "DATE", "2024-06")
    events = [
        Event("Prices rose before March.", 0, 25, before, relation="BEFORE", latest=before.earliest),
        Event("Talks have run since June.", 26, 52, since, relation="SINCE", earliest=since.earliest),
    ]
    (chart,) = charts(Document(text, anchor=D.ANCHOR, expressions=[before, since], events=events).to_html())
    m_before, m_since = marks(chart)
    for m, side in ((m_before, "fade-l"), (m_since, "fade-r")):
        rect = m.find(f"{SVG}rect")
        assert rect is not None and side in rect.get("style", "")
        assert m.find(f"{SVG}path[@class='arrow']") is not None
    for m in (m_before, m_since):  # a short bar from the known bound, not one to the chart's edge
        a, b = span_of(m)
        assert 24.0 <= a < b <= WIDTH - 24.0 and b - a <= 90.0
    assert label(m_before) == "1 before 2024-03" and gist(m_before) == "Prices rose before March"
    ids = {g.get("id") for g in chart.iter(f"{SVG}linearGradient")}
    assert {"s0-fade-l", "s0-fade-r"} <= ids


def test_overlapping_ranges_go_to_separate_lanes_earlier_above() -> None:
    doc = month_doc(["2024", "2024-03", "2024-03", "2025-06"])
    doc = Document(doc.text, anchor=doc.anchor, events=ordered(
        [Event(e.text, e.start, e.end, e.expression, earliest=e.earliest, latest=e.latest)
         for e in doc.events]))
    (chart,) = charts(doc.to_html())
    ys = [float(m.find(f"{SVG}rect").get("y", "nan")) for m in marks(chart)]  # type: ignore[union-attr]
    year, march, march2, later = ys
    assert year < march < march2  # the year starts first, so it is above; equal ranges stack
    assert later == year  # no overlap with the first lane's mark: it shares its lane


def test_anchor_marker_is_present_and_labelled() -> None:
    page = D.with_events().to_html()
    (chart,) = charts(page)
    (g,) = [g for g in chart.iter(f"{SVG}g") if g.get("class") == "anchor"]
    assert g.get("id") == "s0-anchor"
    assert "anchor 2024-07-28" in "".join(g.itertext())
    assert 0 < anchor_x(chart) < WIDTH


def test_marks_are_keyboard_focusable_links_to_their_list_entry() -> None:
    page = D.with_events().to_html()
    tree = page_tree(page)
    ids = {el.get("id") for el in tree.iter() if el.get("id")}
    (chart,) = charts(page)
    for m in marks(chart):
        assert m.get("tabindex") == "0"
        assert m.get("href", "").startswith("#") and m.get("href", "")[1:] in ids
        label = m.get("aria-label", "")
        assert re.match(r"Event \d of 4: ", label)
        title = m.find(f"{SVG}title")
        assert title is not None and title.text
        sentence = title.text.split("\n", 1)[1]
        assert sentence in label
    march = [m for m in marks(chart) if "2024-03" in m.get("aria-label", "")][0]
    assert "In March, the regime announced" in march.get("aria-label", "")
    assert "[2024-03-01, 2024-04-01)" in march.get("aria-label", "")


def test_page_is_self_contained_and_has_both_colour_schemes() -> None:
    page = D.with_events().to_html()
    assert re.findall(r"https?://[^\s\"']+", page) == ["http://www.w3.org/2000/svg"]
    assert "<link" not in page and " src=" not in page and "@import" not in page
    assert "prefers-color-scheme: dark" in page and "color-scheme: light dark" in page
    assert page.count("<script>") == 1 and page.endswith("</html>\n")


class _Collect(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.data.append(data)


NASTY = 'Evil </title></text></svg><script>alert("x")</script> & <img src=x onerror=alert(1)> \'q\''


def test_event_text_cannot_inject_markup() -> None:
    text = NASTY + " It happened in March."
    x = D.expr(text, "March", "DATE", "2024-03")
    ev = Event(text, 0, len(text), x, earliest=x.earliest, latest=x.latest)
    page = Document(text, anchor=D.ANCHOR, expressions=[x], events=[ev], source='<b>"src"</b>').to_html()
    p = _Collect()
    p.feed(page)
    assert p.tags.count("script") == 1 and "img" not in p.tags and "b" not in p.tags
    tree = page_tree(page)  # still well-formed
    (chart,) = charts(page)
    (m,) = marks(chart)
    title = m.find(f"{SVG}title")
    assert title is not None and NASTY in (title.text or "")
    assert NASTY in (m.get("aria-label") or "")
    assert tree.find("head/title") is not None and tree.find("head/title").text == '<b>"src"</b>'  # type: ignore[union-attr]


@settings(max_examples=50, deadline=None)
@given(S.xml_text, st.text(max_size=30))
def test_any_text_gives_a_well_formed_page_that_keeps_it(words: str, raw: str) -> None:
    text = f"{words} March {raw}"
    start = len(words) + 1
    x = Expression("March", start, start + 5, "DATE", "2024-03",
                   earliest=pendulum.datetime(2024, 3, 1), latest=pendulum.datetime(2024, 4, 1))
    ev = Event(text, 0, len(text), x, earliest=x.earliest, latest=x.latest)
    page = Document(text, anchor=D.ANCHOR, expressions=[x], events=[ev], source=raw).to_html()
    (chart,) = charts(page)  # control characters and lone surrogates must not break the XML
    (m,) = marks(chart)
    page.encode("utf-8")
    if words.strip() and "\r" not in words:
        flat = " ".join(words.split())
        assert flat in (m.get("aria-label") or "").replace("\r", " ") or len(text) > 400


def test_without_events_the_expressions_with_a_range_are_drawn() -> None:
    doc = D.without_events()
    page = doc.to_html()
    (chart,) = charts(page)
    assert len(marks(chart)) == 4
    assert "No events were found" in page and "<h3>Expressions</h3>" in page


@pytest.mark.parametrize("name", ["duration_only", "empty"])
def test_nothing_to_draw_still_gives_an_axis_with_the_anchor(name: str) -> None:
    page = D.ALL[name]().to_html()
    (chart,) = charts(page)
    assert marks(chart) == [] and 0 < anchor_x(chart) < WIDTH
    assert "no temporal expressions with a place in time" in page


def test_several_documents_get_one_section_each_with_unique_ids() -> None:
    page = render([D.with_events(), D.empty(), D.without_events()], "html").text
    tree = page_tree(page)
    ids = [el.get("id") for el in tree.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    assert len(charts(page)) == 3 and len(tree.findall(".//section")) == 3
    assert tree.find("head/title").text == "Timeline"  # type: ignore[union-attr]
    for k, chart in enumerate(charts(page)):
        for m in marks(chart):
            assert m.get("href", "").startswith(f"#s{k}-e")


def test_format_table_knows_html() -> None:
    assert "html" in FORMATS and EXTENSIONS["html"] == "html"
    doc = D.with_events()
    assert render(doc, "html").text == doc.to_html() == to_html([doc])
    assert to_html(doc, title="My <page>").count("My &lt;page&gt;") == 2  # <title> and <h1>


# ---------------------------------------------------------------------------- scale


def test_five_hundred_events_render_small() -> None:
    # (speed is measured in benchmarks/, never asserted in tests)
    months = [f"{1990 + i % 35}-{i % 12 + 1:02d}" for i in range(500)]
    doc = month_doc(months, text_of="Event number {i} happened, as the long sentence says, somewhere.")
    page = doc.to_html()
    (chart,) = charts(page)
    assert len(marks(chart)) == 500
    assert len(page.encode()) < 1_000_000
    height = float(chart.get("height", "0"))
    lanes = {float(m.find(f"{SVG}text").get("y", "nan")) for m in marks(chart)}  # type: ignore[union-attr]
    assert all(m.find(f"{SVG}circle") is not None for m in marks(chart))  # a month is < 5 px here
    assert len(lanes) < 100 and height < 100 * 24 + 200  # packed, not one lane each
    assert sum(1 for line in chart.iter(f"{SVG}line") if line.get("class") == "axis") == 2  # axis at the foot too


@pytest.mark.parametrize(
    ("start", "end", "first_labels"),
    [
        ((2024, 7, 28, 9), (2024, 7, 28, 10), ["09:00", "09:15", "09:30"]),
        ((2024, 7, 28, 9), (2024, 7, 28, 9, 40), ["09:00", "09:05", "09:10"]),
        ((2024, 7, 28, 0), (2024, 7, 29, 0), ["00:00", "03:00", "06:00"]),
        ((2024, 7, 1), (2024, 7, 12), ["Jul 1", "Jul 2", "Jul 3"]),
        ((2024, 1, 1), (2024, 2, 29), ["Jan 1", "Jan 8", "Jan 15"]),
        ((2024, 1, 1), (2024, 3, 31), ["Jan 1", "Jan 15", "Jan 29"]),
        ((2024, 1, 1), (2025, 12, 31), ["Jan", "Apr", "Jul"]),
        ((1990, 1, 1), (2024, 12, 31), ["1990", "1995", "2000"]),
        ((1000, 1, 1), (2024, 12, 31), ["1000", "1100", "1200"]),
    ],
)
def test_ticks_are_chosen_by_the_scale_from_hours_to_centuries(
    start: tuple[int, ...], end: tuple[int, ...], first_labels: list[str]
) -> None:
    got = ticks(pendulum.datetime(*start), pendulum.datetime(*end), 12)
    assert [label for _, label, _ in got[:3]] == first_labels
    assert 2 <= len(got) <= 12
    times = [t for t, _, _ in got]
    assert times == sorted(times) and pendulum.datetime(*start) <= times[0] and times[-1] <= pendulum.datetime(*end)


def test_tick_context_shows_only_when_it_changes() -> None:
    got = ticks(pendulum.datetime(2023, 10, 1), pendulum.datetime(2024, 9, 1), 12)
    assert [(label, ctx) for _, label, ctx in got][:5] == [
        ("Oct", "2023"), ("Nov", ""), ("Dec", ""), ("Jan", "2024"), ("Feb", "")]
    assert [ctx for _, _, ctx in got[4:]] == [""] * (len(got) - 4)


def test_ticks_name_the_bad_argument() -> None:
    with pytest.raises(ValueError, match="start .* must be before end"):
        ticks(pendulum.datetime(2024, 1, 2), pendulum.datetime(2024, 1, 1))


def test_the_axis_follows_the_anchor_time_zone() -> None:
    anchor = pendulum.datetime(2024, 7, 28, 9, tz="Asia/Tokyo")
    text = "They met at 10:30."
    x = D.expr(text, "10:30", "TIME", "2024-07-28T10:30", anchor)
    page = Document(text, anchor=anchor, expressions=[x]).to_html()
    (chart,) = charts(page)
    labels = [t.text for t in chart.iter(f"{SVG}text") if t.get("class") == "tick-label"]
    assert "09:00" in labels or "10:00" in labels  # hours of Tokyo, not of UTC
    assert "anchor 2024-07-28 09:00" in page


def test_control_characters_and_lone_surrogates_do_not_break_the_page() -> None:
    text = "Bad \x00\x1b\ud800 bytes in March."
    x = D.expr(text, "March", "DATE", "2024-03")
    ev = Event(text, 0, len(text), x, earliest=x.earliest, latest=x.latest)
    page = Document(text, anchor=D.ANCHOR, expressions=[x], events=[ev], source="x\x01.txt").to_html()
    page.encode("utf-8")  # no lone surrogate left
    (chart,) = charts(page)
    (m,) = marks(chart)
    assert "Bad \ufffd\ufffd\ufffd bytes in March." in (m.get("aria-label") or "")


def test_extract_cli_writes_an_html_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.cli import extract as extract_cli
    from timeline.cli import main

    monkeypatch.setattr(extract_cli, "parse", lambda text, anchor, domain, source: D.with_events())
    src = tmp_path / "a.txt"
    src.write_text("In March.", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(src), "--anchor", "2024-07-28", "-f", "html", "-o", str(out) + "/"]) == 0
    page = (out / "a.html").read_text(encoding="utf-8")
    assert len(marks(charts(page)[0])) == 4


def test_the_gist_is_taken_around_the_trigger() -> None:
    text = "After long delays and much debate, the regime announced a 7.2 percent increase in March."
    x = D.expr(text, "March", "DATE", "2024-03")
    trig = text.index("announced")
    ev = Event(text, 0, len(text), x, earliest=x.earliest, latest=x.latest, trigger="announced", trigger_start=trig)
    (chart,) = charts(Document(text, anchor=D.ANCHOR, expressions=[x], events=[ev]).to_html())
    (m,) = marks(chart)
    assert gist(m) == "…the regime announced a 7.2 percent"


_ANY_TIME = st.datetimes(pendulum.naive(1, 1, 1), pendulum.naive(9999, 12, 31), timezones=st.just(pendulum.UTC))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), _ANY_TIME), st.one_of(st.none(), _ANY_TIME)), max_size=6),
       S.anchors())
def test_ranges_anywhere_in_years_1_to_9999_render_inside_the_chart(
    ranges: list[tuple[pendulum.DateTime | None, pendulum.DateTime | None]], anchor: pendulum.DateTime
) -> None:
    events = []
    for a, b in ranges:
        if a is not None and b is not None and not a < b:
            a, b = (b, a) if b < a else (a, None)
        x = Expression("May", 0, 3, "DATE", "2024-05", earliest=a, latest=b)
        events.append(Event("May.", 0, 4, x, earliest=a, latest=b))
    page = Document("May.", anchor=anchor, events=ordered(events)).to_html()
    (chart,) = charts(page)
    got = marks(chart)
    assert len(got) == sum(1 for a, b in ranges if a is not None or b is not None)
    for m in got:
        lo, hi = span_of(m)
        assert 0 <= lo <= hi <= WIDTH
