"""The yearly calendar of SPEC §7: default deadlines (month-day) and per-year dates in HQE Settings."""

from __future__ import annotations

import datetime
import re

from hqe_app.programme.settings import DEFAULTS

DEADLINE_FIELDS = (
	"county_certification_deadline",
	"county_recommendation_deadline",
	"city_review_deadline",
	"city_certification_deadline",
)
_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


def month_day(text: str) -> tuple[int, int] | None:
	"""(month, day) of a valid "MM-DD" (29 February allowed), else None."""
	match = _MONTH_DAY.match((text or "").strip())
	if not match:
		return None
	month, day = int(match[1]), int(match[2])
	try:
		datetime.date(2024, month, day)
	except ValueError:
		return None
	return month, day


def deadline(settings, fieldname: str, year: int) -> datetime.date | None:
	"""The deadline of one step for a year: the calendar's row for that year, else the default."""
	for row in settings.calendar:
		if int(row.year) == int(year) and row.get(fieldname):
			return datetime.date.fromisoformat(str(row.get(fieldname)))
	parsed = month_day(str(settings.get(fieldname) or DEFAULTS[fieldname]))
	if not parsed:
		return None
	month, day = parsed
	if (month, day) == (2, 29) and not _leap(year):
		day = 28
	return datetime.date(int(year), month, day)


def _leap(year: int) -> bool:
	return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
	"""The date `days` working days (Monday to Friday) after `start`; public holidays are not modelled."""
	day = start
	while days > 0:
		day += datetime.timedelta(days=1)
		if day.weekday() < 5:
			days -= 1
	return day
