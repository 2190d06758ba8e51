"""The notice's documents: 认定文件 and 公示 batches, the province list, and their print and Excel output.

`batches` submits a certification document or a publication as one workflow move per listed
application; `rows` is the one check every list of applications makes of its rows; `province_list`
is the city's 向省推荐名单; `print_helpers`, `excel_forms` and `export` give the print formats and
the Excel files their contents (wording from hqe_app.forms).
"""
