"""The models of security model showcases, one module a concept:

- `pages`: the `ModelType` snippet, the section and the showcase page;
- `records`: what a showcase records over time (lifecycle, replication points, figure series);
- `criteria`: versioned criteria sets ("Bộ tiêu chí") a dossier is held against;
- `dossiers`: a model's dossier (documents, evaluations), admin only.
"""

from models_showcase.models.criteria import CriteriaSet, Criterion, RequiredDocument
from models_showcase.models.dossiers import Dossier, DossierDocument, Evaluation, EvaluationScore
from models_showcase.models.pages import (
    Funding,
    ModelShowcasePage,
    ModelType,
    ShowcaseIndexPage,
    ShowcaseStatus,
)
from models_showcase.models.records import (
    FigureValue,
    LifecycleEvent,
    LifecycleStage,
    Metric,
    PointStatus,
    ReplicationPoint,
)

__all__ = [
    "CriteriaSet",
    "Criterion",
    "Dossier",
    "DossierDocument",
    "Evaluation",
    "EvaluationScore",
    "FigureValue",
    "Funding",
    "LifecycleEvent",
    "LifecycleStage",
    "Metric",
    "ModelShowcasePage",
    "ModelType",
    "PointStatus",
    "ReplicationPoint",
    "RequiredDocument",
    "ShowcaseIndexPage",
    "ShowcaseStatus",
]
