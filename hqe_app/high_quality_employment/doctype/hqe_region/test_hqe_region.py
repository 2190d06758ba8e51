# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: the region tree keeps city → county → township."""

import frappe
from frappe.tests.utils import FrappeTestCase
from hqe_app.high_quality_employment.testing import CITY, ensure_tree


class TestHQERegion(FrappeTestCase):
	def setUp(self):
		ensure_tree()

	def region(self, name, level, parent=None):
		return frappe.get_doc(
			{"doctype": "HQE Region", "region_name": name, "region_level": level, "parent_hqe_region": parent}
		)

	def test_tree_is_nested_and_townships_are_leaves(self):
		county = frappe.get_doc("HQE Region", "椒江区")
		township = frappe.get_doc("HQE Region", "海门街道")
		city = frappe.get_doc("HQE Region", CITY)
		self.assertTrue(city.lft < county.lft < township.lft < township.rgt < county.rgt < city.rgt)
		self.assertEqual((county.is_group, township.is_group), (1, 0))

	def test_parent_level_is_enforced(self):
		for name, level, parent in (
			("错误街道", "Township", CITY),  # a township under a city
			("错误区", "County", "椒江区"),  # a county under a county
			("错误市", "City", CITY),  # a city with a parent
			("孤立区", "County", None),  # a county without a city
		):
			with self.subTest(name):
				with self.assertRaises(frappe.ValidationError):
					self.region(name, level, parent).insert()
				self.assertFalse(frappe.db.exists("HQE Region", name))
