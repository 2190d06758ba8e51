"""The server's check of programme/authority.py on every save of a governed DocType.

Runs first in `validate` (before scoring and the workflow's own check), on the values as converted by
`input_checks`. A save made by server code on purpose (`ignore_permissions`) or by Administrator is
not a user's write and is not checked here.
"""

from __future__ import annotations

import datetime

import frappe
from frappe import _
from frappe.model import default_fields
from hqe_app.high_quality_employment.people.permissions import in_subtree
from hqe_app.programme.authority import (
	APPLICATION,
	COMMUNITY_DOCTYPE,
	RECOMPUTED,
	REVIEW,
	REVIEW_ROLE,
	REVIEW_STATES,
	grants_for,
)
from hqe_app.programme.lifecycle import DRAFT

#: The state moves by transitions, which the workflow's own check governs (guards.check_save); the
#: fields a transition sets (reason, publication dates) are set after this check, by the system.
WORKFLOW_FIELDS = frozenset({"workflow_state"})
NO_VALUE_TYPES = frozenset({"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Heading"})


class FieldAuthorityError(frappe.ValidationError):
	pass


def is_users_write(doc) -> bool:
	return not doc.flags.ignore_permissions and frappe.session.user != "Administrator"


def check_field_authority(doc, state: str | None) -> None:
	"""Refuse a user's change of any field the table does not grant them in `state`; ignore recomputed."""
	if not is_users_write(doc):
		return
	before = doc.get_doc_before_save()
	roles = set(frappe.get_roles())
	refused = []
	for df in doc.meta.fields:
		if df.fieldtype in NO_VALUE_TYPES or df.fieldname in default_fields:
			continue
		if doc.doctype == APPLICATION and df.fieldname in WORKFLOW_FIELDS:
			continue
		old = before.get(df.fieldname) if before else None
		new = doc.get(df.fieldname)
		if same(df, old, new):
			continue
		if df.fieldname in RECOMPUTED.get(doc.doctype, ()):
			if before is not None and not df.fetch_from:
				doc.set(df.fieldname, old)  # what the client sent is ignored; this save derives it again
			continue
		grants = grants_for(doc.doctype, df.fieldname, roles, state)
		if doc.is_new() and not grants and is_creation_field(doc, df):
			continue
		if not grants or not all(rows_allowed(g, df, old, new) for g in grants if g.rows == "append"):
			refused.append(_(df.label))
	if refused:
		frappe.throw(
			_("You may not change {0} of this {1} in state {2}").format(
				", ".join(refused), _(doc.doctype), _(state or DRAFT)
			),
			FieldAuthorityError,
			title=_("Not Permitted"),
		)


def is_creation_field(doc, df) -> bool:
	"""On insert, the creator (whose create permission Frappe checked) writes the record's own data."""
	if doc.doctype == APPLICATION:
		from hqe_app.programme.authority import COMMUNITY_DATA

		return df.fieldname in COMMUNITY_DATA or df.fieldname == "action_reason"
	if doc.doctype == REVIEW:
		return False  # a review's fields are its level's, checked as for an update
	if doc.doctype == COMMUNITY_DOCTYPE:
		# a new community is placed in the creator's subtree (check_links_in_subtree) and starts in use
		return df.fieldname != "disabled"
	return True


def rows_allowed(grant, df, old, new) -> bool:
	"""An append-only table: every recorded row kept, only `grant.columns` of them changed."""
	if df.fieldtype not in ("Table", "Table MultiSelect"):
		return True
	child = frappe.get_meta(df.options)
	new_rows = {row.name: row for row in (new or []) if row.name}
	for row in old or []:
		kept = new_rows.get(row.name)
		if kept is None:
			return False
		for field in child.fields:
			if field.fieldname in grant.columns or field.fieldtype in NO_VALUE_TYPES:
				continue
			if not same(field, row.get(field.fieldname), kept.get(field.fieldname)):
				return False
	return True


def same(df, old, new) -> bool:
	if df.fieldtype in ("Table", "Table MultiSelect"):
		return table_rows(df, old) == table_rows(df, new)
	return normal(df.fieldtype, old) == normal(df.fieldtype, new)


def table_rows(df, rows) -> list[tuple]:
	child = frappe.get_meta(df.options)
	fields = [f for f in child.fields if f.fieldtype not in NO_VALUE_TYPES]
	return [tuple(normal(f.fieldtype, row.get(f.fieldname)) for f in fields) for row in rows or []]


def normal(fieldtype: str, value):
	if fieldtype in ("Int", "Check", "Float", "Currency", "Percent"):
		try:
			return round(float(value or 0), 9)
		except (TypeError, ValueError):
			return value
	if value in (None, ""):
		return None
	if isinstance(value, datetime.datetime | datetime.date):
		return value.isoformat()[:10] if fieldtype == "Date" else value.isoformat()
	return str(value) if not isinstance(value, str) else value


def check_review_level(review, application_state: str | None) -> None:
	"""A review's level is its author's, and is written while the application is at that level."""
	if not is_users_write(review):
		return
	roles = set(frappe.get_roles())
	level = review.review_level
	before = review.get_doc_before_save()
	if before and before.review_level != level:
		frappe.throw(_("The level of a review cannot be changed"), FieldAuthorityError)
	if REVIEW_ROLE.get(level) not in roles:
		frappe.throw(
			_("A {0} review is written by a reviewer of that level").format(_(level)),
			FieldAuthorityError,
			title=_("Not Permitted"),
		)
	if application_state not in REVIEW_STATES.get(level, ()):
		frappe.throw(
			_("A {0} review is written while the application waits for that level, not in state {1}").format(
				_(level), _(application_state or DRAFT)
			),
			FieldAuthorityError,
			title=_("Not Permitted"),
		)


#: The nodes of the region tree and the programme's records a link may point at: a user's write may
#: only point inside the user's own subtree (Frappe checks User Permissions on a link only when the
#: linked DocType is itself permission-scoped, and not at all for a value fetched after the check).
SCOPED_LINKS = frozenset({"HQE Region", "HQE Community", "HQE Application"})


def check_links_in_subtree(doc, method: str | None = None) -> None:
	"""doc_events `validate` of every programme DocType: each scoped link a user's write sets or changes,
	the rows' included, names a record inside the user's subtree."""
	if not is_users_write(doc):
		return
	checked: set[tuple[str, str]] = set()
	before = doc.get_doc_before_save()
	kept = {(d.doctype, d.name): d for d in ((before, *before.get_all_children()) if before else ())}
	for row in (doc, *doc.get_all_children()):
		old = kept.get((row.doctype, row.name))
		for df in row.meta.get_link_fields():
			value = row.get(df.fieldname)
			if df.options not in SCOPED_LINKS or df.fetch_from or df.read_only or not value:
				continue  # a fetched or read-only link follows the one it derives from
			if old is not None and old.get(df.fieldname) == value:
				continue  # not written by this save
			if (df.options, value) in checked:
				continue
			checked.add((df.options, value))
			if not in_subtree(df.options, value):
				frappe.throw(
					_("{0} {1} is outside your region").format(_(df.label), value),
					frappe.PermissionError,
					title=_("Not Permitted"),
				)
