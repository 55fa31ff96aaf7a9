"""The children's assistant: the dialogue, its steps, small talk, and the conversation kept in
the database.
"""
