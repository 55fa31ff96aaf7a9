"""Seed a province's worth of suggestions with realistic histories, fast.

Every suggestion gets a plan (weighted like the five cities' sizes), a topic routed by that
plan, a status drawn from a realistic mix and the events that lead to it (about 4.8 each),
the agencies it was sent to, answers, ratings, overdue flags and, rarely, a safeguarding
case. Groups, members and staff accounts are made with the ORM; the big tables go in by
COPY on PostgreSQL and by executemany on SQLite, in chunks, with ids assigned here.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlmodel import Session, select

from classifier.topics import TOPIC_IDS
from models.common import CODE_ALPHABET, utcnow
from models.people.passwords import hash_secret
from models.people.tables import (
    Account,
    Group,
    GroupFacilitator,
    GroupKind,
    GroupLevel,
    Member,
    Role,
)
from models.plans.importer import import_all
from models.plans.plan import load_plan
from models.plans.tables import Agency
from models.suggestions.deadlines import add_working_days

PASSWORD = "scale-bench-2026"
CHUNK = 20_000
PLAN_WEIGHTS = {"changzhou": 0.3, "hengyang": 0.25, "meizhou": 0.2, "xiuzhou": 0.15,
                "dadukou": 0.1}
# (path, share) over two years of a city: an item spends weeks open and years closed, so
# most are closed or declined and only a few percent wait on someone at any moment.
STATUS_MIX = [("closed", 0.27), ("closed_quick", 0.27), ("answered", 0.05),
              ("in_progress", 0.02), ("accepted", 0.01), ("dispatched", 0.01),
              ("returned", 0.003), ("in_review", 0.015), ("submitted", 0.01),
              ("declined", 0.30), ("merged", 0.042)]
# The events that bring an item to each status: (action, status after it).
_SENT = [("submit", "submitted"), ("approve", "in_review"), ("dispatch", "dispatched")]
_ANSWERED = _SENT + [("accept", "accepted"), ("start", "in_progress"), ("answer", "answered")]
PATHS = {
    "submitted": _SENT[:1], "in_review": _SENT[:2], "dispatched": _SENT,
    "declined": _SENT[:2] + [("decline", "declined")], "merged": _SENT[:1] + [("merge", "merged")],
    "returned": _SENT + [("return", "returned")], "accepted": _SENT + [("accept", "accepted")],
    "in_progress": _ANSWERED[:5], "answered": _ANSWERED,
    "closed": _ANSWERED + [("rate", "closed")],
    "closed_quick": _ANSWERED[:4] + [("answer", "answered"), ("rate", "closed")],
    "reopened": _ANSWERED + [("rate", "closed"), ("reopen", "in_review")],
}
AGENCY_ACTS = ("accept", "start", "answer", "return")
# Paths still open today started in the last days or weeks (days back at most).
RECENT = {"dispatched": 5, "accepted": 25, "in_progress": 30, "answered": 20, "returned": 10,
          "in_review": 10, "submitted": 5, "reopened": 20}
PLACES = ["学校门口", "小区楼下", "公园里", "图书馆", "公交站", "操场上", "河边", "社区活动室",
          "医院儿科", "上学路上", "菜市场旁边", "体育馆"]
PROBLEMS = ["的红绿灯时间太短了", "没有给小朋友用的洗手池", "晚上太黑了，路灯坏了",
            "的滑梯坏了好久没人修", "垃圾桶总是满的", "车开得太快，过马路很害怕",
            "没有地方坐下来看书", "的厕所太脏了", "周末总是关门", "排队的时间太长了"]
WISHES = ["希望能快点修好", "希望可以多装几个", "希望大人们来看一看", "希望能有人管一管",
          "希望以后能开放给我们", "谢谢叔叔阿姨"]


@dataclass
class City:
    """What one plan's suggestions draw on: its routes, agency ids, groups and members."""

    plan_id: str
    routes: dict[str, tuple[str, str, str, list[int], list[int]]]
    groups: list[tuple[int, list[int]]] = field(default_factory=list)
    staff: dict[int, int] = field(default_factory=dict)


def _routes(session: Session, plan_id: str) -> dict:
    plan = load_plan(plan_id)
    ids = {name: agency_id for agency_id, name in session.exec(
        select(Agency.id, Agency.name).where(Agency.plan_id == plan_id))}
    routes = {}
    for topic in TOPIC_IDS:
        route = plan.route(topic)
        leads = [ids[n] for n in route.lead_agencies if n in ids]
        partners = [ids[n] for n in route.partner_agencies if n in ids and ids[n] not in leads]
        routes[topic] = (route.domain or "", route.task_id or "", (route.task_title or "")[:300],
                         leads, partners)
    return routes


