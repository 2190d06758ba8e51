# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: the application form's 距离达标 section, driven over REST by the levels' own users.

The community officer saves the application and reads the points missing and the engine's options;
a save changes them; what a client sends for the stored fields is overwritten; the township and
the county read the same flags; a user of another county may not read the section at all.
"""

import json
from urllib.parse import quote

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from frappe.utils.password import update_password
from hqe_app.high_quality_employment.application.scoring import pass_mark
from hqe_app.high_quality_employment.testing import (
	delete_applications,
	ensure_community,
	ensure_user,
)
from hqe_app.scoring import get_scheme

YEAR = 2085
PASSWORD = "Gap-section-13!"
METHOD = "/api/method/hqe_app.high_quality_employment.application.gap_view.gap_section"


def near_values(**overrides) -> dict:
	"""An application 5 points short of 60: base 52 + bonus 3 (one provincial media report) = 55.

	1 就业率 2900/3000 → 3; 6 no new entities → 0; 7 two items of five → 0; 8A 10; 8B 14; 8D none → 0.
	"""
	values = {f.name: 1 for f in get_scheme().fields if f.kind == "check"}
	values.update(
		working_age_capable=3200,
		labor_force=3000,
		employed=2900,
		low_income_households=0,
		low_income_households_employed=0,
		certified_workers=900,
		pension_employee_insured=800,
		pension_resident_insured=200,
		entrepreneurs=320,
		new_market_entities=0,
		jobs_created=10,
		hard_to_employ_persons=5,
		new_public_welfare_jobs=1,
		has_stable_funding=0,
		has_published_services=0,
		uses_information_system=0,
		hr_survey_conducted=0,
		visits_recorded=0,
		job_referral_level="none",
		policy_materials_on_site=0,
		policy_multichannel_promotion=0,
		has_public_welfare_jobs=0,
		startup_loan_assistance=0,
		other_services_level="none",
		media_reports=[{"outlet": "浙江日报", "level": "Province", "report_date": f"{YEAR}-05-01"}],
	)
	values.update(overrides)
	return values


# field, indicator, from, to, gain — by gain (largest first), then field name (SPEC §12)
NEAR_OPTIONS = [
	["has_published_services", "7", False, True, 9.0],
	["has_stable_funding", "7", False, True, 9.0],
	["uses_information_system", "7", False, True, 9.0],
	["visits_recorded", "8A", False, True, 4.0],
	["has_public_welfare_jobs", "8A", False, True, 3.0],
	["other_services_level", "8D", "none", "provided", 3.0],
	["employed", "1", 2900, 2940, 2.0],
	["hr_survey_conducted", "8A", False, True, 2.0],
	["job_referral_level", "8A", "none", "success", 2.0],
	["media_reports_city", "9", 0, 1, 2.0],
	["media_reports_province", "9", 1, 2, 2.0],  # media at most 5: 3 + 3 is capped
	["policy_materials_on_site", "8A", False, True, 2.0],
	["policy_multichannel_promotion", "8A", False, True, 2.0],
	["media_reports_county", "9", 0, 1, 1.0],
	["startup_loan_assistance", "8B", False, True, 1.0],
]
NEAR_FLAGS = [
	("jobs_without_entities", "jobs_created"),
	("survey_detail_without_survey", "hr_survey_data_complete"),
	("new_welfare_jobs_without_welfare_jobs", "new_public_welfare_jobs"),
]


def login(user: str, password: str = PASSWORD):
	"""A test client holding the user's desk session, as after logging in through the browser."""
	client = get_test_client()
	response = make_request(
		target=client.post, args=("/api/method/login",), kwargs={"json": {"usr": user, "pwd": password}}
	)
	assert response.status_code == 200, response.json
	return client


def as_rows(options: list[dict]) -> list[list]:
	return [[o["field"], o["indicator"], o["from"], o["to"], o["gain"]] for o in options]


