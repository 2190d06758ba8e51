// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

const HQE_STATE_COLORS = {
	Draft: "red",
	"Pending Township": "orange",
	"Pending County": "orange",
	"County Certified": "blue",
	"Recommended to City": "purple",
	"City Review": "purple",
	Publicized: "yellow",
	"City Certified": "green",
	"County Rejected": "gray",
	"City Rejected": "gray",
};

frappe.listview_settings["HQE Application"] = {
	add_fields: ["workflow_state", "total_score", "eligible", "docstatus"],
	get_indicator(doc) {
		const state = doc.workflow_state || (doc.docstatus === 1 ? "Pending Township" : "Draft");
		return [__(state), HQE_STATE_COLORS[state] || "gray", `workflow_state,=,${state}`];
	},
	formatters: {
		total_score(value, df, doc) {
			const color = doc.eligible ? "var(--text-color)" : "var(--red-500)";
			return `<span style="color:${color}">${format_number(value, null, 1)}</span>`;
		},
	},
};
