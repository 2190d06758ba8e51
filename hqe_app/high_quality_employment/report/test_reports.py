# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: each report's rows for a seeded year, checked against the engine and the states, and
a county user's reports show only its county."""

import frappe
from frappe import _ as translate
from frappe.desk.query_report import run
from frappe.tests.utils import FrappeTestCase
from hqe_app.high_quality_employment.testing import ensure_community, ensure_user, make_application
from hqe_app.programme.lifecycle import (
	CERTIFIED_STATES,
	CITY_CERTIFIED,
	COUNTY_CERTIFIED,
	COUNTY_REJECTED,
	PENDING_COUNTY,
	RECOMMENDED,
)
from hqe_app.scoring import get_scheme

YEAR = 2095
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}
WEAK = {"employed": 800, "has_service_venue": 0, "has_professional_staff": 0, "job_referral_level": "none"}


def report(name, user="Administrator", **filters):
	frappe.set_user(user)
	try:
		result = run(name, filters={"year": YEAR, **filters})
	finally:
		frappe.set_user("Administrator")
	return result["result"], result.get("report_summary"), result.get("chart")


class TestReports(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		plan = {
			"jj1": ("海门街道", COUNTY_CERTIFIED, STRONG),
			"jj2": ("海门街道", RECOMMENDED, STRONG),
			"jj3": ("白云街道", PENDING_COUNTY, STRONG),
			"jj4": ("白云街道", PENDING_COUNTY, WEAK),
			"hy1": ("东城街道", CITY_CERTIFIED, STRONG),
			"hy2": ("澄江街道", COUNTY_REJECTED, WEAK),
		}
		cls.apps = {}
		for key, (township, state, values) in plan.items():
			community = ensure_community(township, f"报表测试{key}")
			frappe.db.delete("HQE Application", {"community": community, "year": YEAR})
			doc = make_application(community, year=YEAR, seed=len(cls.apps), **values)
			# states come from the workflow (tested on its own); here they are set to seed the reports
			doc.db_set({"workflow_state": state, "docstatus": 0 if state == PENDING_COUNTY else 1})
			cls.apps[key] = frappe.get_doc("HQE Application", doc.name)
		frappe.get_doc({"doctype": "HQE Award", "application": cls.apps["hy1"].name}).insert()
		cls.county_jj = ensure_user("hqe-report-jj@example.com", "county", "椒江区")

	def test_eligible_lists_exactly_the_applications_at_or_above_the_pass_mark(self):
		rows, summary, _ = report("Eligible Communities")
		self.assertEqual(summary[0]["value"], len(rows))
		mine = {a.name for a in self.apps.values()}
		listed = {r["name"] for r in rows if r["name"] in mine}
		certified = {a.name for a in self.apps.values() if a.workflow_state in CERTIFIED_STATES}
		self.assertEqual(listed, {a.name for a in self.apps.values() if a.total_score >= 60} & certified)
		self.assertNotIn(self.apps["jj3"].name, listed)  # at the pass mark but not certified: not listed
		self.assertNotIn(self.apps["jj4"].name, listed)
		for r in rows:
			if r["name"] in mine:
				self.assertEqual(
					r["total_score"], frappe.db.get_value("HQE Application", r["name"], "total_score")
				)

	def test_recommended_shows_quota_used_and_left(self):
		rows, _, _ = report("Recommended Communities", county="椒江区")
		county_row = next(r for r in rows if r.get("indent") == 0 and r["county"] == "椒江区")
		certified = frappe.db.count(
			"HQE Application",
			{"county": "椒江区", "year": YEAR, "workflow_state": ("in", [COUNTY_CERTIFIED, RECOMMENDED])},
		)
		self.assertEqual(county_row["certified"], certified)
		self.assertEqual(county_row["quota"], certified // 10)
		self.assertEqual(county_row["used"], 1)
		listed = [r["application"] for r in rows if r.get("indent") == 1]
		self.assertEqual(listed, [self.apps["jj2"].name])

	def test_city_certification_lists_awards_with_totals(self):
		rows, summary, _ = report("City Certification and Awards", county="黄岩区")
		data = [r for r in rows if r.get("application")]
		self.assertEqual([r["application"] for r in data], [self.apps["hy1"].name])
		self.assertEqual(data[0]["amount"], 20000)
		self.assertEqual(rows[-1]["amount"], 20000)  # the total row
		cards = {card["label"]: (card["value"], card.get("indicator")) for card in summary}
		self.assertEqual(cards[translate("Pending")], (20000, "Orange"))

	def test_coverage_is_certified_communities_over_all_communities(self):
		rows, _, chart = report("Coverage", county="黄岩区")
		[row] = [r for r in rows if r["county"] == "黄岩区"]
		communities = frappe.db.count("HQE Community", {"county": "黄岩区", "disabled": 0})
		certified = frappe.db.sql(
			"""select count(distinct community) from `tabHQE Application`
			where county=%s and year<=%s and docstatus=1 and workflow_state in %s""",
			(
				"黄岩区",
				YEAR,
				(COUNTY_CERTIFIED, RECOMMENDED, CITY_CERTIFIED, "City Review", "Publicized", "City Rejected"),
			),
		)[0][0]
		self.assertEqual((row["communities"], row["certified"]), (communities, certified))
		self.assertEqual(row["coverage"], round(certified / communities * 100, 1))
		self.assertEqual(chart["data"]["labels"], ["黄岩区"])

	def test_indicator_analysis_averages_the_engines_points(self):
		rows, _, chart = report("Indicator Score Analysis", county="黄岩区")
		hy = [self.apps["hy1"], self.apps["hy2"]]
		others = frappe.db.count("HQE Application", {"county": "黄岩区", "year": YEAR})
		self.assertEqual(others, 2)
		[row] = [r for r in rows if r["county"] == "黄岩区"]
		for rule in get_scheme().indicators:
			expected = (
				sum(next(r.points for r in a.indicator_results if r.indicator_code == rule.code) for a in hy)
				/ 2
			)
			self.assertAlmostEqual(row[f"indicator_{rule.code.lower()}"], round(expected, 2), places=2)
		self.assertEqual(len(chart["data"]["labels"]), len(get_scheme().indicators))

	def test_county_user_sees_only_its_county(self):
		for name in (
			"Eligible Communities",
			"Recommended Communities",
			"City Certification and Awards",
			"Coverage",
			"Indicator Score Analysis",
		):
			with self.subTest(name):
				rows, _, _ = report(name, user=self.county_jj)
				counties = {r.get("county") for r in rows if r.get("county") and not r.get("bold")}
				self.assertTrue(counties <= {"椒江区"}, counties)
		rows, _, _ = report("Eligible Communities", user=self.county_jj)
		self.assertNotIn(self.apps["hy1"].name, {r["name"] for r in rows})
		self.assertIn(self.apps["jj1"].name, {r["name"] for r in rows})


class TestWorkspaceCards(FrappeTestCase):
	def test_waiting_at_my_level_counts_the_users_subtree_and_state(self):
		from frappe.utils import getdate, nowdate
		from hqe_app.high_quality_employment.reporting.dashboard import coverage, waiting_at_my_level

		frappe.set_user("Administrator")
		this_year = getdate(nowdate()).year
		community = ensure_community("海门街道", "卡片测试村")
		frappe.db.delete("HQE Application", {"community": community, "year": this_year})
		doc = make_application(community, year=this_year, **STRONG)
		doc.db_set("workflow_state", "Pending Township")
		township = ensure_user("hqe-card-township@example.com", "township", "海门街道")
		other = ensure_user("hqe-card-township-by@example.com", "township", "白云街道")
		expected = frappe.db.count(
			"HQE Application",
			{"year": this_year, "township": "海门街道", "workflow_state": "Pending Township"},
		)
		frappe.set_user(township)
		self.assertEqual(waiting_at_my_level(), expected)
		self.assertGreaterEqual(expected, 1)
		self.assertLessEqual(coverage()["value"], 100)
		frappe.set_user(other)
		self.assertEqual(
			waiting_at_my_level(),
			frappe.db.count(
				"HQE Application",
				{"year": this_year, "township": "白云街道", "workflow_state": "Pending Township"},
			),
		)
		frappe.set_user("Administrator")
