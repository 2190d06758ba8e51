"""Which scheme scores an application, read from the HQE Scheme records (SPEC §13).

A record holds the scheme as the engine's data (`scoring.scheme_io`). The records in force are read
once into a small map and kept in Frappe's cache until a record changes; the built `Scheme` objects
are kept per process, keyed by code, version and modification time, so a save pays a dictionary
lookup, not a parse.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import NamedTuple

import frappe
from hqe_app.programme.lifecycle import DRAFT
from hqe_app.scoring import SCHEMES, Scheme, get_scheme
from hqe_app.scoring.scheme_io import scheme_from_dict, scheme_to_dict

DOCTYPE = "HQE Scheme"
ACTIVE = "Active"
CACHE_KEY = "hqe_schemes_in_force"
STAMPS_KEY = "hqe_scheme_stamps"
_built: dict[tuple[str, str], Scheme] = {}


class InForce(NamedTuple):
	code: str
	version: int
	city: str | None
	from_year: int
	to_year: int | None
	modified: str


def in_force() -> list[InForce]:
	"""The active records, most specific first (a city's before the whole site's, newest first)."""

	def load() -> list[dict]:
		rows = frappe.get_all(
			DOCTYPE,
			filters={"status": ACTIVE},
			fields=["name", "version", "city", "from_year", "to_year", "modified"],
			order_by="from_year desc, modified desc",
			ignore_permissions=True,
		)
		return [
			InForce(
				r.name,
				int(r.version or 1),
				r.city or None,
				int(r.from_year or 0),
				r.to_year or None,
				str(r.modified),
			)._asdict()
			for r in rows
		]

	rows = [InForce(**r) for r in frappe.cache.get_value(CACHE_KEY, generator=load)]
	return sorted(rows, key=lambda r: r.city is None)


def clear_cache() -> None:
	frappe.cache.delete_value(CACHE_KEY)
	frappe.cache.delete_value(STAMPS_KEY)


def applying(city: str | None, year: int) -> InForce | None:
	"""The record that applies to a city's application of `year`, or None (the built-in default)."""
	for row in in_force():
		if row.city not in (None, city):
			continue
		if row.from_year <= int(year or 0) and (row.to_year is None or int(year) <= int(row.to_year)):
			return row
	return None


def stamps() -> dict[str, str]:
	"""Each record's modification time, from Frappe's cache (a dictionary lookup within a request)."""
	return frappe.cache.get_value(
		STAMPS_KEY,
		generator=lambda: {
			r.name: str(r.modified)
			for r in frappe.get_all(DOCTYPE, fields=["name", "modified"], ignore_permissions=True)
		},
	)


def built(code: str | None, version: int | None = None) -> Scheme:
	"""The engine's Scheme of a record (or the built-in scheme of that code); `version` is the one the
	application recorded, which a locked record keeps."""
	if not code:
		return get_scheme()
	stamp = stamps().get(code)
	if stamp is None:
		return get_scheme(code)
	key = (code, stamp)
	if key not in _built:
		definition = frappe.db.get_value(DOCTYPE, code, "definition")
		_built[key] = scheme_from_dict(json.loads(definition))
	return _built[key]


def recorded(code: str | None, version: int | None = None) -> Scheme:
	"""`built`, or the built-in scheme when the code names no record and no built-in scheme (what the
	forms print and the form lays out for an application whose scheme is gone)."""
	try:
		return built(code or None, version)
	except KeyError:
		return get_scheme()


def city_of_county(county: str | None) -> str | None:
	if not county:
		return None
	return frappe.get_cached_value("HQE Region", county, "parent_hqe_region")


def assign_scheme(doc) -> Scheme:
	"""The scheme an application is scored under: while it is the community's draft, the one that
	applies to its city and year (recorded with its version); once submitted, the one recorded."""
	if (doc.get("workflow_state") or DRAFT) == DRAFT or not doc.scheme:
		row = applying(city_of_county(doc.county), doc.year)
		if row:
			doc.scheme, doc.scheme_version = row.code, row.version
		elif not doc.scheme:
			doc.scheme, doc.scheme_version = get_scheme().code, 1
	return built(doc.scheme, doc.get("scheme_version"))


def scheme_for(county: str | None, year: int | None) -> Scheme:
	"""The scheme a community of `county` would apply under for `year` (what `assign_scheme` records)."""
	row = applying(city_of_county(county), int(year or 0))
	return built(row.code, row.version) if row else get_scheme()


def covering(year: int | None = None) -> Scheme:
	"""The built-in scheme with every field that the schemes in force (for `year`, else any year) add:
	the columns a data template of several cities may hold. Only its fields are meant to be read."""
	base = get_scheme()
	fields = list(base.fields)
	names = {f.name for f in fields}
	for row in in_force():
		if year is not None and not (
			row.from_year <= int(year) and (row.to_year is None or int(year) <= int(row.to_year))
		):
			continue
		for spec in built(row.code, row.version).fields:
			if spec.name not in names:
				names.add(spec.name)
				fields.append(spec)
	return base if len(fields) == len(base.fields) else replace(base, fields=tuple(fields))


def sync_builtin_schemes() -> None:
	"""Install and migrate: each built-in scheme becomes a record once (never overwritten: a bureau's
	edits are its own), active for the whole site from year 0."""
	for code, scheme in SCHEMES.items():
		if frappe.db.exists(DOCTYPE, code):
			continue
		record = frappe.new_doc(DOCTYPE)
		record.update(
			{
				"scheme_code": code,
				"title": scheme.title,
				"version": scheme.version,
				"status": ACTIVE,
				"from_year": 0,
				"definition": json.dumps(scheme_to_dict(scheme), ensure_ascii=False, indent=1),
			}
		)
		record.flags.ignore_permissions = True
		record.insert()
