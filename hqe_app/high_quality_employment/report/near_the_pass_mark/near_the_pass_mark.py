# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""接近达标: applications below the pass mark by at most a chosen number of points, with their best options.

One `frappe.get_list` (the user's roles and User Permissions on the region tree scope it); the options
are the engine's, stored on the application at its last save (SPEC §12), so no query runs per row.
"""

import frappe
from frappe import _
from frappe.utils import flt
from hqe_app.high_quality_employment.application.gap_view import (
	Translator,
	option_text,
	points_missing,
	stored,
	translator,
)
from hqe_app.high_quality_employment.application.scoring import pass_mark
from hqe_app.high_quality_employment.reporting.queries import (
	application_columns,
	application_filters,
	column,
	state_column,
)
from hqe_app.high_quality_employment.schemes.registry import built
from hqe_app.scoring import get_scheme

DEFAULT_WITHIN = 10.0
BEST = 3  # options shown per application, best first


def execute(filters=None):
	filters = frappe._dict(filters or {})
	mark = pass_mark()
	within = flt(filters.get("within")) if filters.get("within") not in (None, "") else DEFAULT_WITHIN
	rows = frappe.get_list(
		"HQE Application",
		filters=[
			*(
				[k, *v] if isinstance(v, tuple) else [k, "=", v]
				for k, v in application_filters(filters).items()
			),
			["total_score", "<", mark],
			["total_score", ">=", mark - within],
		],
		fields=[
			"name",
			"community_name",
			"county",
			"township",
			"year",
			"scheme",
			"total_score",
			"workflow_state",
			"to_pass_options",
		],
		order_by="total_score desc, community_name asc",
		limit_page_length=0,
	)
	tr = translator()
	for row in rows:
		fill(row, mark, tr)
	columns = [
		*application_columns(),
		column("year", "Year", "Int", 70),
		column("total_score", "Total Score", "Float", 90, precision=1),
		column("points_missing", "Points Missing", "Float", 90, precision=1),
		column("enough_alone", "Single Changes Enough to Pass", "Int", 110),
		column("best_options", "Best Options", "Data", 420),
		state_column(),
	]
	message = _("Pass mark {0}: {1} applications below it by at most {2} points").format(
		mark, len(rows), within
	)
	return columns, rows, message, None, summary(rows, mark, within)


def fill(row: frappe._dict, mark: float, tr: Translator) -> None:
	"""Points missing, how many single changes would carry it over, and the best options in words."""
	scheme = built(row.scheme or None)
	options = stored(row.pop("to_pass_options")) or []
	row.points_missing = points_missing(row.total_score, mark)
	row.enough_alone = sum(1 for o in options if o["gain"] >= row.points_missing)
	row.best_options = "；".join(option_text(o, scheme, tr) for o in options[:BEST])
	row.workflow_state = tr(row.workflow_state) if row.workflow_state else ""
	del row["scheme"]


def summary(rows: list, mark: float, within: float) -> list[dict]:
	passable = sum(1 for r in rows if r.enough_alone)
	return [
		{"label": _("Near the Pass Mark"), "value": len(rows), "datatype": "Int", "indicator": "Orange"},
		{"label": _("One Change Away"), "value": passable, "datatype": "Int", "indicator": "Green"},
		{"label": _("Pass Mark"), "value": mark, "datatype": "Float"},
		{"label": _("Within Points"), "value": within, "datatype": "Float"},
	]
