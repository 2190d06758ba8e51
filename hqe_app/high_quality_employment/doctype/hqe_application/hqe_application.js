// Copyright (c) 2026, hqe_app developers and contributors
// For license information, please see license.txt

const HQE_NEEDS_REASON = ["Return", "Reject"];
const HQE_SET_REASON_METHOD = "hqe_app.high_quality_employment.workflow.actions.set_action_reason";

// 附件1 评分表 and 附件2 推荐表 of this application as Excel (the print formats give the same on paper).
function hqe_add_form_exports(frm) {
	if (frm.is_new()) {
		return;
	}
	const group = __("Export to Excel");
	for (const [form, label] of [
		["scoring", __("Scoring Sheet (Annex 1)")],
		["recommendation", __("Recommendation Form (Annex 2)")],
	]) {
		frm.add_custom_button(
			label,
			() =>
				open_url_post("/api/method/hqe_app.high_quality_employment.documents.excel_forms.export_forms", {
					form,
					names: JSON.stringify([frm.doc.name]),
				}),
			group
		);
	}
}

// 距离达标: the engine's options and data flags as stored on the last save, rendered by the server.
function hqe_show_gap(frm) {
	const field = frm.get_field("gap_html");
	if (frm.is_new()) {
		field.$wrapper.empty();
		return;
	}
	frappe
		.xcall("hqe_app.high_quality_employment.application.gap_view.gap_section", { name: frm.doc.name })
		.then(({ html, flags }) => {
			field.$wrapper.html(html);
			// The flags also head the form, for the reviewer of every level (cleared on each refresh).
			frm.layout.show_message();
			if (flags.length) {
				const items = flags.map(
					(f) => `<li>${[f.code, f.label, f.message].map(frappe.utils.escape_html).join(" · ")}</li>`
				);
				frm.layout.show_message(
					`<div><b>${__("Data Flags")}</b><ul>${items.join("")}</ul></div>`,
					"yellow"
				);
			}
		});
}

// The form as the application's scheme words it (labels, section titles, the notice's fields it does
// not use hidden); a new application takes the scheme its county and year would record.
const hqe_layouts = {};
function hqe_apply_scheme_layout(frm) {
	const args = frm.doc.scheme
		? { scheme: frm.doc.scheme, version: frm.doc.scheme_version || 0 }
		: { county: frm.doc.county || "", year: frm.doc.year || 0 };
	const key = JSON.stringify(args);
	const known = hqe_layouts[key];
	const apply = ({ labels, sections, hidden }) => {
		for (const [field, label] of Object.entries(labels)) {
			frm.set_df_property(field, "label", label);
		}
		// a section draws its head once, from its label: the head's text is replaced in place
		for (const [field, label] of Object.entries(sections)) {
			const section = frm.get_field(field);
			if (section && section.head && section.df.label !== label) {
				section.df.label = label;
				section.head
					.contents()
					.filter((_i, node) => node.nodeType === Node.TEXT_NODE)
					.remove();
				section.head.prepend(document.createTextNode(label));
			}
		}
		for (const field of hidden) {
			frm.set_df_property(field, "hidden", 1);
		}
	};
	if (known) {
		apply(known);
		return;
	}
	frappe
		.xcall("hqe_app.high_quality_employment.application.form_layout.form_layout", args)
		.then((layout) => {
			hqe_layouts[key] = layout;
			apply(layout);
		});
}

frappe.ui.form.on("HQE Application", {
	year: hqe_apply_scheme_layout,
	community: hqe_apply_scheme_layout,

	refresh(frm) {
		hqe_apply_scheme_layout(frm);
		// the rows of the scheme's added items are the server's: one per item, answered here
		frm.set_df_property("checklist_answers", "cannot_add_rows", true);
		frm.set_df_property("checklist_answers", "cannot_delete_rows", true);
		if (frm.doc.workflow_reason && ["Draft", "Pending Township"].includes(frm.doc.workflow_state)) {
			frm.dashboard.set_headline_alert(
				`${__("Reason of the Last Return or Rejection")}: ${frappe.utils.escape_html(frm.doc.workflow_reason)}`,
				"orange"
			);
		}
		hqe_add_form_exports(frm);
		hqe_show_gap(frm);
	},

	before_workflow_action(frm) {
		// A return or a rejection needs a reason: recorded first, then Frappe applies the action.
		if (!HQE_NEEDS_REASON.includes(frm.selected_workflow_action)) {
			return;
		}
		const action = frm.selected_workflow_action;
		frappe.dom.unfreeze();
		return new Promise((resolve, reject) => {
			let given = false;
			const dialog = new frappe.ui.Dialog({
				title: __(action),
				fields: [{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason"), reqd: 1 }],
				primary_action_label: __(action),
				primary_action({ reason }) {
					given = true;
					dialog.hide();
					frappe.dom.freeze();
					frappe
						.xcall(HQE_SET_REASON_METHOD, { names: [frm.doc.name], action, reason })
						.then(resolve, reject);
				},
			});
			dialog.onhide = () => {
				if (!given) reject();
			};
			dialog.show();
		});
	},
});
