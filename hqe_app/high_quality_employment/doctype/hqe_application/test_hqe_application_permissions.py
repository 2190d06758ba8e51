# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: users see and act only inside their subtree, by Frappe's User Permissions on the region
tree (and on the community for village officers): ORM, frappe.get_list and the REST API.

The REST calls go through Frappe's WSGI application with each user's API token, on their own
database connection, so this class commits its data and removes it afterwards.
"""

import json

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from hqe_app.high_quality_employment.testing import (
	CITY,
	api_credentials,
	delete_applications,
	ensure_community,
	ensure_user,
	make_application,
)

YEAR = 2050
USERS = {
	"county_jj": ("hqe-county-jj@example.com", "county", "椒江区", None),
	"county_hy": ("hqe-county-hy@example.com", "county", "黄岩区", None),
	"township_hm": ("hqe-township-hm@example.com", "township", "海门街道", None),
	"city": ("hqe-city@example.com", "city", CITY, None),
}


class TestApplicationPermissions(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.communities = {
			"jj_haimen": ensure_community("海门街道", "权限一村"),
			"jj_baiyun": ensure_community("白云街道", "权限二村"),
			"hy_dongcheng": ensure_community("东城街道", "权限三村"),
		}
		for community in cls.communities.values():
			delete_applications(community)
		cls.apps = {key: make_application(c, year=YEAR).name for key, c in cls.communities.items()}
		cls.users = {
			key: ensure_user(email, level, region) for key, (email, level, region, _) in USERS.items()
		}
		cls.users["village"] = ensure_user(
			"hqe-village-jj@example.com", "community", community=cls.communities["jj_haimen"]
		)
		cls.tokens = {key: api_credentials(email) for key, email in cls.users.items()}
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for community in cls.communities.values():
			delete_applications(community)
		frappe.db.commit()
		super().tearDownClass()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()  # release row locks a refused save took, before the next REST call

	def visible(self, user_key: str) -> set[str]:
		frappe.set_user(self.users[user_key])
		names = set(frappe.get_list("HQE Application", filters={"year": YEAR}, pluck="name"))
		frappe.set_user("Administrator")
		return names

	def rest(self, method: str, user_key: str, name: str = "", data: dict | None = None):
		client = get_test_client()
		path = "/api/resource/HQE Application" + (f"/{name}" if name else "")
		kwargs = {"headers": {"Authorization": self.tokens[user_key]}}
		if method == "get" and not name:
			kwargs["query_string"] = {"filters": json.dumps({"year": YEAR}), "limit_page_length": 0}
		if data is not None:
			kwargs["json"] = data
		return make_request(target=getattr(client, method), args=(path,), kwargs=kwargs)

	# --- lists -----------------------------------------------------------------------------------

	def test_county_lists_only_its_county(self):
		self.assertEqual(self.visible("county_jj"), {self.apps["jj_haimen"], self.apps["jj_baiyun"]})
		self.assertEqual(self.visible("county_hy"), {self.apps["hy_dongcheng"]})

	def test_township_lists_only_its_communities(self):
		self.assertEqual(self.visible("township_hm"), {self.apps["jj_haimen"]})

	def test_village_officer_lists_only_its_own_community(self):
		self.assertEqual(self.visible("village"), {self.apps["jj_haimen"]})
		frappe.set_user(self.users["village"])
		self.assertEqual(frappe.get_list("HQE Community", pluck="name"), [self.communities["jj_haimen"]])

	def test_city_lists_every_county(self):
		self.assertEqual(self.visible("city"), set(self.apps.values()))

	# --- one document through the ORM ---------------------------------------------------------------

	def test_county_cannot_read_update_or_delete_another_countys_application(self):
		other = self.apps["hy_dongcheng"]
		frappe.set_user(self.users["county_jj"])
		self.assertFalse(frappe.has_permission("HQE Application", "read", other))
		doc = frappe.get_doc("HQE Application", other)
		with self.assertRaises(frappe.PermissionError):
			doc.check_permission("read")
		doc.employed = (doc.employed or 0) - 1
		with self.assertRaises(frappe.PermissionError):
			doc.save()
		with self.assertRaises(frappe.PermissionError):
			frappe.delete_doc("HQE Application", other)
		frappe.set_user("Administrator")
		self.assertTrue(frappe.db.exists("HQE Application", other))
		self.assertEqual(
			frappe.db.get_value("HQE Application", other, "employed"),
			frappe.get_doc("HQE Application", other).employed,
		)
		# its own county's application is readable and writable
		frappe.set_user(self.users["county_jj"])
		self.assertTrue(frappe.has_permission("HQE Application", "write", self.apps["jj_baiyun"]))

	def test_township_and_village_cannot_touch_a_neighbour(self):
		for user_key in ("township_hm", "village"):
			with self.subTest(user_key):
				frappe.set_user(self.users[user_key])
				self.assertFalse(frappe.has_permission("HQE Application", "read", self.apps["jj_baiyun"]))
				with self.assertRaises(frappe.PermissionError):
					frappe.delete_doc("HQE Application", self.apps["jj_baiyun"])
				self.assertTrue(frappe.has_permission("HQE Application", "read", self.apps["jj_haimen"]))

	# --- the REST API ---------------------------------------------------------------------------------

	def test_rest_list_shows_only_the_users_subtree(self):
		response = self.rest("get", "county_jj")
		self.assertEqual(response.status_code, 200)
		names = {row["name"] for row in response.json["data"]}
		self.assertEqual(names, {self.apps["jj_haimen"], self.apps["jj_baiyun"]})

	def test_rest_refuses_read_update_delete_across_counties(self):
		other = self.apps["hy_dongcheng"]
		before = frappe.db.get_value("HQE Application", other, ["employed", "modified"], as_dict=True)
		self.assertEqual(self.rest("get", "county_jj", other).status_code, 403)
		self.assertEqual(self.rest("put", "county_jj", other, {"employed": 1}).status_code, 403)
		self.assertEqual(self.rest("delete", "county_jj", other).status_code, 403)
		self.assertEqual(self.rest("get", "village", self.apps["jj_baiyun"]).status_code, 403)
		frappe.db.rollback()  # see the other connection's state, not a cached snapshot
		after = frappe.db.get_value("HQE Application", other, ["employed", "modified"], as_dict=True)
		self.assertEqual(after, before)
		# positive control: the same user reads its own county's application
		response = self.rest("get", "county_jj", self.apps["jj_haimen"])
		self.assertEqual(response.status_code, 200)
		self.assertEqual(response.json["data"]["name"], self.apps["jj_haimen"])
