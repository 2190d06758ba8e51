"""HQE Review.community, new: filled from each review's application, so a community officer's node
scopes the reviews it may read."""

import frappe


def execute() -> None:
	frappe.db.sql(
		"""update `tabHQE Review` review
		join `tabHQE Application` application on application.name = review.application
		set review.community = application.community
		where review.community is null"""
	)
