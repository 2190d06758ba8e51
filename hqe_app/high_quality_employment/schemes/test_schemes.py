"""Schemes as records, on a real site: an HQE Administrator copies Taizhou 2019, lowers one band,
checks, simulates (exact counts), activates it for 2027 in one city; a 2027 application there scores by
it while 2026 and the other city keep theirs; a scheme in use refuses edits; a county assessor is
refused every write."""

from __future__ import annotations

import json

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from hqe_app.high_quality_employment.doctype.hqe_scheme.hqe_scheme import check
from hqe_app.high_quality_employment.report.scheme_simulation.scheme_simulation import execute
from hqe_app.high_quality_employment.schemes.registry import built, clear_cache
from hqe_app.high_quality_employment.testing import (
	CITY,
	api_credentials,
	delete_applications,
	ensure_community,
	ensure_region,
	ensure_user,
	make_application,
)
from hqe_app.programme.lifecycle import PENDING_TOWNSHIP
from hqe_app.scoring import get_scheme
from hqe_app.scoring.scheme_io import scheme_to_dict

DRAFT_CODE = "taizhou-2027-test"
#: Certificate holders 6 % of the labour force: below the 10 % band of Taizhou 2019 (0 points), at the
#: draft's band lowered to 5 % (3 points). Seed 39's other data total 58 under Taizhou.
NEAR = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 54}
SEED = 39
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}


