"""The offline scorer `hqe-score`: Excel/JSON in, ranked summary and 附件1 score sheets out. No Frappe."""
