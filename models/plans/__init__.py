"""The city's plan: the plan files (*.toml) as data and as rows, their checks and the route of
every topic.
"""