class TestSchemesAsRecords(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		ensure_region("温州市", "City")
		ensure_region("鹿城区", "County", "温州市")
		ensure_region("五马街道", "Township", "鹿城区")
		cls.near = ensure_community("海门街道", "方案测试村")
		cls.strong = ensure_community("海门街道", "方案对照村")
		cls.other_city = ensure_community("五马街道", "方案他市村")
		cls.admin = ensure_user("hqe-scheme-admin@example.com", "city", CITY)
		user = frappe.get_doc("User", cls.admin)
		user.append("roles", {"role": "HQE Administrator"})
		user.save(ignore_permissions=True)
		cls.county = ensure_user("hqe-scheme-county@example.com", "county", "椒江区")
		cls.tokens = {u: api_credentials(u) for u in (cls.admin, cls.county)}
		cls.clean()
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		cls.clean()
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def clean(cls):
		for community in (cls.near, cls.strong, cls.other_city):
			delete_applications(community)
		frappe.db.delete("HQE Scheme", {"name": DRAFT_CODE})
		clear_cache()

	def setUp(self):
		frappe.set_user("Administrator")
		self.clean()
		frappe.db.commit()

	def rest(self, user, method, path, **body):
		response = make_request(
			target=getattr(get_test_client(), method),
			args=(path,),
			kwargs={"headers": {"Authorization": self.tokens[user]}, "json": body},
		)
		frappe.db.rollback()
		return response

	def copy_with_lower_band(self) -> None:
		"""As the administrator: a copy of Taizhou 2019 whose lowest skills band is 5 % (not 10 %)."""
		definition = json.loads(frappe.db.get_value("HQE Scheme", "taizhou-2019", "definition"))
		self.assertEqual(definition["indicators"][2]["tiers"][2], {"at_least": "10%", "points": 3})
		definition["indicators"][2]["tiers"][2]["at_least"] = "5%"
		response = self.rest(
			self.admin,
			"post",
			"/api/resource/HQE Scheme",
			scheme_code=DRAFT_CODE,
			title="台州市2027年评分表（征求意见稿）",
			status="Draft",
			definition=json.dumps(definition, ensure_ascii=False),
		)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:400])

	def test_taizhou_ships_as_a_record_that_scores_as_the_engine(self):
		record = built("taizhou-2019")
		self.assertEqual(scheme_to_dict(record), scheme_to_dict(get_scheme()))

	def test_revise_check_simulate_activate_for_one_city_and_year(self):
		frappe.set_user("Administrator")
		near_2027 = make_application(self.near, year=2027, seed=SEED, **NEAR).name
		strong_2027 = make_application(self.strong, year=2027, seed=2, **STRONG).name
		near_2026 = make_application(self.near, year=2026, seed=SEED, **NEAR).name
		frappe.db.commit()
		self.assertEqual(
			frappe.db.get_value("HQE Application", near_2027, ["scheme", "total_score"]), ("taizhou-2019", 58)
		)
		self.copy_with_lower_band()
		# check: no problem; a band above 100 % is named by indicator and field
		frappe.set_user(self.admin)
		self.assertEqual(check(DRAFT_CODE), [])
		# simulate 2027 in the administrator's city: exactly the near community crosses, upwards
		_columns, data, _message, _chart, _summary = execute({"scheme": DRAFT_CODE, "year": 2027})
		[row] = [r for r in data if r["county"] == "椒江区"]
		mine = frappe.get_all(
			"HQE Application", filters={"county": "椒江区", "year": 2027, "docstatus": ("<", 2)}, pluck="name"
		)
		self.assertEqual(row["applications"], len(mine))
		self.assertEqual(row["after"] - row["before"], 1)
		self.assertEqual(row["up"], "方案测试村（58→61）")
		self.assertEqual(row["down"], "")
		self.assertEqual(row["quota_after"], row["after"] // 10)
		frappe.set_user("Administrator")
		# activate for 2027 in 台州市 only
		response = self.rest(
			self.admin,
			"put",
			f"/api/resource/HQE Scheme/{DRAFT_CODE}",
			status="Active",
			city=CITY,
			from_year=2027,
			to_year=2027,
		)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:400])
		# a 2027 application of 台州市 saved again (a draft) scores by the new scheme
		doc = frappe.get_doc("HQE Application", near_2027)
		doc.save()
		self.assertEqual((doc.scheme, doc.scheme_version, doc.total_score), (DRAFT_CODE, 1, 61))
		# 2026 keeps Taizhou 2019; the other city's 2027 application too
		doc = frappe.get_doc("HQE Application", near_2026)
		doc.save()
		self.assertEqual((doc.scheme, doc.total_score), ("taizhou-2019", 58))
		other = make_application(self.other_city, year=2027, seed=SEED, **NEAR)
		self.assertEqual((other.scheme, other.total_score), ("taizhou-2019", 58))
		self.assertEqual(frappe.db.get_value("HQE Application", strong_2027, "scheme"), "taizhou-2019")
		frappe.db.commit()
		# once an application scored under it is submitted, the scheme is locked
		frappe.db.set_value("HQE Application", near_2027, "workflow_state", PENDING_TOWNSHIP)
		frappe.db.commit()
		definition = json.loads(frappe.db.get_value("HQE Scheme", DRAFT_CODE, "definition"))
		definition["indicators"][2]["tiers"][2]["at_least"] = "4%"
		response = self.rest(
			self.admin,
			"put",
			f"/api/resource/HQE Scheme/{DRAFT_CODE}",
			definition=json.dumps(definition, ensure_ascii=False),
		)
		self.assertEqual(response.status_code, 417)
		self.assertIn("copy it", response.get_data(as_text=True))

	def test_a_broken_scheme_is_refused_naming_indicator_and_field(self):
		definition = json.loads(frappe.db.get_value("HQE Scheme", "taizhou-2019", "definition"))
		definition["indicators"][0]["tiers"][0]["at_least"] = "120%"
		response = self.rest(
			self.admin,
			"post",
			"/api/resource/HQE Scheme",
			scheme_code=DRAFT_CODE,
			status="Active",
			definition=json.dumps(definition),
		)
		self.assertEqual(response.status_code, 417, response.get_data(as_text=True)[:400])
		self.assertIn("tiers[0]", response.get_data(as_text=True))
		response = self.rest(
			self.admin, "post", "/api/resource/HQE Scheme", scheme_code=DRAFT_CODE, definition="{not json"
		)
		self.assertEqual(response.status_code, 417)
		self.assertFalse(frappe.db.exists("HQE Scheme", DRAFT_CODE))

	def test_a_county_assessor_cannot_create_edit_or_activate(self):
		definition = frappe.db.get_value("HQE Scheme", "taizhou-2019", "definition")
		response = self.rest(
			self.county, "post", "/api/resource/HQE Scheme", scheme_code=DRAFT_CODE, definition=definition
		)
		self.assertEqual(response.status_code, 403)
		response = self.rest(self.county, "put", "/api/resource/HQE Scheme/taizhou-2019", status="Retired")
		self.assertEqual(response.status_code, 403)
		self.assertEqual(frappe.db.get_value("HQE Scheme", "taizhou-2019", "status"), "Active")
