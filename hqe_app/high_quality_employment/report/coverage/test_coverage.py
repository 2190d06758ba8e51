# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: coverage against exactly one third, merged communities on neither side, the city-wide
row, as a city user, a county user and a county user of another subtree."""

import frappe
from frappe.desk.query_report import run
from frappe.tests.utils import FrappeTestCase
from hqe_app.high_quality_employment.testing import (
	delete_applications,
	ensure_community,
	ensure_region,
	ensure_user,
	make_application,
)
from hqe_app.programme.lifecycle import COUNTY_CERTIFIED, DRAFT

YEAR = 2093
CITY = "覆盖测试市"
COUNTY_A, COUNTY_B = "覆盖甲县", "覆盖乙县"
TOWN_A, TOWN_B = "覆盖甲镇", "覆盖乙镇"


def report(user, **filters):
	frappe.set_user(user)
	try:
		return run("Coverage", filters={"year": YEAR, **filters})["result"]
	finally:
		frappe.set_user("Administrator")


class TestCoverage(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		ensure_region(CITY, "City")
		for county, town in ((COUNTY_A, TOWN_A), (COUNTY_B, TOWN_B)):
			ensure_region(county, "County", CITY)
			ensure_region(town, "Township", county)
		cls.a = [ensure_community(TOWN_A, f"覆盖甲{i}村") for i in range(3)]
		cls.merged = ensure_community(TOWN_A, "覆盖并入村")
		cls.b = [ensure_community(TOWN_B, f"覆盖乙{i}村") for i in range(2)]
		for community in (*cls.a, cls.merged, *cls.b):
			frappe.db.set_value("HQE Community", community, "disabled", 0)
			delete_applications(community)
		plan = ((cls.a[0], COUNTY_CERTIFIED), (cls.a[1], DRAFT), (cls.merged, COUNTY_CERTIFIED))
		for community, state in plan:
			doc = make_application(community, year=YEAR)
			doc.db_set({"workflow_state": state, "docstatus": 1 if state != DRAFT else 0})
		frappe.db.set_value("HQE Community", cls.merged, "disabled", 1)  # merged after certification
		cls.city = ensure_user("hqe-cov-city@example.com", "city", CITY)
		cls.county = ensure_user("hqe-cov-county@example.com", "county", COUNTY_A)
		cls.other = ensure_user("hqe-cov-other@example.com", "county", "黄岩区")
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for community in (*cls.a, cls.merged, *cls.b):
			delete_applications(community)
		frappe.db.commit()
		super().tearDownClass()

	def test_city_user_sees_each_county_and_the_city_wide_verdict(self):
		rows = {r["county"]: r for r in report(self.city)}
		self.assertEqual(set(rows), {COUNTY_A, COUNTY_B, f"{CITY} (City-wide)"})
		a, b, city = rows[COUNTY_A], rows[COUNTY_B], rows[f"{CITY} (City-wide)"]
		# 3 enabled communities, 1 certified: exactly one third reaches the target; the merged one is on
		# neither side.
		self.assertEqual((a["communities"], a["certified"], a["gap"], a["reached"]), (3, 1, 0, "Yes"))
		self.assertEqual((b["communities"], b["certified"], b["gap"], b["reached"]), (2, 0, 1, "No"))
		# 1 of 5 < 1/3: two are needed (ceil(5/3)), one is still missing.
		self.assertEqual(
			(city["communities"], city["certified"], city["gap"], city["reached"], city["bold"]),
			(5, 1, 1, "No", 1),
		)
		self.assertEqual(a["target"], 33.33)

	def test_certifying_one_more_reaches_the_city_target(self):
		doc = make_application(self.b[0], year=YEAR)
		doc.db_set({"workflow_state": COUNTY_CERTIFIED, "docstatus": 1})
		rows = {r["county"]: r for r in report(self.city)}
		self.assertEqual(rows[f"{CITY} (City-wide)"]["reached"], "Yes")  # 2 of 5 ≥ 1/3
		self.assertEqual(rows[COUNTY_B]["reached"], "Yes")
		frappe.db.rollback()

	def test_county_user_sees_its_county_and_a_total_not_the_city(self):
		rows = report(self.county)
		self.assertEqual([r["county"] for r in rows], [COUNTY_A, "Total"])
		self.assertEqual((rows[1]["communities"], rows[1]["certified"]), (3, 1))

	def test_user_of_another_subtree_sees_nothing_of_this_city(self):
		rows = report(self.other)
		self.assertFalse({r["county"] for r in rows} & {COUNTY_A, COUNTY_B, f"{CITY} (City-wide)"})
