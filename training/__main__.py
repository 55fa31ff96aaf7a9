"""`python -m training`: train a candidate topic model and switch to it if it is not worse."""

from training.commands import main

main()
