"""A community's applications of every year side by side, and its counts that moved by more than half.

Year over year (SPEC §12): a count of the indicator data (SPEC §4, as the community reported it) is
flagged when the application of the year before holds it as `old` > 0 and this year's `new` satisfies
|new − old| > old / 2 (compared exactly, as 2·|new − old| > old). A count that was 0 the year before
has no half to exceed and is never flagged; a year without an application of the year before is not
compared (a gap of two years is not "the previous year"). Cancelled applications are left out.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import escape_html
from hqe_app.high_quality_employment.application.scoring import pass_mark
from hqe_app.scoring import Scheme, get_scheme
from hqe_app.scoring.display import fmt_points


def count_fields(scheme: Scheme) -> list[str]:
	"""The counts of the indicator data (SPEC §4), in the scheme's order."""
	return [f.name for f in scheme.fields if f.kind == "count" and f.section == "quantitative"]


def changed_by_more_than_half(old: int, new: int) -> bool:
	return old > 0 and 2 * abs(new - old) > old


def changes(applications: list[dict], fields: list[str]) -> list[dict]:
	"""Counts that moved by more than half from the year before, for every year that has one."""
	by_year = {a["year"]: a for a in applications}
	found = []
	for a in applications:
		before = by_year.get(a["year"] - 1)
		if before is None:
			continue
		for field in fields:
			old, new = int(before[field] or 0), int(a[field] or 0)
			if changed_by_more_than_half(old, new):
				found.append({"year": a["year"], "field": field, "old": old, "new": new})
	return found


def history(community: str) -> dict:
	"""Years, each indicator's points per year, base/bonus/total, the charts' data and the flagged changes.

	Two queries: the applications the user may read (User Permissions apply), then their indicator rows.
	"""
	scheme = get_scheme()
	fields = count_fields(scheme)
	applications = frappe.get_list(
		"HQE Application",
		filters={"community": community, "docstatus": ("<", 2)},
		fields=["name", "year", "workflow_state", "base_score", "bonus_score", "total_score", *fields],
		order_by="year asc",
		limit_page_length=0,
	)
	results = frappe.get_all(
		"HQE Indicator Result",
		filters={
			"parenttype": "HQE Application",
			"parentfield": "indicator_results",
			"parent": ("in", [a.name for a in applications] or [""]),
		},
		fields=["parent", "indicator_code", "indicator_name", "max_points", "points"],
		order_by="idx asc",
	)
	column = {a.name: i for i, a in enumerate(applications)}
	rows: dict[str, dict] = {}
	for r in results:
		row = rows.setdefault(
			r.indicator_code,
			{
				"code": r.indicator_code,
				"name": r.indicator_name,
				"max_points": r.max_points,
				"points": [None] * len(applications),
			},
		)
		row["points"][column[r.parent]] = r.points
	labels = {f.name: _(f.label) for f in scheme.fields}
	found = [{**c, "label": labels[c["field"]]} for c in changes(applications, fields)]
	data = {
		"years": [a.year for a in applications],
		"applications": [
			{"name": a.name, "year": a.year, "workflow_state": a.workflow_state} for a in applications
		],
		"indicators": list(rows.values()),
		"base": [a.base_score for a in applications],
		"bonus": [a.bonus_score for a in applications],
		"total": [a.total_score for a in applications],
		"changes": found,
		"pass_mark": pass_mark(),
	}
	data["html"] = render(data)
	return data


def render(data: dict) -> str:
	if not data["years"]:
		return f'<p class="text-muted">{escape_html(_("No applications yet"))}</p>'
	cell = lambda v: "" if v is None else escape_html(fmt_points(v))  # noqa: E731
	head = "".join(
		f'<th class="text-right"><a href="/app/hqe-application/{escape_html(a["name"])}">{a["year"]}</a></th>'
		for a in data["applications"]
	)
	parts = [
		'<table class="table table-bordered table-sm hqe-history">',
		f"<thead><tr><th>{escape_html(_('Indicator No.'))}</th><th>{escape_html(_('Scoring Item'))}</th>"
		f"<th>{escape_html(_('Max Points'))}</th>{head}</tr></thead><tbody>",
	]
	for row in data["indicators"]:
		points = "".join(f'<td class="text-right">{cell(p)}</td>' for p in row["points"])
		parts.append(
			f"<tr><td>{escape_html(row['code'])}</td><td>{escape_html(row['name'])}</td>"
			f"<td>{cell(row['max_points'])}</td>{points}</tr>"
		)
	for key, label in (("base", "Base Score"), ("bonus", "Bonus Score"), ("total", "Total Score")):
		values = "".join(f'<td class="text-right"><b>{cell(v)}</b></td>' for v in data[key])
		parts.append(f'<tr><td></td><td colspan="2"><b>{escape_html(_(label))}</b></td>{values}</tr>')
	states = "".join(
		f'<td class="text-right">{escape_html(_(a["workflow_state"] or ""))}</td>'
		for a in data["applications"]
	)
	parts.append(f'<tr><td></td><td colspan="2">{escape_html(_("Workflow State"))}</td>{states}</tr>')
	parts.append("</tbody></table>")
	parts.append('<div class="hqe-history-chart"></div>')
	parts.append(changes_html(data["changes"]))
	return "".join(parts)


def changes_html(found: list[dict]) -> str:
	title = escape_html(_("Counts Changed by More than Half from the Previous Year"))
	if not found:
		none = escape_html(_("No count changed by more than half from the previous year"))
		return f'<p class="hqe-history-changes"><b>{title}</b> {none}</p>'
	head = "".join(
		f"<th>{escape_html(_(h))}</th>"
		for h in ("Year", "Data Item", "Previous Year", "This Year", "Change from the Previous Year")
	)
	rows = "".join(
		f"<tr><td>{c['year']}</td><td>{escape_html(c['label'])}</td><td>{c['old']}</td><td>{c['new']}</td>"
		f"<td>{(c['new'] - c['old']) * 100 / c['old']:+.1f}%</td></tr>"
		for c in found
	)
	return (
		f'<p class="hqe-history-changes"><b>{title}</b></p>'
		f'<table class="table table-bordered table-sm hqe-history-changes">'
		f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
	)


@frappe.whitelist()
def community_history(community: str) -> dict:
	"""The community form's 历年申报 section, for a user who may read the community."""
	frappe.has_permission("HQE Community", "read", community, throw=True)
	return history(community)
