"""What a workflow action leaves behind: the level's review, the timeline, the award, assignments."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.desk.form import assign_to
from hqe_app.programme.lifecycle import CITY_CERTIFIED, CITY_REJECTED, COUNTY_REJECTED
from hqe_app.programme.workflow import APPROVE, CERTIFY, CONSENT, EDITOR, REJECT, RETURN, Transition

from .county_awards import create_awards
from .guards import taken_transition
from .history import log_transition

#: Actions that are a level's decision, recorded in that level's review.
DECISIONS = {CONSENT: "Approve", CERTIFY: "Approve", APPROVE: "Approve", RETURN: "Return", REJECT: "Reject"}
FINAL = (CITY_CERTIFIED, COUNTY_REJECTED, CITY_REJECTED)


def apply_effects(doc) -> None:
	"""After a save that moved the application (on_update / on_update_after_submit): its effects, once."""
	taken = taken_transition(doc)
	if taken:
		after_transition(doc, *taken)


def after_transition(doc, t: Transition, reason: str | None) -> None:
	record_review(doc, t, reason)
	doc.add_comment(
		"Info",
		_("{0}: {1} → {2}").format(_(t.action), _(t.state), _(t.next_state))
		+ (f" — {_('Reason')}: {reason}" if reason else ""),
	)
	create_awards(doc, t)
	log_transition(doc, t, reason)
	assign_next(doc, t)


def record_review(doc, t: Transition, reason: str | None) -> None:
	decision = DECISIONS.get(t.action)
	if not decision or t.level not in ("Township", "County", "City"):
		return
	name = frappe.db.get_value("HQE Review", {"application": doc.name, "review_level": t.level})
	review = frappe.get_doc("HQE Review", name) if name else frappe.new_doc("HQE Review")
	review.update(
		{
			"application": doc.name,
			"review_level": t.level,
			"decision": decision,
			"reviewer": frappe.session.user,
			"review_date": frappe.utils.nowdate(),
		}
	)
	if reason:
		review.opinion = reason
	elif not review.opinion:
		review.opinion = _("Agreed")
	review.flags.ignore_permissions = True  # the action itself passed the role and subtree checks
	review.save()


def assign_next(doc, t: Transition) -> None:
	"""Close the previous level's assignment and assign the users who must act next."""
	assign_to.clear(doc.doctype, doc.name, ignore_permissions=True)
	if t.next_state in FINAL:
		return
	users = responsible_users(doc, EDITOR[t.next_state])
	if users:
		assign_to.add(
			{
				"assign_to": users,
				"doctype": doc.doctype,
				"name": doc.name,
				"description": _("{0}: {1} is waiting for you").format(doc.community_name, _(t.next_state)),
			},
			ignore_permissions=True,
		)


def responsible_users(doc, role: str) -> list[str]:
	"""Enabled users holding `role` whose node covers the document's community, in one query.

	A node is a User Permission on a region at or above the community's township, or on the
	community itself; a user without one is responsible for nothing (SPEC §2: every user has a node).
	The query starts from those few nodes (the township's ancestors and the community) and reaches
	their holders through the index on (allow, for_value) (staff_indexes.py): its cost is that of
	the node's own people, never of the site's users.
	"""
	permission = frappe.qb.DocType("User Permission")
	township = frappe.qb.DocType("HQE Region").as_("township")
	node = frappe.qb.DocType("HQE Region").as_("node")
	on_regions = _holders(
		frappe.qb.from_(township)
		.join(node)
		.on((node.lft <= township.lft) & (node.rgt >= township.rgt))
		.join(permission)
		.on((permission.allow == "HQE Region") & (permission.for_value == node.name))
		.where(township.name == doc.township),
		permission,
		role,
	)
	on_community = _holders(
		frappe.qb.from_(permission).where(
			(permission.allow == "HQE Community") & (permission.for_value == doc.community)
		),
		permission,
		role,
	)
	return sorted({row[0] for row in (on_regions + on_community).run()})


def _holders(query, permission, role: str):
	"""The enabled holders of `role` among the User Permissions `query` reaches."""
	has_role = frappe.qb.DocType("Has Role")
	user = frappe.qb.DocType("User")
	return (
		query.join(has_role)
		.on((has_role.parent == permission.user) & (has_role.parenttype == "User") & (has_role.role == role))
		.join(user)
		.on((user.name == permission.user) & (user.enabled == 1))
		.where(permission.user.notin(("Administrator", "Guest")))
		.select(permission.user)
	)


class Responsible:
	"""Who must act on many applications (the daily reminder): one query per role and node."""

	def __init__(self) -> None:
		self._users: dict[tuple[str, str, str], list[str]] = {}

	def users(self, doc, role: str) -> list[str]:
		key = (role, doc.township, doc.community)
		if key not in self._users:
			self._users[key] = responsible_users(doc, role)
		return self._users[key]
