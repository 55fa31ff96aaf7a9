"""Telling people: notifications in the app and by e-mail."""
