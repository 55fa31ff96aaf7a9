"""Pages for everyone, no sign-in needed: home, sign-in, the assistant, the plain form,
tracking, reports, my data, notices.
"""
