# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: no node, no access; a city node is its city; an action costs what its node's people cost.

A user holding a programme role but no User Permission on the region tree reads nothing (ORM and REST)
and is assigned nothing; a city reviewer with the city node reads its city and not another city on the
same site; Submit, Consent and Certify run the same number of queries before and after 1,000 unrelated
users are added.
"""

import contextlib
import json

import frappe
from frappe.desk.query_report import run as run_report
from frappe.model.workflow import apply_workflow
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from hqe_app.high_quality_employment.people import permissions
from hqe_app.high_quality_employment.testing import (
	CITY,
	add_scenery_users,
	api_credentials,
	delete_applications,
	delete_users,
	ensure_community,
	ensure_region,
	make_application,
	make_staff,
	remove_users_like,
)

YEAR = 2094  # this module's own year
OTHER_CITY, OTHER_COUNTY, OTHER_TOWNSHIP = "丽水市", "莲都区", "紫金街道"
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}
UNRELATED = "hqe-unrelated-"
COUNTY, TOWNSHIP = "节点测试县", "节点测试街道"  # this test's own: nobody else holds them


@contextlib.contextmanager
def counted_queries():
	"""Every statement frappe.db.sql runs inside the block (instrumentation, nothing replaced)."""
	statements: list[str] = []
	real = frappe.db.sql

	def counting(query, *args, **kwargs):
		statements.append(str(query))
		return real(query, *args, **kwargs)

	frappe.db.sql = counting
	try:
		yield statements
	finally:
		del frappe.db.sql  # the instance attribute; the class's method is back


class TestNoNodeNoAccess(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		ensure_region(OTHER_CITY, "City")
		ensure_region(OTHER_COUNTY, "County", OTHER_CITY)
		ensure_region(OTHER_TOWNSHIP, "Township", OTHER_COUNTY)
		ensure_region(COUNTY, "County", CITY)
		ensure_region(TOWNSHIP, "Township", COUNTY)
		cls.communities = [ensure_community(TOWNSHIP, f"节点测试{i}村") for i in range(5)]
		cls.lishui = ensure_community(OTHER_TOWNSHIP, "节点丽水村")
		remove_users_like(UNRELATED)
		cls.cleanup()
		cls.apps = [make_application(c, year=YEAR, seed=3, **STRONG).name for c in cls.communities]
		cls.lishui_app = make_application(cls.lishui, year=YEAR, seed=3, **STRONG).name
		cls.villages = [
			make_staff(f"hqe-node-village{i}@example.com", "HQE Community Level", ("HQE Community", c))
			for i, c in enumerate(cls.communities)
		]
		cls.township = make_staff(
			"hqe-node-township@example.com", "HQE Township Level", ("HQE Region", TOWNSHIP)
		)
		cls.county = make_staff("hqe-node-county@example.com", "HQE County Level", ("HQE Region", COUNTY))
		cls.city = make_staff("hqe-node-city@example.com", "HQE City Level", ("HQE Region", CITY))
		cls.other_city = make_staff(
			"hqe-node-city-ls@example.com", "HQE City Level", ("HQE Region", OTHER_CITY)
		)
		cls.nodeless = make_staff("hqe-node-nodeless@example.com", "HQE County Level")
		cls.nodeless_city = make_staff("hqe-node-nodeless-city@example.com", "HQE City Level")
		cls.token = api_credentials(cls.nodeless)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		cls.cleanup()
		remove_users_like(UNRELATED)
		delete_users(frappe.get_all("User", filters={"name": ("like", "hqe-node-%")}, pluck="name"))
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def cleanup(cls):
		for community in (*cls.communities, cls.lishui):
			delete_applications(community)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def act(self, user, name, action):
		frappe.set_user(user)
		try:
			apply_workflow(frappe.get_doc("HQE Application", name), action)
		finally:
			frappe.set_user("Administrator")

	def assigned(self, name):
		return sorted(
			frappe.get_all(
				"ToDo",
				filters={"reference_type": "HQE Application", "reference_name": name, "status": "Open"},
				pluck="allocated_to",
			)
		)

	def visible(self, user, doctype="HQE Application", **filters):
		frappe.set_user(user)
		try:
			return set(frappe.get_list(doctype, filters=filters, pluck="name"))
		finally:
			frappe.set_user("Administrator")

	# --- no node, no access ---------------------------------------------------------------------------

	def test_a_role_without_a_node_reads_nothing(self):
		for user in (self.nodeless, self.nodeless_city):
			with self.subTest(user):
				self.assertEqual(self.visible(user, year=YEAR), set())
				self.assertEqual(self.visible(user, "HQE Community"), set())
				self.assertEqual(self.visible(user, "HQE Region"), set())
				self.assertEqual(self.visible(user, "HQE Review"), set())
				self.assertFalse(frappe.has_permission("HQE Application", "read", self.apps[0], user=user))
				self.assertFalse(frappe.has_permission("HQE Region", "read", CITY, user=user))
		# the same role with a node reads its subtree (positive control)
		self.assertEqual(self.visible(self.county, year=YEAR), set(self.apps))
		self.assertTrue(frappe.has_permission("HQE Application", "read", self.apps[0], user=self.county))

	def test_a_role_without_a_node_reads_nothing_over_rest(self):
		client = get_test_client()
		headers = {"Authorization": self.token}
		response = make_request(
			target=client.get,
			args=("/api/resource/HQE Application",),
			kwargs={"headers": headers, "query_string": {"filters": json.dumps({"year": YEAR})}},
		)
		self.assertEqual((response.status_code, response.json["data"]), (200, []))
		response = make_request(
			target=client.get,
			args=(f"/api/resource/HQE Application/{self.apps[0]}",),
			kwargs={"headers": headers},
		)
		self.assertEqual(response.status_code, 403)
		response = make_request(
			target=client.get, args=("/api/resource/HQE Settings/HQE Settings",), kwargs={"headers": headers}
		)
		self.assertEqual(response.status_code, 403)

	def test_the_desk_tells_the_user_and_the_report_tells_the_administrator(self):
		self.assertTrue(permissions.is_without_node(self.nodeless))
		self.assertFalse(permissions.is_without_node(self.county))
		self.assertFalse(permissions.is_without_node("Administrator"))
		boot = frappe._dict()
		frappe.set_user(self.nodeless)
		permissions.boot_session(boot)
		frappe.set_user(self.county)
		told_county = frappe._dict()
		permissions.boot_session(told_county)
		frappe.set_user("Administrator")
		self.assertIn("no node of the region tree", boot.hqe_without_node)
		self.assertNotIn("hqe_without_node", told_county)
		report = run_report("Node Holders", filters={"level": "No Node"}, ignore_prepared_report=True)
		listed = {row["holders"] for row in report["result"]}
		self.assertIn(f"hqe-node-nodeless <{self.nodeless}>", listed)
		self.assertIn(f"hqe-node-nodeless-city <{self.nodeless_city}>", listed)
		self.assertFalse([h for h in listed if self.county in h])

	def test_a_role_without_a_node_is_assigned_nothing(self):
		name = self.apps[0]
		self.act(self.villages[0], name, "Submit")
		self.assertEqual(self.assigned(name), [self.township])
		self.act(self.township, name, "Consent")
		self.assertEqual(self.assigned(name), [self.county])  # not the county assessor without a node
		self.assertEqual(frappe.db.count("ToDo", {"allocated_to": self.nodeless}), 0)

	# --- the city node ------------------------------------------------------------------------------

	def test_a_city_node_is_its_city_only(self):
		self.assertEqual(self.visible(self.city, year=YEAR), set(self.apps))
		self.assertEqual(self.visible(self.other_city, year=YEAR), {self.lishui_app})
		self.assertNotIn(OTHER_CITY, self.visible(self.city, "HQE Region"))
		self.assertFalse(frappe.has_permission("HQE Application", "read", self.lishui_app, user=self.city))

	# --- cost independent of the staff ----------------------------------------------------------------

	def test_an_actions_queries_do_not_change_with_1000_unrelated_users(self):
		def run(i: int) -> dict[str, int]:
			counts = {}
			for user, action in (
				(self.villages[i], "Submit"),
				(self.township, "Consent"),
				(self.county, "Certify"),
			):
				with counted_queries() as statements:
					self.act(user, self.apps[i], action)
				counts[action] = len(statements)
			return counts

		run(1)  # warm the caches the first action of each user fills
		before = run(2)
		add_scenery_users(1000, UNRELATED, (OTHER_CITY, OTHER_COUNTY, OTHER_TOWNSHIP, "黄岩区", None))
		self.assertEqual(frappe.db.count("User", {"name": ("like", UNRELATED + "%")}), 1000)
		after = run(3)
		self.assertEqual(after, before)
		self.assertEqual(self.assigned(self.apps[3]), [self.county])  # Certify: the county recommends next
