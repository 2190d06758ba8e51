"""A citizen's objection from the public 公示 page (guest endpoint).

Real-name, as a 公示 asks: the community (from an open batch), the objection (at most 1,000
characters), the objector's name and phone. Limited by Frappe's rate limiter per IP and per phone,
sized, guarded by a honeypot field, escaped as received, and refused once the period has ended. It
lands on the application as an objection whose source is the public website, dated today; the phone
is kept at permission level 1 (the city's); the city's reviewers of the application get a to-do.
"""

from __future__ import annotations

import re

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import escape_html, getdate, nowdate
from frappe.utils.html_utils import unescape_html
from hqe_app.high_quality_employment.publicity.listing import open_batch_of
from hqe_app.high_quality_employment.workflow.effects import responsible_users
from hqe_app.programme.lifecycle import PUBLICIZED
from hqe_app.programme.objections import CONTENT_LIMIT, NAME_LIMIT, PHONE_PATTERN, PUBLIC
from hqe_app.programme.workflow import CITY

#: How many objections one address, and one phone, may send.
PER_IP, PER_IP_SECONDS = 20, 60 * 60  # an office behind one address may send several
PER_PHONE, PER_PHONE_SECONDS = 3, 24 * 60 * 60


class ObjectionRefused(frappe.ValidationError):
	pass


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=PER_IP, seconds=PER_IP_SECONDS)
@rate_limit(key="phone", limit=PER_PHONE, seconds=PER_PHONE_SECONDS, ip_based=False)
def submit_objection(
	application: str, content: str, objector: str, phone: str, website: str | None = None
) -> dict:
	"""Record one objection; returns what the page confirms (never the application's data)."""
	if website:
		return {"ok": True}  # the honeypot: a form a person fills leaves it empty; a bot is told nothing
	content, objector, phone = clean(content, objector, phone)
	if not open_batch_of(application):
		frappe.throw(
			_(
				"The publication period of this community has ended or it is not published: objections are closed"
			),
			ObjectionRefused,
			title=_("Publication"),
		)
	app = frappe.get_doc("HQE Application", application)
	if app.workflow_state != PUBLICIZED:
		frappe.throw(_("Objections are closed for this community"), ObjectionRefused, title=_("Publication"))
	app.append(
		"objections",
		{
			"objection_date": getdate(nowdate()),
			"source": PUBLIC,
			"objector": objector,
			"phone": phone,
			"content": content,
		},
	)
	app.flags.ignore_permissions = True  # a guest's objection is added by the system, nothing else changes
	app.save()
	notify_city(app)
	return {"ok": True, "community": app.community_name, "date": str(getdate(nowdate()))}


def clean(content: str, objector: str, phone: str) -> tuple[str, str, str]:
	"""The form's fields checked and escaped, or refused naming the field."""
	content, objector, phone = (str(v or "").strip() for v in (content, objector, phone))
	if not content:
		frappe.throw(_("{0} is required").format(_("Objection")), ObjectionRefused)
	if len(content) > CONTENT_LIMIT:
		frappe.throw(
			_("{0} may have at most {1} characters ({2} given)").format(
				_("Objection"), CONTENT_LIMIT, len(content)
			),
			ObjectionRefused,
		)
	if not objector or len(objector) > NAME_LIMIT:
		frappe.throw(
			_("{0}: give your real name (at most {1} characters)").format(_("Objector"), NAME_LIMIT),
			ObjectionRefused,
		)
	if not re.match(PHONE_PATTERN, phone):
		frappe.throw(
			_("{0} must be a mobile number or a landline with its area code").format(_("Objector's Phone")),
			ObjectionRefused,
		)
	return once_escaped(content), once_escaped(objector), phone


def once_escaped(text: str) -> str:
	"""HTML-escaped exactly once, whether or not Frappe already escaped the guest's form values."""
	return escape_html(unescape_html(text))


def notify_city(app) -> None:
	"""A to-do for each city reviewer of the application's city."""
	users = responsible_users(app, CITY)
	for user in users:
		frappe.get_doc(
			{
				"doctype": "ToDo",
				"allocated_to": user,
				"reference_type": app.doctype,
				"reference_name": app.name,
				"description": _("{0}: a public objection to decide").format(app.community_name),
				"priority": "High",
				"assigned_by": "Administrator",
			}
		).insert(ignore_permissions=True)
