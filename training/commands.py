"""Plain click commands (no Flask) for the `tongsheng` console group: classify, train, evaluate."""

import json
import sys
from collections.abc import Iterator

import click

BATCH = 512


def _read_batches(stream) -> Iterator[list[tuple[str | None, str | None]]]:
    """Yield batches of (text, error) pairs from JSON lines; a bad line carries its error."""
    batch: list[tuple[str | None, str | None]] = []
    for line in stream:
        if not line.strip():
            continue
        try:
            text = json.loads(line)["text"]
            batch.append(
                (text, None) if isinstance(text, str) else (None, "'text' must be a string")
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            batch.append((None, f"bad input line: {exc}"))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _record(found, plan) -> dict:
    """One output object: topic decision, urgency, redacted text and the plan's route."""
    pred = found.prediction
    topic = pred.topic if pred else None
    route = plan.route(topic)
    return {
        "topic": topic,
        "confidence": pred.confidence if pred else 0.0,
        "abstain": pred.abstain if pred else True,
        "not_suggestion": pred.not_suggestion if pred else False,
        "urgent": found.urgency.urgent,
        "urgent_kinds": found.urgency.kinds,
        "redacted_text": found.redaction.text,
        "domain": route.domain,
        "task": route.task_id,
        "lead_agencies": list(route.lead_agencies),
        "partner_agencies": list(route.partner_agencies),
        "top": [[label, p] for label, p in pred.top] if pred else [],
    }


@click.command("classify")
@click.option("--plan", "plan_id", required=True, help="Plan id, e.g. changzhou.")
def classify(plan_id: str) -> None:
    """Read JSON lines {"text": ...} on stdin; write one JSON result per line.

    A doubt between two topics that the plan sends to the same lead agency is no reason to
    abstain. Imports happen here, so the other commands never load the model's libraries.
    """
    from classifier import analyse_many
    from classifier.model import load_current
    from classifier.routing import same_lead
    from models.plans.plan import UnknownPlan, load_plan

    try:
        plan = load_plan(plan_id)
    except UnknownPlan as exc:
        raise click.BadParameter(f"unknown plan {plan_id!r}", param_hint="--plan") from exc
    model, same_route = load_current(), same_lead(plan)
    for batch in _read_batches(sys.stdin):
        texts = [t for t, _ in batch if t is not None]
        results = iter(analyse_many(texts, model, same_route))
        lines = [
            json.dumps({"error": err}, ensure_ascii=False)
            if t is None
            else json.dumps(_record(next(results), plan), ensure_ascii=False)
            for t, err in batch
        ]
        click.echo("\n".join(lines))


def _corrections(no_corrections: bool) -> list[tuple[str, str]]:
    """Human corrections from the database; their absence is an error unless --no-corrections."""
    if no_corrections:
        return []
    try:
        from models.suggestions.corrections import labelled_corrections
    except ImportError as exc:
        raise click.ClickException(
            "models.suggestions.corrections.labelled_corrections is not available; "
            "run with --no-corrections to train on the corpus alone"
        ) from exc
    return list(labelled_corrections())


@click.command("train")
@click.option("--force", is_flag=True, help="Switch to the new model even if it is worse.")
@click.option("--no-corrections", is_flag=True, help="Train on the corpus only.")
def train(force: bool, no_corrections: bool) -> None:
    """Train a candidate model, compare it with the current one on the test split, maybe switch."""
    from training.report import evaluate_all, write_report
    from training.safeguard_train import train_safeguard
    from training.train import train as train_model

    corrections = _corrections(no_corrections)
    result = train_model(corrections, force=force)
    cand, cur = result.candidate_metrics, result.current_metrics
    click.echo(
        f"candidate {result.model.version}: macro-F1 {cand['macro_f1']} "
        f"(abstentions as misses), top label acceptable {cand['top_acceptable']}, "
        f"abstained {cand['abstained']}"
    )
    if cur:
        click.echo(
            f"on {result.compared_on} of the {len(result.test)} test texts (those the current "
            "model recorded no training on): "
            f"candidate macro-F1 {result.compared_metrics['macro_f1']}, current {cur['macro_f1']}"
        )
    else:
        click.echo("current: none")
    click.echo(
        f"switched to {result.path}"
        if result.switched
        else "kept the current model (candidate is worse)"
    )
    safeguard = train_safeguard()
    click.echo(f"safeguarding net: threshold {safeguard.threshold:.3f}")
    if result.switched:
        click.echo(f"report: {write_report(evaluate_all(result.model, corrections, studies=True))}")


@click.command("evaluate")
@click.option("--no-corrections", is_flag=True, help="Evaluate on the corpus split only.")
@click.option("--studies", is_flag=True, help="Also refit for the learning curve and sources.")
def evaluate(no_corrections: bool, studies: bool) -> None:
    """Evaluate the current model and write training/reports/evaluation.md and .json."""
    from classifier.model import load_current
    from training.report import evaluate_all, write_report

    model = load_current()
    if model is None:
        raise click.ClickException("no current model: run `tongsheng train` first")
    result = evaluate_all(model, _corrections(no_corrections), studies)
    path = write_report(result)
    topics = result["topics"]
    click.echo(
        f"real test split (n = {topics['n']}): macro-F1 {topics['macro_f1']}, "
        f"top label acceptable {topics['top_acceptable']}, abstained {topics['abstained']}"
    )
    click.echo(f"wrote {path}")


def main() -> None:
    """Entry point of `python -m training`: train."""
    train.main(args=sys.argv[1:], prog_name="python -m training")
