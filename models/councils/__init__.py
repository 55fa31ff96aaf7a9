"""Councils and observer groups at work: meetings, minutes, votes, group support, observer
visits and their checklists and reports.
"""
