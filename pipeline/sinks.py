"""Where ``extract`` puts its records, block by block: gathered into one DocumentRecords
(``Gather``, what ``extract`` returns), or written out as JSON while they are made (``JsonWriter``).

A 50 MB plan has about a million records; held as validated models until the end they took
9 GB. Written block by block, a record lives only as long as its block: the writer keeps the ids
(to rename repeats), the units and the warnings, and spools targets and milestones to a temporary
file, actions too (the plan, written first, is complete only at the end: its level may come from
the units the clauses name). Both sinks apply the same per-record steps in the same order (the
document type's view of targets, a goal a later block restates kept once (the sink keeps each goal's
amount, unit, deadline and metric), repeated ids renamed, baselines apart from targets, the
first-listed-leads convention), and the JSON is byte for byte ``model_dump_json(indent=1)`` of what
``Gather`` returns (tests/pipeline/test_sinks.py).
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Iterable, Optional, Sequence

from schemas.records import Action, DocumentRecords, Milestone, Plan, Record, Source, Target, Unit, Warning

from .bounds import unique_ids
from .doctype import typed_targets
from .roles import BY_DOCUMENT, inferred_action, roles_warning, states_unstated


class Sink:
    """The steps every sink shares; a subclass says where the records go (``_put``, ``_end``)."""

    def __init__(self) -> None:
        self.head: Optional[DocumentRecords] = None
        self.any_goal_target = False  # a target other than a baseline: without one, ``no_targets``
        self._by_document = False
        self._inferred = 0
        self._seen: dict[str, dict[str, int]] = {"target": {}, "milestone": {}}
        self._goals: dict[tuple, list[str]] = {}  # (value, unit, deadline) → the metrics stated so

    def start(self, head: DocumentRecords, first_listed: bool) -> None:
        """The document's source, plan and sections; ``first_listed`` when its text states the
        first-listed-leads convention."""
        self.head, self._by_document = head, first_listed

    def block(self, actions: list[Action], targets: list[Target], milestones: list[Milestone]) -> None:
        """One block's records, in the order extract found them."""
        assert self.head is not None, "start() comes first"
        if self._by_document:
            changed = [inferred_action(a) if states_unstated(a) else a for a in actions]
            self._inferred += sum(a is not b for a, b in zip(actions, changed))
            actions = changed
        plan = self.head.plan
        typed = [t for t in typed_targets(plan.doc_type, targets, plan.period_end is not None)
                 if not self._restated(t)]
        amounts = unique_ids(typed, self._seen["target"])
        goals = [t for t in amounts if t.kind != "baseline"]
        self.any_goal_target = self.any_goal_target or bool(goals)
        self._put(actions, goals, [t for t in amounts if t.kind == "baseline"],
                  unique_ids(milestones, self._seen["milestone"]))

    def _restated(self, t: Target) -> bool:
        """Whether a goal states again one an earlier block stated (the same amount, unit and
        deadline, one metric holding the other: a task section restating the goals section); the
        first statement stands. Baselines and goals without an amount are never restatements."""
        if t.kind == "baseline" or t.value is None:
            return False
        key = (t.value, t.value_max, t.unit, t.deadline)
        metric = t.metric.replace("的", "")
        earlier = self._goals.setdefault(key, [])
        if any(m and (m in metric or metric in m) for m in earlier):
            return True
        earlier.append(metric)
        return False

    def end(self, plan: Plan, units: list[Unit], warnings: list[Warning]) -> None:
        """The plan as the whole document gives it, the units and every warning: the records are
        complete."""
        if self._inferred:
            warnings = [*warnings, roles_warning(self._inferred, BY_DOCUMENT)]
        self._end(plan, units, warnings)

    def _put(self, actions: list[Action], targets: list[Target], baselines: list[Target],
             milestones: list[Milestone]) -> None:
        raise NotImplementedError

    def _end(self, plan: Plan, units: list[Unit], warnings: list[Warning]) -> None:
        raise NotImplementedError


class Gather(Sink):
    """Every record in memory: ``records`` once the sink has ended."""

    def __init__(self) -> None:
        super().__init__()
        self.actions: list[Action] = []
        self.targets: list[Target] = []
        self.baselines: list[Target] = []
        self.milestones: list[Milestone] = []
        self.records: Optional[DocumentRecords] = None

    def _put(self, actions: list[Action], targets: list[Target], baselines: list[Target],
             milestones: list[Milestone]) -> None:
        self.actions += actions
        self.targets += targets
        self.baselines += baselines
        self.milestones += milestones

    def _end(self, plan: Plan, units: list[Unit], warnings: list[Warning]) -> None:
        assert self.head is not None
        self.records = DocumentRecords(
            source=self.head.source, plan=plan, sections=self.head.sections,
            actions=self.actions, targets=self.targets, baselines=self.baselines,
            milestones=self.milestones, units=units, warnings=warnings)


def _item(record: Record) -> str:
    """A record as an item of a top-level list of ``model_dump_json(indent=1)``: two spaces in.
    JSON strings hold no raw line breaks, so indenting every line is safe."""
    return "  " + record.model_dump_json(indent=1).replace("\n", "\n  ")


def _field(name: str, value: Record) -> str:
    return f' "{name}": ' + value.model_dump_json(indent=1).replace("\n", "\n ")


