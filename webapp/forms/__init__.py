"""Flask-WTF forms, by the pages that use them."""
