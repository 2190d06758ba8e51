// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt
// The filters the programme's reports share: year, county and (optionally) township.

frappe.provide("hqe");

hqe.report_filters = function ({ township = true } = {}) {
	const filters = [
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
	];
	if (township) {
		filters.push({
			fieldname: "township",
			label: __("Township"),
			fieldtype: "Link",
			options: "HQE Region",
			get_query: () => {
				const county = frappe.query_report.get_filter_value("county");
				const filters = { region_level: "Township" };
				if (county) filters.parent_hqe_region = county;
				return { filters };
			},
		});
	}
	return filters;
};
