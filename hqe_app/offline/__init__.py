"""The offline scorer `hqe-score` (SPEC §10): a workbook or JSON in, the ranked summary, the quota per
county and one 附件1 score sheet per application out. Frappe-free; reads files through hqe_app.excel_io.
"""
