"""Shared pieces of the programme's Script Reports: filters, columns, permission-aware queries.

Every query goes through `frappe.get_list`, so the user's roles and User Permissions on the region
tree decide what a report shows; each report runs a fixed number of grouped queries, none per row.
"""

from __future__ import annotations

from collections.abc import Iterable

import frappe
from frappe import _
from frappe.utils import getdate, nowdate


def year_of(filters: dict) -> int:
	return int(filters.get("year") or getdate(nowdate()).year)


def chosen(filters: dict, keys: Iterable[str] = ("county", "township")) -> dict:
	"""The report filters among `keys` that the user set."""
	return {key: filters[key] for key in keys if filters.get(key)}


def year_filters(filters: dict, keys: Iterable[str] = ("county", "township"), **extra) -> dict:
	"""The report's year with the region (and other `keys`) filters the user set, plus `extra`."""
	return {"year": year_of(filters), **chosen(filters, keys), **extra}


def application_filters(filters: dict, **extra) -> dict:
	"""Filters on HQE Application from the report's year / county / township filters."""
	return year_filters(filters, docstatus=("<", 2), **extra)


def award_amounts(total: float, paid: float) -> list[dict]:
	"""The report summary's amount, paid and pending cards of a set of awards."""
	return [
		{"label": _("Award Amount"), "value": total, "datatype": "Currency", "currency": "CNY"},
		{"label": _("Paid"), "value": paid, "datatype": "Currency", "currency": "CNY", "indicator": "Green"},
		{
			"label": _("Pending"),
			"value": total - paid,
			"datatype": "Currency",
			"currency": "CNY",
			"indicator": "Orange",
		},
	]


def column(fieldname: str, label: str, fieldtype: str = "Data", width: int = 120, **extra) -> dict:
	return {"fieldname": fieldname, "label": _(label), "fieldtype": fieldtype, "width": width, **extra}


def region_columns() -> list[dict]:
	return [
		column("county", "County", "Link", 110, options="HQE Region"),
		column("township", "Township", "Link", 120, options="HQE Region"),
	]


def application_columns() -> list[dict]:
	return [
		column("name", "Application", "Link", 150, options="HQE Application"),
		column("community_name", "Community Name", "Data", 160),
		*region_columns(),
	]


def score_columns() -> list[dict]:
	return [
		column("base_score", "Base Score", "Float", 90, precision=1),
		column("bonus_score", "Bonus Score", "Float", 90, precision=1),
		column("total_score", "Total Score", "Float", 90, precision=1),
	]


def state_column() -> dict:
	return column("workflow_state", "Workflow State", "Data", 130)


def numbered(rows: list[dict], by: str) -> None:
	"""序号 restarting at 1 for each value of `by` (rows already sorted by it)."""
	previous, serial = object(), 0
	for row in rows:
		serial = serial + 1 if row[by] == previous else 1
		previous = row[by]
		row["serial"] = serial


def document_dates(names: Iterable[str | None]) -> dict[str, object]:
	"""文号 → date of the certification documents named by applications the user may read (one query;
	the document is read through the application that names it, so no check of its own)."""
	wanted = sorted({n for n in names if n})
	if not wanted:
		return {}
	return {
		d.name: d.document_date
		for d in frappe.get_all(
			"HQE Certification Document",
			filters={"name": ("in", wanted)},
			fields=["name", "document_date"],
		)
	}
