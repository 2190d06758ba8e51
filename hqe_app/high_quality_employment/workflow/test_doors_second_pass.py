"""Every door, second pass: each tried over REST as the level's own user, on a real site.

The empty state, a county's correction after it certified, Recommend/Resubmit/Confirm below the pass
mark, awards for uncertified applications and outside the awarding level's subtree, a community's
insert, the city's return to the county, blank text in a number field, and the health check.
"""

from __future__ import annotations

import json

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from hqe_app.high_quality_employment.health import check_site
from hqe_app.high_quality_employment.testing import (
	CITY,
	api_credentials,
	delete_applications,
	ensure_community,
	ensure_user,
	make_application,
)
from hqe_app.programme.lifecycle import (
	CITY_CERTIFIED,
	CITY_REVIEW,
	COUNTY_CERTIFIED,
	DRAFT,
	PENDING_COUNTY,
	PENDING_TOWNSHIP,
	PUBLICIZED,
	RECOMMENDED,
	RETURNED_TO_COUNTY,
)
from hqe_app.programme.workflow import STATE_DOCSTATUS

YEAR = 2091
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}
WEAK = {"working_age_capable": 1000, "labor_force": 900, "employed": 100, "certified_workers": 0}


class TestDoorsSecondPass(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.community = ensure_community("白云街道", "二次门测试村")
		cls.second = ensure_community("白云街道", "二次门测试二村")
		cls.elsewhere = ensure_community("澄江街道", "二次门对照村")
		cls.users = {
			"community": ensure_user("hqe-door2-village@example.com", "community", community=cls.community),
			"township": ensure_user("hqe-door2-township@example.com", "township", "白云街道"),
			"county": ensure_user("hqe-door2-county@example.com", "county", "椒江区"),
			"city": ensure_user("hqe-door2-city@example.com", "city", CITY),
			"other_county": ensure_user("hqe-door2-county2@example.com", "county", "黄岩区"),
		}
		cls.tokens = {u: api_credentials(u) for u in cls.users.values()}
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for community in (cls.community, cls.second, cls.elsewhere):
			delete_applications(community)
		frappe.db.delete("HQE Community", {"community_name": ("like", "二次门新建%")})
		frappe.db.commit()
		super().tearDownClass()

	def setUp(self):
		frappe.set_user("Administrator")
		for community in (self.community, self.second, self.elsewhere):
			delete_applications(community)
		frappe.db.commit()

	# --- helpers --------------------------------------------------------------------------------------

	def application(self, state=DRAFT, data=STRONG, community=None):
		frappe.set_user("Administrator")
		doc = make_application(community or self.community, year=YEAR, seed=3, **data)
		doc.db_set({"workflow_state": state, "docstatus": STATE_DOCSTATUS[state]})
		frappe.db.commit()
		return doc.name

	def rest(self, who, method, path, **body):
		response = make_request(
			target=getattr(get_test_client(), method),
			args=(path,),
			kwargs={"headers": {"Authorization": self.tokens[self.users[who]]}, "json": body},
		)
		frappe.db.rollback()
		return response

	def act(self, level, name, action, reason=None):
		if reason:
			frappe.db.set_value("HQE Application", name, "action_reason", reason, update_modified=False)
			frappe.db.commit()
		return self.rest(
			level,
			"post",
			"/api/method/frappe.model.workflow.apply_workflow",
			doc={"doctype": "HQE Application", "name": name},
			action=action,
		)

	def state(self, name):
		return frappe.db.get_value("HQE Application", name, "workflow_state")

	def message(self, response) -> str:
		return response.get_data(as_text=True)

	# --- 1. the empty state ---------------------------------------------------------------------------

	def test_an_empty_state_is_refused_on_every_door(self):
		name = self.application(PENDING_TOWNSHIP)
		url = f"/api/resource/HQE Application/{name}"
		for empty in ("", None):
			response = self.rest("township", "put", url, workflow_state=empty)
			self.assertEqual(response.status_code, 417, self.message(response)[:300])
			self.assertIn("Workflow State", self.message(response))
			response = self.rest(
				"township",
				"post",
				"/api/method/frappe.client.set_value",
				doctype="HQE Application",
				name=name,
				fieldname="workflow_state",
				value=empty,
			)
			self.assertEqual(response.status_code, 417, self.message(response)[:300])
		doc = frappe.get_doc("HQE Application", name).as_dict()
		doc["workflow_state"] = ""
		response = self.rest(
			"township",
			"post",
			"/api/method/frappe.desk.form.save.savedocs",
			doc=json.dumps(doc, default=str),
			action="Save",
		)
		self.assertEqual(response.status_code, 417, self.message(response)[:300])
		self.assertEqual(self.state(name), PENDING_TOWNSHIP)
		self.assertFalse(frappe.db.exists("HQE Review", {"application": name}))
		# server code, as the township's user
		frappe.set_user(self.users["township"])
		try:
			doc = frappe.get_doc("HQE Application", name)
			doc.workflow_state = ""
			with self.assertRaises(frappe.ValidationError):
				doc.save()
		finally:
			frappe.set_user("Administrator")
			frappe.db.rollback()
		self.assertEqual(self.state(name), PENDING_TOWNSHIP)

	# --- 2. a level's decision stands on its own data -------------------------------------------------

	def test_the_county_cannot_correct_its_review_after_it_certified(self):
		name = self.application(PENDING_COUNTY)
		frappe.set_user("Administrator")
		review = frappe.get_doc(
			{"doctype": "HQE Review", "application": name, "review_level": "County", "opinion": "核实"}
		).insert(ignore_permissions=True)
		frappe.db.commit()
		response = self.act("county", name, "Certify")
		self.assertEqual(response.status_code, 200, self.message(response)[:300])
		certified_total = frappe.db.get_value("HQE Application", name, "total_score")
		correction = {"fieldname": "employed", "verified_value": "100", "reason": "核实"}
		response = self.rest(
			"county", "put", f"/api/resource/HQE Review/{review.name}", corrections=[correction]
		)
		self.assertIn(response.status_code, (403, 417), self.message(response)[:300])
		self.assertEqual(frappe.db.get_value("HQE Application", name, "total_score"), certified_total)
		self.assertEqual(frappe.db.count("HQE Correction", {"parent": review.name}), 0)

	def test_recommend_and_confirm_recheck_the_pass_mark(self):
		weak = self.application(COUNTY_CERTIFIED, data=WEAK)
		self.assertLess(frappe.db.get_value("HQE Application", weak, "total_score"), 60)
		response = self.act("county", weak, "Recommend")
		self.assertEqual(response.status_code, 417, self.message(response)[:300])
		self.assertIn("pass mark", self.message(response))
		self.assertEqual(self.state(weak), COUNTY_CERTIFIED)
		frappe.db.set_value(
			"HQE Application", weak, {"workflow_state": PUBLICIZED, "publication_end": "2000-01-01"}
		)
		frappe.db.commit()
		response = self.act("city", weak, "Confirm")
		self.assertEqual(response.status_code, 417, self.message(response)[:300])
		self.assertIn("pass mark", self.message(response))
		self.assertEqual(self.state(weak), PUBLICIZED)

	# --- 3. authority for every programme DocType -----------------------------------------------------

	def award(self, level, application, award_level):
		return self.rest(
			level,
			"post",
			"/api/resource/HQE Award",
			application=application,
			award_level=award_level,
			amount=20000,
			status="Pending",
		)

	def test_awards_only_for_certified_applications_in_the_awarding_subtree(self):
		draft = self.application(DRAFT, community=self.second)
		response = self.award("city", draft, "City")
		self.assertEqual(response.status_code, 417, self.message(response)[:300])
		response = self.award("county", draft, "County")
		self.assertEqual(response.status_code, 417, self.message(response)[:300])
		self.assertFalse(frappe.db.exists("HQE Award", {"application": draft}))
		certified = self.application(COUNTY_CERTIFIED)
		response = self.award("city", certified, "City")  # not yet city-certified
		self.assertEqual(response.status_code, 417, self.message(response)[:300])
		response = self.award("other_county", certified, "County")  # another county's community
		self.assertEqual(response.status_code, 403, self.message(response)[:300])
		response = self.award("county", certified, "County")
		self.assertEqual(response.status_code, 200, self.message(response)[:300])
		self.assertEqual(
			frappe.get_all("HQE Award", filters={"application": certified}, pluck="award_level"), ["County"]
		)

	def test_a_community_is_inserted_enabled_and_inside_the_creators_subtree(self):
		path = "/api/resource/HQE Community"
		response = self.rest(
			"township", "post", path, community_name="二次门新建村", township="白云街道", disabled=1
		)
		self.assertIn(response.status_code, (403, 417), self.message(response)[:300])
		response = self.rest("township", "post", path, community_name="二次门新建村二", township="东城街道")
		self.assertEqual(response.status_code, 403, self.message(response)[:300])
		self.assertEqual(frappe.db.count("HQE Community", {"community_name": ("like", "二次门新建%")}), 0)
		response = self.rest("township", "post", path, community_name="二次门新建村三", township="白云街道")
		self.assertEqual(response.status_code, 200, self.message(response)[:300])
		self.assertEqual(
			frappe.db.get_value(
				"HQE Community", {"community_name": "二次门新建村三"}, ["township", "disabled"]
			),
			("白云街道", 0),
		)

	# --- 5. the city's return -------------------------------------------------------------------------

	def test_the_city_returns_to_the_county_which_supplements_and_the_city_reviews_again(self):
		name = self.application(CITY_REVIEW)
		response = self.act("city", name, "Return")
		self.assertEqual(response.status_code, 417, "a return needs its reason")
		response = self.act("city", name, "Return", reason="请补充就业台账")
		self.assertEqual(response.status_code, 200, self.message(response)[:300])
		self.assertEqual(self.state(name), RETURNED_TO_COUNTY)
		self.assertEqual(
			frappe.db.get_value("HQE Review", {"application": name, "review_level": "City"}, "decision"),
			"Return",
		)
		self.assertIn(
			self.users["county"],
			frappe.get_all(
				"ToDo",
				filters={"reference_name": name, "status": "Open"},
				pluck="allocated_to",
			),
		)
		# the quota slot is kept: the application still counts as recommended
		from hqe_app.programme.lifecycle import RECOMMENDED_OR_LATER

		self.assertIn(RETURNED_TO_COUNTY, RECOMMENDED_OR_LATER)
		# the city cannot act while the county supplements; the county resubmits
		response = self.act("city", name, "Start Review")
		self.assertIn(response.status_code, (403, 417))
		response = self.act("county", name, "Resubmit")
		self.assertEqual(response.status_code, 200, self.message(response)[:300])
		self.assertEqual(self.state(name), RECOMMENDED)
		response = self.act("city", name, "Start Review")
		self.assertEqual(response.status_code, 200, self.message(response)[:300])
		self.assertEqual(self.state(name), CITY_REVIEW)

	# --- 6. blank text in a number field --------------------------------------------------------------

	def test_blank_text_in_a_number_field_is_417_naming_the_field(self):
		body = {"community": self.community, "year": YEAR, **STRONG, "employed": ""}
		response = self.rest("community", "post", "/api/resource/HQE Application", **body)
		self.assertEqual(response.status_code, 417, self.message(response)[:300])
		self.assertIn("Employed", self.message(response))
		self.assertEqual(frappe.db.count("HQE Application", {"community": self.community}), 0)
		name = self.application(DRAFT)
		response = self.rest("community", "put", f"/api/resource/HQE Application/{name}", labor_force="")
		self.assertEqual(response.status_code, 417, self.message(response)[:300])
		self.assertEqual(frappe.db.get_value("HQE Application", name, "labor_force"), STRONG["labor_force"])

	# --- 7. the health check --------------------------------------------------------------------------

	def test_the_health_check_finds_each_kind_of_breach(self):
		name = self.application(CITY_CERTIFIED)
		draft = self.application(DRAFT, community=self.second)
		frappe.db.set_value("HQE Application", name, "total_score", 1.5, update_modified=False)
		frappe.db.set_value("HQE Application", name, "docstatus", 0, update_modified=False)
		awards = {}
		for application in (name, draft):
			award = frappe.get_doc(
				{
					"doctype": "HQE Award",
					"application": application,
					"award_level": "City",
					"amount": 1,
					"status": "Pending",
				}
			)
			award.set_new_name()
			award.db_insert()
			awards[application] = award.name
		try:
			found = {(b["check"], b["record"]) for b in check_site(verbose=False)["breaches"]}
		finally:
			frappe.db.rollback()
		self.assertIn(("score", name), found)
		self.assertIn(("state", name), found)
		self.assertIn(("award", awards[draft]), found)
		self.assertNotIn(("award", awards[name]), found, "a city award of a city-certified one stands")
		self.assertIn(("quota", f"椒江区 {YEAR}"), found, "one recommended with a quota of 0")
		self.assertNotIn(("score", draft), found)

	def test_a_county_writes_its_own_lists_only(self):
		"""The county's recommendation and certification document name only its own county."""
		mine = self.application(COUNTY_CERTIFIED)
		response = self.rest("county", "post", "/api/resource/HQE Recommendation", county="黄岩区", year=YEAR)
		self.assertEqual(response.status_code, 403, self.message(response)[:300])
		response = self.rest(
			"county",
			"post",
			"/api/resource/HQE Certification Document",
			level="County",
			region="黄岩区",
			year=YEAR,
			document_number="黄人社〔2091〕1号",
			document_date=f"{YEAR}-08-20",
			applications=[{"application": mine}],
		)
		self.assertEqual(response.status_code, 403, self.message(response)[:300])
		self.assertEqual(frappe.db.count("HQE Recommendation", {"year": YEAR}), 0)
		self.assertEqual(frappe.db.count("HQE Certification Document", {"year": YEAR}), 0)
		response = self.rest("county", "post", "/api/resource/HQE Recommendation", county="椒江区", year=YEAR)
		self.assertEqual(response.status_code, 200, self.message(response)[:300])
		frappe.db.delete("HQE Recommendation", {"year": YEAR})
		frappe.db.commit()
