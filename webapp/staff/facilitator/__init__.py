"""Facilitators: groups and members, the review queue, meetings, observer visits."""
