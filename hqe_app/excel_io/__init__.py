"""The data template as Excel, shared by the desk and `hqe-score`: its columns, writing it, reading it back.

Frappe-free. The desk's importer and template export (high_quality_employment.imports) and the offline
scorer (hqe_app.offline) both read and write applications through these three modules, so a workbook
filled for one is read the same by the other.
"""
