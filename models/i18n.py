"""The domain's way to mark user-facing words for translation (see ``classifier.i18n``)."""

from classifier.i18n import LIST_SEPARATOR, N_, Message, data_of, joined, stored

__all__ = ["LIST_SEPARATOR", "N_", "Message", "data_of", "joined", "stored"]
