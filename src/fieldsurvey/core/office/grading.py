"""Unit grading: a scorecard per unit against its assignments, as Plan 67/KH-UBND asks the police
to check and grade the units' survey, on a scale the office sets.

A unit's work is what progress counts as its work (``progress.unit_sites``): the records of the
sites surveyed under its assignments (the sites themselves, their cameras, shortcomings and
needs). Three criteria, each scored 0–100:

- timeliness: each assignment with a due date scores 100 unless it is late (due and unfinished),
  then loses ``late_penalty`` points a day late, down to 0; the unit scores their mean;
- completeness: the mean of three shares: the expected fields filled in (``checks.completeness``
  over every record), cameras with at least ``photos_per_camera`` photos, sites and cameras with
  a position (a share with nothing to count is left out);
- quality: of the records the office reviewed, the share whose first review approved them, less
  the share of the unit's sites and cameras found in a candidate duplicate pair; nothing reviewed
  yet leaves it unscored. Records sent back for revision and rejected are counted and shown.

The unit's score is the weighted mean of the criteria it could be scored on; its grade is "Tốt",
"Khá", "Trung bình" or "Yếu" by the scale's thresholds. A unit that has recorded nothing and is
not late has nothing to be graded on yet (no score, no grade); one late with nothing recorded is
graded on its timeliness. The scale (weights, thresholds, penalty,
photos per camera) is a setting of the office's workspace, like the report form: the office's
own yardstick, not a survey record, so it is not synced.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from fieldsurvey.core.errors import ValidationError
from fieldsurvey.core.kinds import ReviewState
from fieldsurvey.core.messages import QT_TRANSLATE_NOOP, Message
from fieldsurvey.core.office.duplicate_sites import find_duplicate_sites
from fieldsurvey.core.office.duplicates import find_workspace_duplicates
from fieldsurvey.core.office.progress import progress, unit_sites
from fieldsurvey.core.store.checks import completeness
from fieldsurvey.core.store.workspace import Workspace

# The key of the workspace's settings table that holds the scale (JSON).
SETTING_KEY: Final = "grading_scale"

# The grades, best first, each with the threshold field of the scale it needs (the last none).
GRADES: Final = ("good", "fair", "average", "weak")
GRADE_LABELS: Final = {
    "good": QT_TRANSLATE_NOOP("office", "Tốt"),
    "fair": QT_TRANSLATE_NOOP("office", "Khá"),
    "average": QT_TRANSLATE_NOOP("office", "Trung bình"),
    "weak": QT_TRANSLATE_NOOP("office", "Yếu"),
}
CRITERIA: Final = ("timeliness", "completeness", "quality")

# What each setting is called on screen and in messages, in the order they are shown.
FIELD_LABELS: Final = {
    "timeliness_weight": QT_TRANSLATE_NOOP("office", "Trọng số đúng hạn"),
    "completeness_weight": QT_TRANSLATE_NOOP("office", "Trọng số đầy đủ"),
    "quality_weight": QT_TRANSLATE_NOOP("office", "Trọng số chất lượng"),
    "good": QT_TRANSLATE_NOOP("office", "Điểm tối thiểu xếp loại Tốt"),
    "fair": QT_TRANSLATE_NOOP("office", "Điểm tối thiểu xếp loại Khá"),
    "average": QT_TRANSLATE_NOOP("office", "Điểm tối thiểu xếp loại Trung bình"),
    "late_penalty": QT_TRANSLATE_NOOP("office", "Điểm trừ mỗi ngày trễ hạn"),
    "photos_per_camera": QT_TRANSLATE_NOOP("office", "Số ảnh cần có của mỗi camera"),
}
# Each setting's allowed range (inclusive); photos_per_camera is a whole number.
LIMITS: Final = {
    "timeliness_weight": (0.0, 100.0),
    "completeness_weight": (0.0, 100.0),
    "quality_weight": (0.0, 100.0),
    "good": (0.0, 100.0),
    "fair": (0.0, 100.0),
    "average": (0.0, 100.0),
    "late_penalty": (0.0, 100.0),
    "photos_per_camera": (0, 20),
}


@dataclass(frozen=True)
class GradingScale:
    """How the office grades units: a weight per criterion (relative: they need not add up to
    100), the lowest score of each grade, the points a day late costs, the photos a camera
    should have."""

    timeliness_weight: float = 30.0
    completeness_weight: float = 40.0
    quality_weight: float = 30.0
    good: float = 85.0
    fair: float = 70.0
    average: float = 50.0
    late_penalty: float = 2.0
    photos_per_camera: int = 1

    def weight(self, criterion: str) -> float:
        return float(getattr(self, f"{criterion}_weight"))

    def grade(self, score: float | None) -> str | None:
        """The grade of a score (None: nothing to grade on)."""
        if score is None:
            return None
        for code in GRADES[:-1]:
            if score >= getattr(self, code):
                return code
        return GRADES[-1]

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> GradingScale:
        """The scale kept in a workspace; a field missing, of the wrong type or out of its range
        takes its default, and a kept scale that no longer checks is the default scale."""
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        values: dict[str, Any] = {}
        for name in FIELD_LABELS:
            value = data.get(name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            if name == "photos_per_camera" and not float(value).is_integer():
                continue
            values[name] = int(value) if name == "photos_per_camera" else float(value)
        try:
            return checked(cls(**values))
        except GradingScaleError:
            return cls()


class GradingScaleError(ValidationError):
    """A grading scale the office cannot use; ``problems`` says what is wrong with each field
    (the error's message is the first)."""

    def __init__(self, problems: dict[str, Message]) -> None:
        self.problems = problems
        super().__init__(next(iter(problems.values())), code="grading_scale")


def _problem(name: str, template: str, **params: Any) -> Message:
    return Message("office", template, {"field": Message("office", FIELD_LABELS[name]), **params})


def checked(scale: GradingScale) -> GradingScale:
    """The scale when every field is usable; GradingScaleError naming each field that is not (a
    number out of its range, photos per camera not whole, the thresholds not in order Tốt > Khá >
    Trung bình, every weight 0)."""
    problems: dict[str, Message] = {}
    for name, (low, high) in LIMITS.items():
        value = getattr(scale, name)
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            problems[name] = _problem(name, QT_TRANSLATE_NOOP("office", "{field}: phải là một số."))
        elif not low <= value <= high:
            problems[name] = _problem(
                name,
                QT_TRANSLATE_NOOP("office", "{field}: phải từ {low} đến {high}."),
                low=low if name == "photos_per_camera" else f"{low:g}",
                high=high if name == "photos_per_camera" else f"{high:g}",
            )
        elif name == "photos_per_camera" and not float(value).is_integer():
            problems[name] = _problem(
                name, QT_TRANSLATE_NOOP("office", "{field}: phải là số nguyên.")
            )
    for higher, lower in (("good", "fair"), ("fair", "average")):
        if (
            higher not in problems
            and lower not in problems
            and getattr(scale, higher) <= getattr(scale, lower)
        ):
            problems[lower] = _problem(
                lower,
                QT_TRANSLATE_NOOP("office", "{field}: phải thấp hơn {other} ({value})."),
                other=Message("office", FIELD_LABELS[higher]),
                value=f"{getattr(scale, higher):g}",
            )
    weights = [f"{c}_weight" for c in CRITERIA]
    if not any(w in problems for w in weights) and not any(getattr(scale, w) for w in weights):
        problems[weights[0]] = _problem(
            weights[0],
            QT_TRANSLATE_NOOP("office", "{field}: ít nhất một trọng số phải lớn hơn 0."),
        )
    if problems:
        raise GradingScaleError({name: problems[name] for name in FIELD_LABELS if name in problems})
    return dataclasses.replace(scale, photos_per_camera=int(scale.photos_per_camera))


def with_values(scale: GradingScale, values: Mapping[str, str]) -> GradingScale:
    """The scale with some fields given as text (``--set good=80``, a decimal comma allowed),
    checked; GradingScaleError naming an unknown field, or each value that is not a number
    and each that does not check."""
    problems: dict[str, Message] = {}
    changes: dict[str, Any] = {}
    for name, text in values.items():
        if name not in FIELD_LABELS:
            raise GradingScaleError(
                {
                    name: Message(
                        "office",
                        QT_TRANSLATE_NOOP("office", "Không có mục {name} trong thang điểm."),
                        {"name": name},
                    )
                }
            )
        try:
            number = float(text.strip().replace(",", "."))
        except ValueError:
            problems[name] = _problem(name, QT_TRANSLATE_NOOP("office", "{field}: phải là một số."))
            continue
        changes[name] = number
    try:
        result = checked(dataclasses.replace(scale, **changes))
    except GradingScaleError as refused:
        # the fields that are numbers are checked too, each said beside the others
        problems.update({k: v for k, v in refused.problems.items() if k not in problems})
    if problems:
        raise GradingScaleError({name: problems[name] for name in FIELD_LABELS if name in problems})
    return result


def grading_scale(ws: Workspace) -> GradingScale:
    """The scale this workspace's office grades with (the defaults until it sets one)."""
    return GradingScale.from_json(ws.setting(SETTING_KEY))


def save_grading_scale(ws: Workspace, scale: GradingScale) -> GradingScale:
    """Check and keep the scale in the workspace file; nothing is kept when a field is refused
    (GradingScaleError)."""
    scale = checked(scale)
    with ws.transaction():
        ws.set_setting(SETTING_KEY, scale.to_json())
    return scale


def grade_label(code: str | None) -> Message | None:
    return None if code is None else Message("office", GRADE_LABELS[code])


# -- scorecards ---------------------------------------------------------------------------------


def _percent(part: float, whole: float) -> float | None:
    return None if not whole else round(100 * part / whole, 1)


def _mean(values: list[float]) -> float | None:
    return None if not values else round(sum(values) / len(values), 1)


def _records(ws: Workspace, site_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """The live records of these sites, by table."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not site_ids:
        return {t: [] for t in ("sites", "cameras", "shortcomings", "needs")}
    ids = json.dumps(sorted(site_ids))
    out["sites"] = list(
        ws.db.query(
            "SELECT * FROM sites WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?))",
            [ids],
        )
    )
    for table in ("cameras", "shortcomings", "needs"):
        out[table] = list(
            ws.db.query(
                f"SELECT * FROM {table} WHERE deleted = 0 "
                "AND site_id IN (SELECT value FROM json_each(?))",
                [ids],
            )
        )
    return out


def _reviews(ws: Workspace) -> dict[tuple[str, str], list[str]]:
    """Each reviewed record's review decisions, oldest first (by the clock they were made at)."""
    out: dict[tuple[str, str], list[str]] = {}
    for table, record_id, state in ws.db.execute(
        "SELECT r.record_table, r.record_id, r.state FROM reviews AS r "
        "JOIN changes AS c ON c.table_name = 'reviews' AND c.record_id = r.id AND c.op = 'insert' "
        "WHERE r.deleted = 0 ORDER BY c.clock, r.id"
    ):
        out.setdefault((table, record_id), []).append(state)
    return out


def _photo_counts(ws: Workspace) -> dict[str, int]:
    return dict(
        ws.db.execute(
            "SELECT record_id, count(*) FROM photo_links "
            "WHERE deleted = 0 AND record_table = 'cameras' GROUP BY record_id"
        ).fetchall()
    )


def duplicate_record_ids(ws: Workspace) -> set[str]:
    """The cameras and sites found in a candidate duplicate pair (computed once per run)."""
    found: set[str] = set()
    for pair in [*find_workspace_duplicates(ws), *find_duplicate_sites(ws.db)]:
        found |= {pair["a"]["id"], pair["b"]["id"]}
    return found


def unit_scorecards(
    ws: Workspace,
    today: dt.date,
    scale: GradingScale | None = None,
    *,
    duplicates: set[str] | None = None,
    step: Callable[[int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """A scorecard per unit with assignments (cancelled ones aside), best score first, as of
    ``today``, on ``scale`` (the workspace's by default). ``duplicates``: the ids
    ``duplicate_record_ids`` gives, when already known; ``step(done, total)`` after each unit."""
    scale = scale or grading_scale(ws)
    if duplicates is None:
        duplicates = duplicate_record_ids(ws)
    figures = progress(ws, today)
    sites_of = unit_sites(ws)
    reviews = _reviews(ws)
    photos = _photo_counts(ws)
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for a in figures["assignments"]:
        by_unit.setdefault(a["unit_id"], []).append(a)
    cards = []
    for done, unit in enumerate(figures["units"], start=1):
        card = {
            "unit_id": unit["unit_id"],
            "unit_name": unit["unit_name"],
            "contact": unit["contact"],
            **_timeliness(by_unit.get(unit["unit_id"], []), scale),
            **_completeness(_records(ws, sites_of.get(unit["unit_id"], set())), photos, scale),
        }
        card.update(_quality(card.pop("_records"), reviews, duplicates))
        _grade(card, scale)
        cards.append(card)
        if step is not None:
            step(done, len(figures["units"]))
    return sorted(cards, key=lambda c: (c["score"] is None, -(c["score"] or 0)))


def _timeliness(assignments: list[dict[str, Any]], scale: GradingScale) -> dict[str, Any]:
    dated = [a for a in assignments if a["due_date"] is not None]
    late = [a for a in dated if a["late"]]
    scores = [
        max(0.0, 100 - scale.late_penalty * -a["days_left"]) if a["late"] else 100.0 for a in dated
    ]
    return {
        "assignments": len(assignments),
        "on_time": len(dated) - len(late),
        "late": len(late),
        "days_late": max((-a["days_left"] for a in late), default=0),
        "timeliness": _mean(scores),
    }


def _completeness(
    records: dict[str, list[dict[str, Any]]], photos: dict[str, int], scale: GradingScale
) -> dict[str, Any]:
    every = [(t, r) for t, rows in records.items() for r in rows]
    placeable = records["sites"] + records["cameras"]
    cameras = records["cameras"]
    photographed = sum(photos.get(c["id"], 0) >= scale.photos_per_camera for c in cameras)
    positioned = sum(r["lat"] is not None and r["lon"] is not None for r in placeable)
    fields = _mean([100 * completeness(t, r) for t, r in every])
    shares = [
        s
        for s in (
            fields,
            _percent(photographed, len(cameras)),
            _percent(positioned, len(placeable)),
        )
        if s is not None
    ]
    return {
        "records": len(every),
        "required_fields": fields,
        "cameras": len(cameras),
        "photos": sum(photos.get(c["id"], 0) for c in cameras),
        "photographed": photographed,
        "positioned": positioned,
        "placeable": len(placeable),
        "completeness": _mean(shares),
        "_records": every,
    }


def _quality(
    records: list[tuple[str, dict[str, Any]]],
    reviews: dict[tuple[str, str], list[str]],
    duplicates: set[str],
) -> dict[str, Any]:
    decisions = [reviews[(t, r["id"])] for t, r in records if (t, r["id"]) in reviews]
    first = sum(d[0] == ReviewState.APPROVED for d in decisions)
    revised = sum(ReviewState.NEEDS_REVISION in d for d in decisions)
    rejected = sum(d[-1] == ReviewState.REJECTED for d in decisions)
    placeable = [r["id"] for t, r in records if t in ("sites", "cameras")]
    duplicated = sum(i in duplicates for i in placeable)
    quality = None
    if decisions:
        share = 100 * first / len(decisions) - 100 * duplicated / max(1, len(placeable))
        quality = round(max(0.0, share), 1)
    return {
        "reviewed": len(decisions),
        "approved_first_time": first,
        "needed_revision": revised,
        "rejected": rejected,
        "duplicates": duplicated,
        "quality": quality,
    }


def _grade(card: dict[str, Any], scale: GradingScale) -> None:
    scored = [(scale.weight(c), card[c]) for c in CRITERIA if card[c] is not None]
    if not card["records"] and not card["late"]:
        scored = []  # nothing recorded and nothing late: nothing to grade yet
    weight = sum(w for w, _ in scored)
    card["score"] = round(sum(w * s for w, s in scored) / weight, 1) if weight else None
    card["grade"] = scale.grade(card["score"])
