# Copyright (c) 2026, hqe_app developers and Contributors
# See license.txt
"""Integration: the notice's documents (SPEC §11) and the city's calendar (SPEC §7), as the users of the
levels concerned, and a county user of another subtree who sees none of it.

A county certifies a batch under one document number (REST), the city records its review, publishes the
batch, confirms it under its own document, recommends one community to the province; awards of both
levels and the approval history follow. Deadlines close the city's steps until extended for a region.
"""

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, get_test_client, getdate, nowdate
from hqe_app.high_quality_employment.testing import (
	api_credentials,
	delete_applications,
	ensure_community,
	ensure_region,
	ensure_user,
	make_application,
)
from hqe_app.programme.calendar import add_working_days
from hqe_app.programme.lifecycle import (
	CITY_CERTIFIED,
	CITY_REVIEW,
	COUNTY_CERTIFIED,
	PENDING_COUNTY,
	PENDING_TOWNSHIP,
	PUBLICIZED,
	RECOMMENDED,
)
from hqe_app.programme.workflow import STATE_DOCSTATUS

YEAR, CLOSED, LATE = 2091, 2089, 2088
CITY = "文件测试市"
COUNTY, OTHER_COUNTY = "文件甲县", "文件乙县"
TOWN, OTHER_TOWN = "文件甲镇", "文件乙镇"
STRONG = {"working_age_capable": 1000, "labor_force": 900, "employed": 890, "certified_workers": 300}
REVIEW = {
	"material_check": "材料齐全",
	"data_check": "抽查就业数据10户，一致",
	"site_visit_date": "2091-09-20",
	"site_visit_people": "王五、赵六",
	"site_visit_record": "服务窗口运行正常",
}


def as_user(user):
	frappe.set_user(user)


