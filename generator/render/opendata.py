"""Open data: each report as JSON beside its page, the province's tables as CSV, a Data Package.

CSV files are UTF-8 with a byte-order mark, which is what lets spreadsheet programs in Thai
offices open them with Thai text intact; every column is described in ``datapackage.json``.
Text cells are quoted, and one that a spreadsheet would run as a formula gets a leading ``'``
(``spreadsheet_safe``); the JSON downloads keep every text exactly as submitted.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.fields import BiText, be_date_text
from generator.render.format import total_duration
from generator.schema import render_schema
from generator.submissions import AgencySubmission, Site
from generator.vocabulary import ParticipationLevel

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}

Column = tuple[str, str, str, str]  # name, Frictionless type, Thai description, English description
AGENCY_COLUMNS: list[Column] = [
    ("agency", "string", "ชื่อย่อหน่วยงาน (ชื่อโฟลเดอร์)", "agency slug (its folder name)"),
    ("agency_th", "string", "ชื่อหน่วยงานภาษาไทย", "agency name in Thai"),
    ("agency_en", "string", "ชื่อหน่วยงานภาษาอังกฤษ", "agency name in English"),
    ("report_year", "integer", "ปีงบประมาณ พ.ศ. ของรายงาน", "B.E. fiscal year of the report"),
]


@dataclass(frozen=True)
class DataFile:
    """A file published for download, with what the data page says about it."""

    path: str
    content: bytes
    th: str
    en: str

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class Table:
    name: str
    th: str
    en: str
    columns: list[Column]
    rows: Callable[[Site], Iterator[list[Any]]]


def _text(value: BiText | None, lang: str) -> str:
    if value is None:
        return ""
    return value.th if lang == "th" else value.en or ""


def _reports(site: Site, latest_only: bool = False) -> Iterator[tuple[AgencySubmission, int, Any]]:
    for agency in site.agencies:
        years = [agency.latest_year] if latest_only and agency.latest_year else agency.years
        for year in sorted(y for y in years if y):
            yield agency, year, agency.reports[year]


def _lead(agency: AgencySubmission, year: int) -> list[Any]:
    return [agency.slug, agency.agency.name.th, agency.agency.name.en or "", year]


def _channel_rows(site: Site) -> Iterator[list[Any]]:
    for agency, year, report in _reports(site, latest_only=True):
        for channel in report.listening_channels:
            for stat_year, users in sorted(channel.statistics.items()):
                yield [*_lead(agency, year), channel.kind.value, _text(channel.name, "th"), stat_year, users]


def _network_rows(site: Site) -> Iterator[list[Any]]:
    for agency, year, report in _reports(site):
        for item in report.networks:
            channels = "; ".join(c.th for c in item.channels)
            yield [*_lead(agency, year), item.group.th, item.group.en or "", _text(item.form, "th"), channels]


def _activity_rows(site: Site) -> Iterator[list[Any]]:
    for agency, year, report in _reports(site):
        for row in report.participation_levels:
            levels = [level in row.levels for level in ParticipationLevel]
            date = be_date_text(row.date) if row.date else ""
            yield [
                *_lead(agency, year),
                row.activity.th,
                row.activity.en or "",
                *levels,
                date,
                row.participant_count if row.participant_count is not None else "",
            ]


def _mechanism_rows(site: Site) -> Iterator[list[Any]]:
    for agency, year, report in _reports(site):
        for row in report.participation_mechanisms:
            yield [
                *_lead(agency, year),
                row.mission.th,
                row.mechanism.th,
                "; ".join(s.th for s in row.stakeholders),
            ]


def _service_rows(site: Site) -> Iterator[list[Any]]:
    for agency, year, report in _reports(site):
        for number, chart in enumerate(report.service_standards.flowcharts, start=1):
            total = (
                str(chart.total_time)
                if chart.total_time
                else total_duration((s.duration for s in chart.steps), "th")
            )
            for step_number, step in enumerate(chart.steps, start=1):
                yield [
                    *_lead(agency, year),
                    number,
                    chart.kind.value,
                    chart.name.th,
                    chart.name.en or "",
                    step_number,
                    step.action.th,
                    _text(step.unit, "th"),
                    str(step.duration),
                    total,
                    chart.fee.th,
                ]


def _satisfaction_rows(site: Site) -> Iterator[list[Any]]:
    for agency, year, report in _reports(site):
        for item in report.satisfaction_improvements:
            yield [
                *_lead(agency, year),
                item.measurement.value,
                item.topic.th,
                item.fix.th,
                _text(item.score, "th"),
            ]


TABLES = [
    Table(
        "channel_statistics",
        "จำนวนผู้ใช้ช่องทางการรับฟัง จากรายงานล่าสุดของแต่ละหน่วยงาน",
        "Users of listening channels, from each agency's latest report",
        [
            *AGENCY_COLUMNS,
            ("channel_kind", "string", "ประเภทช่องทาง", "kind of channel"),
            ("channel_name", "string", "ชื่อช่องทาง (ประเภทอื่นๆ)", "the channel's own name (kind other)"),
            ("fiscal_year", "integer", "ปีงบประมาณ พ.ศ. ของสถิติ", "B.E. fiscal year of the figure"),
            ("users", "integer", "จำนวนผู้ใช้", "number of users"),
        ],
        _channel_rows,
    ),
    Table(
        "networks",
        "เครือข่ายและช่องทางการติดต่อ",
        "Networks and how agencies communicate with them",
        [
            *AGENCY_COLUMNS,
            ("group_th", "string", "กลุ่ม/เครือข่าย", "network group, Thai"),
            ("group_en", "string", "กลุ่ม/เครือข่าย ภาษาอังกฤษ", "network group, English"),
            ("form", "string", "ลักษณะรูปแบบของเครือข่าย", "form of the network"),
            ("channels", "string", "ช่องทางการติดต่อ คั่นด้วย ;", "communication channels, separated by ;"),
        ],
        _network_rows,
    ),
    Table(
        "participation_activities",
        "กิจกรรมและระดับการมีส่วนร่วมที่ถึง",
        "Activities and the participation levels reached",
        [
            *AGENCY_COLUMNS,
            ("activity_th", "string", "กิจกรรม/โครงการ", "activity, Thai"),
            ("activity_en", "string", "กิจกรรม/โครงการ ภาษาอังกฤษ", "activity, English"),
            *[(level.value, "boolean", level.th, level.en) for level in ParticipationLevel],
            ("date", "string", "วันที่ (พ.ศ.)", "date (B.E.)"),
            ("participant_count", "integer", "จำนวนผู้เข้าร่วม", "number of participants"),
        ],
        _activity_rows,
    ),
    Table(
        "participation_mechanisms",
        "กลไกการมีส่วนร่วมของประชาชน",
        "Mechanisms for public participation",
        [
            *AGENCY_COLUMNS,
            ("mission", "string", "ภารกิจหลัก/กระบวนงาน", "main mission or process"),
            ("mechanism", "string", "วิธีการ/กลไก", "mechanism"),
            ("stakeholders", "string", "กลุ่มผู้มีส่วนได้ส่วนเสีย คั่นด้วย ;", "stakeholder groups, separated by ;"),
        ],
        _mechanism_rows,
    ),
    Table(
        "services",
        "งานบริการ ขั้นตอน ระยะเวลา และค่าธรรมเนียม (หนึ่งแถวต่อหนึ่งขั้นตอน)",
        "Services, their steps, durations and fees (a row per step)",
        [
            *AGENCY_COLUMNS,
            ("service_number", "integer", "ลำดับงานบริการในรายงาน", "service's number in the report"),
            ("service_kind", "string", "ประเภทแผนผัง", "kind of flowchart"),
            ("service_th", "string", "ชื่องานบริการ", "service, Thai"),
            ("service_en", "string", "ชื่องานบริการ ภาษาอังกฤษ", "service, English"),
            ("step", "integer", "ขั้นตอนที่", "step number"),
            ("action", "string", "สิ่งที่ทำ", "what happens"),
            ("unit", "string", "ผู้รับผิดชอบ", "responsible unit"),
            ("duration", "string", "ระยะเวลา", "duration"),
            ("total_time", "string", "ระยะเวลารวม", "total time"),
            ("fee", "string", "ค่าธรรมเนียม", "fee"),
        ],
        _service_rows,
    ),
    Table(
        "satisfaction_improvements",
        "การปรับปรุงจากผลการวัดความพึงพอใจ",
        "Improvements from satisfaction measurement",
        [
            *AGENCY_COLUMNS,
            ("measurement", "string", "ความพึงพอใจ/ไม่พึงพอใจ", "satisfaction or dissatisfaction"),
            ("topic", "string", "เรื่อง", "topic"),
            ("fix", "string", "การแก้ไข", "what was done"),
            ("score", "string", "ผลคะแนน", "score"),
        ],
        _satisfaction_rows,
    ),
]


# What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP, "CSV
# Injection"), with the full-width and small forms that some of them fold to these.
FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b")
CONTROL_STARTS = frozenset("\t\r\n")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that would start a formula, with a ``'`` before it, so it stays text.

    Spreadsheets skip leading spaces before a formula, so the test looks past them; numbers
    and booleans are left alone (the counts are never negative)."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in CONTROL_STARTS or value.lstrip()[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return spreadsheet_safe(value)


def csv_bytes(table: Table, site: Site) -> bytes:
    buffer = io.StringIO()
    # Text in double quotes (OWASP): a ; or , in it cannot start a new cell in any locale.
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([name for name, *_ in table.columns])
    for row in table.rows(site):
        writer.writerow([_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def data_files(site: Site) -> list[DataFile]:
    """Every download the site offers, described for the data page."""
    files: list[DataFile] = []
    for agency in site.agencies:
        agency_json = agency.agency.model_dump(mode="json", exclude_none=True)
        files.append(
            DataFile(
                f"agencies/{agency.slug}/agency.json",
                _json(agency_json),
                f"ข้อมูลหน่วยงาน {agency.agency.name.th}",
                f"About {agency.agency.name.get('en')}",
            )
        )
        for year in agency.years:
            report = agency.reports[year].model_dump(mode="json", exclude_none=True)
            files.append(
                DataFile(
                    f"agencies/{agency.slug}/{year}.json",
                    _json(report),
                    f"รายงาน พ.ศ. {year}",
                    f"Report, B.E. {year}",
                )
            )
    for table in TABLES:
        files.append(DataFile(f"data/{table.name}.csv", csv_bytes(table, site), table.th, table.en))
    files.append(
        DataFile(
            "data/datapackage.json",
            _json(datapackage()),
            "คำอธิบายชุดข้อมูล (Frictionless Data Package)",
            "Description of the tables (Frictionless Data Package)",
        )
    )
    for name in ("agency", "report"):
        files.append(
            DataFile(
                f"schema/{name}.schema.json",
                render_schema(name).encode("utf-8"),
                f"JSON Schema ของไฟล์ {name}",
                f"JSON Schema of the {name} files",
            )
        )
    return files


def datapackage() -> dict[str, Any]:
    return {
        "name": "category3-reports",
        "title": "รายงานหมวด 3 ของส่วนราชการ / Agencies' Category 3 reports",
        "description": (
            "ช่องข้อความใน CSV ที่ขึ้นต้นด้วย = + - @ หรือแท็บ มีเครื่องหมาย ' นำหน้า ไฟล์ JSON เก็บข้อความตรงตามที่ส่ง / "
            "CSV text cells that begin with = + - @ or a tab have a leading '; the JSON files hold the exact text."
        ),
        "licenses": [LICENCE],
        "resources": [
            {
                "name": table.name.replace("_", "-"),
                "path": f"{table.name}.csv",
                "title": table.en,
                "description": f"{table.th} / {table.en}",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "schema": {
                    "fields": [
                        {"name": name, "type": kind, "description": f"{th} / {en}"}
                        for name, kind, th, en in table.columns
                    ]
                },
            }
            for table in TABLES
        ],
    }


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")
