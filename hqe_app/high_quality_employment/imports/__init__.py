"""Applications in and out of the desk through the data template (SPEC §10).

`applications` imports a filled template row by row through `Document.insert()` as the importing
user; `template_export` writes the template. Both read and write through hqe_app.excel_io, the same
Excel I/O the offline scorer uses.
"""
