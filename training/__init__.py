"""Training, evaluation and the classifier commands (imports classifier; models for corrections)."""