def _people(session: Session, city: City, groups: int, password_hash: str, tag: str) -> None:
    """Groups of 15 children, a facilitator for every three groups, one staff per agency."""
    facilitator = None
    for number in range(groups):
        if number % 3 == 0:
            facilitator = Account(username=f"bench-{tag}-{city.plan_id}-f{number // 3}",
                                  display_name=f"辅导员{number // 3}", password_hash=password_hash,
                                  role=Role.FACILITATOR, plan_id=city.plan_id)
            session.add(facilitator)
        group = Group(name=f"第{number + 1}儿童议事会", kind=GroupKind.COUNCIL,
                      level=GroupLevel.COMMUNITY, plan_id=city.plan_id,
                      invite_code=f"B{tag}{city.plan_id[:2].upper()}{number}")
        session.add(group)
        session.flush()
        session.add(GroupFacilitator(group_id=group.id, account_id=facilitator.id))
        kids = [Member(group_id=group.id, nickname=f"小朋友{n}", birth_year=2012 + n % 6,
                       birth_month=1 + n % 12, pin_hash=password_hash) for n in range(15)]
        session.add_all(kids)
        session.flush()
        city.groups.append((group.id, [kid.id for kid in kids]))
    agencies = session.exec(select(Agency.id).where(Agency.plan_id == city.plan_id)).all()
    for agency_id in agencies:
        staff = Account(username=f"bench-{tag}-{city.plan_id}-a{agency_id}",
                        display_name="联络员", password_hash=password_hash,
                        role=Role.AGENCY_STAFF, plan_id=city.plan_id, agency_id=agency_id)
        session.add(staff)
        session.flush()
        city.staff[agency_id] = staff.id
    session.add(Account(username=f"bench-{tag}-{city.plan_id}-coordinator",
                        display_name="妇儿工委办", password_hash=password_hash,
                        role=Role.COORDINATOR, plan_id=city.plan_id, is_safeguarding_lead=True))


def _code(number: int) -> str:
    """Seven characters where real codes have six: never clashes with a real one."""
    out = []
    for _ in range(7):
        number, digit = divmod(number, len(CODE_ALPHABET))
        out.append(CODE_ALPHABET[digit])
    return "TS-" + "".join(out)


class Writer:
    """Rows into tables fast: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self, session: Session):
        self.session = session
        self.postgres = session.get_bind().dialect.name == "postgresql"

    def next_id(self, table: str) -> int:
        return self._scalar(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")

    def _scalar(self, sql: str):
        return self.session.connection().execute(text(sql)).scalar()

    def write(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        if not rows:
            return
        if self.postgres:
            cursor = self.session.connection().connection.driver_connection.cursor()
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(f":{c}" for c in columns)
            statement = text(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})")
            self.session.connection().execute(
                statement, [dict(zip(columns, map(_sqlite, r), strict=True)) for r in rows])

    def finish(self, tables: list[str]) -> None:
        """Move PostgreSQL's id sequences past the ids assigned here."""
        if self.postgres:
            for table in tables:
                self._scalar(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                             f"(SELECT COALESCE(MAX(id), 1) FROM {table}))")
        else:
            self.session.connection().execute(text("ANALYZE"))


