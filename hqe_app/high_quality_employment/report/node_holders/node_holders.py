# Copyright (c) 2026, hqe_app developers and contributors
# For license information, please see license.txt
"""节点人员: every node of the user's subtree with the people holding it, the nodes nobody holds, and
(for administrators) the programme's users who hold no node at all.

Nodes come through `frappe.get_list`, so the viewer's own User Permissions scope the report; the
holders are read in one query through the (allow, for_value) index (staff_indexes.py).
"""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from hqe_app.high_quality_employment.reporting.queries import chosen, column
from hqe_app.programme.roles import ADMINISTRATOR, COMMUNITY_NODE, NODE_DOCTYPES, REGION_NODE, ROLES

LEVEL_ORDER = {"City": 0, "County": 1, "Township": 2, "Community": 3, "": 4}
ALL_AT_ONCE = 2000  # above this many nodes, read every holder and keep the visible ones


def execute(filters=None):
	filters = frappe._dict(filters or {})
	nodes = visible_nodes(filters)
	holders = holders_of(nodes)
	rows = []
	for node in nodes:
		people = holders.get((node.node_type, node.node), [])
		if filters.without_people and people:
			continue
		rows.append({**node, "level": _(node.level), "people": len(people), "holders": "，".join(people)})
	without_node = users_without_node() if may_see_users_without_node() else []
	if not filters.level or filters.level == "No Node":
		for user, full_name, role in without_node:
			rows.append(
				{"level": _("No Node"), "people": 1, "holders": f"{full_name} <{user}>", "roles": _(role)}
			)
	empty = sum(1 for n in nodes if not holders.get((n.node_type, n.node)))
	summary = [
		{"label": _("Nodes"), "value": len(nodes), "datatype": "Int"},
		{"label": _("Nodes without People"), "value": empty, "datatype": "Int", "indicator": "Red"},
		{
			"label": _("Users without a Node"),
			"value": len(without_node),
			"datatype": "Int",
			"indicator": "Orange",
		},
	]
	return columns(), rows, None, None, summary


def columns() -> list[dict]:
	return [
		column("level", "Level", "Data", 90),
		column("node_type", "Node Type", "Data", 10, hidden=1),
		column("node", "Node", "Dynamic Link", 200, options="node_type"),
		column("county", "County", "Link", 110, options="HQE Region"),
		column("township", "Township", "Link", 120, options="HQE Region"),
		column("people", "People", "Int", 70),
		column("holders", "Holders", "Data", 360),
		column("roles", "Roles", "Data", 120),
	]


def visible_nodes(filters) -> list[frappe._dict]:
	"""The viewer's nodes, top level first, filtered by level, county and township."""
	regions = frappe.get_list(
		REGION_NODE,
		fields=["name", "region_level", "parent_hqe_region", "lft", "rgt"],
		order_by="lft asc",
		limit_page_length=0,
	)
	by_name = {r.name: r for r in regions}
	county_of = {r.name: r.name for r in regions if r.region_level == "County"}
	for r in regions:
		if r.region_level == "Township":
			county_of[r.name] = r.parent_hqe_region
	nodes = []
	for r in regions:
		nodes.append(
			frappe._dict(
				node_type=REGION_NODE,
				node=r.name,
				level=r.region_level,
				county=county_of.get(r.name),
				township=r.name if r.region_level == "Township" else None,
			)
		)
	community_filters = {"disabled": 0, **chosen(filters)}
	for c in frappe.get_list(
		COMMUNITY_NODE,
		filters=community_filters,
		fields=["name", "township", "county"],
		order_by="county asc, township asc, name asc",
		limit_page_length=0,
	):
		nodes.append(
			frappe._dict(
				node_type=COMMUNITY_NODE, node=c.name, level="Community", county=c.county, township=c.township
			)
		)

	def wanted(n) -> bool:
		if filters.level and n.level != filters.level:
			return False
		if filters.township:
			return n.township == filters.township
		if filters.county:
			return n.county == filters.county
		return True

	nodes = [n for n in nodes if wanted(n)]
	order = {name: r.lft for name, r in by_name.items()}
	nodes.sort(key=lambda n: (LEVEL_ORDER[n.level], order.get(n.county, 0), order.get(n.township, 0), n.node))
	return nodes


def holders_of(nodes: list[frappe._dict]) -> dict[tuple[str, str], list[str]]:
	"""(node type, node) → "name <e-mail>" of each enabled user holding it, in one query."""
	permission = frappe.qb.DocType("User Permission")
	user = frappe.qb.DocType("User")
	query = (
		frappe.qb.from_(permission)
		.join(user)
		.on((user.name == permission.user) & (user.enabled == 1))
		.where(permission.allow.isin(NODE_DOCTYPES))
		.select(permission.allow, permission.for_value, permission.user, user.full_name)
		.orderby(permission.user)
	)
	if len(nodes) <= ALL_AT_ONCE:
		query = query.where(permission.for_value.isin([n.node for n in nodes] or [""]))
	found = defaultdict(list)
	for allow, value, email, full_name in query.run():
		found[(allow, value)].append(f"{full_name or email} <{email}>")
	return found


def may_see_users_without_node() -> bool:
	roles = frappe.get_roles()
	return ADMINISTRATOR in roles or "System Manager" in roles


def users_without_node() -> list[tuple[str, str, str]]:
	"""(user, full name, programme role) of enabled users holding a programme role but no node."""
	has_role = frappe.qb.DocType("Has Role")
	user = frappe.qb.DocType("User")
	permission = frappe.qb.DocType("User Permission")
	rows = (
		frappe.qb.from_(has_role)
		.join(user)
		.on((user.name == has_role.parent) & (user.enabled == 1))
		.left_join(permission)
		.on((permission.user == user.name) & permission.allow.isin(NODE_DOCTYPES))
		.where((has_role.parenttype == "User") & has_role.role.isin(ROLES) & permission.name.isnull())
		.where(user.name.notin(("Administrator", "Guest")))
		.select(user.name, user.full_name, has_role.role)
		.orderby(user.name)
		.run()
	)
	first: dict[str, tuple[str, str, str]] = {}
	for name, full_name, role in rows:
		first.setdefault(name, (name, full_name or name, role))
	return list(first.values())
