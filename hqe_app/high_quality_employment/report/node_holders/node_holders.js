// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["Node Holders"] = {
	filters: [
		{
			fieldname: "level",
			label: __("Level"),
			fieldtype: "Select",
			options: [
				"",
				{ value: "City", label: __("City") },
				{ value: "County", label: __("County") },
				{ value: "Township", label: __("Township") },
				{ value: "Community", label: __("Community") },
				{ value: "No Node", label: __("No Node") },
			],
		},
		...hqe.report_filters().filter((f) => f.fieldname !== "year"),
		{ fieldname: "without_people", label: __("Only Nodes without People"), fieldtype: "Check" },
	],
};
