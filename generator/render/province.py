"""What the province-wide pages gather from every agency's latest report.

Services, ways to be heard, participation by level and channel use summed: plain data for the
templates ``province_*.html.j2``; nothing here knows how a page looks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.model import Flowchart, ParticipationActivity, Report
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


def services_by_kind(site: Site) -> list[tuple[FlowchartKind, list[Service]]]:
    found = [
        Service(agency, year, number, chart)
        for agency, year, report in latest(site)
        for number, chart in enumerate(report.service_standards.flowcharts, start=1)
    ]
    return [(kind, [s for s in found if s.chart.kind is kind]) for kind in FlowchartKind if any(
        s.chart.kind is kind for s in found
    )]  # fmt: skip


def complaint_services(report: Report) -> list[tuple[int, Flowchart]]:
    charts = report.service_standards.flowcharts
    return [(n, c) for n, c in enumerate(charts, start=1) if c.kind is FlowchartKind.complaint]


def activities_by_level(site: Site) -> list[tuple[ParticipationLevel, list[Activity]]]:
    """Every activity under each level it reached: one activity may count at several levels."""
    found = [
        Activity(agency, year, number, row)
        for agency, year, report in latest(site)
        for number, row in enumerate(report.participation_levels, start=1)
    ]
    return [(level, [a for a in found if level in a.row.levels]) for level in ParticipationLevel]


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
