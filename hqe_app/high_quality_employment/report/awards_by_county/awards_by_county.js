// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["Awards by County"] = {
	filters: [
		...hqe.report_filters(),
		{
			fieldname: "award_level",
			label: __("Award Level"),
			fieldtype: "Select",
			options: ["", "City", "County"],
		},
	],
};
