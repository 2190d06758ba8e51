"""The points of a year's applications per township and indicator, kept as the applications change.

指标得分分析 averages every indicator over a year's applications per county: read from the indicator
results, that is a join of some 175,000 rows for a province's year (150 ms in MariaDB alone). Kept
here instead, one HQE Score Tally per (year, township) — how many applications, and per indicator how
many were scored on it and their points added up — the report reads a province's year in some 1,300
small rows, through `frappe.get_list`, so a user's User Permissions on the region tree still decide
what it adds up.

Each save, submit, cancel or delete of an application adds its change to its township's tally
(`follow`): what the application adds now, less what it added before. Two saves in one township queue
on the tally's row lock, and read it with that lock, so each adds to what the other committed; no
other row is locked, so a save never waits on another application. `rebuild` counts every tally
from the applications (the patch that brings existing sites in, the demo province); the health check
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


def follow(before, after) -> None:
	"""Add an application's change to its township's tally: `after` is the document now (None once
	deleted), `before` as it was (None when new)."""
	change: dict[tuple[int, str], list] = {}
	for doc, sign in ((before, -1), (after, 1)):
		if doc is None or doc.docstatus == 2 or not (doc.year and doc.township):
			continue
		entry = change.setdefault((int(doc.year), doc.township), [doc.county, 0, {}])
		entry[0] = doc.county or entry[0]
		entry[1] += sign
		for result in doc.get("indicator_results") or []:
			scored, points = entry[2].get(result.indicator_code, (0, 0.0))
			entry[2][result.indicator_code] = (scored + sign, points + sign * float(result.points or 0))
	for (year, township), (county, applications, points) in sorted(change.items()):
		if applications or any(scored or total for scored, total in points.values()):
			add(year, township, county, applications, points)


def add(year: int, township: str, county: str, applications: int, points: dict) -> None:
	"""Add to (year, township)'s tally under its row lock; a tally left with no application goes."""
	name = name_of(year, township)
	if not frappe.db.exists(DOCTYPE, name):
		blank = {"doctype": DOCTYPE, "year": year, "township": township, "county": county, "points": "{}"}
		frappe.get_doc(blank).db_insert(ignore_if_duplicate=True)  # another save may add it first
	kept = frappe.db.get_value(DOCTYPE, name, ["applications", "points"], as_dict=True, for_update=True)
	total = json.loads(kept.points or "{}")
	for code, (scored, sum_) in points.items():
		old_scored, old_sum = total.get(code, (0, 0.0))
		if old_scored + scored:
			total[code] = [old_scored + scored, round(old_sum + sum_, 6)]
		else:
			total.pop(code, None)
	applications += kept.applications or 0
	if applications <= 0:
		frappe.delete_doc(DOCTYPE, name, ignore_permissions=True, force=True)
		return
	counted = {"county": county, "applications": applications, "points": total}
	frappe.db.set_value(DOCTYPE, name, values_of(counted), update_modified=False)


def count(keys: Iterable[tuple[int, str]] | None = None) -> dict[tuple[int, str], dict]:
	"""(year, township) → {county, applications, points: {code: [scored, sum]}}, from the applications
	and their indicator results; every (year, township) when `keys` is None."""
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
	totals: dict[tuple[int, str], dict] = {}
	for year, township, county, applications in applications_query.run():
		entry = totals.setdefault((int(year), township), {"county": county, "applications": 0, "points": {}})
		entry["applications"] += int(applications)
	for year, township, code, scored, points in points_query.run():
		if (int(year), township) in totals:
			totals[(int(year), township)]["points"][code] = [int(scored), round(float(points or 0), 6)]
	if keys is not None:
		return {key: totals.get(key) for key in keys}
	return totals


def refresh(year: int, township: str) -> None:
	"""Count one township's year again from its applications (after rows were removed by SQL)."""
	key = (int(year), township)
	write(*key, count([key])[key])


def write(year: int, township: str, counted: dict | None) -> None:
	"""Set (year, township)'s tally to `counted`; none left when it has no application."""
	name = name_of(year, township)
	exists = frappe.db.exists(DOCTYPE, name)
	if not counted:
		if exists:
			frappe.delete_doc(DOCTYPE, name, ignore_permissions=True, force=True)
	elif exists:
		frappe.db.set_value(DOCTYPE, name, values_of(counted), update_modified=False)
	else:
		insert(year, township, counted)


def values_of(counted: dict) -> dict:
	return {
		"county": counted["county"],
		"applications": counted["applications"],
		"points": json.dumps(counted["points"], sort_keys=True),
	}


def insert(year: int, township: str, counted: dict) -> None:
	frappe.get_doc({"doctype": DOCTYPE, "year": year, "township": township, **values_of(counted)}).db_insert()


def rebuild() -> int:
	"""Count every township's tally again; the number of tallies."""
	counted = count()
	frappe.db.delete(DOCTYPE)
	for (year, township), entry in counted.items():
		insert(year, township, entry)  # all deleted above: no lookup first
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
