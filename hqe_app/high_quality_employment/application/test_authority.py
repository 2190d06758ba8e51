# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: who may change what, and when (programme/authority.py), through REST as each level.

The cases are generated from the table itself: for every state of the workflow, every level's user
and a sample of fields of each kind, the expected answer is what the table grants; each write is a
REST PUT as that user, and after a refusal the document is unchanged. Reviews, communities, read
scoping (list, get, link search with ignore_user_permissions) and bad input per field type follow.
"""

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client
from hqe_app.high_quality_employment.application.scoring import apply_scores
from hqe_app.high_quality_employment.testing import (
	CITY,
	api_credentials,
	delete_applications,
	ensure_community,
	ensure_user,
	make_application,
)
from hqe_app.programme.authority import APPLICATION, RECOMPUTED, grants_for
from hqe_app.programme.lifecycle import (
	CITY_CERTIFIED,
	COUNTY_CERTIFIED,
	DRAFT,
	PENDING_COUNTY,
	PENDING_TOWNSHIP,
	PUBLICIZED,
)
from hqe_app.programme.workflow import STATE_DOCSTATUS, STATE_NAMES
from hqe_app.scoring import get_scheme, score

YEAR = 2093
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}
#: One field of each kind the table distinguishes, with a new value to write.
SAMPLE = {
	"employed": 850,  # the community's data
	"has_service_venue": 0,
	"achievements": "新建成效描述",  # 建设成效: community in Draft, county later
	"action_reason": "理由",  # the acting level's
	"recommended_to_province": 1,  # the city's, once city-certified
	"publication_end": "2093-01-02",  # the system's
}


def a_change(field: str, current, level: str):
	"""A value of `field` different from `current`, so every attempt is a real change."""
	sample = SAMPLE[field]
	if field in ("has_service_venue", "recommended_to_province"):
		return 0 if current else 1
	if isinstance(sample, int):
		return sample + len(level)
	if field == "publication_end":
		return f"2093-01-{len(level):02d}"
	return f"{sample}（{level}）"


class TestAuthority(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.community = ensure_community("海门街道", "权限测试村")
		cls.other = ensure_community("东城街道", "权限对照村")
		cls.users = {
			"community": ensure_user("hqe-auth-village@example.com", "community", community=cls.community),
			"township": ensure_user("hqe-auth-township@example.com", "township", "海门街道"),
			"county": ensure_user("hqe-auth-county@example.com", "county", "椒江区"),
			"city": ensure_user("hqe-auth-city@example.com", "city", CITY),
		}
		cls.outsider = ensure_user("hqe-auth-outsider@example.com", "county", "黄岩区")
		cls.other_village = ensure_user("hqe-auth-village2@example.com", "community", community=cls.other)
		everyone = [*cls.users.values(), cls.outsider, cls.other_village]
		cls.tokens = {u: api_credentials(u) for u in everyone}
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for community in (cls.community, cls.other):
			delete_applications(community)
		frappe.db.commit()
		super().tearDownClass()

	def setUp(self):
		frappe.set_user("Administrator")
		for community in (self.community, self.other):
			delete_applications(community)
		frappe.db.commit()

	# --- helpers --------------------------------------------------------------------------------------

	def application(self, state=DRAFT, community=None):
		frappe.set_user(self.users["community"] if not community else "Administrator")
		doc = make_application(
			community or self.community, year=YEAR, seed=7, achievements="原成效", **STRONG
		)
		frappe.set_user("Administrator")
		doc.db_set({"workflow_state": state, "docstatus": STATE_DOCSTATUS[state]})
		frappe.db.commit()
		return doc.name

	def request(self, user, method, path, **kwargs):
		response = make_request(
			target=getattr(get_test_client(), method),
			args=(path,),
			kwargs={"headers": {"Authorization": self.tokens[user]}, **kwargs},
		)
		frappe.db.rollback()
		return response

	def put(self, user, name, **data):
		return self.request(user, "put", f"/api/resource/HQE Application/{name}", json=data)

	def stored(self, name):
		doc = frappe.get_doc("HQE Application", name)
		return {f: doc.get(f) for f in (*SAMPLE, "total_score", "workflow_state", "docstatus", "modified")}

	# --- the application's fields, walked from the table ----------------------------------------------

	def test_every_level_state_and_field_as_the_table_says(self):
		tried = 0
		for state in STATE_NAMES:
			name = self.application(state)
			for level, user in self.users.items():
				roles = set(frappe.get_roles(user))
				for field in SAMPLE:
					allowed = bool(grants_for(APPLICATION, field, roles, state))
					before = self.stored(name)
					value = a_change(field, before[field], level)
					response = self.put(user, name, **{field: value})
					tried += 1
					with self.subTest(state=state, level=level, field=field, allowed=allowed):
						if allowed:
							self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
							doc = frappe.get_doc("HQE Application", name)
							if field == "action_reason":
								self.assertEqual(doc.action_reason, value)
								doc.db_set("action_reason", None)
								frappe.db.commit()
							else:
								self.assertEqual(str(doc.get(field)), str(value))
						else:
							self.assertIn(
								response.status_code, (403, 417), response.get_data(as_text=True)[:300]
							)
							self.assertEqual(self.stored(name), before, "a refused write stores nothing")
			frappe.set_user("Administrator")
			delete_applications(self.community)
			frappe.db.commit()
		self.assertEqual(tried, len(STATE_NAMES) * len(self.users) * len(SAMPLE))
		print(f"\nauthority table: {tried} REST writes tried")

	def test_a_score_sent_by_a_client_is_ignored(self):
		name = self.application()
		scheme = get_scheme()
		entered = frappe.get_doc("HQE Application", name).as_dict()
		values = {f.name: entered.get(f.name) for f in scheme.fields}
		values.update(employed=851, innovation_points=0)
		expected = score(values, scheme).total  # the engine on the data as sent, score field left out
		response = self.put(self.users["community"], name, total_score=110, employed=851)
		self.assertEqual(response.status_code, 200)
		doc = frappe.get_doc("HQE Application", name)
		self.assertEqual(doc.employed, 851)
		self.assertEqual(doc.total_score, expected)
		self.assertNotEqual(expected, 110)

	def test_an_objection_is_resolved_and_kept_never_removed(self):
		name = self.application(PUBLICIZED)
		city = self.users["city"]
		row = {"objection_date": "2093-10-10", "objector": "群众", "content": "就业数据存疑"}
		response = self.put(city, name, objections=[row])
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		recorded = frappe.get_doc("HQE Application", name).objections[0]
		resolved = {**row, "name": recorded.name, "decision": "Not Upheld", "resolution": "经核实数据属实"}
		response = self.put(city, name, objections=[resolved])
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		self.assertEqual(frappe.get_doc("HQE Application", name).objections[0].resolution, "经核实数据属实")
		for attempt in ([], [{**resolved, "content": "改写异议内容"}]):
			with self.subTest(attempt=attempt):
				response = self.put(city, name, objections=attempt)
				self.assertIn(response.status_code, (403, 417))
				kept = frappe.get_doc("HQE Application", name).objections
				self.assertEqual(
					[(r.content, r.resolution) for r in kept], [("就业数据存疑", "经核实数据属实")]
				)

	# --- reviews and communities ----------------------------------------------------------------------

	def post_review(self, user, name, **data):
		return self.request(
			user,
			"post",
			"/api/resource/HQE Review",
			json={"application": name, "decision": "Approve", **data},
		)

	def test_a_review_is_its_authors_level_at_that_level_only(self):
		pending_county = self.application(PENDING_COUNTY)
		cases = (
			(self.users["township"], "County", {"innovation_points": 5}),  # not the township's level
			(self.users["county"], "City", {}),  # not the county's level
			(self.users["township"], "Township", {}),  # the application is not at the township
			(self.users["community"], "Township", {}),
		)
		for user, level, extra in cases:
			with self.subTest(user=user, level=level):
				response = self.post_review(user, pending_county, review_level=level, **extra)
				self.assertIn(response.status_code, (403, 417), response.get_data(as_text=True)[:300])
				self.assertFalse(frappe.db.exists("HQE Review", {"application": pending_county}))
		total = frappe.db.get_value("HQE Application", pending_county, "total_score")
		response = self.post_review(
			self.users["county"], pending_county, review_level="County", innovation_points=2
		)
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		self.assertEqual(frappe.db.get_value("HQE Application", pending_county, "total_score"), total + 2)

	def test_a_community_stays_in_its_township_unless_the_administrator_moves_it(self):
		url = f"/api/resource/HQE Community/{self.community}"
		for user in (self.users["community"], self.users["county"]):
			with self.subTest(user=user):
				response = self.request(user, "put", url, json={"township": "东城街道"})
				self.assertIn(response.status_code, (403, 417))
				self.assertEqual(frappe.db.get_value("HQE Community", self.community, "township"), "海门街道")
		response = self.request(self.users["community"], "put", url, json={"contact_person": "李四"})
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:300])
		self.assertEqual(frappe.db.get_value("HQE Community", self.community, "contact_person"), "李四")

	# --- read scoping ---------------------------------------------------------------------------------

	def test_reviews_and_link_search_stay_in_the_subtree(self):
		mine = self.application(PENDING_COUNTY)
		theirs = self.application(PENDING_COUNTY, community=self.other)
		for name in (mine, theirs):
			frappe.get_doc(
				{
					"doctype": "HQE Review",
					"application": name,
					"review_level": "Township",
					"decision": "Approve",
				}
			).insert(ignore_permissions=True)
		frappe.db.commit()
		village = self.users["community"]
		listed = self.request(
			village, "get", "/api/resource/HQE Review", query_string={"fields": '["application"]'}
		)
		self.assertEqual([r["application"] for r in listed.json["data"]], [mine])
		other_review = frappe.db.get_value("HQE Review", {"application": theirs})
		self.assertEqual(
			self.request(village, "get", f"/api/resource/HQE Review/{other_review}").status_code, 403
		)
		for doctype, wanted, hidden in (
			("HQE Community", self.community, self.other),
			("HQE Application", mine, theirs),
		):
			with self.subTest(doctype=doctype):
				response = self.request(
					self.users["county"],
					"get",
					"/api/method/frappe.desk.search.search_link",
					query_string={
						"doctype": doctype,
						"txt": "",
						"ignore_user_permissions": 1,
						"page_length": 500,
					},
				)
				values = {r["value"] for r in response.json["message"]}
				self.assertIn(wanted, values)
				self.assertNotIn(hidden, values)

	def test_an_action_on_another_subtree_says_not_permitted_only(self):
		theirs = self.application(PENDING_COUNTY, community=self.other)
		response = self.request(
			self.users["county"],
			"post",
			"/api/method/frappe.model.workflow.apply_workflow",
			json={"doc": {"doctype": "HQE Application", "name": theirs}, "action": "Certify"},
		)
		self.assertEqual(response.status_code, 403)
		text = response.get_data(as_text=True)
		for leaked in (PENDING_COUNTY, "Pending County", "待县级"):
			self.assertNotIn(leaked, text)
		self.assertEqual(frappe.db.get_value("HQE Application", theirs, "workflow_state"), PENDING_COUNTY)

	# --- bad input ------------------------------------------------------------------------------------

	def test_bad_input_is_refused_with_the_field_named_never_a_500(self):
		name = self.application()
		village = self.users["community"]
		cases = {
			"employed": ["abc", 12.5, [1, 2], {"a": 1}],
			"has_service_venue": ["maybe", 2],
			"job_referral_level": ["sometimes"],
			"year": ["二〇二六"],
			"media_reports": [[{"outlet": "台州日报", "level": "Planet", "report_date": "2093-05-01"}]],
		}
		before = self.stored(name)
		tried = 0
		for field, values in cases.items():
			for value in values:
				with self.subTest(field=field, value=value):
					response = self.put(village, name, **{field: value})
					tried += 1
					self.assertEqual(response.status_code, 417, response.get_data(as_text=True)[:300])
					label = frappe.get_meta("HQE Application").get_label(field)
					self.assertIn(label, response.get_data(as_text=True))
					self.assertEqual(self.stored(name), before)
		response = self.request(
			village,
			"post",
			"/api/resource/HQE Application",
			json={"community": self.community, "year": YEAR + 1, "employed": "many"},
		)
		self.assertEqual(response.status_code, 417, response.get_data(as_text=True)[:300])
		self.assertFalse(frappe.db.exists("HQE Application", {"community": self.community, "year": YEAR + 1}))
		# a check sent as "1" or "0" is stored and scored as that, never as the other
		for sent, stored in (("1", 1), ("0", 0)):
			response = self.put(village, name, has_service_venue=sent)
			self.assertEqual(response.status_code, 200)
			doc = frappe.get_doc("HQE Application", name)
			self.assertEqual(doc.has_service_venue, stored)
			self.assertEqual(apply_scores(frappe.get_doc("HQE Application", name)).total, doc.total_score)
		self.assertEqual(tried, 9)


# the fields the app recomputes are never in the sample of writable ones
assert not set(SAMPLE) & RECOMPUTED[APPLICATION]