class TestGapSection(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.community = ensure_community("海门街道", "距离达标测试社区")
		cls.officer = ensure_user("hqe-gap-officer@example.com", "community", community=cls.community)
		cls.township = ensure_user("hqe-gap-township@example.com", "township", "海门街道")
		cls.county = ensure_user("hqe-gap-county@example.com", "county", "椒江区")
		cls.other_county = ensure_user("hqe-gap-county-hy@example.com", "county", "黄岩区")
		users = (cls.officer, cls.township, cls.county, cls.other_county)
		for user in users:
			update_password(user, PASSWORD)
		delete_applications(cls.community)
		frappe.db.commit()
		cls.clients = {user: login(user) for user in users}

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		delete_applications(cls.community)
		frappe.db.commit()
		super().tearDownClass()

	def tearDown(self):
		frappe.set_user("Administrator")
		delete_applications(self.community)
		frappe.db.commit()

	def rest(self, user, method, path, **body):
		"""A request in the user's logged-in desk session (its language is the user's: zh)."""
		response = make_request(
			target=getattr(self.clients[user], method), args=(path,), kwargs={"json": body or None}
		)
		frappe.db.rollback()  # see what the request committed
		return response

	def section(self, user, name):
		return self.rest(user, "get", f"{METHOD}?name={quote(name)}")

	def draft(self, **overrides):
		"""The officer's own draft, created over REST with forged stored fields (which the server replaces)."""
		response = self.rest(
			self.officer,
			"post",
			"/api/resource/HQE Application",
			community=self.community,
			year=YEAR,
			to_pass_options=json.dumps([{"field": "employed", "gain": 99}]),
			data_flags="[]",
			**near_values(**overrides),
		)
		self.assertEqual(response.status_code, 200, response.json)
		return response.json["data"]["name"]

	def test_officer_reads_points_missing_and_every_option_with_its_gain(self):
		self.assertEqual(pass_mark(), 60)
		name = self.draft()
		stored = frappe.db.get_value(
			"HQE Application", name, ["total_score", "to_pass_options", "data_flags"], as_dict=True
		)
		self.assertEqual(stored.total_score, 55)
		self.assertEqual(as_rows(json.loads(stored.to_pass_options)), NEAR_OPTIONS)  # not the forged one
		self.assertEqual(json.loads(stored.data_flags), [{"code": c, "field": f} for c, f in NEAR_FLAGS])

		response = self.section(self.officer, name)
		self.assertEqual(response.status_code, 200)
		section = response.json["message"]
		self.assertEqual(section["missing"], 5)
		self.assertEqual(section["pass_mark"], 60)
		self.assertEqual(as_rows(section["options"]), NEAR_OPTIONS)
		self.assertEqual([(f["code"], f["field"]) for f in section["flags"]], NEAR_FLAGS)
		html = section["html"]
		self.assertIn("距达标线60分尚差5分", html)
		self.assertIn(
			"<tr><td>1</td><td>已就业人员</td><td>2900</td><td>2940</td><td>2</td><td></td></tr>", html
		)
		self.assertIn(
			"<tr><td>7</td><td>使用信息系统录入</td><td>否</td><td>是</td><td>9</td><td>单项即可达标</td></tr>",
			html,
		)
		self.assertEqual(html.count("单项即可达标"), 3)  # only the three worth 9 cover the 5 missing
		self.assertEqual(html.count("<tr><td>"), len(NEAR_OPTIONS))
		self.assertIn("<code>jobs_without_entities</code>", html)

	def test_a_save_updates_the_section(self):
		name = self.draft()
		response = self.rest(
			self.officer, "put", f"/api/resource/HQE Application/{name}", employed=2940, visits_recorded=1
		)
		self.assertEqual(response.status_code, 200, response.json)
		section = self.section(self.officer, name).json["message"]
		self.assertEqual(section["missing"], 0)  # 55 + 2 (就业率 98%) + 4 (走访) = 61
		self.assertIn("已达到60分达标线", section["html"])
		self.assertEqual(
			as_rows(section["options"]),
			[o for o in NEAR_OPTIONS if o[0] not in ("employed", "visits_recorded")],
		)
		self.assertNotIn("单项即可达标", section["html"])

	def test_reviewers_of_the_subtree_read_the_flags_and_another_county_does_not(self):
		name = self.draft()
		for reviewer in (self.township, self.county):
			response = self.section(reviewer, name)
			self.assertEqual(response.status_code, 200, reviewer)
			flags = response.json["message"]["flags"]
			self.assertEqual([(f["code"], f["field"]) for f in flags], NEAR_FLAGS)
			self.assertEqual(flags[0]["message"], "无新创办的市场主体却填报了带动就业人数")
		self.assertEqual(self.section(self.other_county, name).status_code, 403)
