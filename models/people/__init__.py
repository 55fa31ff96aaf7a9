"""People: staff accounts, groups and child members, sign-in secrets (passwords, PINs, one-time
codes) and guardian consent.
"""
