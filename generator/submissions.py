"""What the validator hands to the renderer: every agency with its valid reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model import Agency, Report


@dataclass(frozen=True)
class AgencySubmission:
    """One agency folder: its agency file and its reports by B.E. fiscal year."""

    slug: str
    folder: Path
    agency: Agency
    reports: dict[int, Report] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        """Fiscal years reported, newest first."""
        return sorted(self.reports, reverse=True)

    @property
    def latest_year(self) -> int | None:
        return max(self.reports) if self.reports else None


@dataclass(frozen=True)
class Site:
    """Every agency, read and validated before any page is rendered."""

    agencies: tuple[AgencySubmission, ...] = ()

    def agency(self, slug: str) -> AgencySubmission:
        return next(a for a in self.agencies if a.slug == slug)
