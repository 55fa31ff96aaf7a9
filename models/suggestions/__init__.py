"""A suggestion's life: its tables, statuses and the moves between them, intake, routing,
moderation, handling by agencies, deadlines, history.
"""
