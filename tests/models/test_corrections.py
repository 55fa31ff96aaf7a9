"""Corrections people make become labelled examples for retraining, without personal details."""

from models.suggestions.corrections import labelled_corrections
from models.suggestions.tables import Correction


def test_corrections_are_read_newest_label_winning(session, database_url):
    session.add(Correction(text="校门口红绿灯太短", topic="schooling", source="triage"))
    session.add(Correction(text="校门口红绿灯太短", topic="transport", source="reroute"))
    session.add(Correction(text="图书馆周末开门", topic="culture_sports", source="triage"))
    session.commit()
    found = dict(labelled_corrections(database_url))
    assert found["校门口红绿灯太短"] == "transport"
    assert found["图书馆周末开门"] == "culture_sports"


def test_a_database_without_tables_has_no_corrections(tmp_path):
    assert labelled_corrections(f"sqlite:///{tmp_path / 'empty.sqlite3'}") == []
