"""What the province-wide pages gather from every agency's latest report.

Services, ways to be heard, participation by level and channel use summed: plain data for the
templates ``province_*.html.j2``; nothing here knows how a page looks. Lists of names come in
the order a reader of the page's language expects (``order.in_reading_order``).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from generator.model import Flowchart, ParticipationActivity, Report
from generator.render.order import in_reading_order
from generator.submissions import AgencySubmission, Site
from generator.vocabulary import ChannelKind, FlowchartKind, ParticipationLevel

PROVINCE_PAGES = ("services", "contact", "participation", "channels", "dashboard", "data")
FEEDBACK_KINDS = (ChannelKind.telephone, ChannelKind.website, ChannelKind.comment_box, ChannelKind.other)


@dataclass(frozen=True)
class Service:
    agency: AgencySubmission
    year: int
    number: int
    chart: Flowchart


@dataclass(frozen=True)
class Activity:
    agency: AgencySubmission
    year: int
    number: int
    row: ParticipationActivity


def latest(site: Site) -> list[tuple[AgencySubmission, int, Report]]:
    """Each agency that has reported, with its latest report."""
    return [(a, a.latest_year, a.reports[a.latest_year]) for a in site.agencies if a.latest_year]


def services_by_kind(site: Site, lang: str) -> list[tuple[FlowchartKind, list[Service]]]:
    """Services by kind, in the vocabulary's order; in each kind by the service's name."""
    found = [
        Service(agency, year, number, chart)
        for agency, year, report in latest(site)
        for number, chart in enumerate(report.service_standards.flowcharts, start=1)
    ]
    found = in_reading_order(
        in_reading_order(found, lang, lambda s: s.agency.agency.name), lang, lambda s: s.chart.name
    )
    return [(kind, [s for s in found if s.chart.kind is kind]) for kind in FlowchartKind if any(
        s.chart.kind is kind for s in found
    )]  # fmt: skip


def complaint_services(report: Report) -> list[tuple[int, Flowchart]]:
    charts = report.service_standards.flowcharts
    return [(n, c) for n, c in enumerate(charts, start=1) if c.kind is FlowchartKind.complaint]


@dataclass(frozen=True)
class ContactCard:
    """One agency on the page "how to be heard": how to reach it, and how to complain."""

    agency: AgencySubmission
    report: Report | None
    complaint_processes: list[tuple[int, Flowchart]] = field(default_factory=list)
    service_complaints: list[tuple[int, Flowchart]] = field(default_factory=list)


def contact_cards(site: Site, lang: str) -> list[ContactCard]:
    """Every agency, by name; what its latest report says about complaints, when it has one.

    An agency without a report is listed too: its address and phones are in its agency file."""
    cards = []
    for agency in in_reading_order(site.agencies, lang, lambda a: a.agency.name):
        report = agency.reports[agency.latest_year] if agency.latest_year else None
        if report is None:
            cards.append(ContactCard(agency, None))
            continue
        cards.append(ContactCard(agency, report, complaint_services(report), _service_complaints(report)))
    return cards


def _service_complaints(report: Report) -> list[tuple[int, Flowchart]]:
    """Where to complain about each service that is not itself a complaint process; once per place."""
    seen: set[tuple[str, str | None]] = set()
    found = []
    for number, chart in enumerate(report.service_standards.flowcharts, start=1):
        where = (chart.complaints.th, chart.complaints.en)
        if chart.kind is not FlowchartKind.complaint and where not in seen:
            seen.add(where)
            found.append((number, chart))
    return found


def activities_by_level(site: Site) -> list[tuple[ParticipationLevel, list[Activity]]]:
    """Every activity under each level it reached: one activity may count at several levels."""
    return _by_level(_activities(site))


def _activities(site: Site) -> list[Activity]:
    return [
        Activity(agency, year, number, row)
        for agency, year, report in latest(site)
        for number, row in enumerate(report.participation_levels, start=1)
    ]


def _by_level(found: list[Activity]) -> list[tuple[ParticipationLevel, list[Activity]]]:
    return [(level, [a for a in found if level in a.row.levels]) for level in ParticipationLevel]


def is_upcoming(row: ParticipationActivity, today: datetime.date) -> bool:
    """Still to come, or still running, on ``today``: its last day is today or later.
    An undated activity was reported as done in its fiscal year."""
    last = row.end_date or row.date
    return last is not None and last >= today


@dataclass(frozen=True)
class Participation:
    """The page "how to take part": what a citizen can still join, then what has been done."""

    today: datetime.date
    upcoming: list[Activity]
    past: list[tuple[ParticipationLevel, list[Activity]]]


def participation(site: Site, lang: str, today: datetime.date) -> Participation:
    """Activities on or after ``today`` soonest first; the others by the level they reached,
    by name. ``today`` is the build's date (``history.build_date``), given so tests choose it."""
    found = in_reading_order(_activities(site), lang, lambda a: a.row.activity)
    upcoming = [a for a in found if is_upcoming(a.row, today)]
    upcoming.sort(key=lambda a: a.row.date or today)
    past = [a for a in found if not is_upcoming(a.row, today)]
    return Participation(today, upcoming, _by_level(past))


def channel_totals(site: Site) -> tuple[list[int], dict[ChannelKind, dict[int, int]], dict[int, int]]:
    """Users per channel kind per year, summed over each agency's latest report.

    Only latest reports count, so a year's total never mixes old and new figures of one agency;
    the third value says how many agencies gave figures for each year.
    """
    totals: dict[ChannelKind, Counter[int]] = {kind: Counter() for kind in ChannelKind}
    reporting: dict[int, set[str]] = {}
    for agency, _, report in latest(site):
        for channel in report.listening_channels:
            for year, count in channel.statistics.items():
                totals[channel.kind][year] += count
                reporting.setdefault(year, set()).add(agency.slug)
    years = sorted(reporting)
    agencies = {year: len(slugs) for year, slugs in reporting.items()}
    return years, {kind: dict(counts) for kind, counts in totals.items() if counts}, agencies
