"""The baseline for the submit benchmark: a bare Flask endpoint that writes one row."""

from __future__ import annotations

import os

from flask import Flask, request
from sqlalchemy import Column, DateTime, Integer, MetaData, Table, Text, func, insert

from models.db import make_engine

metadata = MetaData()
rows = Table("bench_row", metadata, Column("id", Integer, primary_key=True),
             Column("text", Text, nullable=False),
             Column("created_at", DateTime, server_default=func.now()))
engine = make_engine(os.environ["DATABASE_URL"])
metadata.create_all(engine)
app = Flask(__name__)


@app.post("/write")
def write():
    with engine.begin() as connection:
        connection.execute(insert(rows).values(text=request.form.get("text", "")))
    return "", 303, {"Location": "/done"}