def _sqlite(value):
    """Times as SQLAlchemy stores them on SQLite: naive UTC text."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


SUGGESTION_COLUMNS = [
    "id", "tracking_code", "plan_id", "group_id", "member_id", "body_hash", "original_text",
    "clarified_text", "redacted_text", "place", "topic", "confidence", "model_version",
    "abstained", "domain", "task_id", "task_title", "status", "urgent", "consent_to_publish",
    "published", "sign_due", "answer_due", "overdue", "created_at", "updated_at"]
EVENT_COLUMNS = ["id", "suggestion_id", "action", "from_status", "to_status", "actor_kind",
                 "actor_id", "actor_name", "note", "created_at"]
ASSIGNMENT_COLUMNS = ["id", "suggestion_id", "agency_id", "role", "is_current", "assigned_at"]
ANSWER_COLUMNS = ["id", "suggestion_id", "agency_id", "account_id", "child_text", "formal_text",
                  "due_weight", "reason", "next_step", "created_at"]
RATING_COLUMNS = ["id", "suggestion_id", "value", "comment", "created_at"]
CASE_COLUMNS = ["id", "plan_id", "group_id", "suggestion_code", "child_label", "disclosure",
                "status", "opened_at"]
TABLES = {"suggestion": SUGGESTION_COLUMNS, "event": EVENT_COLUMNS,
          "assignment": ASSIGNMENT_COLUMNS, "answer": ANSWER_COLUMNS, "rating": RATING_COLUMNS,
          "safeguarding_case": CASE_COLUMNS}


class Builder:
    """Turns one drawn suggestion into its rows in every table."""

    def __init__(self, rng: random.Random, now: datetime, ids: dict[str, int], *,
                 cycle: list[str] | None = None, urgent_share: float = 0.003,
                 public_share: float = 0.15):
        """``cycle``: take these paths in turn instead of drawing them (tests)."""
        self.rng, self.now, self.ids = rng, now, dict(ids)
        self.cycle, self.turn = cycle, 0
        self.urgent_share, self.public_share = urgent_share, public_share
        self.rows: dict[str, list[tuple]] = {table: [] for table in TABLES}

    def _id(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    def _status(self) -> str:
        if self.cycle:
            self.turn += 1
            return self.cycle[(self.turn - 1) % len(self.cycle)]
        status = self.rng.choices([s for s, _ in STATUS_MIX], [w for _, w in STATUS_MIX])[0]
        return "reopened" if status == "in_review" and self.rng.random() < 0.1 else status

    def suggestion(self, city: City) -> None:
        rng, path_name = self.rng, self._status()
        path = PATHS[path_name]
        status = path[-1][1]
        days_ago = rng.uniform(0, RECENT.get(path_name, 730))
        created = self.now - timedelta(days=days_ago)
        public = rng.random() < self.public_share
        group_id, kids = (None, [None]) if public else rng.choice(city.groups)
        topic = rng.choice(TOPIC_IDS)
        abstained = rng.random() < 0.06
        domain, task_id, task_title, leads, partners = city.routes[topic]
        urgent = rng.random() < self.urgent_share
        number = self._id("suggestion")
        code = _code(number)
        words = f"{rng.choice(PLACES)}{rng.choice(PROBLEMS)}，{rng.choice(WISHES)}。"
        times = self._times(created, len(path))
        sign_due = answer_due = None
        if "dispatched" in [s for _, s in path]:
            sign_due = add_working_days(times[2], 2)
            answer_due = add_working_days(times[3] if len(times) > 3 else sign_due, 15)
            if status == "returned":
                sign_due = answer_due = None
        due = sign_due if status == "dispatched" else answer_due if status in (
            "accepted", "in_progress") else None
        overdue = due is not None and due < self.now
        self.rows["suggestion"].append((
            number, code, city.plan_id, group_id, rng.choice(kids), "", words, "", words,
            "", None if abstained and status in ("submitted", "in_review") else topic,
            round(rng.uniform(0.3, 0.99), 2), "bench", abstained and status in (
                "submitted", "in_review"), domain, task_id, task_title, status, urgent,
            rng.random() < 0.6, status in ("answered", "closed") and rng.random() < 0.3,
            sign_due, answer_due, overdue, created, times[-1]))
        self._events(number, path, times, overdue and due,
                     city.staff.get(leads[0]) if leads else None)
        if "dispatched" in [s for _, s in path]:
            self._assignments(number, leads, partners, status != "returned", times[2])
        actions = [action for action, _ in path]
        if "answer" in actions:
            self._answer(number, city, leads, times[actions.index("answer")])
        if "rate" in actions:
            self._rating(number, times[actions.index("rate")], path_name == "reopened")
        if urgent:
            self.rows["safeguarding_case"].append((
                self._id("safeguarding_case"), city.plan_id, group_id, code, "小朋友",
                "（演练数据）孩子说有人让他害怕。", rng.choice(["open", "reported", "closed"]),
                created))

    def _times(self, start: datetime, steps: int) -> list[datetime]:
        times, moment = [], start
        for _ in range(steps):
            times.append(moment)
            moment = min(moment + timedelta(hours=self.rng.uniform(1, 96)), self.now)
        return times

    def _events(self, number: int, path, times, late_since, staff: int | None) -> None:
        """``staff``: the first lead agency's account, who signs, starts, answers or returns
        (the figures count an agency's own acts)."""
        before = "submitted"
        for (action, after), moment in zip(path, times, strict=True):
            kind, actor, name = ("member", None, "") if action in ("submit", "rate") else (
                "account", None, "")
            if action in AGENCY_ACTS and staff is not None:
                kind, actor, name = "agency_staff", staff, "联络员"
            self.rows["event"].append((self._id("event"), number, action, before, after, kind,
                                       actor, name, "", moment))
            before = after
        if late_since:
            self.rows["event"].append((self._id("event"), number, "overdue", before, before,
                                       "system", None, "系统", "已超过期限，进入督办", late_since))

    def _assignments(self, number, leads, partners, current, moment) -> None:
        for role, agencies in (("lead", leads), ("partner", partners)):
            for agency_id in agencies:
                self.rows["assignment"].append((self._id("assignment"), number, agency_id, role,
                                                current, moment))

    def _answer(self, number, city: City, leads, moment) -> None:
        if not leads:
            return
        self.rows["answer"].append((
            self._id("answer"), number, leads[0], city.staff[leads[0]],
            "谢谢你的建议，我们已经安排人去看了，会在下个月修好。", "", "adopted", "",
            "下个月完成维修", moment))

    def _rating(self, number, moment, unhappy: bool) -> None:
        value = "unsatisfied" if unhappy else self.rng.choice(["satisfied", "satisfied", "mostly"])
        self.rows["rating"].append((self._id("rating"), number, value, "", moment))

    def take(self) -> dict[str, list[tuple]]:
        rows, self.rows = self.rows, {table: [] for table in TABLES}
        return rows


BASE = 100_000


def seed(engine, suggestions: int, *, rng_seed: int = 2026, base: int = BASE,
         report=print) -> dict[str, int]:
    """Add ``suggestions`` suggestions (and everything around them); returns rows per table.

    The first ``base`` are drawn one by one in Python; the rest are copies of them made by
    the database (``INSERT ... SELECT``, one copy a transaction), each with new ids and
    tracking codes: 1,000,000 in minutes where drawing each took an hour and a half.
    """
    rng, started = random.Random(rng_seed), time.perf_counter()
    password_hash = hash_secret(PASSWORD)
    drawn = min(suggestions, base)
    copies = -(-suggestions // drawn) if drawn else 0
    if copies > len(CODE_ALPHABET):
        raise ValueError(f"at most {len(CODE_ALPHABET)} copies: draw a bigger base")
    with Session(engine, expire_on_commit=False) as session:
        import_all(session)
        tag = format(Writer(session).next_id("suggestion"), "x")  # a second seed never clashes
        cities = {}
        for plan_id, weight in PLAN_WEIGHTS.items():
            cities[plan_id] = City(plan_id, _routes(session, plan_id))
            _people(session, cities[plan_id], max(3, int(suggestions * weight / 300)),
                    password_hash, tag)
        session.commit()
        writer = Writer(session)
        first = {t: writer.next_id(t) for t in TABLES}
        builder = Builder(rng, utcnow().astimezone(UTC), first)
        plans, weights = list(PLAN_WEIGHTS), list(PLAN_WEIGHTS.values())
        totals = dict.fromkeys(TABLES, 0)
        for done in range(0, drawn, CHUNK):
            for _ in range(min(CHUNK, drawn - done)):
                builder.suggestion(cities[rng.choices(plans, weights)[0]])
            for table, rows in builder.take().items():
                writer.write(table, TABLES[table], rows)
                totals[table] += len(rows)
            session.commit()
            report(f"{done + min(CHUNK, drawn - done):>9} suggestions "
                   f"({time.perf_counter() - started:.0f} s)")
        spans = {t: builder.ids[t] - first[t] for t in TABLES}
        for copy in range(1, copies):
            count = min(drawn, suggestions - copy * drawn)
            for table, added in _copy(session, first, spans, copy, count).items():
                totals[table] += added
            session.commit()
            report(f"{copy * drawn + count:>9} suggestions "
                   f"({time.perf_counter() - started:.0f} s)")
        writer.finish(list(TABLES))
        session.commit()
    if engine.dialect.name == "postgresql":
        # Fresh rows are not in the visibility map until a vacuum: index-only scans need it.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    return totals


# In a copy, a row's own id and the ids it points to move by the copy's number of spans.
_MOVED = {"id": None, "suggestion_id": "suggestion"}


def _copy(session: Session, first: dict[str, int], spans: dict[str, int], copy: int,
          count: int) -> dict[str, int]:
    """Copy ``count`` drawn suggestions (and their rows) once more, as copy ``copy``.

    A drawn code's last character is the alphabet's first (numbers stay below 31**6), so
    the copy's code puts the copy's own character there: unique, and the same in the
    safeguarding case that names it.
    """
    connection, added = session.connection(), {}
    last = first["suggestion"] + count
    for table, columns in TABLES.items():
        moved = {column: f"{column} + {spans[table if owner is None else owner] * copy}"
                 for column, owner in _MOVED.items() if column in columns}
        moved.update({column: f"substr({column}, 1, 9) || :letter"
                      for column in ("tracking_code", "suggestion_code") if column in columns})
        keep = "suggestion_id" if "suggestion_id" in columns else "id"
        where = (f"{keep} >= :start AND {keep} < :last" if table != "safeguarding_case" else
                 "id >= :own_start AND id < :own_end AND suggestion_code IN (SELECT "
                 "tracking_code FROM suggestion WHERE id >= :start AND id < :last)")
        added[table] = connection.execute(text(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT "
            + ", ".join(moved.get(column, column) for column in columns)
            + f" FROM {table} WHERE {where}"),
            {"letter": CODE_ALPHABET[copy], "start": first["suggestion"], "last": last,
             "own_start": first[table], "own_end": first[table] + spans[table]}).rowcount
    return added
