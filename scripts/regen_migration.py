"""Regenerate the initial migration from the models (only until the first release lands).

Run from the repository root: python scripts/regen_migration.py
"""

import shutil
import sys
import tempfile
from pathlib import Path

from alembic import command

from webapp.db import MIGRATIONS, alembic_config

END_OF_UPGRADE = "    # ### end Alembic commands ###\n\n\ndef downgrade"
END_OF_UPGRADE_WITH_EXTRA_SQL = (
    "    # ### end Alembic commands ###\n"
    "    from models.migrations.extra_sql import apply\n"
    "    apply(op)\n\n\ndef downgrade"
)


def main() -> None:
    target = MIGRATIONS / "versions" / "0001_initial_schema.py"
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "migrations"
        shutil.copytree(MIGRATIONS, scratch, ignore=shutil.ignore_patterns("versions"))
        (scratch / "versions").mkdir()
        config = alembic_config(f"sqlite:///{folder}/empty.sqlite3")
        config.set_main_option("script_location", str(scratch))
        command.revision(config, message="initial schema", autogenerate=True, rev_id="0001")
        generated = next((scratch / "versions").glob("0001_*.py"))
        text = generated.read_text()
        extra = MIGRATIONS / "extra_sql.py"
        if extra.exists():
            text = text.replace(END_OF_UPGRADE, END_OF_UPGRADE_WITH_EXTRA_SQL, 1)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text)
        tmp.replace(target)
    sys.stdout.write(f"wrote {target}\n")


if __name__ == "__main__":
    main()
