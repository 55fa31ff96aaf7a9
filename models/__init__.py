"""The domain: tables and the rules that act on them. Nothing here knows about Flask.

Importing the package registers no table (``models.all_tables`` does; ``webapp.db`` and the
migrations import it), so a command that reads only a plan or the classifier stays small.
"""
