"""What a workflow action leaves behind: the level's review, the timeline, the award, assignments."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.desk.form import assign_to
from hqe_app.lifecycle import CITY_CERTIFIED, CITY_REJECTED, COUNTY_REJECTED

from .definition import APPROVE, CERTIFY, CONSENT, REJECT, RETURN, STATES, Transition

#: Actions that are a level's decision, recorded in that level's review.
DECISIONS = {CONSENT: "Approve", CERTIFY: "Approve", APPROVE: "Approve", RETURN: "Return", REJECT: "Reject"}
EDITOR = {s.name: s.editor for s in STATES}
FINAL = (CITY_CERTIFIED, COUNTY_REJECTED, CITY_REJECTED)


def after_transition(doc, t: Transition, reason: str | None) -> None:
	record_review(doc, t, reason)
	doc.add_comment(
		"Info",
		_("{0}: {1} → {2}").format(_(t.action), _(t.state), _(t.next_state))
		+ (f" — {_('Reason')}: {reason}" if reason else ""),
	)
	if t.next_state == CITY_CERTIFIED:
		create_award(doc)
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


def create_award(doc) -> None:
	if frappe.db.exists("HQE Award", {"application": doc.name}):
		return
	award = frappe.get_doc({"doctype": "HQE Award", "application": doc.name, "status": "Pending"})
	award.flags.ignore_permissions = True
	award.insert()


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
	"""Enabled users with `role` whose node covers the application (or who have no node, city-wide)."""
	return Responsible().users(doc, role)


class Responsible:
	"""Who must act on applications: a few queries per role and per township, not per application."""

	def __init__(self) -> None:
		self._roles: dict[str, tuple[list[str], list]] = {}
		self._covering: dict[str, set[str]] = {}

	def users(self, doc, role: str) -> list[str]:
		enabled, permissions = self._holders(role)
		covering = self._regions_covering(doc.township)
		scoped: dict[str, bool] = {}
		for p in permissions:
			fits = p.for_value in covering if p.allow == "HQE Region" else p.for_value == doc.community
			scoped[p.user] = scoped.get(p.user, False) or fits
		return [u for u in enabled if scoped.get(u, True)]

	def _holders(self, role: str) -> tuple[list[str], list]:
		"""Enabled users with the role, and their User Permissions on regions and communities."""
		if role not in self._roles:
			users = frappe.get_all(
				"Has Role", filters={"role": role, "parenttype": "User"}, pluck="parent", distinct=True
			)
			users = [u for u in users if u not in ("Administrator", "Guest")]
			enabled = sorted(
				frappe.get_all("User", filters={"name": ("in", users or [""]), "enabled": 1}, pluck="name")
			)
			permissions = frappe.get_all(
				"User Permission",
				filters={"user": ("in", enabled or [""]), "allow": ("in", ("HQE Region", "HQE Community"))},
				fields=["user", "allow", "for_value"],
			)
			self._roles[role] = (enabled, permissions)
		return self._roles[role]

	def _regions_covering(self, township: str) -> set[str]:
		"""The township and every region above it."""
		if township not in self._covering:
			node = frappe.db.get_value("HQE Region", township, ["lft", "rgt"], as_dict=True)
			self._covering[township] = set(
				frappe.get_all(
					"HQE Region", filters={"lft": ("<=", node.lft), "rgt": (">=", node.rgt)}, pluck="name"
				)
			)
		return self._covering[township]
