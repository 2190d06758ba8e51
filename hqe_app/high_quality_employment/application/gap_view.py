"""距离达标 on the desk (SPEC §12): what the engine stored on an application, shown to its readers.

`application_scoring.store_gap` writes the engine's options and flag codes on every save; nothing here
scores or takes a value from the client. The points missing follow from the stored verified total and
the pass mark of the day, as everywhere else in the app (eligible report, certification guard).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache

import frappe
from frappe import _
from frappe.utils import escape_html
from hqe_app.high_quality_employment.application.scoring import pass_mark
from hqe_app.high_quality_employment.schemes.registry import built
from hqe_app.scoring import Scheme, get_scheme
from hqe_app.scoring.display import fmt_points

Translator = Callable[[str], str]


def stored(value: str | list | None) -> list[dict] | None:
	"""A stored JSON list (None when the application was saved before the engine wrote it)."""
	if value is None or value == "":
		return None
	return json.loads(value) if isinstance(value, str) else value


def points_missing(total: float, mark: float) -> float:
	return round(max(0.0, mark - float(total or 0)), 6)


def translator() -> Translator:
	"""`_` remembered for one request: a report of thousands of rows asks for the same few words."""
	return lru_cache(maxsize=None)(_)


def shown(value: object, tr: Translator = _) -> str:
	"""A lever's value as a reader sees it: 是/否, an option's wording, a count as it is."""
	if isinstance(value, bool):
		return tr("Yes") if value else tr("No")
	if isinstance(value, str):
		return tr(value)
	return str(value)


def field_label(scheme: Scheme, field: str, tr: Translator = _) -> str:
	spec = scheme.field_map.get(field)
	return tr(spec.label) if spec else field


def option_text(option: dict, scheme: Scheme, tr: Translator = _) -> str:
	"""One option in a line: 就业人数：2900 → 2940（加2分）."""
	return tr("{0}: {1} → {2} (+{3} points)").format(
		field_label(scheme, option["field"], tr),
		shown(option["from"], tr),
		shown(option["to"], tr),
		fmt_points(option["gain"]),
	)


def flags_shown(codes: list[dict], scheme: Scheme) -> list[dict]:
	"""The stored flags with the field's label and the message in the reader's language."""
	messages = {flag.code: flag.message for flag in scheme.flags}
	return [
		{
			"code": f["code"],
			"field": f["field"],
			"label": field_label(scheme, f["field"]),
			"message": _(messages.get(f["code"], f["code"])),
		}
		for f in codes
	]


def section(doc) -> dict:
	"""The form's 距离达标 section: points missing, the options (best first) and the data flags."""
	scheme = built(doc.get("scheme") or None, doc.get("scheme_version"))
	mark = pass_mark()
	options = stored(doc.get("to_pass_options"))
	flags = flags_shown(stored(doc.get("data_flags")) or [], scheme)
	missing = points_missing(doc.get("total_score"), mark)
	result = {"missing": missing, "pass_mark": mark, "options": options, "flags": flags}
	result["html"] = render(result, scheme)
	return result


def render(result: dict, scheme: Scheme) -> str:
	missing, mark, options = result["missing"], result["pass_mark"], result["options"]
	if options is None:
		return f'<p class="text-muted">{escape_html(_("Save the application to see what it takes to pass."))}</p>'
	status = (
		_("{0} points short of the pass mark {1}").format(fmt_points(missing), fmt_points(mark))
		if missing
		else _("Pass mark {0} reached").format(fmt_points(mark))
	)
	parts = [f'<p class="hqe-gap-status"><b>{escape_html(status)}</b></p>']
	if options:
		head = ("Indicator No.", "Item to Improve", "Now", "Change To", "Points Gained", "")
		parts.append('<table class="table table-bordered table-sm hqe-gap-options"><thead><tr>')
		parts += [f"<th>{escape_html(_(h)) if h else ''}</th>" for h in head]
		parts.append("</tr></thead><tbody>")
		for o in options:
			enough = missing and o["gain"] >= missing
			cells = (
				o["indicator"],
				field_label(scheme, o["field"]),
				shown(o["from"]),
				shown(o["to"]),
				fmt_points(o["gain"]),
				_("Enough on its own") if enough else "",
			)
			parts.append("<tr>" + "".join(f"<td>{escape_html(str(c))}</td>" for c in cells) + "</tr>")
		parts.append("</tbody></table>")
	else:
		parts.append(f"<p>{escape_html(_('No single change adds points'))}</p>")
	if result["flags"]:
		parts.append(f'<p class="hqe-gap-flags-title"><b>{escape_html(_("Data Flags"))}</b></p><ul>')
		parts += [
			f"<li><code>{escape_html(f['code'])}</code> <b>{escape_html(f['label'])}</b> {escape_html(f['message'])}</li>"
			for f in result["flags"]
		]
		parts.append("</ul>")
	return "".join(parts)


@frappe.whitelist()
def gap_section(name: str) -> dict:
	"""The section of one application the user may read (the form asks on every refresh)."""
	doc = frappe.get_doc("HQE Application", name)
	doc.check_permission("read")
	return section(doc)
