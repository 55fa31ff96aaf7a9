"""Who sees what and for how long: staff scope, audit and access logs, children's rights,
retention, backups, personal-data checks.
"""
