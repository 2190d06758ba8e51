// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

const HQE_STATE_COLORS = {
	Draft: "red",
	"Pending Township": "orange",
	"Pending County": "orange",
	"County Certified": "blue",
	"Recommended to City": "purple",
	"Returned to County": "orange",
	"City Review": "purple",
	Publicized: "yellow",
	"City Certified": "green",
	"County Rejected": "gray",
	"City Rejected": "gray",
};

const HQE_EXPORT_FORMS_METHOD = "/api/method/hqe_app.high_quality_employment.documents.excel_forms.export_forms";

// 附件1 评分表 / 附件2 推荐表 as Excel: for the selected rows, or a whole county-year.
function hqe_setup_form_exports(list) {
	const forms = [
		["scoring", __("Export Scoring Sheets (Excel)"), __("Export Scoring Sheets of a County-Year (Excel)")],
		[
			"recommendation",
			__("Export Recommendation Forms (Excel)"),
			__("Export Recommendation Forms of a County-Year (Excel)"),
		],
	];
	for (const [form, selected_label, county_label] of forms) {
		list.page.add_actions_menu_item(selected_label, () => {
			const names = list.get_checked_items(true);
			open_url_post(HQE_EXPORT_FORMS_METHOD, { form, names: JSON.stringify(names) });
		});
		list.page.add_menu_item(county_label, () => hqe_export_county_year(list, form, county_label));
	}
}

function hqe_export_county_year(list, form, title) {
	const filters = list.get_filters_for_args();
	const value = (field) => (filters.find((f) => f[1] === field && f[2] === "=") || [])[3];
	frappe.prompt(
		[
			{
				fieldname: "county",
				fieldtype: "Link",
				label: __("County"),
				options: "HQE Region",
				reqd: 1,
				default: value("county"),
				get_query: () => ({ filters: { region_level: "County" } }),
			},
			{
				fieldname: "year",
				fieldtype: "Int",
				label: __("Year"),
				reqd: 1,
				default: value("year") || new Date().getFullYear(),
			},
		],
		({ county, year }) => open_url_post(HQE_EXPORT_FORMS_METHOD, { form, county, year }),
		title,
		__("Export")
	);
}

// Frappe's bulk workflow action has no reason; a return or a rejection of many needs one.
function hqe_setup_reasoned_actions(list) {
	list.page.add_actions_menu_item(__("Return or Reject with Reason"), () => {
		const names = list.get_checked_items(true);
		if (!names.length) {
			frappe.msgprint(__("Select the applications first"));
			return;
		}
		frappe.prompt(
			[
				{
					fieldname: "action",
					fieldtype: "Select",
					label: __("Action"),
					options: [
						{ value: "Return", label: __("Return") },
						{ value: "Reject", label: __("Reject") },
					],
					default: "Return",
					reqd: 1,
				},
				{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason"), reqd: 1 },
			],
			async ({ action, reason }) => {
				await frappe.xcall(
					"hqe_app.high_quality_employment.workflow.actions.set_action_reason",
					{ names, action, reason }
				);
				await frappe.xcall("frappe.model.workflow.bulk_workflow_approval", {
					docnames: JSON.stringify(names),
					doctype: "HQE Application",
					action,
				});
				list.refresh();
			},
			__("Return or Reject with Reason"),
			__("Apply")
		);
	});
}

frappe.listview_settings["HQE Application"] = {
	add_fields: ["workflow_state", "total_score", "eligible", "docstatus"],
	onload(list) {
		hqe_setup_form_exports(list);
		hqe_setup_reasoned_actions(list);
		// the data template's buttons (public/js/hqe_application_import.js, loaded on every desk page)
		if (window.hqe && hqe.setup_template_buttons) {
			hqe.setup_template_buttons(list);
		}
	},
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
