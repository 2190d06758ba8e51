# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: 接近达标 lists the applications below the pass mark by at most the chosen points, with
their best options, only of the user's subtree (a county its county, a township its township), through
the desk's report endpoint as the levels' own users; no query runs per row."""

from urllib.parse import quote

import frappe
from frappe.desk.query_report import run
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from frappe.utils.password import update_password
from hqe_app.high_quality_employment.application.test_gap_section import login, near_values
from hqe_app.high_quality_employment.testing import (
	delete_applications,
	ensure_community,
	ensure_user,
	make_application,
)

YEAR = 2084
REPORT = "Near the Pass Mark"
PASSWORD = "Near-pass-13!"
# zh, as the users read it: the three best options of the 55-point application (gain 9 each)
BEST_ZH = "；".join(
	f"{label}：否 → 是（加9分）"
	for label in (
		"有完整的服务项目、办事流程、工作职责并对外公布",
		"有稳定的工作经费和人员经费并明确支出渠道",
		"使用信息系统录入",
	)
)


class TestNearThePassMark(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		plan = {
			# key: (township, values): totals 55 (5 short), 57, 45 (15 short) and 61 (eligible)
			"haimen55": ("海门街道", near_values()),
			"haimen45": (
				"海门街道",
				near_values(employed=2800, new_public_welfare_jobs=0, incubation_services=0),
			),
			"baiyun57": ("白云街道", near_values(employed=2940)),
			"baiyun61": ("白云街道", near_values(employed=2940, visits_recorded=1)),
			"dongcheng55": ("东城街道", near_values()),
		}
		cls.communities, cls.apps = [], {}
		for key, (township, values) in plan.items():
			score = key.lstrip("abcdefghijklmnopqrstuvwxyz")  # names in Chinese, as the desk shows them
			community = ensure_community(township, f"接近达标测试{township[:2]}{score}")
			delete_applications(community)
			cls.communities.append(community)
			media = [m["level"] for m in values.pop("media_reports")]
			cls.apps[key] = make_application(community, year=YEAR, seed=None, media=media, **values)
		cls.county = ensure_user("hqe-near-county@example.com", "county", "椒江区")
		cls.township = ensure_user("hqe-near-township@example.com", "township", "海门街道")
		for user in (cls.county, cls.township):
			update_password(user, PASSWORD)
		frappe.db.commit()
		cls.clients = {user: login(user, PASSWORD) for user in (cls.county, cls.township)}

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for community in cls.communities:
			delete_applications(community)
		frappe.db.commit()
		super().tearDownClass()

	def test_the_stored_totals_are_the_plan(self):
		totals = {key: doc.total_score for key, doc in self.apps.items()}
		self.assertEqual(
			totals, {"haimen55": 55, "haimen45": 45, "baiyun57": 57, "baiyun61": 61, "dongcheng55": 55}
		)

	def desk_report(self, user, **filters):
		"""The report as the desk runs it for the user (logged-in session, the user's language)."""
		query = "&".join(
			f"{k}={quote(str(v))}"
			for k, v in {"report_name": REPORT, "filters": frappe.as_json(filters)}.items()
		)
		response = make_request(
			target=self.clients[user].get, args=(f"/api/method/frappe.desk.query_report.run?{query}",)
		)
		self.assertEqual(response.status_code, 200, response.json)
		return response.json["message"]

	def mine(self, rows):
		names = {doc.name: key for key, doc in self.apps.items()}
		return {names[r["name"]]: r for r in rows if r.get("name") in names}

	def test_a_county_sees_only_its_county(self):
		result = self.desk_report(self.county, year=YEAR, within=10)
		rows = self.mine(result["result"])
		self.assertEqual(set(rows), {"haimen55", "baiyun57"})  # not 黄岩区's 东城街道, not 45, not 61
		self.assertTrue(all(r["county"] == "椒江区" for r in result["result"]))
		haimen = rows["haimen55"]
		self.assertEqual(
			(haimen["total_score"], haimen["points_missing"], haimen["enough_alone"]), (55, 5, 3)
		)
		self.assertEqual(haimen["best_options"], BEST_ZH)
		baiyun = rows["baiyun57"]
		self.assertEqual((baiyun["points_missing"], baiyun["enough_alone"]), (3, 6))  # 9×3, 4, 3, 3
		self.assertEqual(result["result"][0]["name"], self.apps["baiyun57"].name)  # closest first

	def test_a_township_sees_only_its_township_and_the_points_filter(self):
		rows = self.mine(self.desk_report(self.township, year=YEAR, within=10)["result"])
		self.assertEqual(set(rows), {"haimen55"})
		rows = self.mine(self.desk_report(self.township, year=YEAR, within=15)["result"])
		self.assertEqual(set(rows), {"haimen55", "haimen45"})  # 45 is exactly 15 short: within
		self.assertEqual(rows["haimen45"]["points_missing"], 15)
		rows = self.mine(self.desk_report(self.township, year=YEAR, within=14.5)["result"])
		self.assertEqual(set(rows), {"haimen55"})

	def test_city_wide_and_filters(self):
		rows = self.mine(run(REPORT, filters={"year": YEAR, "within": 10})["result"])
		self.assertEqual(set(rows), {"haimen55", "baiyun57", "dongcheng55"})
		rows = self.mine(run(REPORT, filters={"year": YEAR, "within": 10, "county": "黄岩区"})["result"])
		self.assertEqual(set(rows), {"dongcheng55"})
		rows = self.mine(run(REPORT, filters={"year": YEAR, "within": 10, "township": "白云街道"})["result"])
		self.assertEqual(set(rows), {"baiyun57"})

	def test_no_query_per_row(self):
		def queries(**filters):
			run(REPORT, filters={"year": YEAR, **filters})  # warm the caches
			counted = []
			original = frappe.db.__class__.sql

			def counting(db, *args, **kwargs):
				counted.append(args[0])
				return original(db, *args, **kwargs)

			frappe.db.__class__.sql = counting
			try:
				rows = run(REPORT, filters={"year": YEAR, **filters})["result"]
			finally:
				frappe.db.__class__.sql = original
			return len(self.mine(rows)), len(counted)

		few, many = queries(within=4), queries(within=15)
		self.assertEqual((few[0], many[0]), (1, 4))
		self.assertEqual(few[1], many[1])
