"""The one check every list of applications makes of its rows: the county's recommendation, the
certification documents, the publication and the province list.

Each row is an application listed once, of the list's counties and year, in a state the list takes.
What differs between lists (the states, the refusal's words, extra fields) is passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

import frappe
from frappe import _
from hqe_app.forms.texts import ACHIEVEMENTS_LIMIT

ROW_FIELDS = ("name", "county", "year", "workflow_state", "community_name")


def check_rows(
	rows: Iterable,
	*,
	counties: Collection[str],
	year: int | str,
	place: str,
	state_refusal: Callable[[object, frappe._dict], str | None],
	extra_fields: Iterable[str] = (),
) -> dict[str, frappe._dict]:
	"""Refuse the first row that is listed twice, of another place or year, or in a state the list does
	not take (`state_refusal` gives the message, or None); returns the applications by name."""
	rows = list(rows)
	apps = {
		a.name: a
		for a in frappe.get_all(
			"HQE Application",
			filters={"name": ("in", [row.application for row in rows] or [""])},
			fields=[*ROW_FIELDS, *extra_fields],
		)
	}
	seen = set()
	for row in rows:
		app = apps[row.application]  # the link itself was validated by Frappe
		if row.application in seen:
			frappe.throw(_("Row {0}: {1} is listed twice").format(row.idx, app.community_name))
		seen.add(row.application)
		if app.county not in counties or int(app.year) != int(year):
			frappe.throw(
				_("Row {0}: {1} is not an application of {2} for {3}").format(
					row.idx, app.community_name, place, year
				)
			)
		refusal = state_refusal(row, app)
		if refusal:
			frappe.throw(refusal)
	return apps


def check_achievements(text: str | None, row: int | None = None) -> None:
	"""建设成效 has at most 300 characters (附件2: 300字以内), on the application and on every list's row."""
	if len(text or "") > ACHIEVEMENTS_LIMIT:
		prefix = _("Row {0}: ").format(row) if row else ""
		frappe.throw(
			prefix
			+ _("{0} may have at most {1} characters ({2} given)").format(
				_("Achievements"), ACHIEVEMENTS_LIMIT, len(text)
			),
			title=_("Achievements"),
		)
