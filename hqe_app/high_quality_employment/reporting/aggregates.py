"""Grouped counts and averages through `frappe.get_list`, in the field syntax each Frappe major accepts.

Frappe v16 refuses SQL functions written as strings in `fields` ("SQL functions are not allowed as
strings in SELECT") and takes `{"COUNT": "name", "as": "n"}`; v15 takes only the string. Everything
goes through `frappe.get_list`, so User Permissions and permission query conditions still scope it.
"""

from __future__ import annotations

from collections.abc import Iterable

import frappe

FRAPPE_MAJOR = int(frappe.__version__.split(".")[0])
FUNCTIONS = frozenset({"COUNT", "SUM", "AVG", "MIN", "MAX"})


def aggregate(function: str, field: str, alias: str) -> str | dict:
	"""One aggregate column for `fields`: `aggregate("count", "name", "n")`."""
	function = function.upper()
	if function not in FUNCTIONS:
		raise ValueError(f"unsupported aggregate {function}")
	if FRAPPE_MAJOR >= 16:
		return {function: field, "as": alias}
	return f"{function.lower()}({field}) as {alias}"


def grouped(
	doctype: str,
	function: str,
	field: str,
	by: Iterable[str] = (),
	filters: dict | list | None = None,
	alias: str = "value",
) -> list[frappe._dict]:
	"""Rows of the `by` columns and the aggregate (`alias`), one per group, within the user's permissions.

	Ordered by the groups themselves: Frappe's default `order by creation` makes MariaDB give up an
	index that holds the filters and read the whole table instead (110 ms against 9 ms for one year's
	applications per county on a province's data)."""
	by = list(by)
	return frappe.get_list(
		doctype,
		filters=filters or {},
		fields=[*by, aggregate(function, field, alias)],
		group_by=", ".join(by) or None,
		order_by=", ".join(f"{column} asc" for column in by) or None,
		limit_page_length=0,
	)


def count(doctype: str, filters: dict | list | None = None) -> int:
	"""The number of documents the user may read that match `filters`."""
	rows = grouped(doctype, "count", "name", filters=filters, alias="n")
	return int(rows[0].n) if rows else 0


def count_by(doctype: str, by: str, filters: dict | list | None = None) -> dict:
	"""Documents the user may read, counted per value of `by`."""
	return {row[by]: int(row.n) for row in grouped(doctype, "count", "name", [by], filters, alias="n")}