class TestDocuments(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		ensure_region(CITY, "City")
		for county, town in ((COUNTY, TOWN), (OTHER_COUNTY, OTHER_TOWN)):
			ensure_region(county, "County", CITY)
			ensure_region(town, "Township", county)
		cls.communities = [ensure_community(TOWN, f"文件测试{i}社区") for i in range(4)]
		cls.county = ensure_user("hqe-doc-county@example.com", "county", COUNTY)
		cls.city = ensure_user("hqe-doc-city@example.com", "city", CITY)
		cls.other = ensure_user("hqe-doc-other@example.com", "county", OTHER_COUNTY)
		cls.token = api_credentials(cls.county)
		settings = frappe.get_single("HQE Settings")
		settings.set("county_awards", [r for r in settings.county_awards if r.county != COUNTY])
		settings.append("county_awards", {"county": COUNTY, "amount": 5000})
		settings.set("calendar", [r for r in settings.calendar if r.year not in (CLOSED, LATE)])
		settings.append("calendar", {"year": CLOSED, "city_review_deadline": "2020-09-30"})
		settings.append(
			"calendar", {"year": LATE, "city_certification_deadline": str(add_days(nowdate(), 2))}
		)
		settings.set("extensions", [r for r in settings.extensions if r.year not in (CLOSED, LATE)])
		settings.save()
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		cls.cleanup()
		settings = frappe.get_single("HQE Settings")
		settings.set("county_awards", [r for r in settings.county_awards if r.county != COUNTY])
		settings.set("calendar", [r for r in settings.calendar if r.year not in (CLOSED, LATE)])
		settings.set("extensions", [r for r in settings.extensions if r.year not in (CLOSED, LATE)])
		settings.save()
		frappe.db.commit()
		super().tearDownClass()

	@classmethod
	def cleanup(cls):
		for doctype in ("HQE Certification Document", "HQE Publication", "HQE Province Recommendation"):
			names = frappe.get_all(doctype, filters={"region": ("in", (CITY, COUNTY))}, pluck="name")
			child = {
				"HQE Certification Document": "HQE Certified Application",
				"HQE Publication": "HQE Publication Item",
				"HQE Province Recommendation": "HQE Province Recommendation Item",
			}[doctype]
			frappe.db.delete(child, {"parent": ("in", names or [""])})
			frappe.db.delete(doctype, {"name": ("in", names or [""])})
		frappe.db.delete("HQE Approval Log", {"community": ("in", cls.communities)})
		for community in cls.communities:
			delete_applications(community)

	def setUp(self):
		frappe.set_user("Administrator")
		self.cleanup()
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	# --- helpers --------------------------------------------------------------------------------------

	def application(self, i, state, year=YEAR, **values):
		doc = make_application(self.communities[i], year=year, seed=3, **{**STRONG, **values})
		doc.db_set({"workflow_state": state, "docstatus": STATE_DOCSTATUS[state]})
		return doc.name

	def state(self, name):
		return frappe.db.get_value("HQE Application", name, "workflow_state")

	def city_review(self, name, corrections=()):
		as_user(self.city)
		frappe.get_doc(
			{
				"doctype": "HQE Review",
				"application": name,
				"review_level": "City",
				**REVIEW,
				"corrections": [
					{"fieldname": f, "verified_value": v, "reason": "市级核查"} for f, v in corrections
				],
			}
		).insert()

	def document(self, level, region, names, number, submit=True):
		doc = frappe.get_doc(
			{
				"doctype": "HQE Certification Document",
				"level": level,
				"region": region,
				"year": YEAR,
				"document_number": number,
				"document_date": nowdate(),
				"applications": [{"application": n} for n in names],
			}
		).insert()
		if submit:
			doc.submit()
		return doc

	# --- the whole autumn -------------------------------------------------------------------------------

	def test_county_document_publication_city_document_province_list_awards_history(self):
		first, second = self.application(0, PENDING_COUNTY), self.application(1, PENDING_COUNTY)
		frappe.db.commit()
		response = make_request(
			target=get_test_client().post,
			args=("/api/resource/HQE Certification Document",),
			kwargs={
				"headers": {"Authorization": self.token},
				"json": {
					"level": "County",
					"region": COUNTY,
					"year": YEAR,
					"document_number": "甲人社〔2091〕18号",
					"document_date": "2091-08-20",
					"applications": [{"application": first}, {"application": second}],
					"docstatus": 1,
				},
			},
		)
		frappe.db.rollback()
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True)[:500])
		self.assertEqual(response.json["data"]["name"], "甲人社〔2091〕18号")
		for name in (first, second):
			self.assertEqual(
				frappe.db.get_value(
					"HQE Application", name, ["workflow_state", "county_certification_document"]
				),
				(COUNTY_CERTIFIED, "甲人社〔2091〕18号"),
			)
		self.assertEqual(
			frappe.get_all("HQE Award", filters={"application": first}, fields=["award_level", "amount"]),
			[{"award_level": "County", "amount": 5000}],
		)
		# another county's user sees neither the document nor the award
		as_user(self.other)
		self.assertEqual(frappe.get_list("HQE Certification Document", filters={"year": YEAR}), [])
		self.assertFalse(frappe.has_permission("HQE Certification Document", "read", "甲人社〔2091〕18号"))
		self.assertEqual(frappe.get_list("HQE Award", filters={"application": first}), [])

		frappe.set_user("Administrator")
		for name in (first, second):
			frappe.db.set_value("HQE Application", name, "workflow_state", RECOMMENDED)
		as_user(self.city)
		for name in (first, second):
			apply_workflow(frappe.get_doc("HQE Application", name), "Start Review")
		# no city review yet: the publication batch is refused as a whole
		publication = frappe.get_doc(
			{
				"doctype": "HQE Publication",
				"region": CITY,
				"year": YEAR,
				"applications": [{"application": first}, {"application": second}],
			}
		).insert()
		frappe.db.savepoint("publish")
		with self.assertRaisesRegex(frappe.ValidationError, "city review"):
			publication.submit()
		frappe.db.rollback(save_point="publish")  # as the failed request's own rollback would
		self.assertEqual(self.state(first), CITY_REVIEW)
		self.city_review(first)
		self.city_review(second)
		publication.reload()
		publication.submit()
		end = add_working_days(getdate(nowdate()), 5)
		self.assertEqual(
			(getdate(publication.publication_start), getdate(publication.publication_end)),
			(getdate(nowdate()), end),
		)
		self.assertEqual({self.state(first), self.state(second)}, {PUBLICIZED})

		# confirming before the period ends is refused, for the whole document
		frappe.db.savepoint("confirm")
		with self.assertRaisesRegex(frappe.ValidationError, "publication period"):
			self.document("City", CITY, [first, second], "台人社〔2091〕30号")
		frappe.db.rollback(save_point="confirm")
		frappe.set_user("Administrator")
		for name in (first, second):
			frappe.db.set_value("HQE Application", name, "publication_end", add_days(nowdate(), -1))
		as_user(self.city)
		self.document("City", CITY, [first, second], "台人社〔2091〕30号")
		for name in (first, second):
			self.assertEqual(
				frappe.db.get_value(
					"HQE Application",
					name,
					["workflow_state", "county_certification_document", "city_certification_document"],
				),
				(CITY_CERTIFIED, "甲人社〔2091〕18号", "台人社〔2091〕30号"),
			)
		awards = frappe.get_all(
			"HQE Award",
			filters={"application": first},
			fields=["award_level", "amount", "status"],
			order_by="award_level",
		)
		self.assertEqual(
			[(a.award_level, a.amount, a.status) for a in awards],
			[("City", 20000, "Pending"), ("County", 5000, "Pending")],
		)
		# the county records its own award's payment, not the city's
		as_user(self.county)
		county_award = frappe.get_doc("HQE Award", {"application": first, "award_level": "County"})
		county_award.update({"status": "Paid", "payment_date": nowdate(), "payment_reference": "甲财2091-1"})
		county_award.save()
		city_award = frappe.get_doc("HQE Award", {"application": first, "award_level": "City"})
		city_award.status = "Paid"
		city_award.update({"payment_date": nowdate(), "payment_reference": "x"})
		with self.assertRaises(frappe.PermissionError):
			city_award.save()

		as_user(self.city)
		province = frappe.get_doc(
			{
				"doctype": "HQE Province Recommendation",
				"region": CITY,
				"year": YEAR,
				"applications": [{"application": first, "contact_person": "李四", "achievements": "成效"}],
			}
		).insert()
		self.assertEqual(province.name, f"{CITY}-{YEAR}")
		self.assertEqual(frappe.db.get_value("HQE Application", first, "recommended_to_province"), 1)
		self.assertEqual(frappe.db.get_value("HQE Application", second, "recommended_to_province"), 0)
		as_user(self.other)
		self.assertEqual(frappe.get_list("HQE Province Recommendation", filters={"year": YEAR}), [])

		frappe.set_user("Administrator")
		history = frappe.get_all(
			"HQE Approval Log",
			filters={"application": first},
			fields=["action", "from_state", "to_state", "user"],
			order_by="acted_at asc, creation asc",
		)
		self.assertEqual(
			[(h.action, h.to_state, h.user) for h in history],
			[
				("Certify", COUNTY_CERTIFIED, self.county),
				("Start Review", CITY_REVIEW, self.city),
				("Approve", PUBLICIZED, self.city),
				("Confirm", CITY_CERTIFIED, self.city),
			],
		)

	def test_a_document_refuses_applications_of_another_county_or_state(self):
		mine = self.application(0, PENDING_COUNTY)
		early = self.application(1, PENDING_TOWNSHIP)
		as_user(self.county)
		with self.assertRaisesRegex(frappe.ValidationError, "this document takes applications in"):
			self.document("County", COUNTY, [early], "甲人社〔2091〕19号", submit=False)
		as_user(self.other)
		with self.assertRaises(frappe.PermissionError):
			self.document("County", COUNTY, [mine], "甲人社〔2091〕20号", submit=False)

	# --- city review rules -------------------------------------------------------------------------------

	def test_approve_needs_all_three_checks_recorded(self):
		name = self.application(0, CITY_REVIEW)
		as_user(self.city)
		frappe.get_doc(
			{"doctype": "HQE Review", "application": name, "review_level": "City", "material_check": "齐全"}
		).insert()
		with self.assertRaisesRegex(frappe.ValidationError, "Site Visit People"):
			apply_workflow(frappe.get_doc("HQE Application", name), "Approve")
		review = frappe.get_doc("HQE Review", {"application": name, "review_level": "City"})
		review.update(REVIEW)
		review.save()
		apply_workflow(frappe.get_doc("HQE Application", name), "Approve")
		self.assertEqual(self.state(name), PUBLICIZED)

	def test_a_city_correction_below_the_pass_mark_blocks_approve(self):
		name = self.application(0, CITY_REVIEW)
		self.city_review(
			name,
			[
				("has_service_venue", "0"),
				("has_professional_staff", "0"),
				("employed", "800"),
				("certified_workers", "0"),
				("job_referral_level", "none"),
				("other_services_level", "none"),
				("visits_recorded", "0"),
			],
		)
		total = frappe.db.get_value("HQE Application", name, "total_score")
		self.assertLess(total, 60)
		with self.assertRaisesRegex(frappe.ValidationError, "below the pass mark"):
			apply_workflow(frappe.get_doc("HQE Application", name), "Approve")
		self.assertEqual(self.state(name), CITY_REVIEW)

	# --- the city's calendar -------------------------------------------------------------------------------

	def test_city_review_closes_at_its_deadline_until_extended_for_the_city(self):
		name = self.application(0, RECOMMENDED, year=CLOSED)
		as_user(self.city)
		with self.assertRaisesRegex(frappe.ValidationError, "2020"):
			apply_workflow(frappe.get_doc("HQE Application", name), "Start Review")
		frappe.set_user("Administrator")
		settings = frappe.get_single("HQE Settings")
		settings.append(
			"extensions",
			{
				"region": CITY,
				"year": CLOSED,
				"step": "city_review_deadline",
				"extended_to": str(add_days(nowdate(), 3)),
				"reason": "台风影响",
			},
		)
		settings.save()
		as_user(self.city)
		apply_workflow(frappe.get_doc("HQE Application", name), "Start Review")
		self.assertEqual(self.state(name), CITY_REVIEW)

	def test_an_extension_of_another_county_does_not_open_this_one(self):
		name = self.application(0, RECOMMENDED, year=CLOSED)
		settings = frappe.get_single("HQE Settings")
		settings.append(
			"extensions",
			{
				"region": OTHER_COUNTY,
				"year": CLOSED,
				"step": "city_review_deadline",
				"extended_to": str(add_days(nowdate(), 3)),
			},
		)
		settings.save()
		as_user(self.city)
		with self.assertRaisesRegex(frappe.ValidationError, "2020"):
			apply_workflow(frappe.get_doc("HQE Application", name), "Start Review")

	def test_approve_refused_when_the_publication_would_end_after_the_deadline(self):
		name = self.application(0, CITY_REVIEW, year=LATE)
		self.city_review(name)
		end = add_working_days(getdate(nowdate()), 5)
		with self.assertRaisesRegex(frappe.ValidationError, frappe.utils.format_date(end)):
			apply_workflow(frappe.get_doc("HQE Application", name), "Approve")
		frappe.set_user("Administrator")
		settings = frappe.get_single("HQE Settings")
		settings.append(
			"extensions",
			{
				"region": COUNTY,
				"year": LATE,
				"step": "city_certification_deadline",
				"extended_to": str(add_days(nowdate(), 30)),
			},
		)
		settings.save()
		as_user(self.city)
		apply_workflow(frappe.get_doc("HQE Application", name), "Approve")
		self.assertEqual(self.state(name), PUBLICIZED)
