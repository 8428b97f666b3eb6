"""`--to xbrl-json`: the facts as an xBRL-JSON report (OIM, https://xbrl.org/2021/xbrl-json).

- ``documentInfo.documentType`` is ``https://xbrl.org/2021/xbrl-json``; every prefix used
  (concepts, units, the entity scheme) is declared in ``documentInfo.namespaces``;
  ``documentInfo.taxonomy`` names the filing's extension schema by a relative URL
  (``inno-20030213.xsd``), which imports the us-gaap subset by its official URL.
- Companion files: the extension taxonomy is not in this stream. `companions(filing)` returns
  it (file name -> bytes) to be written beside the report; the same files sit in the `.xbr`
  report package of `--to xbrl`.
- Values are strings, decimals are integers, a nil fact's value is null.
- Periods are full date-times with an exclusive end: the model's inclusive end date
  2002-11-30 becomes ``2002-12-01T00:00:00``, so an instant 2002-11-30 is
  ``2002-12-01T00:00:00`` and a year is ``2001-12-02T00:00:00/2002-12-01T00:00:00``.

Validate offline with Arelle's loadFromOIM plugin and our taxonomy package:

    arelleCmdLine --plugins loadFromOIM --file report.xbrl.json \\
        --packages us-gaap-2019-subset.zip --validate --workOffline --calc c11r --utr
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any, BinaryIO

from converter.model import Filing, Period
from exporters import _xbrl_common as common
from exporters._xbrl_taxonomy import extension_files, schema_name
from exporters.base import gc_paused
from taxonomy.package import XBRLI

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"
XBRL_OIM = "https://xbrl.org/2021"
ENTITY_PREFIXES = {
    common.CIK_SCHEME: "cik",
    common.TICKER_SCHEME: "ticker",
    common.SHA256_SCHEME: "sha256",
}


def _moment(d: date) -> str:
    """The instant at the end of day `d`: midnight starting the next day."""
    return f"{(d + timedelta(days=1)).isoformat()}T00:00:00"


def period_text(p: Period) -> str:
    if p.start is None:
        return _moment(p.end)
    return f"{p.start.isoformat()}T00:00:00/{_moment(p.end)}"


def document(filing: Filing, who: common.Entity) -> dict[str, Any]:
    """The xBRL-JSON document as plain data."""
    namespaces = {
        "xbrl": XBRL_OIM,
        "xbrli": XBRLI,
        "iso4217": common.ISO4217,
        **common.namespaces(filing),
    }
    scheme = ENTITY_PREFIXES.get(who.scheme, "scheme")
    namespaces[scheme] = who.scheme
    common.extension_concepts(filing)  # fail early on an undefined extension concept
    facts: dict[str, Any] = {}
    for fact, fid in zip(filing.facts, common.fact_ids(filing), strict=True):
        out: dict[str, Any] = {
            "value": None if fact.value is None else common.decimal_text(fact.value),
        }
        if fact.value is not None:
            out["decimals"] = fact.decimals
        out["dimensions"] = {
            "concept": fact.concept,
            "entity": f"{scheme}:{who.identifier}",
            "period": period_text(fact.period),
            "unit": common.measures_json(fact.unit),
        }
        facts[fid] = out
    return {
        "documentInfo": {
            "documentType": DOCUMENT_TYPE,
            "namespaces": namespaces,
            "taxonomy": [schema_name(filing)],
        },
        "facts": facts,
    }


class XbrlJsonExporter:
    name = "xbrl-json"
    suffix = ".xbrl.json"

    def __init__(self, entity_scheme: str | None = None, entity_id: str | None = None) -> None:
        self.entity_scheme = entity_scheme
        self.entity_id = entity_id

    @gc_paused
    def write(self, filing: Filing, stream: BinaryIO) -> None:
        who = common.entity(filing, self.entity_scheme, self.entity_id)
        text = json.dumps(document(filing, who), indent=2, ensure_ascii=False)
        stream.write(text.encode("utf-8") + b"\n")

    def companions(self, filing: Filing) -> dict[str, bytes]:
        """The extension taxonomy the report refers to: file name -> bytes."""
        return extension_files(filing)
