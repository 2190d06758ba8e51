# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: communities sit under a township, unique by township and name."""

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.high_quality_employment.testing import ensure_community, ensure_tree


class TestHQECommunity(FrappeTestCase):
	def setUp(self):
		ensure_tree()

	def community(self, township, name):
		return frappe.get_doc(
			{
				"doctype": "HQE Community",
				"community_name": name,
				"community_type": "Village",
				"township": township,
			}
		)

	def test_county_is_fetched_from_the_township(self):
		name = ensure_community("东城街道", "取数测试村")
		self.assertEqual(frappe.db.get_value("HQE Community", name, "county"), "黄岩区")
		self.assertEqual(name, "取数测试村（东城街道）")

	def test_unique_by_township_and_name(self):
		ensure_community("海门街道", "同名村")
		with self.assertRaises(frappe.DuplicateEntryError) as caught:
			self.community("海门街道", "同名村").insert()
		self.assertIn("同名村", str(caught.exception))
		# the same name in another township is another community
		self.assertEqual(self.community("白云街道", "同名村").insert().township, "白云街道")

	def test_township_must_be_a_township(self):
		with self.assertRaises(frappe.ValidationError):
			self.community("椒江区", "区下村").insert()
