"""The 公示 on the bureau's public website: the list in the notice's wording and citizens' objections.

`listing` is the one server function the public page reads: open and recently closed publication
batches of a city, with only what a 公示 publishes. `intake` is the guest endpoint that takes a
citizen's real-name objection (rate-limited, size-limited, with a honeypot) onto the application.
`decisions` holds the rows' rules on every save: a desk row's source, a decision's reason, nothing
recorded removed. `page` serves the page (hooks: page_renderer) from `templates/gongshi.html`.
"""
