// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

frappe.query_reports["Indicator Score Analysis"] = {
	filters: [
		{
			fieldname: "year",
			label: __("Year"),
			fieldtype: "Int",
			default: new Date().getFullYear(),
			reqd: 1,
		},
		{
			fieldname: "county",
			label: __("County"),
			fieldtype: "Link",
			options: "HQE Region",
			get_query: () => ({ filters: { region_level: "County" } }),
		},
		{
			fieldname: "township",
			label: __("Township"),
			fieldtype: "Link",
			options: "HQE Region",
			get_query: () => {
				const county = frappe.query_report.get_filter_value("county");
				return { filters: county ? { region_level: "Township", parent_hqe_region: county } : { region_level: "Township" } };
			},
		},
	],
};