class _Destination:
    """One file being written: a temporary name until it is complete, then renamed over
    ``path`` (as ``batch.write_atomic``); ``because`` applies the first-listed-leads convention
    to this file's actions (``--first-listed-leads``)."""

    def __init__(self, path: Path, because: Optional[str], newline: bool) -> None:
        self.path, self.because, self.newline, self.inferred = path, because, newline, 0
        path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        self.fh: IO[str] = self.tmp.open("w", encoding="utf-8")
        # this file's actions, until the plan (written before them) is complete
        self.actions: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8", dir=path.parent)
        self.first_action = True

    def action(self, action: Action, item: str) -> None:
        """Write an action (``item``, its JSON) or, where this file asks for the convention and
        the action has unstated roles, the action with it applied."""
        if self.because and states_unstated(action):
            item, self.inferred = _item(inferred_action(action)), self.inferred + 1
        self.actions.write(("\n" if self.first_action else ",\n") + item)
        self.first_action = False


class JsonWriter(Sink):
    """Records written as they are made, to one or more files (the cache's and the output's).

    Use as a context manager: leaving it before ``end`` (an error) removes the unfinished files.
    """

    def __init__(self, files: Sequence[tuple[Path, Optional[str], bool]]) -> None:
        """``files``: (path, the ``because`` of the first-listed-leads convention asked for that
        file or None, whether the file ends with a line break)."""
        super().__init__()
        self._files = files
        self._out: list[_Destination] = []
        self._spools: dict[str, IO[str]] = {}
        self._counts = {"targets": 0, "baselines": 0, "milestones": 0}

    def __enter__(self) -> "JsonWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        for spool in self._spools.values():
            spool.close()
        for out in self._out:  # still open: the records were not complete
            out.fh.close()
            out.actions.close()
            out.tmp.unlink(missing_ok=True)

    def start(self, head: DocumentRecords, first_listed: bool) -> None:
        super().start(head, first_listed)
        self._out = [_Destination(path, because, newline) for path, because, newline in self._files]
        self._spools = {kind: tempfile.TemporaryFile("w+", encoding="utf-8", dir=self._out[0].path.parent)
                        for kind in self._counts}

    def _put(self, actions: list[Action], targets: list[Target], baselines: list[Target],
             milestones: list[Milestone]) -> None:
        for action in actions:
            item = _item(action)
            for out in self._out:
                out.action(action, item)
        for kind, records in (("targets", targets), ("baselines", baselines), ("milestones", milestones)):
            spool = self._spools[kind]
            for record in records:
                spool.write(("\n" if not self._counts[kind] else ",\n") + _item(record))
                self._counts[kind] += 1

    def _end(self, plan: Plan, units: list[Unit], warnings: list[Warning]) -> None:
        head = self.head
        assert head is not None
        opening = "{\n" + f' "schema_version": "{head.schema_version}",\n' + _field("source", head.source) + ",\n"
        opening += _field("plan", plan) + ",\n"
        for out in self._out:
            fh = out.fh
            fh.write(opening)
            self._write_list(fh, "sections", map(_item, head.sections), last=False)
            fh.write(' "actions": [')
            out.actions.seek(0)
            shutil.copyfileobj(out.actions, fh)
            out.actions.close()
            fh.write("],\n" if out.first_action else "\n ],\n")
            for kind in ("targets", "baselines", "milestones"):
                spool = self._spools[kind]
                fh.write(f' "{kind}": [')
                if self._counts[kind]:
                    spool.seek(0)
                    shutil.copyfileobj(spool, fh)
                    fh.write("\n ],\n")
                else:
                    fh.write("],\n")
            self._write_list(fh, "units", map(_item, units), last=False)
            own = [*warnings, roles_warning(out.inferred, out.because)] if out.inferred and out.because else warnings
            self._write_list(fh, "warnings", map(_item, own), last=True)
            fh.write("}" + ("\n" if out.newline else ""))
            fh.close()
        for out in self._out:
            out.tmp.replace(out.path)
        self._out = []

    @staticmethod
    def _write_list(fh: IO[str], name: str, items: Iterable[str], last: bool) -> None:
        """One top-level list, item by item (a 50 MB plan's 400,000 sections joined into one
        string first took two copies of them at once)."""
        end = "\n" if last else ",\n"
        first = True
        for item in items:
            fh.write((f' "{name}": [\n' if first else ",\n") + item)
            first = False
        fh.write(f' "{name}": []{end}' if first else f"\n ]{end}")


#: The lines before the plan in a records file: ``{``, the schema version and the source.
_HEAD_LINES = 40


def copy_records(src: Path, dst: Path, path: str) -> bool:
    """A records file (the cache's, laid out as ``model_dump_json(indent=1)`` and JsonWriter lay
    it out) copied to ``dst`` with ``path`` as its source's path, without reading its records: a
    50 MB plan's gigabyte of records never becomes models again. Written through a temporary
    file like the writer's; False, with ``dst`` untouched, when ``src`` is not laid out so (cut
    short, or another layout), and the caller reads it whole instead."""
    with src.open("rb") as fh:
        fh.seek(0, os.SEEK_END)
        if fh.tell() < 2:
            return False
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) != b"}":
            return False  # cut short
    with src.open(encoding="utf-8") as fh:
        head: list[str] = []
        for line in fh:
            if line.startswith(' "plan": '):
                break
            head.append(line)
            if len(head) > _HEAD_LINES:
                return False
        else:
            return False
        try:
            meta = json.loads("".join(head).rstrip().rstrip(",") + "\n}")
            source = Source.model_validate(meta["source"]).replace(path=path)
            version = str(meta["schema_version"])
        except (ValueError, KeyError, TypeError):
            return False
        dst.parent.mkdir(parents=True, exist_ok=True)
        tmp = dst.with_name(f"{dst.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("w", encoding="utf-8") as out:
                out.write("{\n" + f' "schema_version": {json.dumps(version)},\n' + _field("source", source) + ",\n" + line)
                shutil.copyfileobj(fh, out)
                out.write("\n")
            tmp.replace(dst)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return True
