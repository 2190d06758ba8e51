"""城市审核 before Approve (SPEC §11): the city's review record holds the material check, the data check
and the on-site visit (date, people, findings), and the verified total is still at the pass mark."""

from __future__ import annotations

import frappe
from frappe import _
from hqe_app.high_quality_employment.application.scoring import pass_mark
from hqe_app.programme.workflow import APPROVE, Transition

#: The city review's fields Approve needs, in the form's order.
REQUIRED = ("material_check", "data_check", "site_visit_date", "site_visit_people", "site_visit_record")


class CityReviewIncomplete(frappe.ValidationError):
	pass


def check_city_review(doc, t: Transition) -> None:
	if t.action != APPROVE:
		return
	review = frappe.db.get_value(
		"HQE Review", {"application": doc.name, "review_level": "City"}, ["name", *REQUIRED], as_dict=True
	)
	missing = [f for f in REQUIRED if not (review and str(review.get(f) or "").strip())]
	if missing:
		meta = frappe.get_meta("HQE Review")
		frappe.throw(
			_(
				"Record the city review first (material check, data check, on-site visit); missing: {0}"
			).format(", ".join(_(meta.get_label(f)) for f in missing)),
			CityReviewIncomplete,
			title=_("City Review"),
		)
	mark = pass_mark()
	if (doc.total_score or 0) < mark:
		frappe.throw(
			_(
				"The city's corrections take the verified total to {0}, below the pass mark {1}: "
				"reject the application with a reason instead"
			).format(frappe.format(doc.total_score, {"fieldtype": "Float", "precision": 1}), mark),
			CityReviewIncomplete,
			title=_("Below the Pass Mark"),
		)
