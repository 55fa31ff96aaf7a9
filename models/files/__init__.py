"""Files: children's photos, agencies' attachments, PDF documents."""
