"""The notice's forms (附件1 评分表, 附件2 推荐表): their wording, contents and Excel layout. Frappe-free."""
