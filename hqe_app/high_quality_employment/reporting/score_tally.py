"""The points of a year's applications per township and indicator, kept as the applications change.

指标得分分析 averages every indicator over a year's applications per county: read from the indicator
results, that is a join of some 175,000 rows for a province's year (150 ms in MariaDB alone). Kept
here instead, one HQE Score Tally per (year, township) — how many applications, and per indicator how
many were scored on it and their points added up — the report reads a province's year in some 1,300
small rows, through `frappe.get_list`, so a user's User Permissions on the region tree still decide
what it adds up.

A township's tally is counted again from its applications (`refresh`) whenever one of them is saved,
submitted, cancelled or deleted (the HQE Application controller). Two saves in one township would
each count without the other's rows, so a save takes the township's lock (`lock`) before it writes
anything, and the count reads with locks, so it sees what the save before it committed. `rebuild`
counts every tally (the patch that brings existing sites in, the demo province); the health check
compares each with a fresh count (`stale`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import frappe
from frappe.query_builder.functions import Count, Sum

DOCTYPE = "HQE Score Tally"
APPLICATION = "HQE Application"
RESULT = "HQE Indicator Result"


def name_of(year: int, township: str) -> str:
	return f"{year}-{township}"


def lock(township: str | None) -> None:
	"""Wait for, then hold until commit, the township's turn to change its applications' points."""
	if township:
		frappe.db.get_value("HQE Region", township, "name", for_update=True)


def refresh(year: int, township: str | None) -> None:
	"""Count one township's year again from its applications (not cancelled)."""
	if not (year and township):
		return
	lock(township)
	key = (int(year), township)
	write(*key, count([key], locking=True)[key])


def count(
	keys: Iterable[tuple[int, str]] | None = None, locking: bool = False
) -> dict[tuple[int, str], dict]:
	"""(year, township) → {county, applications, points: {code: [scored, sum]}}, from the applications
	and their indicator results; every (year, township) when `keys` is None. `locking`: read the latest
	committed rows (and lock them), not the transaction's first view."""
	app = frappe.qb.DocType(APPLICATION)
	result = frappe.qb.DocType(RESULT)
	condition = app.docstatus < 2
	if keys is not None:
		keys = list(keys)
		if not keys:
			return {}
		condition &= app.year.isin(sorted({y for y, _t in keys})) & app.township.isin(
			sorted({t for _y, t in keys})
		)
	applications_query = (
		frappe.qb.from_(app)
		.select(app.year, app.township, app.county, Count(app.name))
		.where(condition & app.township.isnotnull())
		.groupby(app.year, app.township, app.county)
	)
	points_query = (
		frappe.qb.from_(app)
		.join(result)
		.on((result.parent == app.name) & (result.parenttype == APPLICATION))
		.select(app.year, app.township, result.indicator_code, Count(result.name), Sum(result.points))
		.where(condition & app.township.isnotnull())
		.groupby(app.year, app.township, result.indicator_code)
	)
	if locking:
		applications_query, points_query = applications_query.for_update(), points_query.for_update()
	totals: dict[tuple[int, str], dict] = {}
	for year, township, county, applications in applications_query.run():
		entry = totals.setdefault((int(year), township), {"county": county, "applications": 0, "points": {}})
		entry["applications"] += int(applications)
	for year, township, code, scored, points in points_query.run():
		if (int(year), township) in totals:
			totals[(int(year), township)]["points"][code] = [int(scored), float(points or 0)]
	if keys is not None:
		return {key: totals.get(key) for key in keys}
	return totals


def write(year: int, township: str, counted: dict | None) -> None:
	"""Set (year, township)'s tally to `counted`; none left when it has no application."""
	name = name_of(year, township)
	exists = frappe.db.exists(DOCTYPE, name)
	if not counted:
		if exists:
			frappe.delete_doc(DOCTYPE, name, ignore_permissions=True, force=True)
		return
	values = {
		"county": counted["county"],
		"applications": counted["applications"],
		"points": json.dumps(counted["points"], sort_keys=True),
	}
	if exists:
		frappe.db.set_value(DOCTYPE, name, values, update_modified=False)
	else:
		frappe.get_doc({"doctype": DOCTYPE, "year": year, "township": township, **values}).db_insert()


def rebuild() -> int:
	"""Count every township's tally again; the number of tallies."""
	counted = count()
	frappe.db.delete(DOCTYPE)
	for (year, township), entry in counted.items():
		write(year, township, entry)
	return len(counted)


def stale() -> list[str]:
	"""Tallies that differ from a fresh count, or are missing or left over."""
	counted = count()
	kept = {
		(int(t.year), t.township): t
		for t in frappe.get_all(DOCTYPE, fields=["year", "township", "county", "applications", "points"])
	}
	wrong = []
	for key in sorted(set(counted) | set(kept), key=str):
		entry, tally = counted.get(key), kept.get(key)
		if (
			not entry
			or not tally
			or (tally.county, tally.applications) != (entry["county"], entry["applications"])
			or json.loads(tally.points or "{}") != entry["points"]
		):
			wrong.append(name_of(*key))
	return wrong
